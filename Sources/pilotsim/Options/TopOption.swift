import ArgumentParser

/// `--top N`: how many inputs `tornado`, `explain` and `sobol` show per target (their CSV files
/// have all; the workbook charts as many).
struct TopOption: ParsableArguments {
    /// What `--top` is when not given, and what `merge` charts in a workbook.
    static let standard = 8

    @Option(parsing: .unconditional, help: "How many inputs to show per target in the terminal and the workbook's charts (the CSV has all).")
    var top: Int = standard

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1 (got \(top))") }
    }
}
