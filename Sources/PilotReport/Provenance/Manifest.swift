import Foundation

/// manifest.json, written beside the files of `run --out`, `condition --out` and `merge --out`:
/// what made them, so that a result pasted into a report can be traced to the exact scenario text,
/// overrides, seed, run count and program — for a merge, also each shard's own command line.
public struct Manifest: Codable {
    /// What made the files: version, command line, scenario and its SHA-256, overrides, reported
    /// figures and their SHA-256, seed (written as top-level keys of the manifest).
    public let provenance: Provenance
    public let runs: Int
    public let generator: String
    public let files: [String]
    /// For a merge: the command line of each shard, in shard order.
    public var shardCommandLines: [String]? = nil

    public init(provenance: Provenance, runs: Int, files: [String]) {
        self.provenance = provenance
        self.runs = runs
        generator = Generators.description
        self.files = files
    }

    enum CodingKeys: String, CodingKey {
        case runs, generator, files
        case shardCommandLines = "shard_command_lines"
    }

    public init(from decoder: any Decoder) throws {
        provenance = try Provenance(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        runs = try container.decode(Int.self, forKey: .runs)
        generator = try container.decode(String.self, forKey: .generator)
        files = try container.decode([String].self, forKey: .files)
        shardCommandLines = try container.decodeIfPresent([String].self, forKey: .shardCommandLines)
    }

    public func encode(to encoder: any Encoder) throws {
        try provenance.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(runs, forKey: .runs)
        try container.encode(generator, forKey: .generator)
        try container.encode(files, forKey: .files)
        try container.encodeIfPresent(shardCommandLines, forKey: .shardCommandLines)
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

/// The version of pilotsim, in `--version`, manifests and reports.
public enum PilotsimVersion {
    public static let current = "0.7.0"
}
