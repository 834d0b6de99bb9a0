import PilotReport
import Simulator

/// The outputs of `condition --out` (and of `run` given reported figures), and of merged
/// condition parts: summary.csv and monthly.csv of the conditioned forecast, posterior.csv,
/// particles.csv, observations.csv, diagnostics.csv and chains.csv; manifest.json is added by
/// whoever writes them.
public enum ConditionedOutputs {
    /// The files of `result`, by name, in the order the manifest lists them.
    public static func files(_ result: Conditioning.Result) -> [(name: String, contents: String)] {
        let report = ConditionReport(result)
        return [
            ("summary.csv", SummaryCSV.render(report.posteriorSummary)),
            ("monthly.csv", MonthlyCSV.render(result.posterior.monthly)),
            ("posterior.csv", report.posteriorCSV()),
            ("particles.csv", RunsCSV.render(result.posterior)),
            ("observations.csv", report.observationsCSV()),
            ("diagnostics.csv", report.diagnosticsCSV()),
            ("chains.csv", report.chainsCSV()),
        ]
    }
}
