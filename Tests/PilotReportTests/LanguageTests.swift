import Foundation
import PilotModel
import TestSupport
import Testing

@testable import PilotReport
@testable import Simulator

struct LanguageTests {
    @Test func chineseUnits() {
        let zh = NumberStyle(.chinese)
        #expect(zh.yuan(200_000_000) == "2亿元")
        #expect(zh.count(120_000) == "12万")
        #expect(zh.count(300_000) == "30万" && zh.count(225_109) == "22.5万" && zh.count(5000) == "5000")
        #expect(zh.yuan(500_000_000) == "5亿元" && zh.yuan(432_700_000) == "4.33亿元" && zh.yuan(56_780_000) == "5678万元")
        let en = NumberStyle(.english)
        #expect(en.yuan(200_000_000) == "¥200.0M" && en.count(120_000) == "120,000" && en.yuan(1.25e9) == "¥1.25B")
        #expect(en.tick(2e10, of: .amount) == "¥20B" && en.tick(2.5e9, of: .amount) == "¥2.5B")
    }

    @Test func chineseLabelsUseThePlansTerms() {
        let zh = Labels.chinese
        #expect(zh.metric(.wallets) == "钱包数量" && zh.metric(.amount) == "总交易金额" && zh.metric(.merchants) == "受理商户")
        #expect(zh.stage("preparation") == "试点准备阶段" && zh.stage("launch") == "推广启动阶段")
        #expect(zh.stage("expansion") == "增量扩面阶段" && zh.stage("deepening") == "总结深化阶段")
        #expect(zh.stage("my-own-stage") == "my-own-stage")
    }

    private static func report(_ labels: Labels) throws -> String {
        let scenario = try Scenario.baseline(overrides: [try ScenarioOverride("description=Plain text")])
        let result = MonteCarlo(scenario: scenario, seed: 1, threads: 2, keep: .all).run(runs: 300)
        return HTMLReport(
            result: result, summary: result.summary, monthly: result.monthly,
            tornado: nil, labels: labels, commandLine: "pilotsim report", generated: Date(timeIntervalSince1970: 0),
            source: "haimen-baseline.yaml"
        ).html()
    }

    /// Text of the report outside the scenario's own words (its name, description and target
    /// labels) and outside code (the command line, key paths and distributions in scenario syntax).
    private static func reportText(_ html: String, scenario: Scenario) -> String {
        var text = XMLCheck(html, skipping: ["style", "code"]).text
        for own in ([scenario.name] + scenario.targets.map(\.label)).flatMap({ $0.byLanguage.values }) {
            text = text.replacingOccurrences(of: own, with: "")
        }
        return text
    }

    @Test func englishReportHasNoChineseAndChineseReportNoEnglishLabels() throws {
        let scenario = try Scenario.baseline()
        let english = Self.reportText(try Self.report(.english), scenario: scenario)
        #expect(
            !english.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) },
            "no Chinese outside the scenario's own text")
        let chinese = Self.reportText(try Self.report(.chinese), scenario: scenario)
        for term in ["钱包数量", "总交易金额", "受理商户", "试点准备阶段", "推广启动阶段", "增量扩面阶段", "总结深化阶段", "12万", "2亿元"] {
            #expect(chinese.contains(term), "\(term)")
        }
        let mirror = Mirror(reflecting: Labels.english), zhMirror = Mirror(reflecting: Labels.chinese)
        for (child, zhChild) in zip(mirror.children, zhMirror.children) {
            guard let label = child.value as? String, let zhLabel = zhChild.value as? String, label != zhLabel, label.count >= 4 else { continue }
            #expect(!chinese.contains(label), "English label '\(label)' in the Chinese report")
        }
    }
}

struct TerminalStyleTests {
    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(TerminalStyle.standardOutput(isTerminal: true, environment: [:]).colour)
        #expect(!TerminalStyle.standardOutput(isTerminal: true, environment: ["NO_COLOR": "1"]).colour)
        #expect(!TerminalStyle.standardOutput(isTerminal: true, environment: ["NO_COLOR": ""]).colour)
        #expect(!TerminalStyle.standardOutput(isTerminal: false, environment: [:]).colour)
        #expect(TerminalStyle.plain.verdict(.likely) == nil)
        #expect(TerminalStyle(colour: true).verdict(.unlikely)?("x") == "\u{1B}[31mx\u{1B}[0m")
    }

    /// Colour codes wrap the padded cell, so columns still line up.
    @Test func decoratedCellsKeepTheirWidth() {
        var table = TextTable([("a", .left), ("verdict", .left)])
        table.append(["1", "likely"], decorations: [1: { "<\($0)>" }])
        table.append(["22", "unlikely"])
        #expect(table.render(indent: "") == "a   verdict\n1   <likely  >\n22  unlikely")
        #expect(TextTable.displayWidth("钱包数量") == 8 && TextTable.displayWidth("ab") == 2)
    }
}

