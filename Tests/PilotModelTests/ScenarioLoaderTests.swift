import Foundation
import TestSupport
import Testing

@testable import PilotModel

/// Loading valid scenarios: every distribution form, by-stage values, defaults, shipped files.
struct ScenarioLoaderTests {
    private func parameter(_ yaml: String, domain: String = "imitation") throws -> Distribution {
        let scenario = try Scenario.parse(ScenarioText.replacing("imitation:", with: "imitation: \(yaml)"), file: "t.yaml")
        return scenario[scenario.personal.imitation].distribution
    }

    @Test func constantsAndEveryDistributionForm() throws {
        #expect(try parameter("0.2") == .constant(0.2))
        #expect(
            try parameter("{truncated_normal: {mean: 0.1, sd: 0.05, min: 0, max: 0.3}}")
                == .truncatedNormal(mean: 0.1, sd: 0.05, min: 0, max: 0.3))
        #expect(try parameter("{lognormal: {median: 0.1, sigma: 0.5}}") == .lognormal(zeta: log(0.1), sigma: 0.5))
        #expect(try parameter("{uniform: {min: 0.1, max: 0.2}}") == .uniform(min: 0.1, max: 0.2))
        #expect(try parameter("{triangular: {min: 0, mode: 0.1, max: 0.3}}") == .triangular(min: 0, mode: 0.1, max: 0.3))
        #expect(try parameter("{pert: {min: 0, mode: 0.1, max: 0.3}}") == .pert(min: 0, mode: 0.1, max: 0.3))
        #expect(try parameter("{beta: {alpha: 2, beta: 5}}") == .beta(alpha: 2, beta: 5))
        #expect(try parameter("{gamma: {shape: 2, scale: 0.05}}") == .gamma(shape: 2, scale: 0.05))
    }

    @Test func meanAndSDFormsMatchTheirMoments() throws {
        // lognormal {mean, sd}: σ² = ln(1 + sd²/mean²), ζ = ln mean − σ²/2.
        guard case .lognormal(let zeta, let sigma) = try parameter("{lognormal: {mean: 0.1, sd: 0.05}}") else {
            Issue.record()
            return
        }
        #expect(abs(sigma * sigma - log(1.25)) < 1e-12)
        #expect(abs(exp(zeta + sigma * sigma / 2) - 0.1) < 1e-12)
        // beta {mean, sd}: α/(α+β) = mean, αβ/((α+β)²(α+β+1)) = sd².
        guard case .beta(let a, let b) = try parameter("{beta: {mean: 0.3, sd: 0.1}}") else {
            Issue.record()
            return
        }
        #expect(abs(a / (a + b) - 0.3) < 1e-12)
        #expect(abs(a * b / ((a + b) * (a + b) * (a + b + 1)) - 0.01) < 1e-12)
        // gamma {mean, sd}: shape·scale = mean, shape·scale² = sd².
        guard case .gamma(let k, let theta) = try parameter("{gamma: {mean: 0.2, sd: 0.1}}") else {
            Issue.record()
            return
        }
        #expect(abs(k * theta - 0.2) < 1e-12)
        #expect(abs(k * theta * theta - 0.01) < 1e-12)
    }

    @Test func byStageValues() throws {
        let text = ScenarioText.replacing(
            "innovation: 0.05",
            with:
                "innovation: {preparation: 0.01, launch: {uniform: {min: 0.02, max: 0.04}}, expansion: 0.03, deepening: 0.01}")
        let scenario = try Scenario.parse(text, file: "t.yaml")
        let ids = scenario.personal.innovation.perStage
        #expect(ids.count == 4 && Set(ids).count == 4)
        #expect(ids.map { scenario[$0].keyPath } == ["preparation", "launch", "expansion", "deepening"].map { "wallets.personal.innovation[\($0)]" })
        #expect(scenario[ids[1]].distribution == .uniform(min: 0.02, max: 0.04))

        // One value shared by all stages is one parameter (one draw per run).
        let shared = try Scenario.parse(ScenarioText.minimal, file: "t.yaml").personal.innovation.perStage
        #expect(shared.count == 4 && Set(shared).count == 1)
    }

    @Test func defaultsForOptionalKeys() throws {
        let scenario = try Scenario.parse(ScenarioText.minimal, file: "t.yaml")
        #expect(scenario.calendar.stages.map(\.id) == ["preparation", "launch", "expansion", "deepening"])
        #expect(scenario.calendar.stages[2].from == Month("2024-01") && scenario.calendar.stages[2].to == Month("2025-06"))
        #expect(scenario.verdict == .standard)
        #expect(scenario.targets[0].label == LocalizedText("w"))
        #expect(scenario.publicFlows == nil && scenario.campaigns.isEmpty && scenario.milestones.isEmpty)
        #expect(scenario.personal.initial == 0 && scenario.merchants.initial == 0)
    }

    @Test func defaultStagesAreClippedToAShorterCalendar() throws {
        let text = ScenarioText.replacing("end: 2025-12", with: "end: 2023-09")
            .replacingOccurrences(of: "by: 2023-12", with: "by: 2023-09")
        let stages = try Scenario.parse(text, file: "t.yaml").calendar.stages
        #expect(stages.map(\.id) == ["preparation", "launch"])
        #expect(stages[1].to == Month("2023-09"))
    }

    @Test func targetsOfBothKinds() throws {
        let text = ScenarioText.minimal.replacingOccurrences(
            of: "  - {id: w, metric: wallets, by: 2023-12, at_least: 500}",
            with: """
                  - {id: w, label: Wallets, metric: wallets, by: 2023-12, at_least: 500}
                  - {id: a, metric: amount, by: 2025-06, increase_over: 2023-12, at_least: 5e8}
                """)
        let targets = try Scenario.parse(text, file: "t.yaml").targets
        #expect(targets[0].label == LocalizedText("Wallets") && targets[0].condition == .atLeast(500))
        #expect(targets[1].condition == .increaseOver(base: Month("2023-12")!, amount: 5e8))
        #expect(targets[1].metric == .amount)
    }

    @Test func shippedScenariosLoad() throws {
        for name in ["haimen-baseline", "haimen-optimistic", "haimen-pessimistic"] {
            let scenario = try Scenario.load(path: repositoryPath("scenarios/\(name).yaml"))
            #expect(
                scenario.targets.map(\.id) == [
                    "wallets-2023", "amount-2023", "merchants-2023", "innovation-2023", "cases-2023",
                    "demo-zone-2023", "demo-town-2023", "wallets-2025h1", "amount-2025h1",
                ])
        }
    }

    /// The embedded baseline carries the plan's own numbers (海政办发〔2023〕35号, read from the plan,
    /// not from pilotsim): 120,000 wallets, 200 million yuan and 5,000 merchants by end-2023; 300,000
    /// wallets and 500 million yuan more by mid-2025; two innovation scenarios, two typical cases,
    /// one demonstration zone and one demonstration town.
    @Test func embeddedBaselineCarriesThePlansTargets() throws {
        let targets = try Scenario.baseline().targets
        let found = Dictionary(uniqueKeysWithValues: targets.map { ($0.id, ($0.threshold, $0.deadline.description)) })
        let plan: [String: (Double, String)] = [
            "wallets-2023": (120_000, "2023-12"), "amount-2023": (200_000_000, "2023-12"), "merchants-2023": (5_000, "2023-12"),
            "innovation-2023": (2, "2023-12"), "cases-2023": (2, "2023-12"), "demo-zone-2023": (1, "2023-12"),
            "demo-town-2023": (1, "2023-12"), "wallets-2025h1": (300_000, "2025-06"), "amount-2025h1": (500_000_000, "2025-06"),
        ]
        #expect(found.count == plan.count)
        for (id, goal) in plan {
            #expect(found[id]?.0 == goal.0 && found[id]?.1 == goal.1, "\(id): \(String(describing: found[id]))")
        }
        #expect(try Scenario.baseline().name.text(in: "en") == "Haimen e-CNY pilot — baseline")
    }
}

extension ScenarioLoaderTests {
    @Test func numericPathsNameEveryNumberOfTheModel() throws {
        let paths = try Scenario.baseline().numericPaths
        for path in [
            "wallets.personal.population", "wallets.personal.initial", "wallets.personal.innovation",
            "wallets.personal.innovation.launch", "wallets.corporate.active_share.deepening", "wallets.personal.ticket.cv",
            "merchants.churn", "merchants.initial", "public_flows.count.preparation", "campaigns[2].winners",
            "campaigns[0].leverage", "milestones.demo_zones.launch", "targets.wallets-2023.at_least",
        ] {
            #expect(paths.contains(path), "\(path)")
        }
        #expect(!paths.contains("name") && !paths.contains("calendar.start") && !paths.contains("wallets.personal"))
    }
}
