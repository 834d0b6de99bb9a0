import Foundation
import PilotModel
import PilotReport
import Simulator

extension Analyses {
    /// `sobol`: first-order and total Sobol indices; shardable, its units are the rows of the
    /// Saltelli design, and a part carries each target's deciding value at its rows.
    public struct Sobol: Analysis, ShardableAnalysis {
        public static let command = "sobol"

        public let analysis: GlobalSensitivity
        /// N, the rows of each Saltelli matrix.
        public let samples: Int

        public init(analysis: GlobalSensitivity, samples: Int) {
            (self.analysis, self.samples) = (analysis, samples)
        }

        /// N, the rows of each Saltelli matrix, an analysis takes: below 100 the indices are
        /// noise; 1,000,000 rows of each matrix take hours.
        public static let sampleRange = 100...1_000_000

        public struct Inputs: Codable, Equatable {
            public let samples: Int

            public init(samples: Int) { self.samples = samples }
        }

        public init(document: ScenarioDocument, overrides: [ScenarioOverride], inputs: Inputs) throws {
            let scenario = try document.scenario(overrides: overrides)
            guard Self.sampleRange.contains(inputs.samples), !scenario.targets.isEmpty else {
                throw AnalysisError.inputs("100 to 1,000,000 samples of a scenario with targets")
            }
            self.init(analysis: GlobalSensitivity(scenario: scenario), samples: inputs.samples)
        }

        /// The indices; progress counts the design's rows evaluated.
        public func run(_ execution: Execution) -> SobolAnalysis.Estimate {
            analysis.run(samples: samples, seed: execution.seed, threads: execution.threads, progress: execution.progress)
        }

        public var inputs: Inputs { Inputs(samples: samples) }
        public var units: Int { analysis.rowCount(samples: samples) }

        /// Each target's deciding value at a shard's design rows: `[target][row]`.
        public func evaluate(_ units: Range<Int>, _ execution: Execution) -> [[Double]] {
            analysis.evaluate(samples: samples, seed: execution.seed, threads: execution.threads, rows: units)
        }

        /// The largest deciding value a part may hold: far beyond any simulation (an amount of
        /// 10³⁰ yuan), small enough that sums of squares over every design row stay finite.
        public static let largestValue = 1e30

        public func damage(in values: [[Double]], units: Range<Int>, seed: UInt64) -> String? {
            let targets = analysis.scenario.targets.count
            guard values.count == targets, values.allSatisfy({ $0.count == units.count }) else { return "expected \(targets) targets × \(units.count) rows" }
            guard values.allSatisfy({ $0.allSatisfy { abs($0) <= Self.largestValue } }) else { return "a value no simulation writes" }
            return nil
        }

        public func merged(_ partials: [[[Double]]], _ execution: Execution) -> MergedAnalysis {
            // Every row's values, in row order, then the indices as one process estimates them.
            var f = [[Double]](repeating: [], count: analysis.scenario.targets.count)
            for partial in partials {
                for (j, values) in partial.enumerated() { f[j] += values }
            }
            let estimate = analysis.estimate(f, samples: samples, seed: execution.seed)
            return MergedAnalysis(fileName: "sobol.csv", csv: SobolReport.csv(analysis, estimate)) { provenance, labels, top in
                try ExcelReport.sobol(analysis, estimate, top: top, provenance: provenance, labels: labels)
            }
        }
    }
}
