import Foundation
import PilotModel
import Simulator

/// The merge of a shardable analysis's parts, whichever analysis made them: the analysis is made
/// again from the first part's header (its scenario, overrides and inputs) and merges them.
public enum ShardMerge {
    /// Every shardable analysis, by the command its parts name. A new shardable analysis is
    /// listed here, and is otherwise defined in its own file.
    static var analyses: [any ShardableAnalysis.Type] {
        [
            Analyses.Sweep.self, Analyses.Tornado.self, Analyses.Sobol.self, Analyses.Compare.self, Analyses.Explain.self, Analyses.Condition.self,
            Analyses.Solve.self,
        ]
    }

    /// The commands whose parts this merges.
    public static var commands: [String] { analyses.map { $0.command } }

    /// The merged result of `ordered`, the parts 1…N of one shardable analysis (checked to belong
    /// together), made again from `document` with `overrides` — the scenario the parts carry.
    /// - Throws: `PartFileError` for parts of no shardable analysis, inputs the analysis does
    ///   not take, or a damaged partial result.
    public static func merge(
        _ ordered: [PartFile.Reader], document: ScenarioDocument, overrides: [ScenarioOverride], threads: Int
    ) throws -> MergedAnalysis {
        let header = ordered[0].header
        guard let analysis = analyses.first(where: { $0.command == header.command }) else {
            throw PartFileError(ordered[0].path, "a part of '\(header.command)'; expected parts of run, \(commands.joined(separator: ", "))")
        }
        return try merge(analysis, ordered, document: document, overrides: overrides, threads: threads)
    }

    private static func merge<Shardable: ShardableAnalysis>(
        _ type: Shardable.Type, _ ordered: [PartFile.Reader], document: ScenarioDocument, overrides: [ScenarioOverride], threads: Int
    ) throws -> MergedAnalysis {
        let header = ordered[0].header, path = ordered[0].path
        guard let inputs = try? JSONDecoder().decode(Shardable.Inputs.self, from: Data(header.inputs.utf8)) else {
            throw PartFileError(path, "its inputs are not those of \(Shardable.command); write the parts again")
        }
        let analysis: Shardable
        do {
            analysis = try Shardable(document: document, overrides: overrides, inputs: inputs)
        } catch let error as AnalysisError {
            throw PartFileError(path, "its inputs are not ones \(Shardable.command) takes: \(error.description)")
        }
        guard analysis.units == header.totalRuns else {
            throw PartFileError(path, "\(header.totalRuns) units in all; its scenario and inputs make \(analysis.units)")
        }
        return try analysis.merge(ordered, threads: threads)
    }
}
