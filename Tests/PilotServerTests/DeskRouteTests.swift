import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PilotServer
import Testing

/// The desk's routes in-process: the token, the security headers, the forms and their guard,
/// the limits and the busy answer.
@Suite struct DeskRouteTests {
    private let token = String(repeating: "5a", count: 32)
    private var cookie: HTTPFields { [.cookie: "pilotsim_token=\(token)"] }

    private func application(simultaneous: Int = 2, waiting: Int = 8) throws -> some ApplicationProtocol {
        var configuration = DeskConfiguration(token: token, threads: 2)
        (configuration.simultaneous, configuration.waiting) = (simultaneous, waiting)
        return Application(router: try DeskServer(configuration).router())
    }

    private func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    /// The form's anti-forgery value, as the page carries it.
    private func csrf(_ page: String) -> String? {
        guard let range = page.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test func withoutTheTokenNothingIsServed() async throws {
        try await application().test(.router) { client in
            for uri in ["/", "/compare.csv", "/upload", "/nowhere"] {
                try await client.execute(uri: uri, method: .get) { #expect($0.status == .unauthorized, "\(uri)") }
            }
            try await client.execute(uri: "/?token=wrong", method: .get) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: "pilotsim_token=wrong"]) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/?token=\(token)&lang=zh", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/?lang=zh")
                let cookie = response.headers[.setCookie] ?? ""
                #expect(cookie.contains("pilotsim_token=\(token)") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            }
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await application().test(.router) { client in
            for (uri, headers) in [("/", HTTPFields()), ("/?prior=1&runs=200", cookie), ("/nowhere", cookie)] {
                try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    let policy = response.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
                    #expect(policy.contains("default-src 'none'") && !policy.contains("http"), "\(uri): \(policy)")
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                }
            }
        }
    }

    /// A plan-time page at the default runs moves, when shown, to the address of its refinement
    /// with ten times the runs (the desk's maximum), which shows the first answer — asking again
    /// every 4 s at a new address — until the refinement, simulated in the background, is done; then the answer with
    /// those runs, the same as the page that asks for them outright. A page whose runs are given
    /// is not refined.
    @Test func aDefaultAnswerIsRefinedInTheBackground() async throws {
        var configuration = DeskConfiguration(token: token, threads: 2)
        configuration.maximumRuns = 20_000
        try await Application(router: try DeskServer(configuration).router()).test(.router) { client in
            let first = try await client.execute(uri: "/?prior=1&seed=4", method: .get, headers: cookie) { text($0) }
            let refinement = "/?scenario=start&lang=en&runs=20000&seed=4&prior=1&refine=1"
            let escaped = refinement.replacingOccurrences(of: "&", with: "&amp;")
            #expect(first.contains("<meta http-equiv=\"refresh\" content=\"1; url=\(escaped)#answer\"/>"))
            #expect(first.contains("Refining with 20,000 runs"))
            var page = try await client.execute(uri: refinement, method: .get, headers: cookie) { text($0) }
            // The next ask's address differs (refine=2), so that a browser loads it again.
            let again = escaped.replacingOccurrences(of: "refine=1", with: "refine=2")
            #expect(page.contains("<meta http-equiv=\"refresh\" content=\"4; url=\(again)#answer\"/>"))
            #expect(page.contains("Refining with 20,000 runs") && page.contains("name=\"runs\" inputmode=\"numeric\" size=\"8\" value=\"10000\""))
            // The refinement shares the processors with the tests running beside it: give it time.
            let deadline = ContinuousClock.now + .seconds(600)
            while page.contains("Refining") && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(250))
                page = try await client.execute(uri: refinement, method: .get, headers: cookie) { text($0) }
            }
            #expect(!page.contains("http-equiv=\"refresh\"") && !page.contains("Refining"))
            let given = try await client.execute(uri: "/?prior=1&seed=4&runs=20000", method: .get, headers: cookie) { text($0) }
            #expect(!given.contains("http-equiv=\"refresh\"") && !given.contains("Refining"))
            #expect(targetsTable(page) == targetsTable(given) && !targetsTable(given).isEmpty)
        }
    }

    /// A refinement asked for while every simulation slot is taken is postponed: its page is the
    /// first answer, saying so, and asks for nothing more.
    @Test func aRefinementIsPostponedWhileTheDeskIsBusy() async throws {
        try await application(simultaneous: 1, waiting: 1).test(.router) { client in
            let page = try await withThrowingTaskGroup(of: String.self) { group in
                group.addTask { try await client.execute(uri: "/?prior=1&runs=40000&seed=9", method: .get, headers: cookie) { _ in "" } }
                try await Task.sleep(for: .milliseconds(200))
                group.addTask {
                    try await client.execute(uri: "/?prior=1&runs=100000&seed=5&refine=1", method: .get, headers: cookie) { text($0) }
                }
                return try await group.reduce(into: "") { $0 += $1 }
            }
            #expect(page.contains("Not refined: the desk is busy"))
            #expect(!page.contains("http-equiv=\"refresh\"") && page.contains("name=\"runs\" inputmode=\"numeric\" size=\"8\" value=\"10000\""))
        }
    }

    /// The targets table of a page: from its heading to the table's end.
    private func targetsTable(_ page: String) -> String {
        guard let start = page.range(of: "<table"), let end = page.range(of: "</table>", range: start.upperBound..<page.endIndex) else { return "" }
        return String(page[start.lowerBound..<end.upperBound])
    }

    /// Runs too few to be a conditioning's particles are refused in the page's language.
    @Test func tooFewParticlesAreRefusedInChinese() async throws {
        try await application().test(.router) { client in
            try await client.execute(uri: "/?lang=zh&runs=50", method: .get, headers: cookie) { response in
                #expect(response.status == .unprocessableContent)
                #expect(text(response).contains("模拟次数：使用已公布数据时，模拟次数即抽样粒子数，应为100至100,000（当前为50）"))
            }
        }
    }

    /// The page in Chinese: the desk's words and the report's, in Chinese.
    @Test func thePageAnswersInEitherLanguage() async throws {
        try await application().test(.router) { client in
            try await client.execute(uri: "/?prior=1&runs=300&lang=zh", method: .get, headers: cookie) { response in
                let page = text(response)
                #expect(response.status == .ok)
                #expect(page.contains("lang=\"zh-CN\"") && page.contains("情景推演台") && page.contains("查看效果"))
                for english in ["Show the effect", "Voucher rounds", "Targets", "Winners", "vouchers", "Bank outreach"] {
                    #expect(!page.contains(english), "\(english)")
                }
                #expect(placeholdersFit(page))
            }
            try await client.execute(uri: "/?prior=1&runs=300", method: .get, headers: cookie) { response in
                #expect(text(response).contains("Show the effect"))
                #expect(placeholdersFit(text(response)))
            }
        }
    }

    /// Whether every field with a placeholder (what an empty lever keeps) is wide enough to show
    /// it whole, a Chinese character taking two places; and there are such fields.
    private func placeholdersFit(_ page: String) -> Bool {
        let fields = page.matches(of: /size="(\d+)" value="[^"]*" placeholder="([^"]+)"/)
        return fields.count >= 8
            && fields.allSatisfy { field in
                Int(field.output.1)! >= field.output.2.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
            }
    }

    /// The page's downloads: the report without the controls, and the comparison as a workbook.
    @Test func thePageDownloadsAsAReportAndAWorkbook() async throws {
        try await application().test(.router) { client in
            let query = "prior=1&runs=300&set.campaigns%5B0%5D.winners=40000"
            try await client.execute(uri: "/report.html?" + query, method: .get, headers: cookie) { response in
                #expect(response.status == .ok && text(response).contains("<h1>") && !text(response).contains("<form"))
                #expect(response.headers[.contentDisposition]?.contains("attachment") == true)
            }
            try await client.execute(uri: "/workbook.xlsx?" + query, method: .get, headers: cookie) { response in
                // A workbook is a ZIP archive: it starts with PK.
                #expect(response.status == .ok && Array(response.body.readableBytesView.prefix(2)) == Array("PK".utf8))
            }
        }
    }

    /// A scenario id that is a path, or no scenario the desk has, is not found: no request reaches a file.
    @Test func aPathInAFieldReachesNoFile() async throws {
        try await application().test(.router) { client in
            for scenario in ["/etc/passwd", "..%2F..%2Fscenarios%2Fhaimen-baseline.yaml", "sha256:00"] {
                try await client.execute(uri: "/?scenario=\(scenario)", method: .get, headers: cookie) { #expect($0.status == .notFound, "\(scenario)") }
            }
        }
    }

    /// A lever or setting the scenario cannot take is shown with its place, as validate shows it.
    @Test func aChangeTheScenarioCannotTakeIsLocated() async throws {
        try await application().test(.router) { client in
            try await client.execute(uri: "/?prior=1&runs=300&set.campaigns%5B0%5D.winners=-5", method: .get, headers: cookie) { response in
                #expect(response.status == .unprocessableContent)
                #expect(text(response).contains("set.campaigns[0].winners:1:22: error: campaigns[0].winners: -5 is not a count"))
            }
            try await client.execute(uri: "/?prior=1&runs=0", method: .get, headers: cookie) { #expect($0.status == .unprocessableContent) }
        }
    }

    @Test func uploadsNeedTheFormsGuardAndAreChecked() async throws {
        try await application().test(.router) { client in
            let page = try await client.execute(uri: "/?prior=1&runs=200", method: .get, headers: cookie) { text($0) }
            let guardValue = try #require(csrf(page))
            let form = { (fields: String) in ByteBuffer(string: fields) }
            // No guard value, a wrong one, or a page of another origin: refused.
            for (body, origin) in [("yaml=a", nil), ("csrf=00&yaml=a", nil), ("csrf=\(guardValue)&yaml=a", "http://evil.example")] {
                var headers = cookie
                if let origin { headers[.origin] = origin }
                try await client.execute(uri: "/upload", method: .post, headers: headers, body: form(body)) { #expect($0.status == .forbidden) }
            }
            // A scenario that does not parse: its error located in the upload.
            try await client.execute(uri: "/upload", method: .post, headers: cookie, body: form("csrf=\(guardValue)&yaml=name%3A+%5B")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(text(response).contains(":1:") && text(response).contains("error:"))
            }
            // More than a scenario may be: refused before it is read whole.
            let huge = ByteBuffer(repeating: UInt8(ascii: "a"), count: 13 << 20)
            try await client.execute(uri: "/upload", method: .post, headers: cookie, body: huge) { #expect($0.status == .contentTooLarge) }
            // A valid scenario: its own permalink, by its SHA-256.
            let baseline = try String(contentsOfFile: "scenarios/haimen-baseline.yaml", encoding: .utf8)
            let encoded = baseline.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let location = try await client.execute(uri: "/upload", method: .post, headers: cookie, body: form("csrf=\(guardValue)&yaml=\(encoded)")) {
                response in
                #expect(response.status == .seeOther)
                return response.headers[.location] ?? ""
            }
            #expect(location.hasPrefix("/?scenario=sha256%3A"))
            try await client.execute(uri: location + "&prior=1&runs=200", method: .get, headers: cookie) { #expect($0.status == .ok) }
        }
    }

    /// A file picked in the upload form comes as `multipart/form-data`, as browsers send it: a
    /// valid file is taken, one that is not a scenario is refused with its error, a body that is
    /// without its boundary is refused as unreadable, and the form guard still applies.
    @Test func aPickedFileIsUploaded() async throws {
        try await application().test(.router) { client in
            let page = try await client.execute(uri: "/?prior=1&runs=200", method: .get, headers: cookie) { text($0) }
            let guardValue = try #require(csrf(page))
            #expect(page.contains("enctype=\"multipart/form-data\"") && page.contains("type=\"file\""))
            let boundary = "----pilotsim-test-boundary"
            func body(csrf: String, file: [UInt8]) -> ByteBuffer {
                var buffer = ByteBuffer(
                    string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
                        + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mine.yaml\"\r\nContent-Type: application/x-yaml\r\n\r\n")
                buffer.writeBytes(file)
                buffer.writeString("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"yaml\"\r\n\r\n\r\n--\(boundary)--\r\n")
                return buffer
            }
            var headers = cookie
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            let small = Array(try String(contentsOfFile: "Tests/Fixtures/golden/small.yaml", encoding: .utf8).utf8)
            try await client.execute(uri: "/upload", method: .post, headers: headers, body: body(csrf: guardValue, file: small)) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.hasPrefix("/?scenario=sha256%3A") == true)
            }
            // A file that is not a scenario's text is checked and refused like pasted text.
            try await client.execute(uri: "/upload", method: .post, headers: headers, body: body(csrf: guardValue, file: [0xff, 0xfe, 0x00, 0x41])) {
                #expect($0.status == .unprocessableContent)
            }
            // A multipart body without the boundary that would delimit its parts.
            var unbounded = cookie
            unbounded[.contentType] = "multipart/form-data"
            try await client.execute(uri: "/upload", method: .post, headers: unbounded, body: body(csrf: guardValue, file: small)) {
                #expect($0.status == .badRequest)
                #expect(text($0).contains("could not be read as this page"))
            }
            try await client.execute(uri: "/upload", method: .post, headers: headers, body: body(csrf: "00", file: small)) { #expect($0.status == .forbidden) }
        }
    }

    /// With one simulation at a time and none waiting, a second request while the first runs is
    /// told the desk is busy, and the first is answered.
    @Test func aFullQueueAnswersBusy() async throws {
        try await application(simultaneous: 1, waiting: 0).test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                group.addTask { try await client.execute(uri: "/?prior=1&runs=30000", method: .get, headers: cookie) { $0.status } }
                try await Task.sleep(for: .milliseconds(200))
                group.addTask { try await client.execute(uri: "/?prior=1&runs=100", method: .get, headers: cookie) { $0.status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(statuses) == [.ok, .serviceUnavailable])
        }
    }
}
