import PilotModel
import PilotReport

/// Voucher rounds removed and added on the desk, as settings of the scenario (`KEY.PATH=VALUE`).
///
/// A round is removed by giving it no winners: it then awards nothing, while every other draw of
/// every run stays the unchanged plan's, so the comparison stays paired (taking the item out of
/// the list would renumber the later rounds, whose random streams follow their place). A round is
/// added as a whole item after the last: the month, winners and voucher value given, the last
/// round's other assumptions (new users' share, redemption, leverage).
struct DeskRounds {
    /// The rounds removed (their places in the scenario's list, from 0).
    var removed: [Int] = []
    /// The added round's fields as sent; all empty: no round added.
    var month = "", winners = "", voucherValue = ""

    var adds: Bool { !(month.isEmpty && winners.isEmpty && voucherValue.isEmpty) }

    /// The settings, each with the field it comes from, or what is wrong with the added round.
    func settings(_ document: ScenarioDocument, rounds: Int, labels: Labels) -> (settings: [(source: String, argument: String)], problems: [String]) {
        var settings = removed.filter { (0..<rounds).contains($0) }.map { ("remove", "campaigns[\($0)].winners=0") }
        guard adds else { return (settings, []) }
        let words = labels.desk
        let parsedMonth = Month(month), parsedWinners = Int(winners).flatMap { $0 >= 0 ? $0 : nil }
        let parsedValue = voucherValue.isEmpty ? nil : decimalNumber(voucherValue).flatMap { $0 > 0 ? $0 : nil }
        var problems: [String] = []
        if parsedMonth == nil { problems.append(words.badRoundMonth(month)) }
        if parsedWinners == nil { problems.append(words.badRoundWinners(winners)) }
        if !voucherValue.isEmpty && parsedValue == nil { problems.append(words.badRoundValue(voucherValue)) }
        guard case .sequence(let items)? = document.root.entry("campaigns")?.value.content, let last = items.last else {
            return (settings, problems + [words.noRoundToCopy])
        }
        guard let parsedMonth, let parsedWinners, problems.isEmpty else { return (settings, problems) }
        // Written from the parsed values, so nothing sent reaches the YAML as text.
        var fields = [
            // A round's name is one text in the scenario; the Chinese desk names rounds by number and month.
            ("name", "\"\(Language.english.labels.desk.addedRoundName)\""),
            ("month", parsedMonth.description), ("winners", String(parsedWinners)),
        ]
        for key in ["new_user_share", "voucher_value", "redemption", "leverage"] {
            if key == "voucher_value", let parsedValue {
                fields.append((key, formatNumber(parsedValue)))
            } else if let value = last.entry(key)?.value, let text = try? value.flowText() {
                fields.append((key, text))
            }
        }
        settings.append(("add", "campaigns[\(items.count)]={" + fields.map { "\($0): \($1)" }.joined(separator: ", ") + "}"))
        return (settings, [])
    }
}
