import ArgumentParser
import PilotModel

extension Pilotsim {
    struct Baseline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the embedded Haimen baseline scenario, to start a scenario of your own from.")

        func run() {
            Console.write(Scenario.baselineText)
        }
    }
}
