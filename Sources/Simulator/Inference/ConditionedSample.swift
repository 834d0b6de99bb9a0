import Foundation
import PilotModel

/// The conditioned particles as the runs of any analysis (docs/model.md §8): what the reported
/// figures fixed — the informed parameters' values and the month keys of the streams that feed a
/// reported metric — and a continuation key of each particle's own for everything else.
///
/// A variant of the conditioned scenario (a compare's B, a sweep point, a pinned tornado value)
/// runs on the same particles with common random numbers: each parameter the figures informed
/// takes the particle's value; every other parameter is drawn from the variant's own distribution
/// from a stream keyed by (continuation key, the parameter's stream name), so that a parameter the
/// variant leaves alone keeps its draw, and a parameter it adds draws its own. A variant that
/// changes anything before the last reported month would need conditioning again: `check(_:)`
/// refuses it and names the months.
public struct ConditionedSample: Sendable {
    public let scenario: Scenario
    public let observations: [Observation]
    /// The stream names of the informed parameters, and each particle's values of them.
    let informedNames: [String]
    let informedValues: [[Double]]
    let continuationKeys: [UInt64]
    let monthKeys: [[UInt64]]
    let reportedMetrics: [Metric]
    /// Months fixed by the figures: through the last reported month.
    public let monthLimit: Int

    public var count: Int { continuationKeys.count }

    /// Whether the figures inform `parameter` (it acts on a month through the last reported one).
    public func informs(_ parameter: ParameterSpec) -> Bool { informedNames.contains(parameter.streamKeyText) }
    /// The last reported month.
    public var lastReportedMonth: Month { scenario.calendar.month(at: monthLimit - 1) }

    init(setup: ConditioningSetup, observations: [Observation], populations: [ConditionedPopulation]) {
        scenario = setup.scenario
        self.observations = observations
        let informed = setup.relevant.map { setup.space.parameters[$0] }
        informedNames = informed.map { setup.scenario.parameters[$0].streamKeyText }
        var values: [[Double]] = [], continuation: [UInt64] = [], keys: [[UInt64]] = []
        for population in populations {
            var row = setup.space.constants
            for i in 0..<population.n {
                setup.space.fill(&row, from: population.eps[i], coordinates: setup.relevant)
                values.append(informed.map { row[$0] })
                continuation.append(StreamSeeding.streamKey(runKey: population.slotKeys[i], name: SMCPopulation.Names.continuation))
                keys.append(population.monthKeys[i])
            }
        }
        informedValues = values
        continuationKeys = continuation
        monthKeys = keys
        reportedMetrics = setup.reportedMetrics
        monthLimit = setup.monthLimit
    }

    /// The inputs of the particles' runs under `variant` (the conditioned scenario itself, or one
    /// that `check` accepted), for `MonteCarlo`.
    func inputs(for variant: Scenario) -> @Sendable () -> (_ row: Int, _ values: inout [Double]) -> RunNoise {
        let space = CopulaSpace(variant)
        // Each uncertain parameter of the variant: the particle's value (by its place among the
        // informed), or a fresh draw from its own stream.
        let places = places(in: variant), sample = self
        let informed = Set(places.map(\.parameter))
        let free = space.parameters.indices.filter { !informed.contains(space.parameters[$0]) }
        let names = space.parameters.map { StreamSeeding.name(of: variant.parameters[$0].streamKeyText) }
        return {
            let random = RandomSource(key: 0)
            var eps = [Double](repeating: 0, count: space.dimension)
            return { row, values in
                values = space.constants
                for j in free {
                    random.select(key: StreamSeeding.streamKey(runKey: sample.continuationKeys[row], name: names[j]))
                    eps[j] = random.standardNormal()
                }
                space.fill(&values, from: eps, coordinates: free)
                sample.fill(&values, particle: row, places: places)
                return sample.noise(particle: row, runKey: sample.continuationKeys[row])
            }
        }
    }

