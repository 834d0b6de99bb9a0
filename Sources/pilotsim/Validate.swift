import ArgumentParser
import PilotModel

extension Pilotsim {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check scenario files; print 'FILE: ok' or every error found.")

        @Argument(help: "Scenario YAML files.")
        var files: [String]

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("give at least one scenario file") }
        }

        func run() throws {
            var allValid = true
            for file in files {
                do {
                    _ = try Scenario.load(path: file)
                    print("\(file): ok")
                } catch let error as ScenarioValidationError {
                    allValid = false
                    printError(error.description)
                }
            }
            if !allValid { throw ExitStatus.invalidScenario }
        }
    }
}
