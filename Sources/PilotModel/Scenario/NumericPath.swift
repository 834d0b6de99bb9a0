extension Scenario {
    /// `path` in the form `numericPaths` uses — a target addressed by index (`targets[0]`) is
    /// written by its id — or `nil` when it is not a key path at all.
    public func canonicalNumericPath(_ path: String) -> String? {
        guard var steps = ScenarioOverride.parsePath(path) else { return nil }
        if steps.count > 1, steps[0] == .key("targets"), case .index(let i) = steps[1], targets.indices.contains(i) {
            steps[1] = .key(targets[i].id)
        }
        return ScenarioOverride.render(steps)
    }

    /// The numeric paths closest to a path that is not one, for "did you mean" lists.
    public func numericPaths(closestTo path: String, count: Int = 5) -> [String] {
        numericPaths.map { ($0, editDistance(path, $0)) }.sorted { $0.1 < $1.1 }.prefix(count).map(\.0)
    }
}

extension ParameterSpec {
    /// The key paths a numeric path can name a parameter by: itself, and for one stage's value of
    /// a by-stage parameter (`wallets.personal.innovation.launch`) the form `keyPath` and runs.csv
    /// use (`wallets.personal.innovation[launch]`).
    public static func keyPaths(naming path: String) -> [String] {
        guard let dot = path.lastIndex(of: ".") else { return [path] }
        return [path, "\(path[..<dot])[\(path[path.index(after: dot)...])]"]
    }
}
