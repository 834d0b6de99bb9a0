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

    /// The parameters that `pairs` name, in order of first mention, and the matrix of normal-score
    /// correlations among them: 1 on the diagonal, each pair's `normalScoreCorrelation`, and 0 for a
    /// pair that is not listed. The one definition of the matrix that is checked and imposed.
    public static func normalScoreMatrix(_ pairs: [RankCorrelation]) -> (members: [ParameterID], matrix: [[Double]]) {
        let members = pairs.flatMap { [$0.first, $0.second] }.reduce(into: [ParameterID]()) { if !$0.contains($1) { $0.append($1) } }
        var matrix = members.map { a in members.map { b in a == b ? 1.0 : 0.0 } }
        for pair in pairs {
            let i = members.firstIndex(of: pair.first)!, j = members.firstIndex(of: pair.second)!
            matrix[i][j] = pair.normalScoreCorrelation
            matrix[j][i] = pair.normalScoreCorrelation
        }
        return (members, matrix)
    }
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
