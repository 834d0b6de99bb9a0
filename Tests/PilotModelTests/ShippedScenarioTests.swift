import Foundation
import TestSupport
import Testing

@testable import PilotModel

/// The shipped variants do what their headers say: each claimed scaling holds against the
/// baseline, and every other parameter, target, stage and reported figure is the baseline's.
struct ShippedScenarioTests {
    /// What a variant claims: the factor on the bank-outreach and public-flow medians, the shift of
    /// the active shares' means, and the factor on the campaigns' winners.
    struct Claim: Sendable, CustomTestStringConvertible {
        let file: String, outreach: Double, activeShift: Double, winners: Double
        var testDescription: String { file }
    }

    static let claims = [
        Claim(file: "haimen-optimistic.yaml", outreach: 1.5, activeShift: 0.02, winners: 1.5),
        Claim(file: "haimen-pessimistic.yaml", outreach: 0.6, activeShift: -0.02, winners: 0.5),
    ]

    static func load(_ file: String) throws -> Scenario {
        try ScenarioDocument(path: repositoryPath("scenarios/\(file)")).scenario()
    }

    @Test(arguments: claims) func everyClaimHoldsAndNothingElseMoves(claim: Claim) throws {
        let baseline = try Self.load("haimen-baseline.yaml"), variant = try Self.load(claim.file)
        #expect(baseline.parameters.map(\.keyPath) == variant.parameters.map(\.keyPath))
        var claimed = 0
        for (b, v) in zip(baseline.parameters, variant.parameters) {
            let path = b.keyPath
            let isOutreach =
                path.hasPrefix("wallets.personal.innovation") || path.hasPrefix("wallets.corporate.innovation")
                || path.hasPrefix("merchants.outreach") || path.hasPrefix("public_flows.amount")
            switch (b.distribution, v.distribution) {
            case let (.lognormal(zb, sb), .lognormal(zv, sv)) where isOutreach:
                #expect(abs(exp(zv) / exp(zb) - claim.outreach) < 1e-9, "\(path)")
                #expect(sb == sv, "\(path)")
                claimed += 1
            case let (.beta(ab, bb), .beta(av, bv)) where path.contains(".active_share"):
                let meanB = ab / (ab + bb), meanV = av / (av + bv)
                #expect(abs(meanV - meanB - claim.activeShift) < 1e-9, "\(path)")
                claimed += 1
            default:
                #expect(b.distribution == v.distribution, "\(path) is not claimed to change")
            }
        }
        // 4 + 4 innovation rates, 4 outreach rates, 4 public flows, 4 + 1 active shares.
        #expect(claimed == 21)
        #expect(baseline.campaigns.map(\.name) == variant.campaigns.map(\.name))
        #expect(variant.campaigns.map(\.winners) == baseline.campaigns.map { Int((Double($0.winners) * claim.winners).rounded()) })
        #expect(baseline.targets.map(\.id) == variant.targets.map(\.id))
        #expect(baseline.targets.map(\.threshold) == variant.targets.map(\.threshold))
        #expect(baseline.calendar.stages.map(\.id) == variant.calendar.stages.map(\.id))
        #expect(baseline.observations.map(\.value) == variant.observations.map(\.value))
    }
}
