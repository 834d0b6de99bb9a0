import Foundation
import Hummingbird
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

/// The desk's pages: the answer to a query — the report of the changed plan with the comparison
/// and the controls above it (`HTMLReport` with a `DeskForm`) — and short messages.
enum DeskPage {
    /// The labels of the language a request asks for (`lang=zh`), English otherwise.
    static func labels(_ request: Request) -> Labels {
        let fields = FormFields.parse(request.uri.query ?? "") ?? []
        return (fields.last { $0.0 == "lang" }.flatMap { Language(rawValue: $0.1) } ?? .english).labels
    }

    /// A page of one sentence, with `status`.
    static func message(_ text: String, status: HTTPResponse.Status, request: Request) -> Response {
        page(DeskPlainPage.html(labels: labels(request), message: text), status: status)
    }

    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The query that asks `query` again, without the scenario's levers left at their values.
    static func fields(_ query: DeskQuery, language: Language) -> [(String, String)] {
        var fields = [("scenario", query.scenario.isEmpty ? DeskScenarios.startID : query.scenario), ("lang", language.rawValue)]
        if let runs = query.runs { fields.append(("runs", String(runs))) }
        fields.append(("seed", String(query.seed)))
        if query.prior { fields.append(("prior", "1")) }
        if let figures = query.figures { fields.append(("figures", figures)) }
        fields += query.levers.map { ("set.\($0.path)", $0.value) }
        fields += query.rounds.removed.map { ("remove", String($0)) }
        if query.rounds.adds {
            fields += [("add.month", query.rounds.month), ("add.winners", query.rounds.winners), ("add.voucher_value", query.rounds.voucherValue)]
        }
        if !query.parameter.path.isEmpty && !query.parameter.value.isEmpty {
            fields += [("param.path", query.parameter.path), ("param.value", query.parameter.value)]
        }
        if !query.settings.isEmpty { fields.append(("settings", query.settings)) }
        return fields
    }

    /// The solve form's fields of `query`, so that the desk it returns to keeps the question.
    static func solveFields(_ query: DeskQuery) -> [(String, String)] {
        let solve = query.solve
        return [
            ("solve.target", solve.target), ("solve.lever", solve.lever), ("solve.probability", solve.probability), ("solve.low", solve.low),
            ("solve.high", solve.high),
        ]
        .filter { !$0.1.isEmpty }
    }

    /// The command line that gives the answer's numbers: `compare` of the scenario with itself
    /// changed by the page's settings.
    static func commandLine(_ entry: DeskScenarios.Entry, arguments: [String], answer: DeskAnswer, query: DeskQuery, language: Language) -> String {
        commandLine(
            "compare", entry, arguments.flatMap { ["--b-set", $0] }, runs: answer.runs, seed: query.seed, figures: answer.figures,
            prior: answer.figures == nil && (!answer.a.observations.isEmpty || query.prior), language: language)
    }

    /// `pilotsim COMMAND` with the page's scenario (unless it is the embedded baseline), the
    /// command's own `words`, the runs and seed, the figures as the page takes them (`--observed
    /// figures.csv` for figures sent with it, `--prior` when `prior`), and the language.
    static func commandLine(
        _ command: String, _ entry: DeskScenarios.Entry, _ words: [String], runs: Int, seed: UInt64, figures: ReportedFigures?, prior: Bool,
        language: Language
    ) -> String {
        var line = ["pilotsim", command]
        if entry.id != DeskScenarios.startID || entry.name != Scenario.baselineFileName { line.append(entry.name) }
        line += words + ["--runs", String(runs), "--seed", String(seed)]
        if let figures, figures.source != ReportedFigures.scenarioSection {
            line += ["--observed", DeskQuery.figuresFile]
        } else if prior {
            line.append("--prior")
        }
        return ShellWords.join(line + (language == .chinese ? ["--lang", "zh"] : []))
    }

    /// What a page says of refining its answer with more runs (`DeskRefinements`).
    enum Refinement {
        /// A plan-time answer at the default runs: the page moves in a second to its refinement's
        /// address, which starts it.
        case offered
        /// The refinement is being simulated: the page shows the answer it refines and asks again
        /// every few seconds.
        case underway
        /// The refinement found no place: the page keeps its answer.
        case postponed

        /// Seconds before a page whose refinement is offered, or underway, asks for it (again).
        var refreshSeconds: Int { self == .offered ? 1 : 4 }
    }

