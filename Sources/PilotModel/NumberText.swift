import Foundation

/// A number as pilotsim writes it in files and messages: whole numbers below 10¹⁵ without a
/// fraction (`900000`), others in the shortest form that reads back to the same double
/// (`0.15`, `2.5e-07`, `4.3e+27`). The one number format of CSV, JSON keys and errors.
public func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}

/// A number computed from what the user wrote (a lognormal's median from its mean and sd), to six
/// significant digits, so that a message does not show rounding noise: `1e+07`, `0.0231`.
public func formatDerivedNumber(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    return formatNumber(Double(String(format: "%.6g", value)) ?? value)
}
