import Foundation
import PilotModel
import PilotReport
import Simulator

/// An analysis whose units of work (points, parameters, design rows) shards do apart and
/// `merge` joins, defined once by this protocol: writing a shard's part file and merging the
/// parts follow from it for every analysis (`writePart`, `merge`). Runs, streamed record by
/// record, have their own part format (`PartFile.write(_:to:)`).
public protocol ShardableAnalysis {
    /// A shard's partial result: what its part file carries.
    associatedtype Partial
    /// The command whose parts these are, as part headers name it.
    static var command: String { get }
    /// The arguments a part header records: with the scenario, enough to make the analysis again.
    var arguments: [String] { get }
    /// Its units of work in all.
    var units: Int { get }
    /// Evaluates `units` (a shard's), the same as in one process.
    func evaluate(_ units: Range<Int>, seed: UInt64, threads: Int) -> Partial
    /// A partial as the text of a part file.
    func payload(_ partial: Partial, units: Range<Int>) throws -> String
    /// A part's partial, read back and checked against what this analysis writes for its units.
    func partial(of part: PartFile.Reader) throws -> Partial
    /// The whole result from every shard's partial, in shard order, as one process writes it.
    func merged(_ partials: [Partial], seed: UInt64) -> MergedAnalysis
}

/// What the merge of an analysis's parts writes: its CSV, byte for byte one process's `--out`
/// file, and its workbook.
public struct MergedAnalysis {
    public let fileName: String
    public let csv: String
    /// The workbook for the merge's provenance, in a language, charting at most `top` inputs.
    public let workbook: (_ provenance: Provenance, _ labels: Labels, _ top: Int) throws -> Data
}

/// Where a shard's part comes from, as its header records it.
public struct PartOrigin {
    public let commandLine: String, scenario: String, scenarioText: String, overrides: [String]

    public init(commandLine: String, scenario: String, scenarioText: String, overrides: [String]) {
        (self.commandLine, self.scenario, self.scenarioText, self.overrides) = (commandLine, scenario, scenarioText, overrides)
    }
}

extension ShardableAnalysis {
    /// Evaluates shard `shard` of `shards` and writes its part file into `directory`.
    public func writePart(shard: Int, of shards: Int, seed: UInt64, threads: Int, origin: PartOrigin, into directory: String) throws {
        let units = PartFile.runs(shard: shard, of: shards, total: self.units)
        let header = PartFile.header(
            command: Self.command, commandLine: origin.commandLine, scenario: origin.scenario, scenarioText: origin.scenarioText,
            overrides: origin.overrides, arguments: arguments, seed: seed, total: self.units, shard: shard, of: shards, units: units)
        try PartFile.write(text: try payload(evaluate(units, seed: seed, threads: threads), units: units), header: header, into: directory)
    }

    /// The merged result of `parts` (shards 1…N of this analysis, in order), each checked.
    public func merge(_ parts: [PartFile.Reader], seed: UInt64) throws -> MergedAnalysis {
        merged(try parts.map(partial(of:)), seed: seed)
    }
}