/// A report in Chinese is in Chinese: the scenario's own text in the language asked for, the
/// analyses' words from the tables, and the tornado legend naming the quantiles actually pinned.
struct ScenarioLanguageTests {
    @Test func theBaselinesTextIsGivenInBothLanguages() throws {
        let scenario = try Scenario.baseline()
        #expect(Labels.chinese.text(scenario.name) == "海门区数字人民币试点 — 基准情景")
        #expect(Labels.english.text(scenario.name) == "Haimen e-CNY pilot — baseline")
        #expect(Labels.chinese.text(scenario.targets[0].label) == "2023年末钱包数量累计突破12万个")
        #expect(scenario.targets.allSatisfy { Set($0.label.byLanguage.keys) == ["en", "zh"] })
        #expect(scenario.description.map { Set($0.byLanguage.keys) } == ["en", "zh"])
    }

    @Test func plainTextServesEveryLanguage() {
        let plain = LocalizedText("Goal"), english = LocalizedText(byLanguage: ["en": "Goal"])
        #expect(plain.text(in: "zh") == "Goal" && english.text(in: "zh") == "Goal" && english.neutral == "Goal")
        #expect(LocalizedText(byLanguage: ["en": "Goal", "zh": "目标"]).text(in: "zh") == "目标")
    }

    @Test func aChineseSobolTableNamesTheNoiseInChinese() throws {
        let scenario = try Scenario.baseline()
        let analysis = GlobalSensitivity(scenario: scenario)
        let estimate = analysis.run(samples: 4, seed: 1, threads: 2)
        let zh = SobolReport.table(analysis, estimate, top: 100, seed: 1, source: "x", labels: .chinese)
        #expect(zh.contains("随机波动（模拟序号）") && !zh.contains("noise (run index)"))
        #expect(zh.contains("海门区数字人民币试点") && !zh.contains("Wallets ≥"))
        #expect(SobolReport.csv(analysis, estimate).contains(",noise (run index),"))
    }

    @Test func tornadoLegendsNameThePinnedQuantiles() throws {
        let scenario = try Scenario.baseline()
        let target = scenario.targets[0]
        let bar = Tornado.Bar(parameter: "p", lowValue: 0, highValue: 1, lowProbability: 0.4, highProbability: 0.6, swingStandardError: 0.01)
        for (labels, low, high) in [(Labels.chinese, "参数取 P5", "参数取 P95"), (.english, "parameter at P5", "parameter at P95")] {
            let svg = TornadoChart(target: target, scenario: scenario, low: 0.05, high: 0.95, baseline: 0.5, bars: [bar], labels: labels).svg(title: "t")
            #expect(svg.contains(low) && svg.contains(high) && !svg.contains("P10"))
        }
    }

    /// Every uncertain parameter of the shipped scenarios has a name in both languages (none falls
    /// back to its key path), a by-stage value names the plan's stage, and a voucher round its name.
    @Test func everyParameterHasANameInBothLanguages() throws {
        let scenario = try Scenario.baseline()
        for i in scenario.uncertainParameters {
            let path = scenario.parameters[i].keyPath
            for labels in [Labels.english, .chinese] {
                let name = ParameterCatalogue.label(path, scenario: scenario, labels)
                #expect(name != path, "\(path) has no \(labels.language) name")
                #expect(labels.language == .english || !name.contains { $0.isASCII && $0.isLetter }, "no English in \(name)")
            }
        }
        #expect(
            ParameterCatalogue.label("wallets.personal.innovation[launch]", scenario: scenario, .english)
                == "Personal wallets: monthly adoption rate from outreach (launch stage)")
        #expect(ParameterCatalogue.label("wallets.personal.innovation[launch]", scenario: scenario, .chinese) == "个人钱包：推广带来的月开立率（推广启动阶段）")
        #expect(
            ParameterCatalogue.label("campaigns[0].leverage", scenario: scenario, .english)
                == "Voucher round “Mid-Autumn and National Day vouchers”: spending per voucher yuan")
    }
}
