internal import CGSL
import PilotModel

/// Rank correlation between parameter draws by the Iman–Conover method (Iman & Conover, "A
/// distribution-free approach to inducing rank correlation among input variables", Commun.
/// Statist. Simul. Comput. 11, 1982), applied to blocks of `blockSize` runs.
///
/// Within a block each correlated parameter's independent draws are reordered across the runs so
/// that their ranks follow van der Waerden scores Φ⁻¹(i/(n+1)) carrying the target correlation:
/// with R the scores at the draws' ranks, E its correlation and C the target (each rank
/// correlation r as the normal-score correlation 2·sin(πr/6)), T = R·(Q⁻¹)ᵀ·Pᵀ
/// for Cholesky factors C = PPᵀ, E = QQᵀ, and each column is sorted to T's ranks. The set of
/// values of each parameter in the block is unchanged, so every marginal is exactly as drawn.
///
/// A block's values depend only on the seed and the block (always a full block of draws, even
/// when fewer runs are simulated), so results stay independent of thread count and run count
/// at block granularity; a run is no longer a function of its own index alone.
struct ImanConover {
    static let blockSize = 1000

    /// The correlated parameters (indices into `scenario.parameters`) and their target matrix.
    let members: [Int]
    private let target: [[Double]]

    /// `nil` when no correlation applies (pairs with a parameter pinned to a constant are dropped).
    init?(_ scenario: Scenario) {
        let pairs = scenario.activeCorrelations
        guard !pairs.isEmpty else { return nil }
        let (members, matrix) = RankCorrelation.normalScoreMatrix(pairs)
        self.members = members.map(\.index)
        target = matrix
    }

    /// The correlated parameters' values for every run of `block`: `[run in block][member]`.
    func block(_ block: Int, seed: UInt64, draws: ParameterDraws) -> [[Double]] {
        let n = Self.blockSize, k = members.count
        var columns = [[Double]](repeating: [Double](repeating: 0, count: n), count: k)
        for r in 0..<n {
            let key = StreamSeeding.runKey(seed: seed, run: block * n + r)
            for (c, i) in members.enumerated() { columns[c][r] = draws.value(i, runKey: key) }
        }
        // R: the van der Waerden score of each draw's rank (ties broken by run order).
        let scores = (1...n).map { gsl_cdf_ugaussian_Pinv(Double($0) / Double(n + 1)) }
        let ranks = columns.map(Self.ranks)
        let r = (0..<n).map { row in (0..<k).map { scores[ranks[$0][row]] } }
        let e = Self.correlation(r)
        guard let p = Cholesky.factor(target), let q = Cholesky.factor(e) else {
            preconditionFailure("the scenario's correlation matrix was checked to be positive definite")
        }
        // T = R · (Q⁻¹)ᵀ · Pᵀ, row by row: solve Q·y = rowᵀ, then t = P·y.
        let t = r.map { row -> [Double] in
            var y = [Double](repeating: 0, count: k)
            for i in 0..<k {
                var sum = row[i]
                for j in 0..<i { sum -= q[i][j] * y[j] }
                y[i] = sum / q[i][i]
            }
            return (0..<k).map { i in (0...i).reduce(0) { $0 + p[i][$1] * y[$1] } }
        }
        // Give each column's sorted values the ranks of T's column.
        var result = [[Double]](repeating: [Double](repeating: 0, count: k), count: n)
        for c in 0..<k {
            let sorted = columns[c].sorted()
            let targetRanks = Self.ranks(t.map { $0[c] })
            for row in 0..<n { result[row][c] = sorted[targetRanks[row]] }
        }
        return result
    }

    /// 0-based ranks, ties in index order.
    static func ranks(_ values: [Double]) -> [Int] {
        var ranks = [Int](repeating: 0, count: values.count)
        for (rank, index) in values.indices.sorted(by: { (values[$0], $0) < (values[$1], $1) }).enumerated() { ranks[index] = rank }
        return ranks
    }

    /// The Pearson correlation matrix of the columns of `rows`.
    static func correlation(_ rows: [[Double]]) -> [[Double]] {
        let n = Double(rows.count), k = rows[0].count
        let means = (0..<k).map { c in rows.reduce(0) { $0 + $1[c] } / n }
        var cov = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for row in rows {
            for i in 0..<k { for j in 0...i { cov[i][j] += (row[i] - means[i]) * (row[j] - means[j]) } }
        }
        return (0..<k).map { i in
            (0..<k).map { j in
                let (a, b) = (max(i, j), min(i, j))
                return cov[a][b] / (cov[i][i] * cov[j][j]).squareRoot()
            }
        }
    }
}
