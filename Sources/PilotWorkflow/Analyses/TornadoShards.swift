import Foundation
import PilotModel
import PilotReport
import Simulator

/// A tornado as a shardable analysis: its units are the uncertain parameters; a part carries
/// each target's bars of its parameters, in parameter order.
public struct TornadoShards: ShardableAnalysis {
    public static let command = "tornado"
    public let tornado: Tornado
    /// Runs of each simulation (a parameter pinned low or high, or nothing pinned).
    public let runs: Int

    public init(tornado: Tornado, runs: Int) {
        (self.tornado, self.runs) = (tornado, runs)
    }

    public var arguments: [String] { ["--low \(tornado.low)", "--high \(tornado.high)", "--runs \(runs)"] }
    public var units: Int { tornado.parameters.count }

    public func evaluate(_ units: Range<Int>, seed: UInt64, threads: Int) -> [[Tornado.Bar]] {
        tornado.bars(of: units, seed: seed, runs: runs, threads: threads)
    }

    public func payload(_ partial: [[Tornado.Bar]], units: Range<Int>) throws -> String {
        // Keys sorted, so that the same shard writes the same bytes in every process.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(partial), as: UTF8.self)
    }

    public func partial(of part: PartFile.Reader) throws -> [[Tornado.Bar]] {
        try PartPayloads.tornadoBars(part, tornado: tornado)
    }

    public func merged(_ partials: [[[Tornado.Bar]]], seed: UInt64) -> MergedAnalysis {
        // Every parameter's bars, in parameter order, sorted by swing as one process sorts them.
        var bars = [[Tornado.Bar]](repeating: [], count: tornado.scenario.targets.count)
        for partial in partials {
            for (j, shardBars) in partial.enumerated() { bars[j] += shardBars }
        }
        let sorted = Tornado.sorted(bars)
        return MergedAnalysis(fileName: "tornado.csv", csv: TornadoReport.csv(tornado.scenario, sorted)) { provenance, labels, top in
            try ExcelReport.tornado(sorted, scenario: tornado.scenario, top: top, provenance: provenance, labels: labels)
        }
    }
}
