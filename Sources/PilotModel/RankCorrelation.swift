import Foundation

/// A Spearman rank correlation the scenario asks for between two uncertain parameters
/// (`correlations: [{between: [KEY.PATH, KEY.PATH], rank: 0.6}]`).
public struct RankCorrelation: Sendable, Equatable {
    public var first: ParameterID
    public var second: ParameterID
    /// In (−1, 1).
    public var rank: Double

    /// The Pearson correlation of normal scores whose Spearman rank correlation is `rank`:
    /// 2·sin(π·rank/6) (Pearson 1907, for the bivariate normal). Iman–Conover imposes this on van
    /// der Waerden scores so that the draws' rank correlation is `rank` itself.
    public var normalScoreCorrelation: Double { 2 * sin(Double.pi * rank / 6) }
}

/// Cholesky factorisation of a symmetric matrix, for checking and imposing correlation matrices.
public enum Cholesky {
    /// The lower-triangular L with L·Lᵀ = matrix, or `nil` when the matrix is not positive definite.
    public static func factor(_ matrix: [[Double]]) -> [[Double]]? {
        let n = matrix.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = matrix[i][j]
                for k in 0..<j { sum -= l[i][k] * l[j][k] }
                if i == j {
                    guard sum > 1e-12 else { return nil }
                    l[i][i] = sum.squareRoot()
                } else {
                    l[i][j] = sum / l[j][j]
                }
            }
        }
        return l
    }
}
