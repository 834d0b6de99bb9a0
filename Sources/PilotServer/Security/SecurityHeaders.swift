import HTTPTypes
import Hummingbird

/// Adds to every response — pages, files and errors — a Content-Security-Policy that allows
/// nothing from another origin (and no script at all), nosniff, no framing, and a referrer
/// only to the desk itself (with none, a browser sends its forms with `Origin: null`, which
/// the anti-forgery check refuses); and
/// answers an error a handler throws (an unknown path, a body over the limit) with a page in
/// the desk's words instead of the server's.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            let words = DeskPage.labels(request).desk
            let text = error.status == .contentTooLarge ? words.tooLarge : error.status == .notFound ? words.notFound : error.status.reasonPhrase
            response = DeskPage.message(text, status: error.status, request: request)
        }
        for (name, value) in Self.fields { response.headers[name] = value }
        return response
    }

    /// The headers every response carries.
    static var fields: [(HTTPField.Name, String)] {
        [
            ("Content-Security-Policy", policy), ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"), ("Cache-Control", "no-store"),
        ].map { (HTTPField.Name($0.0)!, $0.1) }
    }
}
