import Foundation
import PilotModel
import PilotWorkflow

/// How a what-if desk serves: where it listens, the access token every request must carry, and
/// the limits that keep one person's request from starving the others.
public struct DeskConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The secret in the start-up URL; a request carries it in the URL once and in a cookie after.
    public let token: String
    /// The scenario the desk opens with (the command line's SCENARIO): its name and text; nil
    /// for the embedded baseline.
    public var scenario: (name: String, text: String)?
    /// Runs (or conditioning particles) a request may ask for at most.
    public var maximumRuns = 100_000
    /// Simulations that run at once, and requests that may wait for one; beyond, "busy". 32
    /// waiting places hold the requests of 20 people changing levers at once (`make bench`).
    public var simultaneous = 2, waiting = 32
    /// Worker threads of each simulation.
    public var threads: Int
    /// Uploaded scenarios kept (by their SHA-256) for their permalinks; the oldest goes first.
    public var uploadsKept = 64

    public init(host: String = "127.0.0.1", port: Int = 8080, token: String = DeskConfiguration.randomToken(), threads: Int) {
        (self.host, self.port, self.token, self.threads) = (host, port, token, threads)
    }

    /// 32 random bytes from the system's generator, in hexadecimal.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// Whether `host` is a loopback address, the only kind the desk binds to without a warning.
    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.") }

    /// The URL to open: the desk with its token.
    public var startURL: String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)/?token=\(token)"
    }
}
