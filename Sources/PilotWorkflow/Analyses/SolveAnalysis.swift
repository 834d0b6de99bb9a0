import Foundation
import PilotModel
import PilotReport
import Simulator

extension Analyses {
    /// `solve`: the value of one scenario number at which a target's P(met) reaches a
    /// probability; shardable in part: its units are the values of the coarse grid every solve
    /// evaluates first (`Solver.grid`), a part carries P(met) at its values, and the merge does
    /// the rest — the bracket and the bisection, each value depending on the one before.
    public struct Solve: Analysis, ShardableAnalysis {
        public static let command = "solve"

        /// Runs at each value tried when a front end is not told (the command line's `solve`, the desk).
        public static let defaultRuns = 4000

        public struct Inputs: Codable, Equatable {
            /// The number's key path, and where to look.
            public let path: String, low: Double, high: Double
            public let target: String, probability: Double
            /// Runs at each value tried.
            public let runs: Int
        }

        public let solver: Solver
        /// Runs at each value tried; the particles' count when `sample` is given.
        public let runs: Int
        public let sample: ConditionedSample?

        public init(solver: Solver, runs: Int, sample: ConditionedSample? = nil) {
            (self.solver, self.runs, self.sample) = (solver, runs, sample)
        }

        /// - Throws: `AnalysisError.inputs` for inputs a solve does not take,
        ///   `ScenarioValidationError` for a range the number cannot take.
        public init(document: ScenarioDocument, overrides: [ScenarioOverride], inputs: Inputs) throws {
            guard Analyses.runRange.contains(inputs.runs), inputs.probability > 0, inputs.probability < 1, inputs.low.isFinite,
                inputs.high.isFinite, inputs.low < inputs.high
            else { throw AnalysisError.inputs("a probability between 0 and 1, a range LOW < HIGH and 1 to 10,000,000 runs") }
            do {
                let solver = try Solver(
                    document: document, overrides: overrides, path: inputs.path, range: inputs.low...inputs.high, targetID: inputs.target,
                    probability: inputs.probability)
                self.init(solver: solver, runs: inputs.runs)
            } catch is SweepPathError {
                throw AnalysisError.inputs("a number of the scenario (not '\(inputs.path)')")
            } catch let error as SolveError {
                throw AnalysisError.inputs("a target of the scenario and a number with a range (\(error))")
            }
        }

        public var inputs: Inputs {
            Inputs(
                path: solver.path, low: solver.range.lowerBound, high: solver.range.upperBound, target: solver.targetID,
                probability: solver.probability, runs: runs)
        }

        /// The runs at each value tried.
        public var runCount: Int { sample?.count ?? runs }

        /// The outcome, and the runs spent over every value tried.
        /// - Throws: `ConditionedSample.Refusal` when the number acts on months the figures fix.
        public func run(_ execution: Execution) throws -> (outcome: Solver.Outcome, runsSpent: Int) {
            let (outcome, spent) = try solver.run(seed: execution.seed, runs: runs, threads: execution.threads, sample: sample)
            return (outcome, spent)
        }

        public var units: Int { solver.grid.count }

        /// P(met) at a shard's values of the grid, in order.
        public func evaluate(_ units: Range<Int>, _ execution: Execution) -> [Double] {
            let grid = solver.grid
            // The ends of the range were checked when the solver was made, so every value between is a scenario.
            return units.map { (try? solver.share(at: grid[$0], seed: execution.seed, runs: runs, threads: execution.threads)) ?? .nan }
        }

        public func damage(in shares: [Double], units: Range<Int>, seed: UInt64) -> String? {
            guard shares.count == units.count else { return "\(shares.count) values of P(met); expected \(units.count)" }
            guard shares.allSatisfy({ (0...1).contains($0) }) else { return "a P(met) outside [0, 1]" }
            return nil
        }

        /// The solve from the grid's P(met): the bracket and the bisection, simulated here.
        /// - Throws: `ScenarioValidationError` for a value the number cannot take.
        public func merged(_ partials: [[Double]], _ execution: Execution) throws -> MergedAnalysis {
            let (outcome, spent) = try solver.run(
                seed: execution.seed, runs: runs, threads: execution.threads, gridShares: Array(partials.joined()))
            return MergedAnalysis(
                files: [("solve.csv", SolveReport.csv(solver, outcome, targetID: solver.targetID, runsSpent: spent))], runs: runs, workbook: nil)
        }
    }
}
