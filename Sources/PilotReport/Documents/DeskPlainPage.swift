/// A page of the what-if desk that carries no report: a message (no token, busy, not found), the
/// controls with what is wrong with the scenario, or a solve answer as `pilotsim solve` prints
/// it. Escaped by its template like every page.
public enum DeskPlainPage {
    /// A text answer (`solve`'s) and the command line that gives it.
    public struct TextAnswer {
        public let text: String, commandLine: String
        public init(text: String, commandLine: String) { (self.text, self.commandLine) = (text, commandLine) }
    }

    /// The page, in `labels`' language, with `message` and, when given, the controls, an answer
    /// and the way `back` to the desk.
    public static func html(
        labels: Labels, message: String? = nil, controls: DeskForm? = nil, answer: TextAnswer? = nil, back: String? = nil
    ) -> String {
        Templates.deskPage.render([
            "lang": labels.language == .chinese ? "zh-CN" : "en", "title": labels.desk.title,
            "hasMessage": message != nil, "message": message ?? "", "controls": controls?.html() ?? "",
            "hasAnswer": answer != nil, "answer": answer?.text ?? "", "commandLine": answer?.commandLine ?? "",
            "reproduce": labels.desk.reproduce, "hasBack": back != nil, "back": back ?? "", "backToDesk": labels.desk.backToDesk,
        ])
    }
}
