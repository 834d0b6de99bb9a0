import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

/// Reported figures: the scenario's `observed:` section, or `--observed FILE`; `--prior` for the
/// plan-time view without them.
struct ObservedOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Reported figures to condition on: CSV month,metric,value[,rel_error]; replaces the scenario's observed: section.",
            valueName: "FILE"), completion: .file(extensions: ["csv"]))
    var observed: String?

    @Flag(help: "The plan-time view: ignore reported figures (the scenario's observed: and --observed).")
    var prior = false

    @Option(help: "Independent SMC populations when conditioning, 1 to 16; their spread is the Monte Carlo error.")
    var chains: Int = Conditioning.defaultChains

    /// The particles a conditioning takes: below 100 its populations say nothing; 100,000 (4
    /// populations of 25,000) finish in minutes on 2 cores (README, "Conditioning on reported
    /// figures").
    static let particleRange = 100...100_000

    /// The particles used when a command conditions and `--runs` is not given: 4 populations of
    /// 750 keep the embedded baseline's conditioned `run` under 10 s on 2 cores.
    static let defaultParticles = 3_000

    func validate() throws {
        if prior && observed != nil { throw ValidationError("give --observed or --prior, not both") }
        guard (1...16).contains(chains) else { throw ValidationError("--chains must be from 1 to 16 (got \(chains))") }
    }

    /// For an analysis of `scenario`: the conditioned particles to run on (nil for the plan-time
    /// view) and the header line that says which, in the report's language. Conditions with
    /// `--runs` particles (default `defaultParticles`).
    func sample(for scenario: Scenario, simulation: SimulationOptions, labels: Labels) throws -> (sample: ConditionedSample?, line: String) {
        try sample(
            for: scenario, particles: simulation.runs ?? Self.defaultParticles, seed: simulation.seed,
            threads: simulation.threadCount, quiet: simulation.quiet, labels: labels)
    }

    /// The same for a command without `--runs` (sobol): `particles` particles.
    func sample(
        for scenario: Scenario, particles: Int, seed: UInt64, threads: Int, quiet: Bool,
        labels: Labels
    ) throws -> (sample: ConditionedSample?, line: String) {
        guard let figures = try figures(for: scenario) else { return (nil, planTimeLine(scenario, labels)) }
        let result = try figures.condition(scenario, particles: particles, chains: chains, seed: seed, threads: threads, quiet: quiet, labels: labels)
        return (result.sample, figures.description(labels))
    }

    /// The header line of a plan-time answer: no figures, or the scenario's ignored with `--prior`.
    func planTimeLine(_ scenario: Scenario, _ labels: Labels) -> String {
        prior && !scenario.observations.isEmpty ? labels.condition.figuresIgnored(scenario.observations.count) : labels.condition.noFigures
    }

    /// The figures in force for `scenario`, with where they come from and the SHA-256 of their
    /// text; nil with `--prior` or when there are none.
    func figures(for scenario: Scenario) throws -> ReportedFigures? {
        guard !prior else { return nil }
        if let observed {
            let (text, observations) = try ObservationFile.loadWithText(path: observed, scenario: scenario)
            return ReportedFigures(observations: observations, source: observed, sha256: ContentDigest.hex(text.utf8))
        }
        guard !scenario.observations.isEmpty else { return nil }
        return ReportedFigures(
            observations: scenario.observations, source: "observed:",
            sha256: ContentDigest.hex(ObservationFile.render(scenario.observations).utf8))
    }
}

/// Figures a command conditions on, and their provenance for headers and manifests.
struct ReportedFigures {
    let observations: [Observation]
    /// The file, or `observed:` for the scenario's own section.
    let source: String
    /// SHA-256 of the file's text, or of the section's figures as CSV (`ObservationFile.render`).
    let sha256: String

    /// `docs/examples/haimen-2023-08.csv (3 figures)`, in the report's language.
    func description(_ labels: Labels) -> String {
        labels.condition.figuresSource(source == "observed:" ? labels.condition.scenarioSection : source, count: observations.count)
    }

    /// Conditions `scenario` on the figures with `particles` particles (`--runs`, default
    /// `ObservedOptions.defaultParticles`), showing progress; prints the warnings on stderr.
    func condition(_ scenario: Scenario, chains: Int, simulation: SimulationOptions, labels: Labels) throws -> Conditioning.Result {
        try condition(
            scenario, particles: simulation.runs ?? ObservedOptions.defaultParticles, chains: chains, seed: simulation.seed,
            threads: simulation.threadCount, quiet: simulation.quiet, labels: labels)
    }

    func condition(_ scenario: Scenario, particles: Int, chains: Int, seed: UInt64, threads: Int, quiet: Bool, labels: Labels) throws -> Conditioning.Result {
        guard ObservedOptions.particleRange.contains(particles) else {
            throw ValidationError("with reported figures, --runs is the sampler's particles: from 100 to 100,000 (got \(particles))")
        }
        let progress = ProgressLine("condition", total: 100, quiet: quiet)
        let result = Conditioning(
            scenario: scenario, observations: observations, particles: particles, chains: chains,
            seed: seed, threads: threads
        ).run { progress.update(Int($0 * 100)) }
        progress.finish()
        ConditionReport(result).warnings(labels).forEach(printError)
        return result
    }
}

extension ConditionedSample.Refusal {
    /// The refusal as an argument error (exit 64), naming the months the change would alter.
    var validationError: ValidationError {
        let what = parameters.isEmpty ? "the change" : parameters.joined(separator: ", ")
        let span = months.isEmpty ? "" : " (it alters \(months.count == 1 ? months[0].description : "\(months.first!)…\(months.last!)"))"
        return ValidationError(
            "\(what) acts on the months the reported figures fix, through \(lastReportedMonth)\(span); "
                + "varying it would need conditioning again: answer on the plan-time view with --prior, "
                + "or change the scenario and condition anew")
    }
}
