import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PilotServer
import TestSupport
import Testing

/// The desk's answer to a change is the command line's: the comparison CSV of a page (its
/// permalink's query) is byte for byte `pilotsim compare --b-set … --format csv` with the same
/// runs and seed, and the page prints that command.
@Suite struct DeskMatchesCompareTests {
    /// A page of a desk: its status and its body.
    typealias Page = (status: HTTPResponse.Status, body: String)

    /// Runs `body` with a desk of its own, and the way to ask it for an address.
    private func withDesk(_ body: @Sendable (_ get: @Sendable (String) async throws -> Page) async throws -> Void) async throws {
        let token = String(repeating: "c3", count: 32)
        let application = Application(router: try DeskServer(DeskConfiguration(token: token, threads: 2)).router())
        try await application.test(.router) { client in
            let headers: HTTPFields = [.cookie: "pilotsim_token=\(token)"]
            try await body { uri in try await client.execute(uri: uri, method: .get, headers: headers) { ($0.status, String(buffer: $0.body)) } }
        }
    }

    /// The page's comparison (`/compare.csv?query`) is `pilotsim compare ARGUMENTS --format csv`
    /// byte for byte; returns the page's CSV.
    @discardableResult
    private func expectCompare(_ get: @Sendable (String) async throws -> Page, _ query: String, _ arguments: [String]) async throws -> String {
        let csv = try await get("/compare.csv?" + query).body
        let cli = InProcess.run(["compare"] + arguments + ["--format", "csv"])
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(csv == cli.stdout)
        return csv
    }

    @Test func aPagesComparisonIsTheCommandLinesCompare() async throws {
        let query = "prior=1&runs=2000&seed=99&set.campaigns%5B0%5D.winners=40000&settings=merchants.churn%3D0.02"
        try await withDesk { get in
            let csv = try await expectCompare(
                get, query, ["--b-set", "campaigns[0].winners=40000", "--b-set", "merchants.churn=0.02", "--runs", "2000", "--seed", "99", "--prior"])
            // Asked again, the unchanged plan comes from the desk's cache: the same numbers.
            let again = try await get("/compare.csv?" + query).body
            #expect(again == csv)
            let page = try await get("/?" + query).body
            #expect(page.contains("pilotsim compare --b-set &#39;campaigns[0].winners=40000&#39; --b-set merchants.churn=0.02 --runs 2000 --seed 99 --prior"))
            #expect(page.contains("/scenario.yaml?"))
            // The changed scenario as a file: compared with the plan as it stands, the same numbers.
            let yaml = try await get("/scenario.yaml?" + query).body
            let dir = try CommandLineTool.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let file = dir.appendingPathComponent("changed.yaml").path
            try yaml.write(toFile: file, atomically: true, encoding: .utf8)
            let fromFile = InProcess.run([
                "compare", repositoryPath("scenarios/haimen-baseline.yaml"), file, "--runs", "2000", "--seed", "99", "--prior", "--format", "csv",
            ])
            #expect(fromFile.status == 0, "\(fromFile.stderr)")
            #expect(fromFile.stdout == csv)
        }
    }

    /// A round removed (no winners) and one added after the last, with the last round's other
    /// assumptions (written out here from the baseline): the numbers of `compare` with those
    /// settings. A month that is not one is refused in the page's language.
    @Test func roundsRemovedAndAddedAreTheCommandLinesSettings() async throws {
        let query = "prior=1&runs=1000&seed=5&remove=1&add.month=2024-09&add.winners=30000&add.voucher_value=80"
        try await withDesk { get in
            try await expectCompare(
                get, query,
                [
                    "--b-set", "campaigns[1].winners=0", "--b-set",
                    "campaigns[3]={name: Added round, month: 2024-09, winners: 30000, new_user_share: {beta: {mean: 0.25, sd: 0.1}}, voucher_value: 80, redemption: {beta: {mean: 0.85, sd: 0.05}}, leverage: {triangular: {min: 1.1, mode: 2.5, max: 4}}}",
                    "--runs", "1000", "--seed", "5", "--prior",
                ])
            let bad = try await get("/?lang=zh&prior=1&runs=1000&add.month=2024-13&add.winners=5")
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("新增一轮：“2024-13”不是有效月份"))
        }
    }

    /// An assumption chosen by its label and given as percentiles: the numbers of `compare` with
    /// that setting; the page offers the assumption by its label.
    @Test func anAssumptionByItsLabelIsTheCommandLinesSetting() async throws {
        let query = "prior=1&runs=800&seed=8&param.path=merchants.churn&param.value=%7Bquantiles%3A+%7Bp05%3A+0.005%2C+p95%3A+0.03%7D%7D"
        try await withDesk { get in
            try await expectCompare(get, query, ["--b-set", "merchants.churn={quantiles: {p05: 0.005, p95: 0.03}}", "--runs", "800", "--seed", "8", "--prior"])
            let page = try await get("/?" + query).body
            #expect(page.contains("<option value=\"merchants.churn\" selected=\"selected\">"))
        }
    }

    /// The solve form's answer is `pilotsim solve`'s with the same question, runs and seed (from
    /// the outcome on), on the plan as the page changed it; a chance of 1.5 is refused.
    @Test func theSolveFormIsTheCommandLinesSolve() async throws {
        let query =
            "prior=1&runs=600&seed=3&set.merchants.outreach%5Blaunch%5D=0.05&solve.target=wallets-2025h1&solve.probability=0.985&solve.lever=campaigns%5B2%5D.winners&solve.low=0&solve.high=80000"
        try await withDesk { get in
            let page = try await get("/solve?" + query).body
            let cli = InProcess.run([
                "solve", "--set", "merchants.outreach[launch]=0.05", "--target", "wallets-2025h1", "--probability", "0.985", "--vary",
                "campaigns[2].winners=0:80000", "--runs", "600", "--seed", "3", "--prior",
            ])
            #expect(cli.status == 0, "\(cli.stderr)")
            // The outcome: the block after the header.
            let outcome = cli.stdout.components(separatedBy: "\n\n").dropFirst().first ?? ""
            #expect(outcome.contains("runs spent"))
            #expect(page.contains(outcome))
            let bad = try await get("/solve?" + query.replacingOccurrences(of: "probability=0.985", with: "probability=1.5"))
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("Chance wanted: &#39;1.5&#39; is not a probability"))
        }
    }

    /// Conditioned on figures typed into the page: the same numbers as `compare --observed` of the
    /// page's figures file.
    @Test func aConditionedPageIsTheCommandLinesCompareOnItsFigures() async throws {
        let query = "runs=400&figures=2023-08%2Cwallets%2C166200%2C0.02%0D%0A2023-08%2Cmerchants%2C3662%2C0.02&set.campaigns%5B1%5D.winners=50000"
        let dir = try CommandLineTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await withDesk { get in
            let figures = try await get("/figures.csv?" + query).body
            let file = dir.appendingPathComponent("figures.csv").path
            try figures.write(toFile: file, atomically: true, encoding: .utf8)
            try await expectCompare(get, query, ["--b-set", "campaigns[1].winners=50000", "--runs", "400", "--observed", file, "--quiet"])
        }
    }
}
