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

    func validate() throws {
        if prior && observed != nil { throw ValidationError("give --observed or --prior, not both") }
        guard Analyses.Condition.chainRange.contains(chains) else { throw ValidationError("--chains must be from 1 to 16 (got \(chains))") }
    }

    /// For an analysis of `scenario`: the conditioned particles to run on (nil for the plan-time
    /// view) and the header line that says which, in the report's language. Conditions with
    /// `--runs` particles (default `defaultParticles`).
    func sample(for scenario: Scenario, simulation: SimulationOptions, labels: Labels) throws -> (sample: ConditionedSample?, line: String) {
        try sample(
            for: scenario, particles: simulation.runs ?? Analyses.Condition.defaultParticles, seed: simulation.seed,
            threads: simulation.threadCount, quiet: simulation.quiet, labels: labels)
    }

    /// The same for a command without `--runs` (sobol): `particles` particles.
    func sample(
        for scenario: Scenario, particles: Int, seed: UInt64, threads: Int, quiet: Bool,
        labels: Labels
    ) throws -> (sample: ConditionedSample?, line: String) {
        guard let figures = try figures(for: scenario) else { return (nil, planTimeLine(scenario, labels)) }
        let result = try Self.condition(
            scenario, on: figures, particles: particles, chains: chains, seed: seed, threads: threads, quiet: quiet,
            labels: labels)
        return (result.sample, figures.description(labels))
    }

    /// The header line of a plan-time answer: no figures, or the scenario's ignored with `--prior`.
    func planTimeLine(_ scenario: Scenario, _ labels: Labels) -> String {
        prior && !scenario.observations.isEmpty ? labels.condition.figuresIgnored(scenario.observations.count) : labels.condition.noFigures
    }

    /// Refuses reported figures in force for `scenario` in a shard: shards take the plan-time view.
    func refuseInShard(_ scenario: Scenario) throws {
        guard try figures(for: scenario) == nil else { throw ValidationError(Self.shardRefusal) }
    }

    /// Why a shard takes no reported figures.
    static let shardRefusal = "--shard takes no reported figures: shard the plan-time view with --prior"

    /// The figures in force for `scenario`, with where they come from and the SHA-256 of their
    /// text; nil with `--prior` or when there are none.
    func figures(for scenario: Scenario) throws -> ReportedFigures? {
        guard !prior else { return nil }
        if let observed { return try ReportedFigures(fileText: try ObservationFile.text(path: observed), file: observed, scenario: scenario) }
        return ReportedFigures(sectionOf: scenario)
    }

    /// Conditions `scenario` on `figures` with `--runs` particles (default `defaultParticles`),
    /// showing progress; prints the sampler's warnings on stderr.
    func condition(_ scenario: Scenario, on figures: ReportedFigures, simulation: SimulationOptions, labels: Labels) throws -> Conditioning.Result {
        try Self.condition(
            scenario, on: figures, particles: simulation.runs ?? Analyses.Condition.defaultParticles, chains: chains,
            seed: simulation.seed, threads: simulation.threadCount, quiet: simulation.quiet, labels: labels)
    }

    /// Conditions `scenario` on `figures` (`condition`, and every command given figures), showing
    /// progress; prints the sampler's warnings on stderr.
    static func condition(
        _ scenario: Scenario, on figures: ReportedFigures, particles: Int, chains: Int, seed: UInt64, threads: Int, quiet: Bool, labels: Labels
    ) throws -> Conditioning.Result {
        let analysis = try Analyses.Condition(scenario: scenario, figures: figures, particles: particles, chains: chains)
        let result = ProgressLine.showing("condition", quiet: quiet) { analysis.run(Execution(seed: seed, threads: threads, progress: $0.observer)) }
        ConditionReport(result).warnings(labels).forEach(printError)
        return result
    }
}

extension ConditionedSample.Refusal {
    /// The refusal in the command line's terms, naming the months the change would alter.
    var message: String {
        let what = parameters.isEmpty ? "the change" : parameters.joined(separator: ", ")
        let span = months.isEmpty ? "" : " (it alters \(months.count == 1 ? months[0].description : "\(months.first!)…\(months.last!)"))"
        return "\(what) acts on the months the reported figures fix, through \(lastReportedMonth)\(span); "
            + "varying it would need conditioning again: answer on the plan-time view with --prior, "
            + "or change the scenario and condition anew"
    }
}

extension AnalysisError {
    /// The error in the command line's terms.
    var message: String {
        switch self {
        case .unknownTarget(let id, let known): "--target \(id): no such target; expected one of \(known.joined(separator: ", "))"
        case .particlesOutOfRange(let particles):
            "with reported figures, --runs is the sampler's particles: from \(NumberStyle.grouped(Double(Analyses.Condition.particleRange.lowerBound))) to \(NumberStyle.grouped(Double(Analyses.Condition.particleRange.upperBound))) (got \(particles))"
        case .inputs: description
        }
    }
}
