import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import Simulator

/// `--xlsx FILE`, shared by the commands that can write their result as an Excel workbook.
struct WorkbookOption: ParsableArguments {
    @Option(help: ArgumentHelp("Also write an Excel workbook: the targets, monthly quantiles, stage table, assumptions and native charts, in --lang.",
                               valueName: "FILE"), completion: .file(extensions: ["xlsx"]))
    var xlsx: String?

    /// Writes the workbook of a result, if `--xlsx` was given (atomically, like every output).
    func write(summary: SimulationSummary, monthly: [MonthlyQuantiles], scenario: Scenario, provenance: @autoclosure () throws -> Provenance,
               labels: Labels) throws {
        guard let xlsx else { return }
        let data = try ExcelReport.data(summary: summary, monthly: monthly, scenario: scenario, provenance: try provenance(), labels: labels)
        try OutputFiles(path: xlsx, data: data).write()
    }
}
