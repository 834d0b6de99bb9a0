import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

extension Pilotsim {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Join the part files of a sharded run, sweep, tornado, sobol, compare, explain, condition or solve (--shard I/N) into the outputs of the whole work.",
            discussion: """
                For run: summary.csv, joint.csv, stages.csv, monthly.csv and runs.csv byte for byte as one process with the same seed and runs \
                would, and manifest.json; for sweep, tornado, sobol, compare, explain and solve: sweep.csv, tornado.csv, \
                sobol.csv, compare.csv, explain.csv or solve.csv, byte for byte their --out file; for condition: the files of \
                its --out directory, byte for byte. Refuses, writing nothing, parts of different scenarios, seeds, run totals or \
                pilotsim versions, a missing or repeated shard, and a truncated part file.

                Defaults: all cores.

                Examples:
                  pilotsim merge parts/part-*-of-8.pilotsim --out merged
                """)

        @Argument(help: "The part files (part-I-of-N.pilotsim), in any order.", completion: .file(extensions: ["pilotsim"]))
        var parts: [String]

        @Option(help: "The directory for the outputs.", completion: .directory)
        var out: String

        @OptionGroup var workbook: WorkbookOption

        @OptionGroup var language: LanguageOption

        @OptionGroup var threads: ThreadsOption

        func validate() throws {
            try OutputFiles.refuseStandardOutput(out, "merge")
            guard !parts.isEmpty else { throw ValidationError("give the part files to merge") }
        }

        func run() throws {
            try reportingFailures {
                let readers = try parts.map { try PartFile.Reader(path: $0) }
                let header = try Self.check(readers.map(\.header), paths: parts)
                let ordered = readers.sorted { $0.header.shard < $1.header.shard }
                let overrides = try header.overrides.map { try ScenarioOverride($0, source: "--set") }
                // Errors in the embedded text are located in the part that carries it.
                let document = try ScenarioDocument(text: header.scenarioText, file: "\(parts[0])#scenario_text")
                if header.command == Analyses.Run.command {
                    try mergeRuns(ordered, header: header, scenario: try document.scenario(overrides: overrides))
                } else {
                    let merged = try ShardMerge.merge(ordered, document: document, overrides: overrides, threads: threads.count)
                    merged.warnings(language.labels).forEach(printError)
                    let provenance = Self.provenance(header, observed: merged.observed)
                    if workbook.xlsx != nil {
                        guard let book = merged.workbook else { throw ValidationError("--xlsx: \(header.command) makes no workbook; merge without --xlsx") }
                        try workbook.write { try book(provenance, language.labels, TopOption.standard) }
                    }
                    let files = merged.files + [try Self.manifest(provenance, header, ordered, runs: merged.runs, files: merged.files.map(\.name))]
                    try OutputFiles(directory: out, files: files).write()
                }
                Console.write(out + "\n")
            }
        }

        /// Joins run parts into the outputs of one run (`Analyses.Run.merge`), with `--xlsx` its workbook.
        private func mergeRuns(_ ordered: [PartFile.Reader], header: PartFile.Header, scenario: Scenario) throws {
            let (result, runsFile) = try Analyses.Run.merge(ordered, scenario: scenario, threads: threads.count, into: out)
            try workbook.write(
                summary: result.summary, monthly: result.monthly, scenario: scenario, provenance: Self.provenance(header), labels: language.labels)
            try RunOutputs.write(result, runs: runsFile, provenance: Self.provenance(header), shardCommandLines: ordered.map(\.header.commandLine), to: out)
        }

        /// The provenance of merged work: the merge's command line, and the parts' scenario,
        /// overrides, seed and (for conditioned work) reported figures.
        static func provenance(_ header: PartFile.Header, observed: (source: String, sha256: String)? = nil) -> Provenance {
            Provenance(
                commandLine: CommandLineText.current(), scenario: header.scenario, scenarioText: header.scenarioText,
                overrides: header.overrides, observed: observed, seed: header.seed)
        }

        /// manifest.json of a merged shardable analysis: the merge's command line, the scenario and
        /// its hash, the overrides, the seed, the runs (else the units) in all, the files, and each
        /// shard's own command line.
        static func manifest(
            _ provenance: Provenance, _ header: PartFile.Header, _ ordered: [PartFile.Reader], runs: Int?, files: [String]
        ) throws -> (name: String, contents: String) {
            var manifest = Manifest(provenance: provenance, runs: runs ?? header.totalRuns, files: files)
            manifest.shardCommandLines = ordered.map(\.header.commandLine)
            return ("manifest.json", try manifest.json())
        }

        /// The header the parts share, after checking that they are the shards 1…N of one simulation.
        static func check(_ headers: [PartFile.Header], paths: [String]) throws -> PartFile.Header {
            let first = headers[0]
            for (header, path) in zip(headers, paths).dropFirst() {
                let differences = [
                    header.pilotsimVersion != first.pilotsimVersion ? "pilotsim \(header.pilotsimVersion), not \(first.pilotsimVersion)" : nil,
                    header.command != first.command ? "command \(header.command), not \(first.command)" : nil,
                    header.scenarioSHA256 != first.scenarioSHA256 || header.overrides != first.overrides ? "another scenario (or --set)" : nil,
                    header.inputs != first.inputs ? "other inputs (\(header.inputs))" : nil,
                    header.seed != first.seed ? "seed \(header.seed), not \(first.seed)" : nil,
                    header.totalRuns != first.totalRuns ? "\(header.totalRuns) runs in all, not \(first.totalRuns)" : nil,
                    header.shards != first.shards ? "\(header.shards) shards, not \(first.shards)" : nil,
                ].compactMap { $0 }
                if let difference = differences.first {
                    throw PartFileError(path, "this part is of another simulation than \(paths[0]): \(difference); expected the shards of one run")
                }
            }
            var seen: [Int: String] = [:]
            for (header, path) in zip(headers, paths) {
                if let other = seen[header.shard] {
                    throw PartFileError(path, "shard \(header.shard) of \(header.shards) is given twice (also \(other)); expected each shard once")
                }
                seen[header.shard] = path
                let expected = PartFile.runs(shard: header.shard, of: header.shards, total: header.totalRuns)
                guard header.firstRun == expected.lowerBound && header.runs == expected.count else {
                    throw PartFileError(
                        path, "shard \(header.shard) holds runs \(header.firstRun)…; expected runs \(expected.lowerBound)..<\(expected.upperBound)")
                }
            }
            let missing = (1...first.shards).filter { seen[$0] == nil }
            guard missing.isEmpty else {
                let count =
                    missing.count == 1
                    ? "shard \(missing[0]) of \(first.shards) missing"
                    : "shards \(ShardList.summary(missing)) of \(first.shards) missing (\(NumberStyle.grouped(Double(missing.count))))"
                throw PartFileError(paths[0], "\(count); expected all \(first.shards) part files")
            }
            return first
        }
    }
}
