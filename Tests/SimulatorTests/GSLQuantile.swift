import CGSL

/// GSL's type-7 quantile of sorted data, the independent oracle of `OrderStatistics`' quantiles.
func gslQuantile(sorted data: [Double], _ p: Double) -> Double {
    data.withUnsafeBufferPointer { gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, p) }
}
