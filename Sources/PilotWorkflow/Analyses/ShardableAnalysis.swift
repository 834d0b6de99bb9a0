import Foundation
import PilotModel
import PilotReport
import Simulator

/// An analysis whose units of work (points, parameters, design rows) shards do apart and
/// `merge` joins, defined once by this protocol: its inputs, recorded in each part's header; its
/// units; its partial result, written into the part as JSON and checked when read back; and its
/// merge. Writing a part (`writePart`) and merging parts (`ShardMerge`) follow for every
/// conformance. Runs, streamed record by record, have their own part format
/// (`PartFile.write(_:to:)`).
public protocol ShardableAnalysis: Analysis {
    /// What a part header records besides the scenario: with it, enough to make the analysis again.
    associatedtype Inputs: Codable, Equatable
    /// A shard's partial result: what its part file carries.
    associatedtype Partial: Codable
    /// The command whose parts these are, as part headers name it.
    static var command: String { get }
    var inputs: Inputs { get }
    /// The analysis again, from the scenario document and overrides its parts record and their
    /// inputs; throws when the inputs are not ones the analysis takes.
    init(document: ScenarioDocument, overrides: [ScenarioOverride], inputs: Inputs) throws
    /// Its units of work in all.
    var units: Int { get }
    /// Evaluates `units` (a shard's), the same as in one process.
    func evaluate(_ units: Range<Int>, _ execution: Execution) -> Partial
    /// What is wrong with a partial read back for `units` with `seed`, or nil when it is what
    /// this analysis writes for them (the right count of values, in order, each one it can produce).
    func damage(in partial: Partial, units: Range<Int>, seed: UInt64) -> String?
    /// The whole result from every shard's partial, in shard order, as one process writes it
    /// with the execution's seed (on its threads, which change no result).
    /// - Throws: what finishing the analysis from the partials can meet (a solve's further values).
    func merged(_ partials: [Partial], _ execution: Execution) throws -> MergedAnalysis
}

/// What the merge of an analysis's parts writes: the files of one process's `--out`, byte for
/// byte, and its workbook.
public struct MergedAnalysis {
    /// The files by name, in the order one process lists them (the merge adds manifest.json).
    public let files: [(name: String, contents: String)]
    /// The reported figures the analysis was conditioned on (their file and its SHA-256), for
    /// the merge's provenance; nil for the plan-time view.
    public let observed: (source: String, sha256: String)?
    /// The runs the files describe, as their manifest records them, when they are not the units
    /// (the particles of a conditioning, not its populations); nil: the units.
    public let runs: Int?
    /// What a person must be told of the merged result, in a language (a conditioning's sampler
    /// warnings), as the command that makes it in one process prints them.
    public let warnings: (Labels) -> [String]
    /// The workbook for the merge's provenance, in a language, charting at most `top` inputs;
    /// nil for an analysis that has none (explain).
    public let workbook: ((_ provenance: Provenance, _ labels: Labels, _ top: Int) throws -> Data)?

    public init(
        files: [(name: String, contents: String)], observed: (source: String, sha256: String)? = nil, runs: Int? = nil,
        warnings: @escaping (Labels) -> [String] = { _ in [] }, workbook: ((_ provenance: Provenance, _ labels: Labels, _ top: Int) throws -> Data)?
    ) {
        (self.files, self.observed, self.runs, self.warnings, self.workbook) = (files, observed, runs, warnings, workbook)
    }

    /// The merge of an analysis whose `--out` is one CSV file.
    public init(fileName: String, csv: String, workbook: ((_ provenance: Provenance, _ labels: Labels, _ top: Int) throws -> Data)?) {
        self.init(files: [(fileName, csv)], workbook: workbook)
    }
}

/// Where a shard's part comes from, as its header records it.
public struct PartOrigin {
    public let commandLine: String, scenario: String, scenarioText: String, overrides: [String]

    public init(commandLine: String, scenario: String, scenarioText: String, overrides: [String]) {
        (self.commandLine, self.scenario, self.scenarioText, self.overrides) = (commandLine, scenario, scenarioText, overrides)
    }
}

extension ShardableAnalysis {
    /// Evaluates shard `shard` of `shards` and writes its part file into `directory`: the header
    /// with the analysis's inputs, and the partial result as JSON.
    public func writePart(shard: Int, of shards: Int, _ execution: Execution, origin: PartOrigin, into directory: String) throws {
        let units = PartFile.runs(shard: shard, of: shards, total: self.units)
        let header = PartFile.header(
            command: Self.command, commandLine: origin.commandLine, scenario: origin.scenario, scenarioText: origin.scenarioText,
            overrides: origin.overrides, inputs: try PartFile.json(inputs), seed: execution.seed, total: self.units, shard: shard, of: shards,
            units: units)
        try PartFile.write(text: try PartFile.json(evaluate(units, execution)), header: header, into: directory)
    }

    /// A part's partial result, read back and checked against what this analysis writes for the
    /// part's units.
    func partial(of part: PartFile.Reader) throws -> Partial {
        let damaged = { (problem: String) in
            PartFileError(part.path, at: part.payloadStart, "the \(Self.command) results are damaged: \(problem); write the part again")
        }
        let text = try part.text()
        guard let partial = try? JSONDecoder().decode(Partial.self, from: Data(text.utf8)) else { throw damaged("they are not the results' JSON") }
        if let problem = damage(in: partial, units: part.header.firstRun..<(part.header.firstRun + part.header.runs), seed: part.header.seed) {
            throw damaged(problem)
        }
        return partial
    }

    /// The merged result of `parts` (shards 1…N of this analysis, in order), each checked, on
    /// `threads`.
    public func merge(_ parts: [PartFile.Reader], threads: Int) throws -> MergedAnalysis {
        try merged(try parts.map(partial(of:)), Execution(seed: parts[0].header.seed, threads: threads))
    }
}
