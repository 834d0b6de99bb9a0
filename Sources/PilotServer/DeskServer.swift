import Foundation
import Hummingbird
import Logging
import NIOCore
import PilotModel
import PilotReport
import PilotWorkflow
import Simulator

/// `pilotsim serve`: the what-if desk as a local web application. Every page is rendered on the
/// server from the report's templates and labels, works without script, and answers with the
/// same analyses as the command line (`DeskAnswer`).
public struct DeskServer: Sendable {
    public let configuration: DeskConfiguration
    let scenarios: DeskScenarios
    let queue: SimulationQueue
    let refinements: DeskRefinements
    let cache = DeskCache()
    let formGuard: FormGuard

    /// The largest request body: an uploaded scenario at its size limit, form-encoded (each byte
    /// at most three), and its other fields.
    static var maximumBody: Int { 3 * YAMLNode.maximumTextBytes + 4096 }

    /// - Throws: the diagnostics of a start scenario that does not parse.
    public init(_ configuration: DeskConfiguration) throws {
        self.configuration = configuration
        scenarios = try DeskScenarios(start: configuration.scenario, kept: configuration.uploadsKept)
        queue = SimulationQueue(slots: configuration.simultaneous, waiting: configuration.waiting, threads: configuration.threads)
        refinements = DeskRefinements(waitingPlaces: configuration.waiting)
        formGuard = FormGuard(token: configuration.token)
    }

