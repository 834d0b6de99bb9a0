/// One `--set KEY.PATH=YAML_VALUE` from the command line: replaces (or adds) the value at a key
/// path before the scenario is validated, so an override is checked like the file itself.
public struct ScenarioOverride: Sendable {
    /// A step of a key path: a mapping key, a list index (`campaigns[0]`), or the id of an item of a
    /// list whose items have ids (`targets.wallets-2023`).
    enum Step: Equatable, CustomStringConvertible {
        case key(String)
        case index(Int)

        var description: String {
            switch self {
            case .key(let key): return key
            case .index(let i): return "[\(i)]"
            }
        }
    }

    let steps: [Step]
    let value: YAMLNode

    /// Parses `KEY.PATH=YAML_VALUE`, e.g. `wallets.personal.imitation={uniform: {min: 0.1, max: 0.2}}`;
    /// a malformed argument throws a diagnostic located in it. `source` names the argument's origin
    /// in diagnostics (the command line's `--set`, so `--set:1:COL`).
    public init(_ argument: String, source: String) throws {
        let origin = SourceLocation(file: source, line: 1, column: 1)
        guard let equals = argument.firstIndex(of: "=") else {
            throw ScenarioValidationError([
                ScenarioDiagnostic(
                    location: origin, keyPath: "",
                    message: "'\(argument.excerpt)' has no '='; expected KEY.PATH=VALUE, e.g. wallets.personal.imitation=0.2")
            ])
        }
        let pathText = String(argument[..<equals])
        guard let steps = Self.parsePath(pathText) else {
            throw ScenarioValidationError([
                ScenarioDiagnostic(
                    location: origin, keyPath: "",
                    message: "'\(pathText.excerpt)' is not a key path; expected keys separated by '.', with [N] for list items, e.g. campaigns[0].winners")
            ])
        }
        self.steps = steps
        let valueText = String(argument[argument.index(after: equals)...])
        let column = argument.distance(from: argument.startIndex, to: equals) + 1
        value = try YAMLNode.parse(valueText, file: source, columnOffset: column)
    }

    /// The number at `path` set to `value`: the one way a scenario number is set — by `--set`
    /// (which takes any YAML value), and by sweeps, the solver and a front end's levers (which set
    /// numbers). The value is written with 15 significant digits, as `--set` would be typed, and
    /// a problem with it is located in the setting's own text, `PATH=VALUE`.
    public init(setting path: String, to value: Double) throws {
        let text = "\(path)=\(formatNumber(value))"
        try self.init(text, source: text)
    }

    /// The steps of a key path: keys separated by '.', `[N]` for list items, and `[stage]` for
    /// one stage's value of a by-stage parameter — the spelling outputs use, so that a key copied
    /// from runs.csv or tornado.csv works in `--set` and `--vary` as `….stage` does.
    static func parsePath(_ text: String) -> [Step]? {
        var steps: [Step] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            let keyEnd = rest.firstIndex(of: "[") ?? rest.endIndex
            let key = rest[..<keyEnd]
            guard !key.isEmpty else { return nil }
            steps.append(.key(String(key)))
            rest = rest[keyEnd...]
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                if let index = Int(inside), index >= 0 {
                    steps.append(.index(index))
                } else if let first = inside.first, first.isLetter, inside.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) {
                    // `innovation[launch]`, the spelling of outputs (runs.csv, tornado.csv), is `innovation.launch`.
                    steps.append(.key(String(inside)))
                } else {
                    return nil
                }
                rest = rest[rest.index(after: close)...]
            }
        }
        return steps.isEmpty ? nil : steps
    }

    static func render(_ steps: [Step]) -> String {
        steps.enumerated().map { i, step in
            if case .key = step, i > 0 { return ".\(step)" }
            return step.description
        }.joined()
    }

    /// Applies the override to `root`. A missing key is added (and then reported by validation if
    /// it is not a known key). A stage id under a parameter given as one value for all stages turns
    /// that value into a per-stage map first, so `innovation.launch=0.05` changes one stage only.
    func apply(to root: inout YAMLNode, stageIDs: [String]) throws {
        try Self.set(value, at: steps[...], in: &root, walked: [], stageIDs: stageIDs)
    }

    private static func set(
        _ value: YAMLNode, at steps: ArraySlice<Step>, in node: inout YAMLNode,
        walked: [Step], stageIDs: [String]
    ) throws {
        guard let step = steps.first else {
            node = value
            return
        }
        if case .key(let key) = step, stageIDs.contains(key), isSharedValue(node) {
            node.content = .mapping(stageIDs.map { .init(key: $0, keyLocation: node.location, value: node) })
        }
        let here = walked + [step]
        func fail(_ message: String) -> ScenarioValidationError {
            ScenarioValidationError([ScenarioDiagnostic(location: node.location, keyPath: render(here), message: message)])
        }
        switch (step, node.content) {
        case (.key(let key), .mapping(var entries)):
            if let i = entries.firstIndex(where: { $0.key == key }) {
                try set(value, at: steps.dropFirst(), in: &entries[i].value, walked: here, stageIDs: stageIDs)
            } else {
                var child = YAMLNode(content: .mapping([]), location: value.location)
                try set(value, at: steps.dropFirst(), in: &child, walked: here, stageIDs: stageIDs)
                entries.append(.init(key: key, keyLocation: value.location, value: child))
            }
            node.content = .mapping(entries)
        case (.index(let index), .sequence(var items)):
            if index == items.count && steps.count == 1 {
                // A whole item one past the end is appended: `campaigns[3]={name: …}` adds a campaign.
                items.append(value)
            } else {
                guard index < items.count else {
                    throw fail(
                        "index \(index) is past the end; expected 0…\(max(items.count - 1, 0)) to change an item, or \(items.count) with a whole item to add one"
                    )
                }
                try set(value, at: steps.dropFirst(), in: &items[index], walked: here, stageIDs: stageIDs)
            }
            node.content = .sequence(items)
        case (.key(let id), .sequence(var items)):
            // A list of items with ids (targets): `targets.wallets-2023.at_least`.
            let ids = items.map { item -> String? in
                if case .scalar(let text, _)? = item.entry("id")?.value.content { return text }
                return nil
            }
            guard let index = ids.firstIndex(of: id) else {
                let known = ids.compactMap { $0 }
                let hint =
                    closestMatch(to: id, in: known).map { "did you mean '\($0)'?" }
                    ?? (known.isEmpty ? "expected [N], a list index" : "expected an id (\(known.joined(separator: ", "))) or [N]")
                throw fail("no item with id '\(id.excerpt)'; \(hint)")
            }
            try set(value, at: steps.dropFirst(), in: &items[index], walked: here, stageIDs: stageIDs)
            node.content = .sequence(items)
        case (.index, _):
            throw fail("\(render(walked)) is not a list; expected a key name instead of [N]")
        case (.key, _):
            throw fail("\(render(walked)) is a single value, not a mapping; expected a path that ends there")
        }
    }

    /// A number, or a one-key `{family: {…}}` distribution: a value shared by every stage.
    private static func isSharedValue(_ node: YAMLNode) -> Bool {
        switch node.content {
        case .scalar: return true
        case .mapping(let entries): return entries.count == 1 && DistributionFamily(rawValue: entries[0].key) != nil
        case .sequence: return false
        }
    }
}
