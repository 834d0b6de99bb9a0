import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotServer
import PilotWorkflow

extension Pilotsim {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The what-if desk in a browser: change a lever and see each target's chance and the change's effect.",
            discussion: """
                Starts a local web application and prints its URL, with an access token every request must carry (the \
                browser keeps it in a cookie after the first page). It listens on 127.0.0.1 unless --host says otherwise; \
                to serve colleagues, run it behind the district's own reverse proxy with TLS rather than on an open address. \
                Ctrl-C stops it.

                Defaults: port 8080; 10,000 runs a page (3,000 particles when the scenario carries reported figures), at \
                most 100,000.

                Examples:
                  pilotsim serve
                  pilotsim serve scenarios/haimen-optimistic.yaml --port 8181
                """)

        @Argument(help: "The scenario the desk opens with (default: the embedded Haimen baseline).", completion: .file(extensions: ["yaml", "yml"]))
        var scenario: String?

        @Option(help: "The port to listen on.")
        var port: Int = 8080

        @Option(help: "The address to listen on: 127.0.0.1 (this machine only) unless you mean to serve others.")
        var host: String = "127.0.0.1"

        @OptionGroup var threads: ThreadsOption

        func validate() throws {
            guard (1...65_535).contains(port) else { throw ValidationError("--port must be from 1 to 65,535 (got \(port))") }
        }

        func run() async throws {
            try await reportingAsyncFailures {
                var configuration = DeskConfiguration(host: host, port: port, threads: threads.count)
                if let scenario {
                    let document = try ScenarioDocument(path: scenario)
                    _ = try document.scenario()
                    configuration.scenario = (scenario, document.text)
                }
                if !configuration.isLoopback {
                    printError(
                        "warning: --host \(host) is not this machine only: anyone who can reach it and has the URL's token can use the desk; serve others behind a reverse proxy with TLS"
                    )
                }
                let server = try DeskServer(configuration)
                let url = configuration.startURL
                do {
                    try await server.run { Console.write("pilotsim desk: open \(url)\n") }
                } catch DeskServer.ListenError.portInUse(let host, let port) {
                    throw ValidationError("--port \(port): another program listens on \(host):\(port); choose another port with --port")
                } catch DeskServer.ListenError.cannotListen(let host, let port, let reason) {
                    throw ValidationError(
                        "--host \(host) --port \(port): cannot listen there (\(reason)); expected an address of this machine and a port above 1023")
                }
            }
        }
    }
}
