import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

/// `--xlsx FILE`, shared by the commands that can write their result as an Excel workbook.
struct WorkbookOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Also write the result as an Excel workbook with native charts, in --lang.",
            valueName: "FILE"), completion: .file(extensions: ["xlsx"]))
    var xlsx: String?

    /// Writes the workbook of a result, if `--xlsx` was given (atomically, like every output).
    func write(
        summary: SimulationSummary, monthly: [MonthlyQuantiles], scenario: Scenario, provenance: @autoclosure () throws -> Provenance,
        labels: Labels, targetValues: [[Double]]? = nil
    ) throws {
        try write {
            try ExcelReport.data(
                summary: summary, monthly: monthly, scenario: scenario, provenance: try provenance(), labels: labels,
                targetValues: targetValues)
        }
    }

    /// Writes the workbook `make` builds, if `--xlsx` was given.
    func write(_ make: () throws -> Data) throws {
        guard let xlsx else { return }
        try OutputFiles(path: xlsx, data: try make()).write()
    }
}
