import BallotWire
import FlyingFox
import FoundationEssentials
import Messages

/// The ballot server's one place of state: it answers the phones' requests and the wizard's commands, and tells
/// the wizard what changed through `report`.
public actor BallotDesk {
    private var box = BallotBox()
    /// The ballot's path, `/` and the token, as the URL gives it.
    private let path: String
    private let report: @Sendable (BallotEvent) -> Void

    /// The largest request body taken: a vote's form with a long note in escaped UTF-8 is well under it.
    public static let bodyLimit = 8_192
    private static let browserCookie = "ballot"

    public init(token: String, report: @escaping @Sendable (BallotEvent) -> Void) {
        path = "/" + token
        self.report = report
    }

    /// Carries out a wizard's command.
    public func handle(_ command: BallotCommand) {
        switch command {
        case .open(let opening): box.open(opening)
        case .close: box.close()
        case .reveal:
            if let revealed = box.reveal() { report(.revealed(question: revealed.question, votes: revealed.votes)) }
        case .release(let participant): box.release(participant: participant)
        case .end: break
        }
    }

    /// The answer to a phone's request: the page at the ballot's address, 404 anywhere else.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        let language = pageLanguage(acceptLanguage: request.headers[HTTPHeader("Accept-Language")])
        // Phones type the token in any case; the QR code gives it in upper case.
        guard request.path.uppercased() == path else {
            return page(.problem(Message(.ballotPageNotFound)), status: .notFound, in: language)
        }
        var browser = cookie(Self.browserCookie, in: request.headers[.cookie])
            .flatMap { Self.isBrowserID($0) ? $0 : nil }
        let newBrowser = browser == nil ? Self.newBrowserID() : nil
        var response: HTTPResponse
        switch request.method {
        case .GET:
            browser = browser ?? newBrowser
            response = page(currentPage(for: browser), in: language)
        case .POST:
            response = await vote(request, from: browser, in: language)
        default:
            response = page(.problem(Message(.ballotPageBadRequest)), status: .methodNotAllowed, in: language)
        }
        if let newBrowser {
            response.headers[.setCookie] =
                "\(Self.browserCookie)=\(newBrowser); Path=\(path); HttpOnly; SameSite=Strict"
        }
        return response
    }

    private func currentPage(for browser: String?) -> BallotPage {
        switch box.phase {
        case .waiting: .waiting
        case .open(let ballot):
            .form(ballot, notice: nil, earlier: box.vote(of: browser), participant: box.participant(of: browser))
        case .revealed: .closed
        }
    }

    private func vote(_ request: HTTPRequest, from browser: String?, in language: Language) async -> HTTPResponse {
        // A body is read only when it says its length and that length is a vote's.
        guard request.headers[.transferEncoding] == nil,
              let length = Int(request.headers[.contentLength] ?? "0"), length >= 0 else {
            return page(.problem(Message(.ballotPageBadRequest)), status: .badRequest, in: language, closing: true)
        }
        guard length <= Self.bodyLimit else {
            return page(.problem(Message(.ballotPageTooLarge)), status: .payloadTooLarge, in: language, closing: true)
        }
        guard let body = try? await request.bodyData, let fields = formFields([UInt8](body)) else {
            return page(.problem(Message(.ballotPageBadRequest)), status: .badRequest, in: language)
        }
        let submission = BallotBox.Submission(
            serial: fields["ballot"].flatMap { Int($0) }, participant: fields["participant"],
            sector: fields["sector"], rating: fields["rating"], note: fields["note"] ?? "")
        guard let browser else {
            return page(refusedForm(Message(.ballotPageNoCookie), submission: submission), in: language)
        }
        switch box.cast(submission, from: browser) {
        case .counted(let question, let votes, let of):
            report(.count(question: question, votes: votes, of: of))
            return page(.thanks, in: language)
        case .refused(let why): return page(refusedForm(why, submission: submission), in: language)
        case .waiting: return page(.waiting, in: language)
        case .closed: return page(.closed, in: language)
        }
    }

    /// The open ballot's form again, with why the vote was not counted and what the phone had chosen.
    private func refusedForm(_ why: Message, submission: BallotBox.Submission) -> BallotPage {
        guard case .open(let ballot) = box.phase else { return box.phase == .waiting ? .waiting : .closed }
        let earlier = submission.rating.flatMap(BallotRating.init(code:)).map {
            BallotVote(sector: submission.sector, rating: $0, note: BallotBox.oneLine(submission.note))
        }
        return .form(ballot, notice: why, earlier: earlier, participant: submission.participant)
    }

    private func page(_ page: BallotPage, status: HTTPStatusCode = .ok, in language: Language,
                      closing: Bool = false) -> HTTPResponse {
        var headers: HTTPHeaders = [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
            // Nothing but the page's own style and form: no script, no outside loads, no framing.
            HTTPHeader("Content-Security-Policy"):
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; "
                + "frame-ancestors 'none'",
            HTTPHeader("Referrer-Policy"): "no-referrer",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]
        if closing { headers[.connection] = "close" }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(page.html(path: path, in: language).utf8))
    }

    private static func newBrowserID() -> String {
        BallotAddress.randomToken() + BallotAddress.randomToken()
    }

    /// A cookie value this server could have given: 16 base-32 digits.
    private static func isBrowserID(_ value: String) -> Bool {
        value.count == 16 && value.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    }
}
