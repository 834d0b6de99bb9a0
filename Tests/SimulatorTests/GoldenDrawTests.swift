import Foundation
import PilotModel
import TestSupport
import Testing

@testable import Simulator

/// Pinned outputs of the random machinery (Tests/Fixtures/golden): stream keys, and the first
/// draws of every sampler from fixed keys. A change of any of them changes every result pilotsim
/// prints, so it must show as a diff of these files (`make golden`).
struct GoldenDrawTests {
    @Test func streamKeys() {
        var lines: [String] = []
        for seed: UInt64 in [0, 1, 20_230_817, .max] {
            for run in [0, 1, 999_999] {
                let runKey = StreamSeeding.runKey(seed: seed, run: run)
                let streams = ["wallets.personal.imitation", "process:merchants", "process:campaigns[0].new_users"].map {
                    String(StreamSeeding.streamKey(runKey: runKey, name: StreamSeeding.name(of: $0)), radix: 16)
                }
                lines.append("seed \(seed) run \(run): run key \(String(runKey, radix: 16)); streams \(streams.joined(separator: " "))")
            }
        }
        let mismatch = Golden.mismatch(lines.joined(separator: "\n") + "\n", file: "stream-keys.txt")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func firstDrawsOfEverySampler() {
        let random = RandomSource(key: 0)
        var lines: [String] = []
        func record(_ name: String, _ draw: () -> Double) {
            random.select(key: 0x5EED_0000_0000_0001)
            lines.append("\(name): " + (0..<8).map { _ in "\(draw())" }.joined(separator: " "))
        }
        record("uniform") { random.uniform() }
        record("uniformPositive") { random.uniformPositive() }
        record("binomial(1000, 0.3)") { Double(random.binomial(1000, 0.3)) }
        record("binomial(800000, 0.02)") { Double(random.binomial(800_000, 0.02)) }
        record("poisson(3)") { random.poisson(3) }
        record("poisson(2000) PTRS") { random.poisson(2000) }
        record("gamma(2.5, 3)") { random.gamma(shape: 2.5, scale: 3) }
        record("amount(of 40, mean 400, cv 2)") { random.amount(of: 40, mean: 400, cv: 2) }
        record("beta(3, 7)") { random.beta(alpha: 3, beta: 7) }
        record("lognormal(log 0.03, 0.5)") { random.lognormal(zeta: log(0.03), sigma: 0.5) }
        record("flat(1, 4)") { random.flat(min: 1, max: 4) }
        record("triangular(1.1, 2.5, 4)") { random.triangular(min: 1.1, mode: 2.5, max: 4) }
        record("pert(0.1, 0.2, 0.6)") { random.pert(min: 0.1, mode: 0.2, max: 0.6) }
        record("truncatedNormal(0.1, 0.05, 0, 0.2)") { random.truncatedNormal(mean: 0.1, sd: 0.05, min: 0, max: 0.2) }
        let mismatch = Golden.mismatch(lines.joined(separator: "\n") + "\n", file: "sampler-draws.txt")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    /// The CGSL shim writes GSL's private taus2 state directly. Its first outputs must be those of
    /// L'Ecuyer's recurrence (Math. Comp. 65, 1996, and GSL's rng/taus.c) from the three words the
    /// shim loads, computed here independently of GSL: a GSL whose state layout or generator
    /// differs fails this test instead of changing every result silently.
    @Test func taus2StateLayoutMatchesLEcuyersRecurrence() {
        for key: UInt64 in [0, 1, 0xDEAD_BEEF, .max] {
            var words = [UInt32](repeating: 0, count: 3)
            StreamSeeding.fill(&words, from: key)
            var s1 = words[0] | 2, s2 = words[1] | 8, s3 = words[2] | 16
            func tausworthe(_ s: UInt32, _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32) -> UInt32 {
                ((s & c) << d) ^ (((s << a) ^ s) >> b)
            }
            let random = RandomSource(key: key)
            for i in 0..<16 {
                s1 = tausworthe(s1, 13, 19, 4_294_967_294, 12)
                s2 = tausworthe(s2, 2, 25, 4_294_967_288, 4)
                s3 = tausworthe(s3, 3, 11, 4_294_967_280, 17)
                let expected = Double(s1 ^ s2 ^ s3) / 4_294_967_296.0
                #expect(random.uniform() == expected, "key \(key), draw \(i)")
            }
        }
    }
}
