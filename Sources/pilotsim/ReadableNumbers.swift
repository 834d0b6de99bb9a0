import PilotModel

/// Numbers as people read them in the terminal report: thousands separators, yuan scaled to
/// K/M/B, probabilities as percentages. CSV and JSON keep plain numbers.
enum ReadableNumbers {
    /// `1,234,567` (rounded to a whole number).
    static func count(_ value: Double) -> String {
        let rounded = value.rounded()
        guard abs(rounded) < 1e18 else { return "\(value)" }
        let digits = String(Int64(abs(rounded)))
        var grouped = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (rounded < 0 ? "-" : "") + grouped
    }

    /// `¥200.0M`, `¥1.25B`, `¥12.3K`, `¥512`.
    static func yuan(_ value: Double) -> String {
        let magnitude = abs(value), sign = value < 0 ? "-" : ""
        if magnitude >= 1e9 { return "\(sign)¥\(fixed(magnitude / 1e9, 2))B" }
        if magnitude >= 1e6 { return "\(sign)¥\(fixed(magnitude / 1e6, 1))M" }
        if magnitude >= 1e4 { return "\(sign)¥\(fixed(magnitude / 1e3, 1))K" }
        return "\(sign)¥\(count(magnitude))"
    }

    /// A metric's value in its unit.
    static func value(_ value: Double, of metric: Metric) -> String {
        metric.isYuan ? yuan(value) : count(value)
    }

    /// `81.2%`.
    static func percent(_ p: Double) -> String { "\(fixed(p * 100, 1))%" }

    /// `x` with `places` decimals, rounded half away from zero.
    static func fixed(_ x: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        let whole = Int64(scaled / scale)
        var text = (x < 0 && scaled > 0 ? "-" : "") + String(whole)
        if places > 0 {
            let fraction = String(Int64(scaled) - whole * Int64(scale))
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }
}