    /// For each informed parameter of `variant`: (its index in `variant.parameters`, its place
    /// among the particle's informed values).
    func places(in variant: Scenario) -> [(parameter: Int, place: Int)] {
        variant.parameters.indices.compactMap { i in informedNames.firstIndex(of: variant.parameters[i].streamKeyText).map { (i, $0) } }
    }

    /// Sets the informed parameters of particle `particle` (at `places`, from `places(in:)`).
    func fill(_ values: inout [Double], particle: Int, places: [(parameter: Int, place: Int)]) {
        for (i, place) in places { values[i] = informedValues[particle][place] }
    }

    /// Particle `particle`'s month keys for the reported months, with `runKey` for the rest.
    func noise(particle: Int, runKey: UInt64) -> RunNoise {
        RunNoise(runKey: runKey, monthKeys: monthKeys[particle], pinnedMetrics: reportedMetrics)
    }

    /// Why `variant` cannot run on these particles: a change that acts on the reported months.
    public struct Refusal: Error, Sendable {
        /// The parameters changed before the last reported month (key paths), if any.
        public let parameters: [String]
        /// The months whose simulated values the change alters, through the last reported month.
        public let months: [Month]
        public let lastReportedMonth: Month
    }

    /// Accepts a variant that leaves every month through the last reported one as the figures
    /// fixed it: the same parameters there, with the same distributions, and the same simulated
    /// values on the first particles (which catches counts, months and structure).
    public func check(_ variant: Scenario) throws {
        let milestones = Set(observations.compactMap { if case .milestone(let name) = $0.metric { name } else { nil } })
        let ownByName = Dictionary(scenario.parameters.map { ($0.streamKeyText, $0.distribution) }, uniquingKeysWith: { a, _ in a })
        let changedIndices = variant.parametersUsed(inFirst: monthLimit, milestones: milestones).sorted().filter { i in
            ownByName[variant.parameters[i].streamKeyText] != variant.parameters[i].distribution
        }
        let changed = changedIndices.map { variant.parameters[$0].keyPath }
        // A changed parameter alters every month from the first it acts in through the last reported one.
        var months: Set<Int> = []
        for i in changedIndices {
            if let first = (1...monthLimit).first(where: { variant.parametersUsed(inFirst: $0, milestones: milestones).contains(i) }) {
                months.formUnion((first - 1)..<monthLimit)
            }
        }
        if variant.calendar.start != scenario.calendar.start || variant.calendar.monthCount < monthLimit
            || variant.metrics.prefix(Metric.fixed.count) != scenario.metrics.prefix(Metric.fixed.count)
        {
            months = Set(0..<monthLimit)
        } else if changed.isEmpty {
            let probe = min(count, 64)
            let own = RunEvaluator(scenario), other = RunEvaluator(variant)
            let ownInputs = inputs(for: scenario)(), otherInputs = inputs(for: variant)()
            var ownValues = [Double](repeating: 0, count: scenario.parameters.count)
            var otherValues = [Double](repeating: 0, count: variant.parameters.count)
            let columns = scenario.metrics.indices.filter { variant.metrics.contains(scenario.metrics[$0]) }
            for row in 0..<probe {
                let ownNoise = ownInputs(row, &ownValues), otherNoise = otherInputs(row, &otherValues)
                own.simulate(ownValues, noise: ownNoise, monthLimit: monthLimit)
                other.simulate(otherValues, noise: otherNoise, monthLimit: monthLimit)
                for t in 0..<monthLimit where !months.contains(t) {
                    for c in columns {
                        let o = variant.metrics.firstIndex(of: scenario.metrics[c])!
                        if own.metric(c, month: t) != other.metric(o, month: t) {
                            months.insert(t)
                            break
                        }
                    }
                }
            }
        }
        guard changed.isEmpty && months.isEmpty else {
            throw Refusal(
                parameters: changed, months: months.sorted().map { scenario.calendar.month(at: $0) },
                lastReportedMonth: lastReportedMonth)
        }
    }
}
