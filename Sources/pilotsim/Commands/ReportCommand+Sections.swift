import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

extension Pilotsim.Report {
    /// With `--tornado`: each target's bars, each simulation of `--tornado-runs` runs (default
    /// `runs`, the report's own up to `perRunLimit`), on the conditioned particles when conditioned.
    func tornadoBars(_ scenario: Scenario, sample: ConditionedSample?, runs: Int) throws -> (
        analysis: Simulator.Tornado, baseline: SimulationSummary, bars: [[Simulator.Tornado.Bar]]
    )? {
        guard tornado else { return nil }
        let analysis = Analyses.Tornado(
            tornado: Simulator.Tornado(scenario: scenario, low: quantiles.low, high: quantiles.high, sample: sample), runs: tornadoRuns ?? runs)
        let (baseline, bars) = ProgressLine.showing("tornado", quiet: simulation.quiet) { analysis.run(simulation.withProgress($0)) }
        return (analysis.tornado, baseline, bars)
    }

    /// With `--compare B`: plan B run on the runs of `a` (same seed and run indices, and the
    /// conditioned particles when conditioned), and the two plans' names.
    func comparison(with a: SimulationResult, sample: ConditionedSample?) throws -> (comparison: Comparison, a: String, b: String)? {
        guard let compare else { return nil }
        let other = try ScenarioDocument(path: compare).scenario(overrides: try scenario.parsedOverrides())
        if let sample {
            try sample.check(other)
        }
        // A's runs are the report's own: only B is simulated.
        let b = Analyses.Run(scenario: other, runs: a.runs, keep: .targetValues, sample: sample).run(simulation.withProgress())
        return (Comparison(a: a, b: b), scenario.sourceName(language.labels), compare)
    }

    /// With `--sobol`: each target's Sobol indices, on the conditioned particles when the report
    /// is conditioned.
    func sobolIndices(_ scenario: Scenario, sample: ConditionedSample?) throws -> (analysis: GlobalSensitivity, estimate: SobolAnalysis.Estimate)? {
        guard sobol else { return nil }
        let analysis = Analyses.Sobol(analysis: GlobalSensitivity(scenario: scenario, sample: sample), samples: sobolSamples)
        let estimate = ProgressLine.showing("sobol", quiet: simulation.quiet) { analysis.run(simulation.withProgress($0)) }
        return (analysis.analysis, estimate)
    }

    /// With `--sweep`: every target's P(met) at each point, on the conditioned particles when
    /// the report is conditioned (the sweep may then vary only what acts after the figures).
    func sweepPoints(sample: ConditionedSample?) throws -> (sweep: Simulator.Sweep, summaries: [SimulationSummary])? {
        guard !sweep.isEmpty else { return nil }
        let analysis = Analyses.Sweep(
            sweep: try Pilotsim.Sweep.sweep(sweep, option: "--sweep", scenario: scenario), runs: sweepRuns, sample: sample)
        let summaries = try ProgressLine.showing("sweep", quiet: simulation.quiet) { progress throws -> [SimulationSummary] in
            try analysis.run(simulation.withProgress(progress))
        }
        return (analysis.sweep, summaries)
    }
}
