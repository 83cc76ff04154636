import BallotWire
import Foundation
import Glibc
import ISPCore
import ISPFiles
import TerminalUI
import Testing
import Wizard

/// A terminal for the run loop whose script may wait for the screen to show something, or do something (vote
/// from a phone) between keys.
final class ScriptedTerminal: TerminalBackend {
    enum Step {
        case key(Key)
        /// Waits, as a read that timed out, until the screen's text holds this, for up to 10 seconds.
        case waitFor(String)
        /// Does something between keys, given the screen's text.
        case run((String) throws -> Void)
    }

    private(set) var size = Size(rows: 24, columns: 80)
    private var screen = ScreenGrid(size: Size(rows: 24, columns: 80))
    private var steps: [Step]
    private var waited = 0
    /// What went wrong in the script: a wait that timed out, a step that threw.
    private(set) var failure: String?

    init(_ steps: [Step]) {
        self.steps = steps
    }

    func nextEvent(timeoutMilliseconds: Int) -> Event? {
        while let step = steps.first, failure == nil {
            switch step {
            case .key(let key):
                steps.removeFirst()
                return .key(key)
            case .waitFor(let text):
                if screen.text.contains(text) {
                    steps.removeFirst()
                    waited = 0
                    continue
                }
                waited += 1
                guard waited < 500 else {
                    failure = "the screen never showed \(text):\n\(screen.text)"
                    break
                }
                usleep(20_000)
                return nil
            case .run(let action):
                steps.removeFirst()
                do { try action(screen.text) } catch { failure = "\(error)" }
            }
        }
        return .stop(.hangup)
    }

    func draw(_ grid: ScreenGrid) {
        screen = grid
    }

    func bell() {}

    func stop() {}
}

/// Keeps what the run loop saves.
final class KeptSessions: SessionStore {
    var last: Session?

    func save(_ session: Session) throws(FileError) {
        last = session
    }

    func export(_ export: ReportExport, contents: Data) throws(FileError) -> String { "" }
}

/// The wizard's run loop with the real `isp-ballot`, on 127.0.0.1 only, and phones voting over HTTP.
@Suite(.serialized) struct WizardBallotTests {
    static let participants = [
        Participant(id: "ana", name: "Ana Núñez", organisation: "Municipio", sector: .government),
        Participant(id: "li", name: "李华", organisation: "水务合作社", sector: .civilSociety),
        Participant(id: "bea", name: "Beatriz <b>Rojas</b>", organisation: "Banco Sol", sector: .business),
    ]

    /// A workshop of three on step 1, question 1.
    func workshop() -> WizardState {
        var session = Session(guide: .builtIn, name: "Agua para Todos")
        session.participants = Self.participants
        session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
        return WizardState(guide: .builtIn, session: session, size: Size(rows: 24, columns: 80))
    }

    /// The voting page's address as the screen shows it, made one a test may reach (`127.0.0.1`).
    final class Room {
        var port: UInt16 = 0
        var path = ""

        func read(_ screen: String) throws {
            guard let start = screen.range(of: "HTTP://127.0.0.1:") else { throw TestFailure("no address on screen") }
            let rest = screen[start.upperBound...].prefix { !$0.isWhitespace }
            let parts = rest.split(separator: "/")
            port = UInt16(parts.first ?? "") ?? 0
            path = "/" + (parts.dropFirst().first.map(String.init) ?? "")
        }

        /// A phone's vote: it opens the page (for its cookie and the ballot's number), then sends the form.
        func vote(_ fields: [(String, String)]) throws -> HTTPAnswer {
            let page = try HTTPAnswer.fetch(port: port, method: "GET", target: path, headers: [:], body: [])
            let cookie = page.headers["set-cookie"]?.split(separator: ";").first.map(String.init) ?? ""
            let serial = page.body.range(of: "name=\"ballot\" value=\"").map { found in
                String(page.body[found.upperBound...].prefix { $0.isNumber })
            } ?? ""
            let body = ([("ballot", serial)] + fields).map { "\($0.0)=\(Self.encoded($0.1))" }.joined(separator: "&")
            return try HTTPAnswer.fetch(port: port, method: "POST", target: path, headers: [
                "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded",
            ], body: Array(body.utf8))
        }

        private static func encoded(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        }
    }

    @Test func aNamedThenAnAnonymousBallotFromPhonesAreRevealedIntoTheSession() throws {
        let room = Room()
        var afterReveal: HTTPAnswer?
        var beyondTheRoom: HTTPAnswer?
        let terminal = ScriptedTerminal([
            .key(.character("b")), .key(.character("n")),
            .waitFor("HTTP://127.0.0.1:"),
            .run { screen in
                try room.read(screen)
                _ = try room.vote([("participant", "ana"), ("rating", "1"), ("note", "falta agua 水")])
                _ = try room.vote([("participant", "li"), ("rating", "3")])
            },
            .waitFor("2 of 3 voted"),
            .key(.character("r")),
            .waitFor("2 votes revealed."),
            .run { _ in afterReveal = try room.vote([("participant", "bea"), ("rating", "4")]) },
            // The next question, anonymously: the same address, a new ballot.
            .key(.control("n")), .key(.character("b")), .key(.character("a")),
            .waitFor("0 of 3 voted"),
            // No more votes than the room has people: a fourth phone is refused.
            .run { _ in
                for sector in ["government", "government", "government"] {
                    _ = try room.vote([("sector", sector), ("rating", "2")])
                }
                beyondTheRoom = try room.vote([("sector", ""), ("rating", "0")])
            },
            .waitFor("3 of 3 voted"),
            .key(.character("r")),
            .waitFor("3 votes revealed."),
            .key(.control("q")),
        ])
        let store = KeptSessions()
        let runner = WizardRunner(state: workshop(), backend: terminal, store: store, savesInBackground: false,
                                  ballotLaunch: BallotServerLaunch(arguments: RunningBallotServer.onLoopback))
        #expect(runner.run() == .quit)
        #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
        let named = try #require(store.last?.answer(for: "s1.q1"))
        #expect(named.voices["ana"]?.rating == .stage(.emerging))
        #expect(named.voices["ana"]?.note == "falta agua 水")
        #expect(named.voices["li"]?.rating == .stage(.inPlace))
        #expect(named.voices["bea"] == nil)
        #expect(afterReveal?.status == 200)
        #expect(afterReveal?.body.contains("closed") == true)
        let anonymous = try #require(store.last?.answer(for: "s1.q2"))
        #expect(anonymous.voices.isEmpty)
        #expect(anonymous.distribution?.votes(for: .stage(.partial)) == 3)
        #expect(anonymous.distribution?.voteCount == 3)
        #expect(beyondTheRoom?.body.contains("as many votes as the room has people") == true)
        #expect(anonymous.distribution?.sectors == [.government])
    }
}
