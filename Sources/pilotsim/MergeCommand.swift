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

        @Option(help: "Worker threads for the monthly quantiles (default: all cores).")
        var threads: Int?

        func validate() throws {
            guard !parts.isEmpty else { throw ValidationError("give the part files to merge") }
        }

        func run() throws {
            try reportingFailures {
                let contents = try parts.map { try PartFile.read(path: $0) }
                let header = try Self.check(contents.map(\.header), paths: parts)
                let ordered = zip(contents, parts).sorted { $0.0.header.shard < $1.0.header.shard }.map(\.0)
                if header.command == "sweep" {
                    // The long CSV of every point: the first part's header line, then each part's rows in order.
                    let text = ordered.enumerated().map { k, part in
                        k == 0 ? part.text : String(part.text[part.text.index(after: part.text.firstIndex(of: "\r\n")!)...])
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
                    for (part, path) in zip(ordered, parts) {
                        guard let shardBars = try? JSONDecoder().decode([[Simulator.Tornado.Bar]].self, from: Data(part.text.utf8)),
                              shardBars.count == bars.count else { throw Self.refuse(path, "the part's bars are damaged; write it again") }
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
                    for (part, path) in zip(ordered, parts) {
                        guard let rows = try? JSONDecoder().decode([[Double]].self, from: Data(part.text.utf8)), rows.count == f.count,
                              rows.allSatisfy({ $0.count == part.header.runs }) else { throw Self.refuse(path, "the part's values are damaged; write it again") }
                        for j in f.indices { f[j] += rows[j] }
                    }
                    let samples = header.totalRuns / (analysis.inputs.count + 2)
                    try OutputFiles(directory: out, files: [("sobol.csv", SobolReport.csv(analysis, analysis.estimate(f, samples: samples, seed: header.seed)))]).write()
                    print(out)
                    return
                }
                guard header.command == "run" else { throw Self.refuse(parts[0], "a part of '\(header.command)'; expected run or sweep parts") }
                let scenario = try ScenarioDocument(text: header.scenarioText, file: header.scenario).scenario(overrides: overrides)
                guard PartFile.recordDoubles(scenario, trajectories: header.keepsTrajectories) == header.recordDoubles else {
                    throw Self.refuse(parts[0], "the part's records do not fit its scenario; expected parts written by this pilotsim")
                }
                let result = Self.assemble(ordered, scenario: scenario, header: header)
                try Run.writeOutputs(result, summary: SimulationSummary(result), threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                     commandLine: CommandLineText.current(), scenario: header.scenario, scenarioText: header.scenarioText, to: out)
                print(out)
            }
        }

        static func refuse(_ path: String, _ message: String) -> ScenarioValidationError {
            ScenarioValidationError([ScenarioDiagnostic(location: SourceLocation(file: path, line: 1, column: 1), keyPath: "", message: message)])
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
                    throw refuse(path, "this part is of another simulation than \(paths[0]): \(difference); expected the shards of one run")
                }
            }
            var seen: [Int: String] = [:]
            for (header, path) in zip(headers, paths) {
                if let other = seen[header.shard] {
                    throw refuse(path, "shard \(header.shard) of \(header.shards) is given twice (also \(other)); expected each shard once")
                }
                seen[header.shard] = path
                let expected = PartFile.runs(shard: header.shard, of: header.shards, total: header.totalRuns)
                guard header.firstRun == expected.lowerBound && header.runs == expected.count else {
                    throw refuse(path, "shard \(header.shard) holds runs \(header.firstRun)…; expected runs \(expected.lowerBound)..<\(expected.upperBound)")
                }
            }
            let missing = (1...first.shards).filter { seen[$0] == nil }
            guard missing.isEmpty else {
                throw refuse(paths[0], "shard\(missing.count == 1 ? "" : "s") \(missing.map(String.init).joined(separator: ", ")) of \(first.shards) missing; expected all \(first.shards) part files")
            }
            return first
        }

        /// One result from the parts' records, in run order.
        static func assemble(_ parts: [PartFile.Contents], scenario: Scenario, header: PartFile.Header) -> SimulationResult {
            let runs = header.totalRuns, width = scenario.uncertainParameters.count, targets = scenario.targets.count
            let stages = scenario.calendar.stages.count, increments = StageIncrement.metrics.count
            let months = scenario.calendar.monthCount, metrics = scenario.metrics.count
            var parameters = [Double](), targetValues = [[Double]](repeating: [], count: targets)
            var firstHit = [[Int32]](repeating: [], count: targets)
            var stageIncrements = [[[Double]]](repeating: [[Double]](repeating: [], count: increments), count: stages)
            var trajectories = header.keepsTrajectories ? [Double](repeating: 0, count: runs * months * metrics) : nil
            parameters.reserveCapacity(runs * width)
            var run = 0
            for part in parts {
                let d = part.doubles, size = header.recordDoubles
                for r in 0..<part.header.runs {
                    var k = r * size
                    parameters += d[k..<(k + width)]; k += width
                    for j in 0..<targets { targetValues[j].append(d[k + j]) }; k += targets
                    for j in 0..<targets { firstHit[j].append(Int32(d[k + j])) }; k += targets
                    for s in 0..<stages { for m in 0..<increments { stageIncrements[s][m].append(d[k]); k += 1 } }
                    if trajectories != nil {
                        for m in 0..<metrics { for t in 0..<months { trajectories![(m * months + t) * runs + run] = d[k]; k += 1 } }
                    }
                    run += 1
                }
            }
            return SimulationResult(scenario: scenario, seed: header.seed, runs: runs, uncertainParameters: scenario.uncertainParameters,
                                    parameterValues: parameters, targetValues: targetValues, firstHit: firstHit,
                                    stageIncrements: stageIncrements, trajectoryValues: trajectories)
        }
    }
}
