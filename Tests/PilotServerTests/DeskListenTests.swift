import Foundation
import PilotServer
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A desk told to listen where another program already listens says so by name, instead of
/// the system's words (the command line turns it into its `--port` error).
@Suite struct DeskListenTests {
    @Test func aPortInUseIsNamed() async throws {
        // A listening socket on a free loopback port, held while the desk tries it.
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(holder >= 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, length) == 0 && getsockname(holder, $0, &length) == 0 }
        }
        #expect(bound && listen(holder, 1) == 0)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let server = try DeskServer(DeskConfiguration(port: port, token: String(repeating: "ab", count: 32), threads: 1))
        await #expect(throws: DeskServer.ListenError.portInUse(host: "127.0.0.1", port: port)) { try await server.run() }
    }
}
