import Crypto

/// The SHA-256 digest that names an exact text a result came from — a scenario, a file of
/// reported figures — as 64 lower-case hexadecimal digits (swift-crypto's implementation).
public enum ContentDigest {
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash = SHA256()
        hash.update(data: Array(bytes))
        let digits = Array("0123456789abcdef")
        return String(hash.finalize().flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }

    /// A scenario as report headers name it: `name · SHA-256 3f2a9c1d4b5e`, the first 12 digits
    /// of its text's digest, so that a pasted table says which text it came from.
    public static func named(_ name: String, text: String) -> String {
        "\(name) · SHA-256 \(hex(text.utf8).prefix(12))"
    }
}
