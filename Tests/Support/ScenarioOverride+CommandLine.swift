import PilotModel

extension ScenarioOverride {
    /// An override as the command line's `--set` gives it (diagnostics at `--set:1:COL`).
    public init(_ argument: String) throws { try self.init(argument, source: "--set") }
}
