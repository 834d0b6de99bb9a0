import ArgumentParser
import PilotWorkflow
import Simulator

/// `--shard I/N`, shared by the commands that can split their work over processes (every
/// analysis).
struct ShardOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Do only shard I of N (I from 1) of the work and write its part file into --out DIR; 'pilotsim merge' joins the parts.",
            valueName: "I/N"))
    var shard: String?

    /// The shard, parsed: `nil` without `--shard`.
    var parsed: (index: Int, count: Int)? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= PartFile.maximumShards, (1...n).contains(i) else { return nil }
        return (i, n)
    }

    func validate() throws {
        if let shard, parsed == nil { throw ValidationError("--shard \(shard): expected I/N with 1 ≤ I ≤ N, e.g. --shard 2/8") }
    }

    /// With `--shard`, the part file goes into the directory `--out` and nothing else is written:
    /// refuses a missing `--out`, `--out -` and `--xlsx` (which belongs to `merge`).
    func checkOutputs(out: String?, xlsx: String? = nil, command: String) throws {
        guard parsed != nil else { return }
        try OutputFiles.refuseStandardOutput(out, "\(command) --shard")
        guard out != nil else { throw ValidationError("--shard writes a part file: give --out DIR") }
        guard xlsx == nil else { throw ValidationError("--shard writes a part file: give --xlsx to 'pilotsim merge' instead") }
    }
}

extension OutputFiles {
    /// The refusal of `--out -` by a command whose outputs are a directory of files.
    static func refuseStandardOutput(_ out: String?, _ command: String) throws {
        if out == "-" { throw ValidationError("--out - writes one file to standard output; \(command) writes a directory of files: give a directory") }
    }
}

extension ScenarioOptions {
    /// Where a shard's part comes from: this command line, the scenario and its text, the `--set`
    /// overrides.
    func partOrigin() throws -> PartOrigin {
        PartOrigin(commandLine: CommandLineText.current(), scenario: sourceName(), scenarioText: try document().text, overrides: overrides)
    }
}
