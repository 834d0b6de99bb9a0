import ArgumentParser
import PilotReport
import PilotWorkflow

extension Language: ExpressibleByArgument {}

/// `--lang`, shared by every command that prints a report.
struct LanguageOption: ParsableArguments {
    @Option(help: "Language of labels and number units: en (English) or zh (Chinese: the plan's terms, 万/亿 units).")
    var lang: Language = .english

    var labels: Labels { lang.labels }
}
