@testable import BallotServer
import BallotWire
import Testing

/// The desk's rules for the browser ids it gives out as cookies, asked directly rather than over HTTP, with a
/// small limit in place of the 10,000 a script would have to ask for.
@Suite struct BallotDeskTests {
    let opening = BallotOpening(question: BallotQuestion(id: "s3.q2", text: "Trust?"), scale: englishScale,
                                voters: .anonymous(sectors: []))

    @Test func onceItsCookiesAreGivenOutANewPhoneIsToldSoUntilTheBallotOpensAgain() async {
        let desk = BallotDesk(token: "ABCDEFGH", browserLimit: 2, report: { _ in })
        await desk.handle(.open(opening))
        var first = DeskPhone(desk)
        var second = DeskPhone(desk)
        var third = DeskPhone(desk)
        _ = await first.get()
        _ = await second.get()
        let refused = await third.get()
        #expect(third.cookie == nil)
        let tooMany = "This ballot takes votes from no more phones; ask the facilitator to open it again."
        #expect(refused.contains("<h1>\(tooMany)</h1>"))
        #expect(await third.vote("2").contains("<h1>\(tooMany)</h1>"))
        // The phones that have a cookie keep it and vote.
        #expect(await first.vote("1").contains("Thank you, your vote is counted."))
        #expect(await second.vote("3").contains("Thank you, your vote is counted."))
        // The next ballot gives out cookies afresh: the third phone votes.
        await desk.handle(.close)
        await desk.handle(.open(opening))
        _ = await third.get()
        #expect(third.cookie != nil)
        #expect(await third.vote("4", ballot: 2).contains("Thank you, your vote is counted."))
        // A phone that sends the last ballot's form with its forgotten id is told the question changed.
        #expect(await second.vote("3").contains(
            "The question changed while you were voting; please vote on this one."))
        // It was given a new id with that form, and votes; the limit holds for this ballot too.
        #expect(await second.vote("0", ballot: 2).contains("Thank you, your vote is counted."))
        #expect(await first.get().contains("<h1>\(tooMany)</h1>"))
    }
}

/// A browser asking the desk directly, keeping the cookie it gives.
private struct DeskPhone {
    let desk: BallotDesk
    var cookie: String?

    init(_ desk: BallotDesk) {
        self.desk = desk
    }

    mutating func get() async -> String {
        await ask(HTTPRequest(method: "GET", path: "/ABCDEFGH", headers: headers))
    }

    mutating func vote(_ rating: String, ballot: Int = 1) async -> String {
        await ask(HTTPRequest(method: "POST", path: "/ABCDEFGH", headers: headers,
                              body: Array("ballot=\(ballot)&rating=\(rating)".utf8)))
    }

    private var headers: [String: String] {
        cookie.map { ["cookie": $0] } ?? [:]
    }

    private mutating func ask(_ request: HTTPRequest) async -> String {
        let response = await desk.respond(to: .success(request))
        if let setCookie = response.headers.first(where: { $0.name == "Set-Cookie" }) {
            cookie = setCookie.value.split(separator: ";").first.map(String.init)
        }
        return String(decoding: response.body, as: UTF8.self)
    }
}

/// The page speaks the phone's language when the server has it, else the facilitator's.
@Suite struct BallotPageLanguageTests {
    func ask(_ desk: BallotDesk, acceptLanguage: String?) async -> String {
        let headers = acceptLanguage.map { ["accept-language": $0] } ?? [:]
        let response = await desk.respond(to: .success(HTTPRequest(method: "GET", path: "/ABCDEFGH",
                                                                   headers: headers)))
        return String(decoding: response.body, as: UTF8.self)
    }

    @Test func aPhoneGetsItsOwnLanguageElseTheFacilitators() async {
        let desk = BallotDesk(token: "ABCDEFGH", report: { _ in })
        // Before any ballot: the server's own language (English here).
        #expect(await ask(desk, acceptLanguage: nil).contains("Waiting for the next question."))
        var opening = BallotOpening(question: BallotQuestion(id: "s1.q1", text: "¿Por qué?"), scale: englishScale,
                                    voters: .anonymous(sectors: []))
        opening.language = "pt"
        await desk.handle(.open(opening))
        await desk.handle(.close)
        #expect(await ask(desk, acceptLanguage: nil).contains("lang=\"pt\""))
        #expect(await ask(desk, acceptLanguage: "de-DE, de;q=0.9").contains("lang=\"pt\""))
        let spanish = await ask(desk, acceptLanguage: "es-PE,es;q=0.9,en;q=0.8")
        #expect(spanish.contains("lang=\"es\""))
        #expect(!spanish.contains("Waiting for the next question."))
        #expect(await ask(desk, acceptLanguage: "fr-SN").contains("lang=\"fr\""))
    }

    /// A page never mixes two languages: the question and the ratings follow the page's language too.
    @Test func theQuestionAndTheRatingsAreInThePagesLanguage() async {
        let desk = BallotDesk(token: "ABCDEFGH", report: { _ in })
        let question = BallotQuestion(id: "s1.q1", text: "Why?", scale: "0: nobody knows · 4: all agree",
                                      translations: ["es": "¿Por qué?"], scaleTranslations: ["es": "0: nadie sabe"])
        var opening = BallotOpening(question: question, scale: englishScale, voters: .anonymous(sectors: []))
        opening.language = "en"
        await desk.handle(.open(opening))
        let spanish = await ask(desk, acceptLanguage: "es-PE")
        #expect(spanish.contains("<h1>¿Por qué?</h1>\n<p class=\"scale\">0: nadie sabe</p>"))
        #expect(spanish.contains("No iniciado"))
        #expect(!spanish.contains("Not started"))
        let english = await ask(desk, acceptLanguage: "en-GB")
        #expect(english.contains("<h1>Why?</h1>\n<p class=\"scale\">0: nobody knows · 4: all agree</p>"))
        #expect(english.contains("Not started"))
        // A language the question has no translation in shows it as the facilitator wrote it.
        #expect(await ask(desk, acceptLanguage: "fr").contains("<h1>Why?</h1>"))
    }
}
