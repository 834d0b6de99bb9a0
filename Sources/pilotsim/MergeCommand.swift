import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import Simulator

extension Pilotsim {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join the part files of a sharded run, sweep, tornado or sobol (--shard I/N) into the outputs of the whole work.",
            discussion: """
                For run: summary.csv, monthly.csv and runs.csv byte for byte as one process with the same seed and runs \
                would, and manifest.json; for sweep, tornado and sobol: sweep.csv, tornado.csv or sobol.csv, byte for \
                byte their --out file. Refuses, writing nothing, parts of different scenarios, seeds, run totals or \
                pilotsim versions, a missing or repeated shard, and a truncated part file.
                """)

        @Argument(help: "The part files (part-I-of-N.pilotsim), in any order.")
        var parts: [String]

        @Option(help: "The directory for the outputs.")
        var out: String

        @Option(help: "Worker threads for the quantiles and runs.csv (default: all cores).")
        var threads: Int?

        func validate() throws {
            guard !parts.isEmpty else { throw ValidationError("give the part files to merge") }
        }

        func run() throws {
            try reportingFailures {
                let readers = try parts.map { try PartFile.Reader(path: $0) }
                let header = try Self.check(readers.map(\.header), paths: parts)
                let ordered = readers.sorted { $0.header.shard < $1.header.shard }
                if header.command == "sweep" {
                    // The long CSV of every point: the first part's header line, then each part's rows in order.
                    let text = try ordered.enumerated().map { k, part in
                        let text = try part.text()
                        return k == 0 ? text : String(text[text.index(after: text.firstIndex(of: "\r\n")!)...])
                    }.joined()
                    try OutputFiles(directory: out, files: [("sweep.csv", text)]).write()
                    print(out)
                    return
                }
                let overrides = try header.overrides.map { try ScenarioOverride($0, source: "--set") }
                if header.command == "tornado" {
                    // Every parameter's bars, in parameter order, sorted by swing as one process sorts them.
                    let scenario = try ScenarioDocument(text: header.scenarioText, file: header.scenario).scenario(overrides: overrides)
                    var bars = [[Simulator.Tornado.Bar]](repeating: [], count: scenario.targets.count)
                    for part in ordered {
                        guard let shardBars = try? JSONDecoder().decode([[Simulator.Tornado.Bar]].self, from: Data(try part.text().utf8)),
                              shardBars.count == bars.count else { throw PartFile.refuse(part.path, "the part's bars are damaged; write it again") }
                        for j in bars.indices { bars[j] += shardBars[j] }
                    }
                    try OutputFiles(directory: out, files: [("tornado.csv", TornadoReport.csv(scenario, Simulator.Tornado.sorted(bars)))]).write()
                    print(out)
                    return
                }
                if header.command == "sobol" {
                    // Every row's values, in row order, then the indices as one process estimates them.
                    let scenario = try ScenarioDocument(text: header.scenarioText, file: header.scenario).scenario(overrides: overrides)
                    let analysis = GlobalSensitivity(scenario: scenario)
                    var f = [[Double]](repeating: [], count: scenario.targets.count)
                    for part in ordered {
                        guard let rows = try? JSONDecoder().decode([[Double]].self, from: Data(try part.text().utf8)), rows.count == f.count,
                              rows.allSatisfy({ $0.count == part.header.runs }) else { throw PartFile.refuse(part.path, "the part's values are damaged; write it again") }
                        for j in f.indices { f[j] += rows[j] }
                    }
                    let samples = header.totalRuns / (analysis.inputs.count + 2)
                    try OutputFiles(directory: out, files: [("sobol.csv", SobolReport.csv(analysis, analysis.estimate(f, samples: samples, seed: header.seed)))]).write()
                    print(out)
                    return
                }
                guard header.command == "run" else { throw PartFile.refuse(parts[0], "a part of '\(header.command)'; expected run or sweep parts") }
                let scenario = try ScenarioDocument(text: header.scenarioText, file: header.scenario).scenario(overrides: overrides)
                let threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
                // The records go through the collector as the simulation's blocks would, and runs.csv is
                // written as they come; a second reading of the parts when the quantiles need it.
                let collector = RunCollector(scenario: scenario, rows: header.totalRuns, keep: .monthlyQuantiles, threads: threads,
                                             recordsParameters: true)
                guard collector.record == PartFile.record(scenario), collector.record.width == header.recordDoubles else {
                    throw PartFile.refuse(parts[0], "the part's records do not fit its scenario; expected parts written by this pilotsim")
                }
                let block = RunBlock(record: collector.record, capacity: MonteCarlo.blockRuns)
                let runsFile = try StreamedFile(directory: out, name: "runs.csv")
                try runsFile.write(RunsCSV.header(scenario, parameters: collector.record.parameters))
                for part in ordered {
                    try part.forEachBlock(block) { block in
                        collector.absorb(block, pass: 1)
                        try runsFile.write(RunsCSV.rows(block, threads: threads))
                    }
                }
                try runsFile.close()
                collector.finishFirstPass()
                if collector.needsSecondPass {
                    for part in ordered { try part.forEachBlock(block) { collector.absorb($0, pass: 2) } }
                }
                try Run.writeOutputs(collector.result(seed: header.seed), runsFile: runsFile, commandLine: CommandLineText.current(),
                                     scenario: header.scenario, scenarioText: header.scenarioText, to: out)
                print(out)
            }
        }

        /// The header the parts share, after checking that they are the shards 1…N of one simulation.
        static func check(_ headers: [PartFile.Header], paths: [String]) throws -> PartFile.Header {
            let first = headers[0]
            for (header, path) in zip(headers, paths).dropFirst() {
                let differences = [
                    header.pilotsimVersion != first.pilotsimVersion ? "pilotsim \(header.pilotsimVersion), not \(first.pilotsimVersion)" : nil,
                    header.command != first.command ? "command \(header.command), not \(first.command)" : nil,
                    header.scenarioSHA256 != first.scenarioSHA256 || header.overrides != first.overrides ? "another scenario (or --set)" : nil,
                    header.arguments != first.arguments ? "other arguments (\(header.arguments.joined(separator: " ")))" : nil,
                    header.seed != first.seed ? "seed \(header.seed), not \(first.seed)" : nil,
                    header.totalRuns != first.totalRuns ? "\(header.totalRuns) runs in all, not \(first.totalRuns)" : nil,
                    header.shards != first.shards ? "\(header.shards) shards, not \(first.shards)" : nil,
                ].compactMap { $0 }
                if let difference = differences.first {
                    throw PartFile.refuse(path, "this part is of another simulation than \(paths[0]): \(difference); expected the shards of one run")
                }
            }
            var seen: [Int: String] = [:]
            for (header, path) in zip(headers, paths) {
                if let other = seen[header.shard] {
                    throw PartFile.refuse(path, "shard \(header.shard) of \(header.shards) is given twice (also \(other)); expected each shard once")
                }
                seen[header.shard] = path
                let expected = PartFile.runs(shard: header.shard, of: header.shards, total: header.totalRuns)
                guard header.firstRun == expected.lowerBound && header.runs == expected.count else {
                    throw PartFile.refuse(path, "shard \(header.shard) holds runs \(header.firstRun)…; expected runs \(expected.lowerBound)..<\(expected.upperBound)")
                }
            }
            let missing = (1...first.shards).filter { seen[$0] == nil }
            guard missing.isEmpty else {
                throw PartFile.refuse(paths[0], "shard\(missing.count == 1 ? "" : "s") \(missing.map(String.init).joined(separator: ", ")) of \(first.shards) missing; expected all \(first.shards) part files")
            }
            return first
        }
    }
}
