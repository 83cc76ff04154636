import BallotWire
import Messages

/// The ballot server's one place of state: it answers the phones' requests and the wizard's commands, and tells
/// the wizard what changed through `report`.
public actor BallotDesk {
    private var box = BallotBox()
    /// The ballot's path, `/` and the token, as the URL gives it.
    private let path: String
    private let report: @Sendable (BallotEvent) -> Void
    /// The browser ids given out as cookies since the ballot opened: only these vote, so that a script cannot cast
    /// a ballot's votes by making up cookies.
    private var issuedBrowsers: Set<String> = []

    /// The most browser ids given out for a ballot, far more than a room's phones, so that a script asking for ids
    /// cannot fill the server's memory; beyond it a new browser is told the ballot takes no more phones until the
    /// facilitator opens it again.
    public static let browserLimit = 10_000
    private let browserLimit: Int
    private static let browserCookie = "ballot"
    /// The page's language for a phone that asks for none the server has: the facilitator's once a ballot said it,
    /// else the server's own.
    private var facilitatorLanguage: Language

    public init(token: String, browserLimit: Int = BallotDesk.browserLimit, language: Language = .english,
                report: @escaping @Sendable (BallotEvent) -> Void) {
        path = "/" + token
        self.browserLimit = browserLimit
        facilitatorLanguage = language
        self.report = report
    }

    /// Carries out a wizard's command.
    public func handle(_ command: BallotCommand) {
        switch command {
        case .open(let opening):
            box.open(opening)
            if let language = opening.language.flatMap(Language.init(code:)) { facilitatorLanguage = language }
            // Each ballot gives out ids afresh, so that ids asked for until the limit hold up only one ballot; a
            // phone that speaks for a participant keeps its id, and the others get new ones with the form.
            issuedBrowsers.formIntersection(box.claimants)
        case .close: box.close()
        case .reveal:
            if let revealed = box.reveal() { report(.revealed(question: revealed.question, votes: revealed.votes)) }
        case .release(let participant): box.release(participant: participant)
        case .end: break
        }
    }

    /// The answer to a phone's request: the page at the ballot's address, 404 anywhere else, and why a request the
    /// server would not read is refused.
    public func respond(to reading: Result<HTTPRequest, HTTPRefusal>) -> HTTPResponse {
        let request: HTTPRequest
        switch reading {
        case .success(let read): request = read
        case .failure(let refusal):
            let why: MessageID = switch refusal.status {
            case .requestTimeout: .ballotPageTimedOut
            case .serviceUnavailable: .ballotPageBusy
            case .contentTooLarge, .headerFieldsTooLarge: .ballotPageTooLarge
            case .ok, .badRequest, .notFound, .methodNotAllowed: .ballotPageBadRequest
            }
            let language = pageLanguage(acceptLanguage: refusal.headers["accept-language"], else: facilitatorLanguage)
            return page(.problem(Message(why)), status: refusal.status, in: language)
        }
        let language = pageLanguage(acceptLanguage: request.headers["accept-language"], else: facilitatorLanguage)
        // Phones type the token in any case; the QR code gives it in upper case.
        guard request.path.uppercased() == path else {
            return page(.problem(Message(.ballotPageNotFound)), status: .notFound, in: language)
        }
        var browser = cookie(Self.browserCookie, in: request.headers["cookie"]).flatMap {
            issuedBrowsers.contains($0) ? $0 : nil
        }
        let newBrowser = browser == nil ? issueBrowserID() : nil
        var response: HTTPResponse
        switch request.method {
        case "GET":
            browser = browser ?? newBrowser
            response = page(currentPage(for: browser), in: language)
        case "POST" where formFields(request.body)?[BallotPage.changeField] != nil:
            // "Change my vote" on the page of a vote counted: the form again, with this phone's vote in it.
            response = page(currentPage(for: browser, changing: true), in: language)
        case "POST":
            response = vote(request, from: browser, canIssue: newBrowser != nil, in: language)
        default:
            response = page(.problem(Message(.ballotPageBadRequest)), status: .methodNotAllowed, in: language)
        }
        if let newBrowser {
            response.headers.append(
                ("Set-Cookie", "\(Self.browserCookie)=\(newBrowser); Path=\(path); HttpOnly; SameSite=Strict"))
        }
        return response
    }

    /// What a phone sees of the ballot now: a phone that has voted sees its vote counted, on a page that reloads by
    /// itself and so follows the facilitator (a discard, the reveal, the next question), unless it asked to change
    /// its vote; a phone that has not voted, the form.
    private func currentPage(for browser: String?, changing: Bool = false) -> BallotPage {
        switch box.phase {
        case .waiting: return .waiting
        case .open(let ballot):
            guard browser != nil else { return .problem(Message(.ballotPageTooManyPhones)) }
            let earlier = box.vote(of: browser)
            if earlier != nil && !changing { return .thanks }
            return .form(ballot, notice: nil, earlier: earlier, participant: box.participant(of: browser))
        case .revealed: return .closed
        }
    }

    /// Counts a vote, or shows why not; `canIssue` says whether a browser without an id has just been given one.
    private func vote(_ request: HTTPRequest, from browser: String?, canIssue: Bool,
                      in language: Language) -> HTTPResponse {
        guard let fields = formFields(request.body) else {
            return page(.problem(Message(.ballotPageBadRequest)), status: .badRequest, in: language)
        }
        let submission = BallotBox.Submission(
            serial: fields["ballot"].flatMap { Int($0) }, participant: fields["participant"],
            sector: fields["sector"], rating: fields["rating"], note: fields["note"] ?? "")
        guard let browser else {
            guard canIssue else { return page(.problem(Message(.ballotPageTooManyPhones)), in: language) }
            // A phone whose id was of an earlier ballot sends that ballot's form.
            let why = box.isOpen(serial: submission.serial) ? Message(.ballotPageNoCookie)
                : Message(.ballotPageQuestionChanged)
            return page(refusedForm(why, submission: submission), in: language)
        }
        switch box.cast(submission, from: browser) {
        case .counted(let question, let votes, let of, let voter, let withdrawn):
            report(.count(question: question, votes: votes, of: of, voter: voter, withdrawn: withdrawn))
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

    private func page(_ page: BallotPage, status: HTTPStatus = .ok, in language: Language) -> HTTPResponse {
        let headers: [(name: String, value: String)] = [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Cache-Control", "no-store"),
            // Nothing but the page's own style and form: no script, no outside loads, no framing.
            ("Content-Security-Policy",
             "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; "
                + "frame-ancestors 'none'"),
            ("Referrer-Policy", "no-referrer"),
            ("X-Content-Type-Options", "nosniff"),
        ]
        return HTTPResponse(status: status, headers: headers, body: Array(page.html(path: path, in: language).utf8))
    }

    /// A new browser id of 16 base-32 digits (80 random bits), remembered as given out; nil when `browserLimit` ids
    /// have been.
    private func issueBrowserID() -> String? {
        guard issuedBrowsers.count < browserLimit else { return nil }
        let id = BallotAddress.randomToken() + BallotAddress.randomToken()
        issuedBrowsers.insert(id)
        return id
    }
}