    /// The routes, behind the security headers and the token.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityHeaders())
        router.add(middleware: AccessGate(token: configuration.token))
        router.get("/") { request, _ in await self.desk(request) }
        router.get("/compare.csv") { request, _ in await self.download(request, .csv) }
        router.get("/report.html") { request, _ in await self.download(request, .report) }
        router.get("/workbook.xlsx") { request, _ in await self.download(request, .workbook) }
        router.get("/figures.csv") { request, _ in self.figures(request) }
        router.get("/scenario.yaml") { request, _ in self.changedScenario(request) }
        router.get("/solve") { request, _ in await self.solve(request) }
        router.post("/upload") { request, _ in try await self.upload(request) }
        return router
    }

    /// The application, listening where the configuration says, closing idle connections.
    public func application(onRunning: @escaping @Sendable () async -> Void = {}) -> some ApplicationProtocol {
        Application(
            router: router(), server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { _ in await onRunning() }, logger: Self.logger)
    }

    /// Serves until stopped (Ctrl-C or SIGTERM end it cleanly); `onRunning` once it listens.
    /// - Throws: `ListenError` when it cannot listen where the configuration says.
    public func run(onRunning: @escaping @Sendable () async -> Void = {}) async throws {
        do {
            try await application(onRunning: onRunning).runService()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw ListenError.portInUse(host: configuration.host, port: configuration.port)
        } catch let error as IOError where [EADDRNOTAVAIL, EACCES].contains(error.errnoCode) {
            throw ListenError.cannotListen(host: configuration.host, port: configuration.port, reason: String(cString: strerror(error.errnoCode)))
        }
    }

    /// Why the desk cannot listen where it was told.
    public enum ListenError: Error, Equatable {
        /// Another program listens on the port.
        case portInUse(host: String, port: Int)
        /// The address is not this machine's, or the port needs privileges (the system's reason).
        case cannotListen(host: String, port: Int, reason: String)
    }

    /// The server's own log: warnings and errors only, so that what the desk prints at start is
    /// its URL.
    static var logger: Logger {
        var logger = Logger(label: "pilotsim-desk")
        logger.logLevel = .warning
        return logger
    }

    /// What a query asks, and the scenario and settings it names.
    private func read(_ request: Request) -> (query: DeskQuery, entry: DeskScenarios.Entry?, labels: Labels) {
        let query = DeskQuery(FormFields.parse(request.uri.query ?? "") ?? [], maximumRuns: configuration.maximumRuns)
        return (query, scenarios.entry(query.scenario), query.language.labels)
    }

    private func desk(_ request: Request) async -> Response {
        let (query, entry, labels) = read(request)
        guard let entry else { return DeskPage.message(labels.desk.notFound, status: .notFound, request: request) }
        var (outcome, arguments) = await compute(query, entry: entry, inBackground: query.refining)
        // Refinements are offered while the desk has time to spare: when every simulation slot
        // is taken, first answers need it all.
        var shown = query, refinement = await queue.isSaturated ? DeskPage.Refinement.postponed : .offered
        if case .refining(let asked) = outcome {
            // The refinement is not kept yet: the answer it refines (kept, so not simulated
            // again), saying what became of it.
            shown.runs = nil
            refinement = asked == .underway ? .underway : .postponed
            (outcome, arguments) = await compute(shown, entry: entry)
        }
        let answer: DeskAnswer?, problems: [String]
        switch outcome {
        case .busy, .refining: return busy(request)
        case .answer(let answered): (answer, problems) = (answered, [])
        case .problems(let found): (answer, problems) = (nil, found)
        }
        let html = DeskPage.answer(
            answer, query: shown, entry: entry, scenarios: scenarios, arguments: arguments, problems: problems, csrf: formGuard.value, labels: labels,
            maximumRuns: configuration.maximumRuns, refinement: refinement)
        return DeskPage.page(html, status: answer == nil ? .unprocessableContent : .ok)
    }

    /// The answer when every simulation slot and waiting place is taken.
    private func busy(_ request: Request) -> Response {
        var response = DeskPage.message(DeskPage.labels(request).desk.busy, status: .serviceUnavailable, request: request)
        response.headers[.retryAfter] = "5"
        return response
    }

    /// What a page offers to download: its comparison as CSV, the page as a report without the
    /// controls, the comparison as a workbook.
    enum Download {
        case csv, report, workbook
    }

    private func download(_ request: Request, _ kind: Download) async -> Response {
        let (query, entry, labels) = read(request)
        guard let entry else { return DeskPage.message(labels.desk.notFound, status: .notFound, request: request) }
        let (outcome, arguments) = await compute(query, entry: entry)
        let answer: DeskAnswer
        switch outcome {
        case .busy, .refining: return busy(request)
        case .problems(let problems): return DeskPage.message(problems.joined(separator: "\n"), status: .unprocessableContent, request: request)
        case .answer(let answered): answer = answered
        }
        let (contents, type, name): (Data, String, String)
        switch kind {
        case .csv: (contents, type, name) = (Data(CompareReport.csv(answer.comparison).utf8), "text/csv; charset=utf-8", "compare.csv")
        case .report:
            let html = DeskPage.answer(
                answer, query: query, entry: entry, scenarios: scenarios, arguments: arguments, problems: [], csrf: "", labels: labels,
                maximumRuns: configuration.maximumRuns, controls: false)
            (contents, type, name) = (Data(html.utf8), "text/html; charset=utf-8", "pilotsim-desk.html")
        case .workbook:
            let provenance = Provenance(
                commandLine: DeskPage.commandLine(entry, arguments: arguments, answer: answer, query: query, language: labels.language),
                scenario: entry.name, scenarioText: entry.document.text, overrides: arguments, observed: answer.figures?.provenance, seed: query.seed)
            do {
                let book = try ExcelReport.comparison(
                    answer.comparison, a: labels.desk.unchanged, b: labels.desk.changed, provenance: provenance, labels: labels)
                (contents, type, name) = (book, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pilotsim-desk.xlsx")
            } catch {
                return DeskPage.message("\(error)", status: .internalServerError, request: request)
            }
        }
        return Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: contents)))
    }

    /// The solve form's answer, as `pilotsim solve` prints it, on the plan as the page changed it.
    private func solve(_ request: Request) async -> Response {
        let (query, entry, labels) = read(request)
        guard let entry, let base = try? entry.document.scenario() else { return DeskPage.message(labels.desk.notFound, status: .notFound, request: request) }
        let back = "/?" + FormFields.query(DeskPage.fields(query, language: labels.language) + DeskPage.solveFields(query))
        let (overrides, arguments, problems) = query.overrides(of: base, document: entry.document)
        func refused(_ messages: [String]) -> Response {
            DeskPage.page(
                DeskPlainPage.html(labels: labels, message: messages.joined(separator: "\n"), back: back),
                status: .unprocessableContent)
        }
        guard query.problems.isEmpty, problems.isEmpty else { return refused(query.problems + problems) }
        let cache = self.cache
        do {
            let figures = query.prior ? nil : try query.reportedFigures(for: base)
            let (text, commandLine) = try await queue.run { threads in
                try query.solve.answer(
                    query: query, entry: entry, overrides: overrides, arguments: arguments, figures: figures, cache: cache, threads: threads)
            }
            return DeskPage.page(DeskPlainPage.html(labels: labels, answer: .init(text: text, commandLine: commandLine), back: back))
        } catch is SimulationQueue.Busy {
            return busy(request)
        } catch let problems as DeskSolve.Problems {
            return refused(problems.messages)
        } catch {
            return refused(Self.problems(error, labels))
        }
    }

    /// What an error of a simulation asked for says to the person who asked, in the desk's
    /// words where it has them: a scenario's diagnostics as `validate` prints them, a change the
    /// reported figures refuse, too few particles.
    private static func problems(_ error: any Error, _ labels: Labels) -> [String] {
        switch error {
        case let error as ScenarioValidationError: error.diagnostics.map(\.description)
        case let refusal as ConditionedSample.Refusal: [labels.desk.refused(refusal.parameters, through: refusal.lastReportedMonth.description)]
        case AnalysisError.particlesOutOfRange(let runs): [labels.desk.badParticles(runs, range: Analyses.Condition.particleRange)]
        default: ["\(error)"]
        }
    }

    /// The scenario with the page's changes as a YAML file of its own: `pilotsim run` of it with
    /// the page's runs and seed gives the changed plan's numbers. Nothing is simulated.
    private func changedScenario(_ request: Request) -> Response {
        let (query, entry, labels) = read(request)
        guard let entry, let base = try? entry.document.scenario() else { return DeskPage.message(labels.desk.notFound, status: .notFound, request: request) }
        let (overrides, _, problems) = query.overrides(of: base, document: entry.document)
        guard problems.isEmpty else { return DeskPage.message(problems.joined(separator: "\n"), status: .unprocessableContent, request: request) }
        let text: String
        do {
            text = try entry.document.text(overrides: overrides)
        } catch {
            return DeskPage.message("\(error)", status: .unprocessableContent, request: request)
        }
        return Response(
            status: .ok, headers: [.contentType: "application/yaml; charset=utf-8", .contentDisposition: "attachment; filename=\"pilotsim-desk.yaml\""],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The figures a page was sent, as the file `--observed` reads.
    private func figures(_ request: Request) -> Response {
        let (query, entry, labels) = read(request)
        guard let entry, let scenario = try? entry.document.scenario(), let figures = try? query.reportedFigures(for: scenario) else {
            return DeskPage.message(labels.desk.notFound, status: .notFound, request: request)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(DeskQuery.figuresFile)\""],
            body: .init(byteBuffer: ByteBuffer(string: ObservationFile.render(figures.observations))))
    }

    /// What a query comes to: the answer, what is wrong with what it asks, no free place in the
    /// simulation queue, or (in the background) what became of the refinement asked for.
    enum Outcome {
        case answer(DeskAnswer), problems([String]), busy, refining(DeskRefinements.Asked)
    }

    /// The outcome of `query`, and the settings it applied (as `--b-set` arguments).
    /// `inBackground`: an answer not kept is asked of the refinements rather than waited for.
    private func compute(_ query: DeskQuery, entry: DeskScenarios.Entry, inBackground: Bool = false) async -> (Outcome, [String]) {
        guard query.problems.isEmpty else { return (.problems(query.problems), []) }
        let base: Scenario
        do { base = try entry.document.scenario() } catch { return (.problems(["\(error)"]), []) }
        let (overrides, arguments, problems) = query.overrides(of: base, document: entry.document)
        guard problems.isEmpty else { return (.problems(problems), arguments) }
        let cache = self.cache, document = entry.document, runs = query.runs, seed = query.seed
        do {
            let figures = query.prior ? nil : try query.reportedFigures(for: base)
            let key = DeskAnswer.key(document: document, arguments: arguments, figures: figures, runs: runs, seed: seed)
            if let kept = cache.answers.kept(key) { return (.answer(kept), arguments) }
            if inBackground {
                let simulating = queue.simulating
                let asked = refinements.ask(key, admitting: await !queue.isSaturated) {
                    _ = try DeskAnswer.compute(
                        document: document, overrides: overrides, arguments: arguments, figures: figures, runs: runs, seed: seed, threads: 1, cache: cache
                    ) { simulating.wait() }
                }
                return (.refining(asked), arguments)
            }
            let answer = try await queue.run { threads in
                try DeskAnswer.compute(
                    document: document, overrides: overrides, arguments: arguments, figures: figures, runs: runs, seed: seed, threads: threads,
                    cache: cache)
            }
            return (.answer(answer), arguments)
        } catch is SimulationQueue.Busy {
            return (.busy, arguments)
        } catch {
            return (.problems(Self.problems(error, query.language.labels)), arguments)
        }
    }

    private func upload(_ request: Request) async throws -> Response {
        let labels = DeskPage.labels(request)
        let body = try await request.body.collect(upTo: Self.maximumBody)
        guard let form = UploadForm.read(body, contentType: request.headers[.contentType]) else {
            return DeskPage.message(labels.desk.unreadableUpload, status: .badRequest, request: request)
        }
        guard formGuard.admits(form.csrf, request: request) else {
            return DeskPage.message(labels.desk.forbiddenForm, status: .forbidden, request: request)
        }
        let text = form.text
        do {
            let id = try scenarios.upload(text)
            return Response(status: .seeOther, headers: [.location: "/?" + FormFields.query([("scenario", id), ("lang", labels.language.rawValue)])])
        } catch let error as ScenarioValidationError {
            var query = DeskQuery([("lang", labels.language.rawValue)], maximumRuns: configuration.maximumRuns)
            query.scenario = DeskScenarios.startID
            let html = DeskPage.answer(
                nil, query: query, entry: scenarios.start, scenarios: scenarios, arguments: [], problems: error.diagnostics.map(\.description),
                csrf: formGuard.value, labels: labels, maximumRuns: configuration.maximumRuns)
            return DeskPage.page(html, status: .unprocessableContent)
        }
    }
}
