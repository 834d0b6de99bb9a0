import Foundation

/// A number as pilotsim writes it in files and messages: the value rounded to 15 significant
/// digits (which drops binary noise such as `367156.39999999997` or `0.050000000000000044`),
/// then whole numbers below 10¹⁵ without a fraction (`900000`) and others in the shortest form
/// that reads back to that rounded double (`0.15`, `2.5e-07`, `4.3e+27`). The one number format
/// of CSV, JSON and errors.
public func formatNumber(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    let rounded = fifteenDigits(value)
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
    return "\(rounded)"
}

/// `value` rounded to 15 significant digits: the value CSV and JSON files hold, and the one a
/// report rounds further for a person, so that a number read back from a file prints as the
/// number the simulation printed (18468.499999999996 is 18468.5 in both, shown as 18,469).
public func fifteenDigits(_ value: Double) -> Double {
    guard value.isFinite else { return value }
    return Double(String(format: "%.15g", value)) ?? value
}

/// A number computed from what the user wrote (a lognormal's median from its mean and sd), to six
/// significant digits, so that a message does not show rounding noise: `1e+07`, `0.0231`.
public func formatDerivedNumber(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    return formatNumber(Double(String(format: "%.6g", value)) ?? value)
}

/// A number as a person writes it in decimal — an optional sign, digits with at most one point,
/// an optional exponent (`150000`, `-0.5`, `.25`, `2e8`, `1.5E-3`) — and nothing else: no hex
/// (`0x10`), no `inf` or `nan`, no NUL or trailing text (which `Double(_:)` would accept or
/// silently cut). Nil when the text is not such a number or its value is not finite.
public func decimalNumber(_ text: some StringProtocol) -> Double? {
    let bytes = Array(text.utf8)
    var i = 0
    func digits() -> Int {
        let start = i
        while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
        return i - start
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
    var mantissa = digits()
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
        i += 1
        mantissa += digits()
    }
    guard mantissa > 0 else { return nil }
    if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
        i += 1
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard digits() > 0 else { return nil }
    }
    guard i == bytes.count, let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
    return value
}
