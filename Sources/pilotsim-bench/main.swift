// Micro-benchmarks behind `make bench`: the cost of pilotsim's hot draws, as ratios against
// GSL's own samplers on the same generator type. Not part of the tool; run in release.
import CGSL
import Dispatch
import Simulator

/// Nanoseconds per call of `body`, best of five rounds of `count` calls.
func nanoseconds(_ count: Int, _ body: () -> Double) -> Double {
    var best = Double.infinity
    var sink = 0.0
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<count { sink += body() }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(count)
        best = min(best, elapsed)
    }
    if sink.isNaN { print("") }  // keeps the loop from being optimised away
    return best
}

gsl_set_error_handler_off()
let pilot = RandomSource(key: 1)
let gsl = gsl_rng_alloc(cgsl_rng_taus2())!
gsl_rng_set(gsl, 1)

print("draw                               pilotsim ns   GSL ns   GSL / pilotsim")
for mean in [20.0, 2_000.0, 200_000.0] {
    let ours = nanoseconds(400_000) { pilot.poisson(mean) }
    let theirs = nanoseconds(400_000) { Double(gsl_ran_poisson(gsl, mean)) }
    print(String(format: "Poisson, mean %-9.0f (PTRS)     %9.1f %8.1f %10.1f×", mean, ours, theirs, theirs / ours))
}
let binomial = nanoseconds(400_000) { Double(pilot.binomial(800_000, 0.02)) }
let gslBinomial = nanoseconds(400_000) { Double(gsl_ran_binomial(gsl, 0.02, 800_000)) }
print(String(format: "Binomial(800000, 0.02) (wrapper)   %9.1f %8.1f %10.1f×", binomial, gslBinomial, gslBinomial / binomial))
let amount = nanoseconds(400_000) { pilot.amount(of: 5_000, mean: 400, cv: 2) }
print(String(format: "amount of 5,000 tickets (gamma)    %9.1f", amount))
gsl_rng_free(gsl)
