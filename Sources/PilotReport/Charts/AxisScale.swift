import Foundation

/// A map from values to pixels with "nice" ticks: linear (steps of 1, 2 or 5 × 10ᵏ) or
/// logarithmic (ticks at 1, 2 and 5 × 10ᵏ, or whole powers of ten over many decades).
struct AxisScale {
    let domain: ClosedRange<Double>
    let pixels: ClosedRange<Double>
    /// Reversed for a y axis: the domain's low end at the bottom (`pixels.upperBound`).
    let reversed: Bool
    let ticks: [Double]
    /// Positions are proportional to log₁₀ of the value; values below the domain sit at its bottom.
    let logarithmic: Bool

    /// A scale whose domain is widened to whole ticks around `values` (and 0, when `fromZero`).
    init(covering values: [Double], pixels: ClosedRange<Double>, reversed: Bool, fromZero: Bool, targetTicks: Int = 5) {
        var low = values.min() ?? 0, high = values.max() ?? 1
        if fromZero { low = min(low, 0) }
        if high <= low { high = low + 1 }
        let step = Self.niceStep((high - low) / Double(targetTicks))
        let first = (low / step).rounded(.down) * step, last = (high / step).rounded(.up) * step
        domain = first...last
        self.pixels = pixels
        self.reversed = reversed
        logarithmic = false
        ticks = stride(from: first, through: last + step / 2, by: step).map { abs($0) < step * 1e-9 ? 0 : $0 }
    }

    /// A logarithmic scale over whole decades around the positive `values`, with ticks at 1, 2
    /// and 5 × 10ᵏ when they are at least `tickSpacing` pixels apart (labels side by side on a
    /// horizontal axis need more room than stacked ones), at whole powers of ten otherwise.
    init(logCovering values: [Double], pixels: ClosedRange<Double>, reversed: Bool, tickSpacing: Double = 0) {
        let positive = values.filter { $0 > 0 }
        let low = (log10(positive.min() ?? 1)).rounded(.down), high = max(low + 1, (log10(positive.max() ?? 10)).rounded(.up))
        let domain = pow(10, low)...pow(10, high)
        self.domain = domain
        self.pixels = pixels
        self.reversed = reversed
        logarithmic = true
        let spacing = (pixels.upperBound - pixels.lowerBound) / (high - low) / 3
        let multiples: [Double] = high - low <= 3 && spacing >= tickSpacing ? [1, 2, 5] : [1]
        ticks = stride(from: low, through: high, by: 1).flatMap { e in multiples.map { $0 * pow(10, e) } }.filter { domain.contains($0) }
    }

    /// A scale over exactly `domain`, with nice ticks inside it.
    init(domain: ClosedRange<Double>, pixels: ClosedRange<Double>, reversed: Bool, targetTicks: Int = 5) {
        self.domain = domain
        self.pixels = pixels
        self.reversed = reversed
        logarithmic = false
        let step = Self.niceStep((domain.upperBound - domain.lowerBound) / Double(targetTicks))
        let first = (domain.lowerBound / step).rounded(.up) * step
        ticks = stride(from: first, through: domain.upperBound + step * 1e-9, by: step).map { abs($0) < step * 1e-9 ? 0 : $0 }
    }

    /// The smallest step of 1, 2 or 5 × 10ᵏ at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for multiple in [1.0, 2, 5, 10] where multiple * magnitude >= raw * (1 - 1e-12) {
            return multiple * magnitude
        }
        return 10 * magnitude
    }

    func callAsFunction(_ value: Double) -> Double {
        let t =
            logarithmic
            ? (log10(max(value, domain.lowerBound)) - log10(domain.lowerBound)) / (log10(domain.upperBound) - log10(domain.lowerBound))
            : (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        let span = pixels.upperBound - pixels.lowerBound
        return reversed ? pixels.upperBound - t * span : pixels.lowerBound + t * span
    }
}

/// Coordinates as SVG writes them: two decimals, no exponent.
func svgNumber(_ x: Double) -> String { String(format: "%.2f", x) }
