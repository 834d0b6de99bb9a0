/// Shard numbers in a message, short enough to read: runs of consecutive numbers as ranges, at
/// most a few hundred characters.
public enum ShardList {
    /// "3", "2–100000", "1, 4–6, 9", or the first ranges and "…" when they run long.
    public static func summary(_ numbers: [Int]) -> String {
        var ranges: [ClosedRange<Int>] = []
        for n in numbers.sorted() {
            if let last = ranges.last, last.upperBound + 1 == n { ranges[ranges.count - 1] = last.lowerBound...n } else { ranges.append(n...n) }
        }
        var text = ""
        for range in ranges {
            let piece = range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
            if text.count + piece.count > 200 {
                text += ", …"
                break
            }
            text += (text.isEmpty ? "" : ", ") + piece
        }
        return text
    }
}
