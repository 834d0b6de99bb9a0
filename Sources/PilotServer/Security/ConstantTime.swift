import Crypto
import Foundation

/// Comparison of secrets (the access token, the anti-forgery value) in time that does not
/// depend on where they differ: their SHA-256 digests are compared byte by byte, all of them.
enum ConstantTime {
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(SHA256.hash(data: Data(a.utf8))), y = Array(SHA256.hash(data: Data(b.utf8)))
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
