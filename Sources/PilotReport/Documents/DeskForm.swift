import PilotModel

/// The what-if desk's controls, shown above the report of the answer (`HTMLReport`'s `desk`): the
/// scenario, the levers prefilled with the values in force, free settings, the upload form and
/// the links that reproduce the answer. Every word comes from `labels.desk`.
public struct DeskForm {
    /// One input: a lever's label, the form name it is sent under, its value and what an empty
    /// one keeps; or a check box (`checkbox`), sent with `value` when ticked.
    public struct Field {
        public let label: String, name: String, value: String, placeholder: String
        public let checkbox: Bool, checked: Bool
        public init(label: String, name: String, value: String, placeholder: String = "", checkbox: Bool = false, checked: Bool = false) {
            (self.label, self.name, self.value, self.placeholder) = (label, name, value, placeholder)
            (self.checkbox, self.checked) = (checkbox, checked)
        }
    }

    /// A group of levers under one heading, with what to know before filling them in.
    public struct Section {
        public let heading: String, help: String
        public let fields: [Field]
        public init(heading: String, help: String = "", fields: [Field]) { (self.heading, self.help, self.fields) = (heading, help, fields) }
    }

    /// A scenario the desk offers: its form value and name.
    public struct Choice {
        public let id: String, name: String
        public init(id: String, name: String) { (self.id, self.name) = (id, name) }
    }

    public var scenarios: [Choice] = [], selected = ""
    public var sections: [Section] = []
    public var settings = "", figures = "", runs = "", seed = "", prior = false
    /// The scenario's assumptions by their labels (key path and label), and the one set by
    /// label, as sent.
    public var parameters: [Choice] = [], parameterPath = "", parameterValue = ""
    /// What the sampler says of a conditioned answer (`ConditionReport.warnings`).
    public var warnings: [String] = []
    /// Problems with what was asked, each as `validate` prints it.
    public var errors: [String] = []
    /// The form's anti-forgery value for the upload.
    public var csrf = ""
    /// Links: this answer, its comparison as CSV and as a workbook, the report alone, the page in
    /// the other language.
    public var permalink = "", csvURL = "", workbookURL = "", reportURL = "", otherLanguageURL = ""
    /// The scenario with the page's changes, as a YAML file of its own.
    public var scenarioURL = ""
    /// The figures sent with the page, as the file the command line reads; empty when the
    /// scenario's own are in force.
    public var figuresURL = ""
    /// The command line that gives the same numbers.
    public var commandLine = ""
    /// When the answer is refined in the background: the runs it is refined with, the seconds
    /// before the page asks for the refined answer's address (which shows it once it is ready),
    /// that address, and that of this answer kept.
    public var refinement: (runs: Int, refreshSeconds: Int, url: String, keepURL: String)?
    /// Whether the page is an answer whose refinement was asked for and not given (the desk was busy).
    public var refinementPostponed = false
    /// The solve form: the page's own fields it carries (so that its answer is of this page's
    /// plan), the targets and the levers it offers, and its values as sent.
    public var solveCarried: [(name: String, value: String)] = []
    public var solveTargets: [Choice] = [], solveLevers: [Choice] = []
    public var solveTarget = "", solveLever = "", solveProbability = "0.9", solveLow = "", solveHigh = ""
    public let labels: Labels

    public init(labels: Labels) { self.labels = labels }

