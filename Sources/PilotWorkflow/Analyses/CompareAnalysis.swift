import Foundation
import PilotModel
import PilotReport
import Simulator

extension Analyses {
    /// `compare`: two plans with the same seed and run indices, and the paired difference of each
    /// target's P(met); shardable, its units are the runs, and a part carries each target's
    /// deciding value in its runs under both plans.
    public struct Compare: Analysis, ShardableAnalysis {
        public static let command = "compare"

        /// Runs of each plan when a front end is not told (the command line's `compare`, the desk).
        public static let defaultRuns = 10_000

        public struct Inputs: Codable, Equatable {
            /// Runs of each plan; the particles' count when the plans run on a conditioned sample.
            public let runs: Int
            /// Plan B's file when it is not A's: its name and text.
            public let b: CarriedFile?
            /// B's own overrides (`--b-set`), applied after those both plans take.
            public let bOverrides: [String]

            public init(runs: Int, b: CarriedFile? = nil, bOverrides: [String] = []) {
                (self.runs, self.b, self.bOverrides) = (runs, b, bOverrides)
            }
        }

        public let a: Scenario, b: Scenario
        public let inputs: Inputs
        /// A's conditioned particles, on which both plans run (B may change only what acts after
        /// the last reported month), or nil for the plan-time view (and shards).
        public var sample: ConditionedSample?
        /// What plan B's result keeps besides the summary and each run's target values (which
        /// both plans keep: the comparison pairs them); a page that draws B's fan charts keeps its
        /// months.
        public var keep: MonteCarlo.Keep = .targetValues
        /// With `.monthlyQuantiles` in `keep`: the metrics whose monthly quantiles B keeps (all
        /// when nil; a page selects those it draws).
        public var monthlyMetrics: Set<Metric>?

        /// Plan A is `document` with `overrides`; plan B is `inputs.b` (else the same document)
        /// with `overrides`, then `inputs.bOverrides`.
        /// - Throws: `ScenarioValidationError` for a plan that is not a valid scenario (B's
        ///   overrides located as `--b-set`), `AnalysisError.inputs` for runs out of range.
        public init(document: ScenarioDocument, overrides: [ScenarioOverride], inputs: Inputs) throws {
            guard Analyses.runRange.contains(inputs.runs) else { throw AnalysisError.inputs("1 to 10,000,000 runs") }
            let documentB = try inputs.b.map { try ScenarioDocument(text: $0.text, file: $0.name) } ?? document
            a = try document.scenario(overrides: overrides)
            b = try documentB.scenario(overrides: overrides + inputs.bOverrides.map { try ScenarioOverride($0, source: "--b-set") })
            self.inputs = inputs
        }

        /// Runs of each plan; the particles' count when `sample` is given.
        public var runs: Int { inputs.runs }

        /// The runs each plan has.
        public var runCount: Int { sample?.count ?? runs }

        public var units: Int { runs }

        /// - Throws: `ConditionedSample.Refusal` when B changes what the figures fix.
        public func run(_ execution: Execution) throws -> Comparison {
            try results(execution).comparison
        }

        /// Both plans' results and their comparison.
        /// - Parameter planA: plan A's result from an earlier comparison of the same plan A,
        ///   runs, seed and sample (a front end that answers many changes to one plan keeps it),
        ///   taken instead of simulating A again; one of other runs or another seed is not taken.
        ///   When it kept its parameter values (`planA(_:keepingDraws:)`), B takes those it draws
        ///   alike rather than drawing them again.
        /// - Throws: `ConditionedSample.Refusal` when B changes what the figures fix.
        public func results(_ execution: Execution, planA: SimulationResult? = nil) throws -> (a: SimulationResult, b: SimulationResult, comparison: Comparison)
        {
            if let sample { try sample.check(b) }
            let total = runCount
            let knownA = planA.flatMap { $0.runs == total && $0.seed == execution.seed && $0.targetValues.count == a.targets.count ? $0 : nil }
            let planRuns = knownA == nil ? 2 * total : total
            // Progress counts the runs simulated: A's (unless known), then B's.
            let resultA =
                knownA
                ?? self.planA(Execution(seed: execution.seed, threads: execution.threads) { done, all in execution.progress(done * total / all, planRuns) })
            var planB = Run(scenario: b, runs: runs, keep: keep.union(.targetValues), sample: sample)
            planB.monthlyMetrics = monthlyMetrics
            planB.knownDraws = resultA
            let resultB = planB.run(
                Execution(seed: execution.seed, threads: execution.threads) { done, all in
                    execution.progress(planRuns - total + done * total / all, planRuns)
                })
            return (resultA, resultB, Comparison(a: resultA, b: resultB))
        }

        /// Plan A's result as `results` simulates it (each run's target values), for a front end
        /// to keep; `keepingDraws`: with its parameter values too (8 bytes a run for each uncertain
        /// parameter; 456 bytes for the baseline), which B's simulation then takes.
        public func planA(_ execution: Execution, keepingDraws: Bool = false) -> SimulationResult {
            Run(scenario: a, runs: runs, keep: keepingDraws ? [.targetValues, .parameterValues] : .targetValues, sample: sample).run(execution)
        }

        /// Each target's deciding value in a shard's runs, under A and under B (run indices as in
        /// one process, so the pairs are the same).
        public struct Partial: Codable {
            /// Per target of the plan, in scenario order: the value in each of the shard's runs.
            public let a: [[Double]], b: [[Double]]
        }

        public func evaluate(_ units: Range<Int>, _ execution: Execution) -> Partial {
            func values(_ scenario: Scenario) -> [[Double]] {
                MonteCarlo(scenario: scenario, seed: execution.seed, threads: execution.threads, keep: .targetValues)
                    .run(indices: units, eachBlock: { _ in }).targetValues
            }
            return Partial(a: values(a), b: values(b))
        }

        public func damage(in partial: Partial, units: Range<Int>, seed: UInt64) -> String? {
            for (plan, values, targets) in [("A", partial.a, a.targets.count), ("B", partial.b, b.targets.count)] {
                guard values.count == targets else { return "\(values.count) targets of plan \(plan); expected \(targets)" }
                guard values.allSatisfy({ $0.count == units.count }) else {
                    return "a target of plan \(plan) has not one value for each of \(units.count) runs"
                }
                guard values.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return "plan \(plan) has values no run gives" }
            }
            return nil
        }

        public func merged(_ partials: [Partial], _ execution: Execution) -> MergedAnalysis {
            func joined(_ values: [[[Double]]], targets: Int) -> [[Double]] {
                (0..<targets).map { j in Array(values.map { $0[j] }.joined()) }
            }
            let comparison = Comparison(
                a: a, b: b, runs: runs, targetValuesA: joined(partials.map(\.a), targets: a.targets.count),
                targetValuesB: joined(partials.map(\.b), targets: b.targets.count))
            let changes = inputs.bOverrides.map { " · --b-set \($0)" }.joined()
            return MergedAnalysis(fileName: "compare.csv", csv: CompareReport.csv(comparison)) { provenance, labels, _ in
                try ExcelReport.comparison(
                    comparison, a: provenance.scenario, b: (inputs.b?.name ?? provenance.scenario) + changes, provenance: provenance, labels: labels)
            }
        }
    }
}
