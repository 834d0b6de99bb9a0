import Foundation
import PilotModel

/// Numbers as people read them in reports, in a language's conventions. CSV and JSON keep plain
/// numbers.
///
/// - English: thousands separators (`120,000`), yuan scaled to K/M/B (`¥200.0M`, `¥1.25B`).
/// - Chinese: 万 and 亿 units (`12万`, `22.5万`, `2亿元`, `4.33亿元`), plain digits below 10,000.
public struct NumberStyle: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// A count or other plain quantity.
    public func count(_ value: Double) -> String {
        switch language {
        case .english: return Self.grouped(value)
        case .chinese: return Self.chineseUnits(value, unit: "")
        }
    }

    /// An amount of yuan.
    public func yuan(_ value: Double) -> String {
        switch language {
        case .english:
            let magnitude = abs(value), sign = value < 0 ? "−" : ""
            if magnitude >= 1e12 { return "\(sign)¥\(Self.fixed(magnitude / 1e12, 2))T" }
            if magnitude >= 1e9 { return "\(sign)¥\(Self.fixed(magnitude / 1e9, 2))B" }
            if magnitude >= 1e6 { return "\(sign)¥\(Self.fixed(magnitude / 1e6, 1))M" }
            if magnitude >= 1e4 { return "\(sign)¥\(Self.fixed(magnitude / 1e3, 1))K" }
            return "\(sign)¥\(Self.grouped(magnitude))"
        case .chinese:
            return Self.chineseUnits(value, unit: "元")
        }
    }

    /// A metric's value in its unit.
    public func value(_ value: Double, of metric: Metric) -> String {
        metric.isYuan ? yuan(value) : count(value)
    }

    /// A tick label: like `value(_:of:)` but without trailing zeros (`¥20B`, `¥2.5B`, `200,000`).
    public func tick(_ value: Double, of metric: Metric) -> String {
        guard metric.isYuan, language == .english else { return self.value(value, of: metric) }
        let magnitude = abs(value), sign = value < 0 ? "−" : ""
        if magnitude >= 1e12 { return "\(sign)¥\(Self.trimmed(Self.fixed(magnitude / 1e12, 2)))T" }
        if magnitude >= 1e9 { return "\(sign)¥\(Self.trimmed(Self.fixed(magnitude / 1e9, 2)))B" }
        if magnitude >= 1e6 { return "\(sign)¥\(Self.trimmed(Self.fixed(magnitude / 1e6, 2)))M" }
        if magnitude >= 1e4 { return "\(sign)¥\(Self.trimmed(Self.fixed(magnitude / 1e3, 2)))K" }
        return "\(sign)¥\(Self.grouped(magnitude))"
    }

    /// `225,109 (138,351–364,634)`: a median and its P5–P95, in the metric's units (one unit for
    /// all three in Chinese: `0.96万 (0.29万–1.84万)`, never `9606 (2930–1.84万)`).
    public func spread(_ median: Double, _ low: Double, _ high: Double, of metric: Metric) -> String {
        let text = values([median, low, high], of: metric)
        return "\(text[0]) (\(text[1])–\(text[2]))"
    }

    /// Several values that share a cell, in the metric's units: in Chinese all in the unit (万 or
    /// 亿) of the largest, so that one cell never mixes units.
    public func values(_ values: [Double], of metric: Metric) -> [String] {
        guard language == .chinese else { return values.map { value($0, of: metric) } }
        let largest = values.map(abs).max() ?? 0
        return values.map { Self.chineseUnits($0, unit: metric.isYuan ? "元" : "", scaleOf: largest) }
    }

    /// `81.2%`.
    public func percent(_ p: Double) -> String { "\(Self.fixed(p * 100, 1))%" }

    /// A share as a whole percentage, for an axis tick: `40%`.
    static func wholePercent(_ p: Double) -> String { "\(fixed(p * 100, 0))%" }

    /// `80.4–81.9%`.
    public func interval(_ range: ClosedRange<Double>) -> String {
        "\(Self.fixed(range.lowerBound * 100, 1))–\(percent(range.upperBound))"
    }

    /// `1,234,567` (rounded to a whole number, from its 15 significant digits as `fixed`).
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let rounded = fifteenDigits(value).rounded()
        let digits = String(format: "%.0f", abs(rounded))
        var grouped = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (rounded < 0 ? "−" : "") + grouped
    }

    /// 亿 from 10⁸, 万 from 10⁴, with up to three significant digits and no trailing zeros.
    /// `value` in 万 or 亿 as its own size (or `scaleOf`'s, for values that share a cell) asks.
    static func chineseUnits(_ value: Double, unit: String, scaleOf reference: Double? = nil) -> String {
        let magnitude = abs(value), sign = value < 0 ? "−" : ""
        let size = reference ?? magnitude
        let (scaled, suffix): (Double, String) = size >= 1e8 ? (magnitude / 1e8, "亿") : size >= 1e4 ? (magnitude / 1e4, "万") : (magnitude, "")
        let places = suffix.isEmpty ? 0 : scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2
        return sign + trimmed(fixed(scaled, places)) + suffix + unit
    }

    /// `x` with `places` decimals, rounded half away from zero from its 15 significant digits
    /// (`fifteenDigits`, the value the CSV files hold), so that binary noise cannot tip a half.
    public static func fixed(_ value: Double, _ places: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        let x = fifteenDigits(value)
        // From 2⁵³ on a double has no fraction and Int64 may not hold it: print its digits.
        guard abs(x) < 0x1p53 else { return String(format: "%.\(places)f", x) }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        let whole = Int64(scaled / scale)
        var text = (x < 0 && scaled > 0 ? "−" : "") + String(whole)
        if places > 0 {
            let fraction = String(Int64(scaled) - whole * Int64(scale))
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// A parameter's value in four significant digits (`0.03015`, `8,356`, `1,011,000`), as the
    /// reports show assumptions; `—` for a value that is not there (NaN).
    public static func parameter(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "—" : "\(x)" }
        // From 1,000 on: grouped digits, rounded to 4 significant ones (21,230, 1,250,000), never 2.123e+04.
        if abs(x) >= 1000 {
            let magnitude = pow(10, (log10(abs(x))).rounded(.down) - 3)
            return grouped((x / magnitude).rounded() * magnitude)
        }
        // Below 10⁻⁴, scientific notation is the readable form of a rate (1.5e-05).
        return String(format: "%.4g", x)
    }

    /// `2.50` → `2.5`, `2.00` → `2`.
    static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = text
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }
}
