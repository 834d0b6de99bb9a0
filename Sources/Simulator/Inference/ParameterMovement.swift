import PilotModel

/// How far the reported figures moved one uncertain parameter that they can inform.
public struct ParameterMovement: Sendable {
    public let parameter: Int
    /// P5, P50 and P95 before and after conditioning.
    public let prior: [Double], posterior: [Double]
    /// The shift of the median in units of the prior's P5–P95 width, and its Monte Carlo standard
    /// error from the spread between the populations (0 with one population).
    public let shift: Double, shiftSE: Double
    /// The conditioned P5–P95 width over the prior's (below 1: the figures narrowed it; above: widened),
    /// and its standard error between the populations.
    public let widthRatio: Double, widthRatioSE: Double

    /// How much it moved: the larger of the shift and the change of width, each in prior widths.
    public var movement: Double { max(abs(shift), abs(widthRatio - 1)) }
    /// Whether the movement stands out from Monte Carlo noise (beyond 3 standard errors).
    public var isBeyondNoise: Bool { isShiftBeyondNoise || isWidthChangeBeyondNoise }

    /// Whether the median moved by more than 3 standard errors of its shift.
    public var isShiftBeyondNoise: Bool { abs(shift) > 3 * shiftSE }

    /// Whether the P5–P95 width changed by more than 3 standard errors of the ratio: a change of
    /// 2–3%, which a sampler's own noise makes for parameters the figures cannot inform, is not.
    public var isWidthChangeBeyondNoise: Bool {
        abs(widthRatio - 1) > 3 * widthRatioSE
    }
}

extension Conditioning.Result {
    /// The parameters the figures can inform, most moved first.
    public func parameterMovements() -> [ParameterMovement] {
        let width = prior.uncertainParameters.count
        let sizes = chains.map(\.particles)
        func column(_ result: SimulationResult, _ c: Int, rows: Range<Int>) -> [Double] {
            rows.map { result.parameterValues[$0 * width + c] }
        }
        func quantiles(_ values: [Double]) -> [Double] {
            var v = values
            return OrderStatistics.quantiles(&v, at: [0.05, 0.5, 0.95])
        }
        return informedParameters.compactMap { index -> ParameterMovement? in
            guard let c = prior.uncertainParameters.firstIndex(of: index) else { return nil }
            let before = quantiles(column(prior, c, rows: 0..<prior.runs))
            let after = quantiles(column(posterior, c, rows: 0..<posterior.runs))
            let spread = before[2] - before[0]
            guard spread > 0 else { return nil }
            var start = 0
            var shifts: [Double] = [], ratios: [Double] = []
            for size in sizes where size > 0 {
                let q = quantiles(column(posterior, c, rows: start..<(start + size)))
                shifts.append((q[1] - before[1]) / spread)
                ratios.append((q[2] - q[0]) / spread)
                start += size
            }
            let k = Double(shifts.count)
            func se(_ values: [Double]) -> Double { values.count > 1 ? Statistics.meanAndSD(values).sd / k.squareRoot() : 0 }
            return ParameterMovement(
                parameter: index, prior: before, posterior: after,
                shift: (after[1] - before[1]) / spread, shiftSE: se(shifts),
                widthRatio: (after[2] - after[0]) / spread, widthRatioSE: se(ratios))
        }.sorted { $0.movement > $1.movement }
    }
}
