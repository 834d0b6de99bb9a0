/// Shared state of one scenario decoding: the problems found so far and the parameters read.
///
/// Decoding never stops at the first problem: each reader records what is wrong and returns `nil`,
/// and the caller carries on, so one pass reports every problem in the file.
final class DecodingContext {
    private(set) var diagnostics: [ScenarioDiagnostic] = []
    private(set) var parameters: [ParameterSpec] = []
    /// Distributions fitted to percentiles, by the key path they were written at (`….launch` for a stage).
    var fits: [String: PercentileFit] = [:]
    /// Every key path that holds one number of the model, in reading order (see `Scenario.numericPaths`).
    private(set) var numericPaths: [String] = []
    /// `numericPaths` as a set, so that recording stays linear in the size of the file.
    private var recordedPaths: Set<String> = []
    /// Stage ids in calendar order, once the calendar is read (the plan's stages until then).
    var stageIDs: [String] = ScenarioCalendar.planStages.map(\.id)

    /// The diagnostics in the order of their place in the file `file` (those of overrides, which
    /// name their own source, after the file's).
    func sortedDiagnostics(file: String) -> [ScenarioDiagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let x = a.element.location, y = b.element.location
            if x.file != y.file { return x.file == file || (y.file != file && a.offset < b.offset) }
            return (x.line, x.column, a.offset) < (y.line, y.column, b.offset)
        }.map(\.element)
    }

    func report(_ node: YAMLNode, _ path: String, _ message: String) {
        report(node.location, path, message)
    }

    func report(_ location: SourceLocation, _ path: String, _ message: String) {
        diagnostics.append(ScenarioDiagnostic(location: location, keyPath: path, message: message))
    }

    func recordNumericPath(_ path: String) {
        if recordedPaths.insert(path).inserted { numericPaths.append(path) }
    }

    func addParameter(_ spec: ParameterSpec) -> ParameterID {
        parameters.append(spec)
        return ParameterID(index: parameters.count - 1)
    }

    /// Keys the random stream of parameter `id` by `name` instead of its key path.
    func keyStream(of id: ParameterID, by name: String) {
        parameters[id.index].streamName = name
    }
}

/// Reads one YAML mapping whose keys are known in advance; reports unknown keys (with a
/// did-you-mean) and missing required keys as it goes.
struct MappingReader {
    let node: YAMLNode
    let path: String
    let context: DecodingContext
    private let entries: [YAMLNode.MappingEntry]

    /// Returns `nil` (after reporting) when `node` is not a mapping.
    init?(_ node: YAMLNode, path: String, context: DecodingContext, keys: [String], what: String = "a mapping") {
        guard case .mapping(let entries) = node.content else {
            context.report(node, path, "\(describe(node)); expected \(what) with keys \(keys.joined(separator: ", "))")
            return nil
        }
        self.node = node
        self.path = path
        self.context = context
        self.entries = entries
        for entry in entries where !keys.contains(entry.key) {
            let hint =
                closestMatch(to: entry.key, in: keys).map { "did you mean '\($0)'?" }
                ?? "expected one of \(keys.joined(separator: ", "))"
            context.report(entry.keyLocation, child(entry.key), "unknown key; \(hint)")
        }
    }

    func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func optional(_ key: String) -> YAMLNode? { entries.first { $0.key == key }?.value }

    func required(_ key: String, expected: String) -> YAMLNode? {
        if let value = optional(key) { return value }
        context.report(node, child(key), "missing; expected \(expected)")
        return nil
    }
}

/// A few words on what a node is, for "found X; expected Y" messages.
func describe(_ node: YAMLNode) -> String {
    switch node.content {
    case .scalar(let text, let quoted):
        if text.isEmpty && !quoted { return "no value" }
        return quoted ? "found text \"\(text.excerpt)\"" : "found '\(text.excerpt)'"
    case .mapping: return "found a mapping"
    case .sequence: return "found a list"
    }
}
