import ArgumentParser

/// The quantiles a tornado analysis pins each uncertain parameter at (`tornado`, `report --tornado`).
struct TornadoQuantiles: ParsableArguments {
    @Option(help: "The low quantile to pin each parameter at.")
    var low: Double = 0.1

    @Option(help: "The high quantile to pin each parameter at.")
    var high: Double = 0.9

    func validate() throws {
        guard low > 0, low < high, high < 1 else {
            throw ValidationError("--low and --high must satisfy 0 < low < high < 1 (got \(low), \(high))")
        }
    }
}
