import ArgumentParser
import PilotModel
import PilotReport
import PilotWorkflow

extension Pilotsim {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check scenario files; print 'FILE: ok' or every error found.",
            discussion: """
                Examples:
                  pilotsim validate scenarios/*.yaml
                  pilotsim validate --explain my-scenario.yaml
                """)

        @Argument(help: "Scenario YAML files.", completion: .file(extensions: ["yaml", "yml"]))
        var files: [String]

        @Flag(help: "Also list every distribution fitted to percentiles ({quantiles: …}): the family fitted and its error at each given percentile.")
        var explain = false

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("give at least one scenario file") }
        }

        func run() throws {
            var allValid = true
            for file in files {
                do {
                    let scenario = try Scenario.load(path: file)
                    Console.write("\(file): ok\n")
                    if explain {
                        for spec in scenario.parameters where spec.fit != nil {
                            Console.write("  \(spec.keyPath): \(spec.distributionText())\n")
                        }
                    }
                } catch let error as ScenarioValidationError {
                    allValid = false
                    printError(error.description)
                }
            }
            if !allValid { throw ExitStatus.invalidScenario }
        }
    }
}
