import Testing

/// Draws `n` values and checks that the sample mean and variance lie within `k` standard errors
/// of the analytic ones. SE(mean) = σ/√n; SE(variance) = √((μ₄ − σ⁴)/n), with the fourth central
/// moment μ₄ estimated from the sample. With k = 5 a correct sampler fails by chance with
/// probability below 10⁻⁶ per check; a fixed seed makes each check deterministic anyway.
func expectMoments(
    _ name: String, mean: Double, variance: Double, n: Int = 200_000, k: Double = 5,
    sourceLocation: Testing.SourceLocation = #_sourceLocation, draw: () -> Double
) {
    var values = [Double](repeating: 0, count: n)
    for i in 0..<n { values[i] = draw() }
    let sampleMean = values.reduce(0, +) / Double(n)
    var m2 = 0.0, m4 = 0.0
    for x in values {
        let d = (x - sampleMean) * (x - sampleMean)
        m2 += d
        m4 += d * d
    }
    let sampleVariance = m2 / Double(n - 1)
    let fourth = m4 / Double(n)
    let seMean = (variance / Double(n)).squareRoot()
    let seVariance = (max(fourth - sampleVariance * sampleVariance, 0) / Double(n)).squareRoot()
    #expect(
        abs(sampleMean - mean) <= k * seMean,
        "\(name): mean \(sampleMean) vs \(mean), \((sampleMean - mean) / seMean) SE", sourceLocation: sourceLocation)
    #expect(
        abs(sampleVariance - variance) <= k * seVariance,
        "\(name): variance \(sampleVariance) vs \(variance), \((sampleVariance - variance) / seVariance) SE", sourceLocation: sourceLocation)
}
