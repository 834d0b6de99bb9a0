import Foundation
import Hummingbird
import PilotReport

/// Lets through only requests that carry the desk's token: in the URL once (`?token=`, which
/// sets an HttpOnly, SameSite=Strict cookie and redirects to the same page without it), in the
/// cookie after. No token: 401; a wrong one: 403.
struct AccessGate<Context: RequestContext>: RouterMiddleware {
    static var cookieName: String { "pilotsim_token" }
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let fields = FormFields.parse(request.uri.query ?? "") ?? []
        let inURL = fields.first { $0.0 == "token" }?.1
        guard let given = inURL ?? request.cookies[Self.cookieName]?.value else {
            return DeskPage.message(DeskPage.labels(request).desk.missingToken, status: .unauthorized, request: request)
        }
        guard ConstantTime.equal(given, token) else {
            return DeskPage.message(DeskPage.labels(request).desk.wrongToken, status: .forbidden, request: request)
        }
        guard inURL != nil else { return try await next(request, context) }
        // The token leaves the URL (and the history) for a cookie scripts cannot read.
        let rest = fields.filter { $0.0 != "token" }
        var response = Response(status: .seeOther, headers: [.location: request.uri.path + (rest.isEmpty ? "" : "?" + FormFields.query(rest))])
        response.setCookie(Cookie(name: Self.cookieName, value: token, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }
}