    /// The controls' markup, for `HTMLReport`'s `desk`.
    public func html() -> String {
        let words = labels.desk
        var counter = 0
        let view: [String: Any] = [
            "lang": labels.language.rawValue, "otherLang": labels.language == .chinese ? "en" : "zh",
            "otherLanguage": words.otherLanguage, "otherLanguageURL": otherLanguageURL, "intro": words.intro,
            "hasErrors": !errors.isEmpty, "errors": errors, "errorsHeading": words.errorsHeading,
            "scenarioHeading": words.scenarioHeading, "scenarioField": words.scenarioField,
            "scenarios": scenarios.map { ["id": $0.id, "name": $0.name, "selected": $0.id == selected] },
            "runsField": words.runsField, "runs": runs, "seedField": words.seedField, "seed": seed,
            "priorField": words.priorField, "prior": prior,
            "sections": sections.map { section -> [String: Any] in
                [
                    "heading": section.heading, "help": section.help, "hasHelp": !section.help.isEmpty,
                    "fields": section.fields.map { field -> [String: Any] in
                        counter += 1
                        return [
                            "id": "lever-\(counter)", "label": field.label, "name": field.name, "value": field.value,
                            "placeholder": field.placeholder, "size": Self.size(of: field),
                            "checkbox": field.checkbox, "checked": field.checked,
                        ]
                    },
                ]
            },
            "figuresHeading": words.figuresHeading, "figuresHelp": words.figuresHelp, "figuresExample": words.figuresExample, "figures": figures,
            "hasWarnings": !warnings.isEmpty, "warnings": warnings, "warningsHeading": labels.condition.warningsHeading,
            "hasParameters": !parameters.isEmpty, "parameterHeading": words.parameterHeading, "parameterField": words.parameterField,
            "parameterValueField": words.parameterValueField, "parameterValue": parameterValue,
            "parameters": parameters.map { ["id": $0.id, "name": $0.name, "selected": $0.id == parameterPath] },
            "settingsHeading": words.settingsHeading, "settingsHelp": words.settingsHelp, "settings": settings, "apply": words.apply,
            "downloadsHeading": words.downloadsHeading, "downloadCSV": words.downloadCSV, "downloadWorkbook": words.downloadWorkbook,
            "downloadReport": words.downloadReport,
            "permalinkLabel": words.permalink, "permalink": permalink, "csvURL": csvURL, "workbookURL": workbookURL, "reportURL": reportURL,
            "figuresURL": figuresURL, "scenarioURL": scenarioURL, "downloadScenario": words.downloadScenario,
            "hasFiguresURL": !figuresURL.isEmpty, "downloadFigures": words.downloadFigures,
            "hasRefinement": refinement != nil, "refining": refinement.map { words.refining(runs: $0.runs) } ?? "",
            "keepURL": refinement?.keepURL ?? "", "keepAnswer": words.keepAnswer,
            "hasRefinementPostponed": refinementPostponed, "refinementPostponed": words.refinementPostponed,
            "reproduce": words.reproduce, "commandLine": commandLine, "hasCommandLine": !commandLine.isEmpty,
            "hasSolve": !solveTargets.isEmpty && !solveLevers.isEmpty, "solveHeading": words.solveHeading, "solveHelp": words.solveHelp,
            "solveCarried": solveCarried.map { ["name": $0.name, "value": $0.value] },
            "solveTargets": solveTargets.map { ["id": $0.id, "name": $0.name, "selected": $0.id == solveTarget] },
            "solveLevers": solveLevers.map { ["id": $0.id, "name": $0.name, "selected": $0.id == solveLever] },
            "solveTargetField": words.solveTargetField, "solveLeverField": words.solveLeverField,
            "solveProbabilityField": words.solveProbabilityField, "solveProbability": solveProbability, "solveLowField": words.solveLowField,
            "solveLow": solveLow, "solveHighField": words.solveHighField, "solveHigh": solveHigh, "solveButton": words.solveButton,
            "uploadHeading": words.uploadHeading, "uploadField": words.uploadField, "uploadFile": words.uploadFile, "upload": words.upload, "csrf": csrf,
        ]
        return Templates.deskForm.render(view)
    }

    /// A field's width in characters: wide enough for its placeholder — what an empty lever keeps,
    /// which a person needs to read whole — counting a Chinese character as two.
    private static func size(of field: Field) -> String {
        field.placeholder.isEmpty ? "10" : String(max(10, TextTable.displayWidth(field.placeholder) + 1))
    }
}
