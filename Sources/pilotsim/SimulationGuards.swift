import ArgumentParser
import Simulator

/// The most memory pilotsim lets `--out` and `report` spend on trajectories, well inside the
/// 24 GiB machines it runs on.
let trajectoryMemoryLimit = 8 << 30

/// Refuses, before anything runs, a simulation whose kept trajectories would not fit in memory.
func checkTrajectoryMemory(_ engine: MonteCarlo, runs: Int, option: String) throws {
    let bytes = engine.trajectoryBytes(runs: runs)
    guard bytes <= trajectoryMemoryLimit else {
        let most = trajectoryMemoryLimit / engine.trajectoryBytes(runs: 1)
        throw ValidationError("\(option) keeps every metric of every month of every run: \(runs) runs would take \(bytes >> 30) GiB; "
                              + "use at most \(most) runs with \(option)")
    }
}