    /// The answer's page; without `controls`, the report alone (its download).
    static func answer(
        _ answer: DeskAnswer?, query: DeskQuery, entry: DeskScenarios.Entry, scenarios: DeskScenarios, arguments: [String], problems: [String],
        csrf: String, labels: Labels, maximumRuns: Int, controls: Bool = true, refinement: Refinement = .offered
    ) -> String {
        let words = labels.desk, language = labels.language
        var form = Self.controls(
            query, entry: entry, scenarios: scenarios, base: answer?.a ?? (try? entry.document.scenario()), problems: problems, csrf: csrf, labels: labels)
        form.runs = answer.map { String($0.runs) } ?? query.runs.map(String.init) ?? ""
        let fields = Self.fields(query, language: language)
        guard let answer else {
            // The scenario itself cannot be simulated: the controls and what is wrong.
            return DeskPlainPage.html(labels: labels, controls: form)
        }
        form.commandLine = commandLine(entry, arguments: arguments, answer: answer, query: query, language: language)
        // A plan-time answer at the default runs is refined with ten times as many (at most the
        // desk's maximum) in the background: the page asks for that answer's address
        // (`refine=1`, then 2, 3…), which shows this answer until the refined one is kept. Runs
        // given, or a conditioned answer, are not refined.
        let refined = min(maximumRuns, 10 * answer.runs)
        let refinable = controls && query.runs == nil && answer.conditioned == nil && refined > answer.runs
        form.refinementPostponed = refinable && refinement == .postponed
        if refinable, refinement != .postponed {
            var more = query, kept = query
            (more.runs, kept.runs) = (refined, answer.runs)
            form.refinement = (
                refined, refinement.refreshSeconds,
                "/?" + FormFields.query(Self.fields(more, language: language) + [("refine", String(query.refinementAsks % DeskQuery.maximumAsks + 1))])
                    + "#answer",
                "/?" + FormFields.query(Self.fields(kept, language: language)) + "#answer"
            )
        }
        form.warnings = answer.conditioned.map { ConditionReport($0).warnings(labels) } ?? []
        form.figuresURL = answer.figures.map { $0.source == ReportedFigures.scenarioSection } == false ? "/figures.csv?" + FormFields.query(fields) : ""
        let unchanged = arguments.isEmpty
        // Unchanged and conditioned: the conditioned forecast itself, as `run` prints it.
        let result = unchanged ? answer.conditioned?.posterior ?? answer.resultB : answer.resultB
        let summary = unchanged ? answer.conditioned?.summary ?? answer.resultB.summary : answer.resultB.summary
        let report = HTMLReport(
            result: result, summary: summary, monthly: result.monthly, tornado: nil, labels: labels, commandLine: form.commandLine, generated: Date(),
            source: ContentDigest.named(entry.name, text: entry.document.text),
            conditioning: answer.conditioned.map { (ConditionReport($0), $0.prior.monthly) },
            comparison: unchanged ? nil : (answer.comparison, words.unchanged, words.changed),
            figures: answer.figures?.description(labels), desk: controls ? form : nil)
        return report.html()
    }

    /// The desk's controls for `query`, prefilled from `base` (the scenario as it stands) and the
    /// query, with the links that ask it again; the answer's own parts are added by `answer`.
    private static func controls(
        _ query: DeskQuery, entry: DeskScenarios.Entry, scenarios: DeskScenarios, base: Scenario?, problems: [String], csrf: String, labels: Labels
    ) -> DeskForm {
        let language = labels.language
        var form = DeskForm(labels: labels)
        form.scenarios = scenarios.all.map { DeskForm.Choice(id: $0.id, name: $0.name) }
        form.selected = entry.id
        if let base {
            let levers = DeskLevers(base, labels: labels)
            form.sections = levers.sections(labels, sent: Dictionary(query.levers.map { ($0.path, $0.value) }) { $1 }, rounds: query.rounds)
            form.parameters = base.parameters.map { DeskForm.Choice(id: $0.keyPath, name: ParameterCatalogue.label($0.keyPath, scenario: base, labels)) }
                .sorted { $0.name < $1.name }
            form.solveTargets = base.targets.map { DeskForm.Choice(id: $0.id, name: labels.text($0.label)) }
            form.solveLevers = levers.numeric.map { DeskForm.Choice(id: $0.path, name: $0.label) }
        }
        (form.solveTarget, form.solveLever, form.solveLow, form.solveHigh) = (query.solve.target, query.solve.lever, query.solve.low, query.solve.high)
        if !query.solve.probability.isEmpty { form.solveProbability = query.solve.probability }
        form.settings = query.settings
        (form.parameterPath, form.parameterValue) = query.parameter
        // The figures in force, as lines a person edits: those sent, or the scenario's own.
        form.figures = query.figures ?? base.map { ObservationFile.render($0.observations).split(separator: "\n").dropFirst().joined(separator: "\n") } ?? ""
        form.seed = String(query.seed)
        form.prior = query.prior
        form.errors = problems
        form.csrf = csrf
        let fields = Self.fields(query, language: language)
        form.permalink = "/?" + FormFields.query(fields)
        form.solveCarried = fields
        form.csvURL = "/compare.csv?" + FormFields.query(fields)
        form.reportURL = "/report.html?" + FormFields.query(fields)
        form.workbookURL = "/workbook.xlsx?" + FormFields.query(fields)
        form.scenarioURL = "/scenario.yaml?" + FormFields.query(fields)
        form.otherLanguageURL = "/?" + FormFields.query(Self.fields(query, language: language == .chinese ? .english : .chinese))
        return form
    }
}
