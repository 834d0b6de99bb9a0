/// A page of the what-if desk that carries no answer: a message (no token, busy, not found) or
/// the controls with what is wrong with the scenario. Escaped by its template like every page.
public enum DeskPlainPage {
    /// The page, in `labels`' language, with `message` and, when given, the controls.
    public static func html(labels: Labels, message: String? = nil, controls: DeskForm? = nil) -> String {
        Templates.deskPage.render([
            "lang": labels.language == .chinese ? "zh-CN" : "en", "title": labels.desk.title,
            "hasMessage": message != nil, "message": message ?? "", "controls": controls?.html() ?? "",
        ])
    }
}
