internal import CGSL

/// Process-wide GSL setup: GSL's default error handler calls `abort()`; pilotsim validates every
/// input before it reaches GSL and wants a failed call to be an error, not a crash.
enum GSLRuntime {
    /// Evaluated once, on first use, by every entry point that touches GSL: `RandomSource`,
    /// `SobolSequence`, `Distribution.quantile` and `Statistics.quantile`.
    static let prepared: Void = {
        _ = gsl_set_error_handler_off()
    }()
}
