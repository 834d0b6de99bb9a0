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
        let analysis = Simulator.Tornado(scenario: scenario, low: quantiles.low, high: quantiles.high, sample: sample)
        let progress = ProgressLine("tornado", total: 2 * analysis.parameters.count, quiet: simulation.quiet)
        defer { progress.finish() }
        let (baseline, bars) = analysis.run(
            seed: simulation.seed, runs: tornadoRuns ?? runs, threads: simulation.threadCount, progress: progress.update)
        return (analysis, baseline, bars)
    }

    /// With `--compare B`: plan B run on the runs of `a` (same seed and run indices, and the
    /// conditioned particles when conditioned), and the two plans' names.
    func comparison(with a: SimulationResult, sample: ConditionedSample?) throws -> (comparison: Comparison, a: String, b: String)? {
        guard let compare else { return nil }
        let other = try ScenarioDocument(path: compare).scenario(overrides: try scenario.parsedOverrides())
        if let sample {
            do { try sample.check(other) } catch let refusal as ConditionedSample.Refusal { throw refusal.validationError }
        }
        var engineB = MonteCarlo(scenario: other, seed: simulation.seed, threads: simulation.threadCount, keep: .targetValues)
        engineB.sample = sample
        return (Comparison(a: a, b: engineB.run(runs: a.runs)), scenario.sourceName(language.labels), compare)
    }

    /// With `--sobol`: each target's Sobol indices, on the conditioned particles when the report
    /// is conditioned.
    func sobolIndices(_ scenario: Scenario, sample: ConditionedSample?) throws -> (analysis: GlobalSensitivity, estimate: SobolAnalysis.Estimate)? {
        guard sobol else { return nil }
        let analysis = GlobalSensitivity(scenario: scenario, sample: sample)
        return (analysis, analysis.runShowingProgress(samples: sobolSamples, seed: simulation.seed, threads: simulation.threadCount, quiet: simulation.quiet))
    }

    /// With `--sweep`: every target's P(met) at each point, on the conditioned particles when
    /// the report is conditioned (the sweep may then vary only what acts after the figures).
    func sweepPoints(sample: ConditionedSample?) throws -> (sweep: Simulator.Sweep, summaries: [SimulationSummary])? {
        guard !sweep.isEmpty else { return nil }
        let analysis = try Pilotsim.Sweep.sweep(sweep, option: "--sweep", scenario: scenario)
        if let sample {
            do { try analysis.check(against: sample) } catch let refusal as ConditionedSample.Refusal { throw refusal.validationError }
        }
        let progress = ProgressLine("sweep", total: analysis.points.count, quiet: simulation.quiet)
        let summaries = analysis.run(
            seed: simulation.seed, runs: sample?.count ?? sweepRuns, threads: simulation.threadCount, sample: sample,
            progress: progress.update)
        progress.finish()
        return (analysis, summaries)
    }
}
