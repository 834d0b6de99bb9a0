import ArgumentParser
import PilotReport
import PilotWorkflow

@main
struct Pilotsim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pilotsim",
        abstract: "Monte Carlo simulator for the Haimen District e-CNY pilot: how likely is each target to be met?",
        discussion: """
            Exit codes: 0 success, 64 bad arguments, 65 invalid scenario or file of reported figures, 66 a part file \
            merge cannot use, 1 anything else.
            The model and the scenario format: README.md and docs/scenario-format.md.
            """,
        version: PilotsimVersion.current,
        subcommands: [
            Run.self, Condition.self, Compare.self, Solve.self, Explain.self, Merge.self, Sweep.self, Tornado.self, Sobol.self, Report.self, Validate.self,
            Baseline.self, Serve.self,
        ],
        defaultSubcommand: Run.self
    )

    static func main() async {
        PendingFiles.installHandlers()
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
