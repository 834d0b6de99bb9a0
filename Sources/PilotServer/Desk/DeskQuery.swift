import PilotModel
import PilotReport
import PilotWorkflow

/// What a desk page asks, read from its URL's query — so that the URL is the permalink of the
/// answer: the scenario, the language, the runs and seed, the plan-time switch, the levers sent
/// (`set.KEY.PATH=VALUE`) and free settings (`settings`, one `KEY.PATH=VALUE` a line).
struct DeskQuery {
    /// The most parameters, and the longest value, a query may carry: far more than the form
    /// sends (a lever a field), far less than would cost anything to read.
    static let maximumParameters = 400, maximumValueBytes = 64 << 10

    var scenario = ""
    var language = Language.english
    var runs: Int?
    var seed = DeskQuery.defaultSeed
    var prior = false
    /// The levers as sent, by key path, in the order sent.
    var levers: [(path: String, value: String)] = []
    var settings = ""
    /// An assumption chosen by its label (its key path) and the value sent for it.
    var parameter = (path: "", value: "")
    /// Voucher rounds removed and added.
    var rounds = DeskRounds()
    /// What the solve form asks, when it is sent.
    var solve = DeskSolve()
    /// Reported figures as sent (CSV lines without the header), or nil when the page sent none:
    /// the scenario's own `observed:` section then.
    var figures: String?
    /// How many times the page has asked for the refinement of an answer with fewer runs (the
    /// address an answer's refresh moves to, `refine=N`), 0 when it is not one: simulated in the
    /// background, after first answers. Each ask's address differs from the last, so that a
    /// browser reloads it rather than take it for the same page. Not part of the permalink.
    var refinementAsks = 0
    var refining: Bool { refinementAsks > 0 }
    /// The most asks counted; the next is the first again.
    static let maximumAsks = 10_000
    /// What is wrong with the query itself (runs, seed, too much), in the desk's language.
    var problems: [String] = []

    /// The seed of a page that names none: the command line's.
    static let defaultSeed: UInt64 = 20_230_817

    init(_ parameters: [(String, String)], maximumRuns: Int) {
        language = parameters.last { $0.0 == "lang" }.flatMap { Language(rawValue: $0.1) } ?? .english
        let words = language.labels.desk
        guard parameters.count <= Self.maximumParameters, parameters.allSatisfy({ $0.1.utf8.count <= Self.maximumValueBytes }) else {
            problems.append(words.tooMuchAsked)
            return
        }
        for (name, value) in parameters {
            switch name {
            case "scenario": scenario = value
            case "runs" where !value.isEmpty:
                if let n = Int(value), (1...maximumRuns).contains(n) { runs = n } else { problems.append(words.badRuns(value, maximum: maximumRuns)) }
            case "seed" where !value.isEmpty:
                if let s = UInt64(value) { seed = s } else { problems.append(words.badSeed(value)) }
            case "prior": prior = value == "1"
            case "refine": refinementAsks = Int(value).flatMap { (1...Self.maximumAsks).contains($0) ? $0 : nil } ?? 0
            case "settings": settings = value
            case "param.path": parameter.path = value
            case "param.value": parameter.value = value.trimmingCharacters(in: .whitespaces)
            case "remove": if let index = Int(value) { rounds.removed.append(index) }
            case "add.month": rounds.month = value.trimmingCharacters(in: .whitespaces)
            case "add.winners": rounds.winners = value.trimmingCharacters(in: .whitespaces)
            case "add.voucher_value": rounds.voucherValue = value.trimmingCharacters(in: .whitespaces)
            case "solve.target": solve.target = value
            case "solve.lever": solve.lever = value
            case "solve.probability": solve.probability = value.trimmingCharacters(in: .whitespaces)
            case "solve.low": solve.low = value.trimmingCharacters(in: .whitespaces)
            case "solve.high": solve.high = value.trimmingCharacters(in: .whitespaces)
            case "figures": figures = value
            default:
                if name.hasPrefix("set."), !value.trimmingCharacters(in: .whitespaces).isEmpty {
                    levers.append((String(name.dropFirst(4)), value.trimmingCharacters(in: .whitespaces)))
                }
            }
        }
    }

    /// The header a file of reported figures starts with.
    static let figuresHeader = "month,metric,value,rel_error"
    /// The name figures sent with a page go by: in their diagnostics, and as the file the
    /// command line reads them from (`/figures.csv` downloads it).
    static let figuresFile = "figures.csv"

    /// The figures in force for `scenario`: those sent, read as a file of reported figures (its
    /// header added when the lines leave it out), or the scenario's section; nil for none.
    /// - Throws: `ScenarioValidationError` located in the figures' lines.
    func reportedFigures(for scenario: Scenario) throws -> ReportedFigures? {
        guard let sent = figures?.trimmingCharacters(in: .whitespacesAndNewlines), !sent.isEmpty else {
            return figures == nil ? ReportedFigures(sectionOf: scenario) : nil
        }
        let text = ((sent.hasPrefix("month,") ? sent : Self.figuresHeader + "\n" + sent) + "\n").replacingOccurrences(of: "\r\n", with: "\n")
        // The section's own figures, sent back as the page showed them, are the section.
        if let section = ReportedFigures(sectionOf: scenario), text == ObservationFile.render(section.observations) { return section }
        return try ReportedFigures(fileText: text, file: Self.figuresFile, scenario: scenario)
    }

    /// The settings that change `document`'s scenario `base`: each lever whose value differs
    /// from the one in force, the rounds removed and added, the assumption chosen by label, then
    /// each settings line — all through `ScenarioOverride`, the one way a scenario value is set.
    /// A malformed one is a diagnostic located in its field.
    func overrides(of base: Scenario, document: ScenarioDocument) -> (overrides: [ScenarioOverride], arguments: [String], problems: [String]) {
        let current = Dictionary(DeskLevers(base, labels: language.labels).all.map { ($0.path, $0.current) }) { $1 }
        var overrides: [ScenarioOverride] = [], arguments: [String] = []
        let (rounds, roundProblems) = self.rounds.settings(document, rounds: base.campaigns.count, labels: language.labels)
        var problems = roundProblems
        let lines = settings.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let changed = levers.filter { current[$0.path] != $0.value }.map { ("set.\($0.path)", "\($0.path)=\($0.value)") }
        let chosen = parameter.path.isEmpty || parameter.value.isEmpty ? [] : [("param.value", "\(parameter.path)=\(parameter.value)")]
        for (source, argument) in changed + rounds + chosen + lines.enumerated().map({ ("settings line \($0 + 1)", $1) }) {
            do {
                overrides.append(try ScenarioOverride(argument, source: source))
                arguments.append(argument)
            } catch let error as ScenarioValidationError {
                problems += error.diagnostics.map(\.description)
            } catch {
                problems.append("\(source): \(error)")
            }
        }
        return (overrides, arguments, problems)
    }
}
