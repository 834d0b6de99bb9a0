import ArgumentParser
import Foundation
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

extension Pilotsim.Report {
    /// With `--sobol`: each target's Sobol indices, on the conditioned particles when the report
    /// is conditioned.
    func sobolIndices(_ scenario: Scenario, sample: ConditionedSample?) throws -> (analysis: GlobalSensitivity, estimate: SobolAnalysis.Estimate)? {
        guard sobol else { return nil }
        let analysis = GlobalSensitivity(scenario: scenario, sample: sample)
        let progress = ProgressLine("sobol", total: sobolSamples * (analysis.inputs.count + 2), quiet: simulation.quiet)
        let estimate = analysis.run(
            samples: sobolSamples, seed: simulation.seed, threads: simulation.threadCount,
            progress: { done, _ in progress.update(done) })
        progress.finish()
        return (analysis, estimate)
    }

    /// With `--sweep`: every target's P(met) at each point, on the conditioned particles when
    /// the report is conditioned (the sweep may then vary only what acts after the figures).
    func sweepPoints(sample: ConditionedSample?) throws -> (sweep: Simulator.Sweep, summaries: [SimulationSummary])? {
        guard !sweep.isEmpty else { return nil }
        let axes = try sweep.map { try VaryArgument($0, option: "--sweep").sweepAxis(option: "--sweep") }
        let analysis: Simulator.Sweep
        do {
            analysis = try Simulator.Sweep(
                document: try scenario.document(), overrides: try scenario.parsedOverrides(), axes: axes,
                pointSource: "--sweep")
        } catch let error as SweepPathError {
            throw ValidationError(Pilotsim.Sweep.message(error, option: "--sweep"))
        }
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
