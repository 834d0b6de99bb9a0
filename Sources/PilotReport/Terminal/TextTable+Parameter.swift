import PilotModel

extension TextTable {
    /// Appends a row that names a scenario parameter: its catalogue name in the first column and,
    /// on the line beneath, its key path (what `--set` and the CSV files use), indented. A key
    /// path the catalogue does not know takes one line. `mark` follows the name (e.g. " *").
    public mutating func appendParameter(_ keyPath: String, mark: String = "", scenario: Scenario, labels: Labels, cells: [String]) {
        let name = ParameterCatalogue.label(keyPath, scenario: scenario, labels)
        append([name + mark] + cells)
        if name != keyPath { append(["  " + keyPath] + cells.map { _ in "" }) }
    }
}
