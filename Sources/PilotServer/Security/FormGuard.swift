import Crypto
import Foundation
import Hummingbird

/// Anti-forgery for the desk's state-changing forms (the upload): each page carries a value only
/// the token's holder can know, an HMAC of a fixed message under the token, and a POST must send
/// it back; when the browser names the page's origin, it must be the desk's own.
struct FormGuard: Sendable {
    let value: String

    init(token: String) {
        value = HMAC<SHA256>.authenticationCode(for: Data("pilotsim desk form".utf8), using: SymmetricKey(data: Data(token.utf8)))
            .map { String(format: "%02x", $0) }.joined()
    }

    /// Whether a POST with form field `sent` and the request's headers comes from a desk page.
    func admits(_ sent: String?, request: Request) -> Bool {
        guard let sent, ConstantTime.equal(sent, value) else { return false }
        guard let origin = request.headers[.origin] else { return true }
        guard let host = request.head.authority else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }
}
