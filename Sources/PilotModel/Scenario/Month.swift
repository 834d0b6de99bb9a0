/// A calendar month, the model's unit of time (docs/model.md §1), written `YYYY-MM`.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Months since January of year 0; makes month arithmetic plain integer arithmetic.
    public let ordinal: Int

    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month must be 1...12")
        ordinal = year * 12 + (month - 1)
    }

    init(ordinal: Int) { self.ordinal = ordinal }

    /// Parses `YYYY-MM` (four-digit year, two-digit month); `nil` for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month)
    }

    public var year: Int { ordinal / 12 }
    public var month: Int { ordinal % 12 + 1 }

    /// The month `count` months after this one (before it when negative).
    public func advanced(by count: Int) -> Month { Month(ordinal: ordinal + count) }

    /// Whole months from `self` to `other`.
    public func distance(to other: Month) -> Int { other.ordinal - ordinal }

    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : String(month)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m
    }

    public static func < (lhs: Month, rhs: Month) -> Bool { lhs.ordinal < rhs.ordinal }
}
