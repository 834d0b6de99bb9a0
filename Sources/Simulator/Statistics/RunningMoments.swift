/// Mean and sample standard deviation of values added one at a time (Welford 1962): stable for
/// large, close values such as cumulative yuan, and the same to the bit for the same values in the
/// same order however they arrive — whole, or block by block.
public struct RunningMoments: Sendable {
    public private(set) var count = 0
    public private(set) var mean = 0.0
    private var m2 = 0.0

    public init() {}

    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        m2 += delta * (x - mean)
    }

    /// With n − 1; 0 for fewer than two values.
    public var sd: Double { count > 1 ? (m2 / Double(count - 1)).squareRoot() : 0 }
}
