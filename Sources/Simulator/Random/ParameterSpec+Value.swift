import PilotModel

extension ParameterSpec {
    /// One draw of the parameter, brought into its domain (see `ParameterDomain.clamp`).
    func draw(_ random: RandomSource) -> Double { domain.clamp(distribution.sample(random)) }

    /// The parameter's `p`-quantile, brought into its domain: the value that a draw at that
    /// rank takes.
    public func quantile(_ p: Double) -> Double { domain.clamp(distribution.quantile(p)) }
}
