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

        /// The indices; progress counts the design's rows evaluated.
        public func run(_ execution: Execution) -> SobolAnalysis.Estimate {
            analysis.run(samples: samples, seed: execution.seed, threads: execution.threads, progress: execution.progress)
        }

        public var arguments: [String] { ["--samples \(samples)"] }
        public var units: Int { analysis.rowCount(samples: samples) }

        public func evaluate(_ units: Range<Int>, seed: UInt64, threads: Int) -> [[Double]] {
            analysis.evaluate(samples: samples, seed: seed, threads: threads, rows: units)
        }

        public func payload(_ partial: [[Double]], units: Range<Int>) throws -> String {
            String(decoding: try JSONEncoder().encode(partial), as: UTF8.self)
        }

        public func partial(of part: PartFile.Reader) throws -> [[Double]] {
            try PartPayloads.sobolValues(part, targets: analysis.scenario.targets.count)
        }

        public func merged(_ partials: [[[Double]]], seed: UInt64) -> MergedAnalysis {
            // Every row's values, in row order, then the indices as one process estimates them.
            var f = [[Double]](repeating: [], count: analysis.scenario.targets.count)
            for partial in partials {
                for (j, values) in partial.enumerated() { f[j] += values }
            }
            let estimate = analysis.estimate(f, samples: samples, seed: seed)
            return MergedAnalysis(fileName: "sobol.csv", csv: SobolReport.csv(analysis, estimate)) { provenance, labels, top in
                try ExcelReport.sobol(analysis, estimate, top: top, provenance: provenance, labels: labels)
            }
        }
    }
}
