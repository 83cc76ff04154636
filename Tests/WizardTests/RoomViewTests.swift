import BallotWire
import ISPCore
import ISPTestSupport
import Messages
import TerminalUI
import Testing

@testable import Wizard

/// A made-up QR code of `side` modules a side (21 is version 1): the room view draws whatever modules the server
/// sends.
func madeUpQRCode(side: Int = 21) -> QRModules {
    QRModules(rows: (0..<side).map { row in
        String((0..<side).map { column in (row * 7 + column * 3) % 5 < 2 ? "1" : "0" })
    })
}

/// The address the made-up ballot server listens at.
let madeUpBallotAddress = "HTTP://192.168.1.23:8123/K7QF2ZMX4P"

/// The three ways the room votes on a question, as the room view is asked to show them.
enum RoomScene: String, CaseIterable {
    case namedBallot = "named-ballot", anonymousBallot = "anonymous-ballot", namedRevealed = "named-revealed"
    case distribution
}

/// A workshop of the first seven of the room of eight on step 1, question 1, with the ballot server listening.
func roomOfSeven(size: Size = standardSize, language: Language = .english) -> WizardState {
    var session = workshopOnFirstQuestion().session
    session.participants = Array(roomOfEight.prefix(7))
    var state = WizardState(guide: .builtIn, session: session, size: size, language: language)
    _ = state.handle(BallotUpdate.event(.ready(url: madeUpBallotAddress, qrCode: madeUpQRCode())))
    return state
}

/// Nine anonymous votes, three of them from government (a sector shown), two with a note.
let nineAnonymousVotes: [BallotVote] = [
    BallotVote(sector: "government", rating: .stage(3), note: "El municipio ya convoca"),
    BallotVote(sector: "government", rating: .stage(3)),
    BallotVote(sector: "government", rating: .stage(1)),
    BallotVote(sector: "business", rating: .stage(4)),
    BallotVote(rating: .stage(3)),
    BallotVote(rating: .stage(0), note: "Nadie nos preguntó"),
    BallotVote(rating: .stage(3)),
    BallotVote(rating: .dontKnow),
    BallotVote(rating: .stage(1)),
]

extension WizardState {
    /// Opens a ballot of the kind `letter` names (`n`, `a`) on the question on view and counts `votes`.
    mutating func openBallot(_ letter: Character, votes: Int) {
        press(.character("b"), .character(letter))
        let voters: Int? = letter == "n" ? session.participants.count : nil
        _ = handle(BallotUpdate.event(.count(question: "s1.q1", votes: votes, of: voters)))
    }

    /// Opens a ballot and reveals `votes` as the server would send them.
    mutating func reveal(_ letter: Character, _ votes: [BallotVote]) {
        openBallot(letter, votes: votes.count)
        press(.character("r"))
        _ = handle(BallotUpdate.event(.revealed(question: "s1.q1", votes: votes)))
    }

    /// The question on view as `scene` leaves it, with the room view open.
    mutating func show(_ scene: RoomScene) {
        switch scene {
        case .namedBallot: openBallot("n", votes: 5)
        case .anonymousBallot: openBallot("a", votes: 6)
        case .namedRevealed:
            reveal("n", [
                BallotVote(participant: "p1", rating: .stage(2)), BallotVote(participant: "p2", rating: .stage(4)),
                BallotVote(participant: "p4", rating: .stage(2), note: "Falta el presupuesto"),
                BallotVote(participant: "p5", rating: .stage(0)), BallotVote(participant: "p6", rating: .stage(2)),
                BallotVote(participant: "p7", rating: .notApplicable),
            ])
        case .distribution: reveal("a", nineAnonymousVotes)
        }
        press(.character("v"))
    }
}

/// The room view (`v`, issue 19): what the facilitator projects, at 80x24 in the high-contrast theme, at the
/// smallest size and on a large screen.
@Suite struct RoomViewTests {
    @Test(arguments: RoomScene.allCases, [Size(rows: 24, columns: 80), Size(rows: 20, columns: 60),
                                          Size(rows: 48, columns: 160)])
    func theRoomViewOfEachSceneAtEachSize(scene: RoomScene, size: Size) {
        var state = roomOfSeven(size: size)
        state.show(scene)
        #expect(state.isShowingRoomView)
        expectGolden(state.view(), "room-view-\(scene.rawValue)-\(size.columns)x\(size.rows)",
                     theme: size == standardSize ? .highContrast : nil)
    }

    @Test(arguments: RoomScene.allCases)
    func theRoomViewLeavesNoEnglishInThePseudoLanguage(scene: RoomScene) throws {
        var state = roomOfSeven(language: .pseudo)
        state.show(scene)
        let text = state.view().text
        #expect(text.contains(scene == .namedBallot || scene == .anonymousBallot ? "▀" : "█"))
        #expect(try englishRuns(in: text, keeping: typedTexts(of: state.guide, state.session)) == [])
    }

    @Test func anOpenBallotShowsItsCountTheCodeAndTheAddressAndNoEarlierAnswer() {
        var state = roomOfSeven()
        state.press(.character("3"), .character("1"))
        state.show(.namedBallot)
        let text = state.view().text
        #expect(text.contains("5 of 7 voted"))
        #expect(text.contains("On a phone on this network, open"))
        #expect(text.contains(madeUpBallotAddress))
        #expect(text.contains("▀"))
        #expect(!text.contains("Emerging"))
        #expect(!text.contains("Step 1:"))
    }

    @Test func aNamedRoundShowsEachBarWithItsCountAndTheNamesOfThoseWhoGaveIt() {
        var state = roomOfSeven()
        state.show(.namedRevealed)
        let lines = state.view().text.split(separator: "\n").map(String.init)
        #expect(lines.contains {
            $0.contains("2 Partial           ") && $0.hasSuffix("3  Ana Núñez, Grace Achieng and Otieno")
        })
        #expect(lines.contains { $0.contains("0 Not started       ") && $0.hasSuffix(" 1  김민준") })
        #expect(lines.contains { $0.contains("1 Emerging          0") })
        #expect(lines.contains { $0.contains("6 of 7 rated · Spread 0–4: discuss") })
    }

    @Test func aDistributionShowsNoNameAndItsSectorOnlyFromThreeVotes() {
        var state = roomOfSeven()
        state.show(.distribution)
        let text = state.view().text
        for participant in roomOfEight where !participant.name.isEmpty { #expect(!text.contains(participant.name)) }
        #expect(text.contains("9 anonymous votes · Spread 0–4: discuss"))
        #expect(text.contains(" 4  Gov 2\n"))
        #expect(!text.contains("Bus"))
        #expect(text.contains("Step 1: "))
    }

    @Test func aCodeTooTallForTheTerminalGivesWayToASentenceThatSaysHowToShowIt() {
        var state = roomOfSeven()
        // Version 6: 23 lines, which leave no room for the question at 80x24.
        _ = state.handle(BallotUpdate.event(.ready(url: madeUpBallotAddress, qrCode: madeUpQRCode(side: 41))))
        state.show(.anonymousBallot)
        let text = state.view().text
        #expect(text.contains("6 of 7 voted"))
        #expect(text.contains(madeUpBallotAddress))
        #expect(text.contains("A larger window or a smaller font shows the QR code."))
        #expect(!text.contains("▀"))
    }
}

/// A question voted anonymously shows its votes on the question screen where the participants' rows stand, the
/// Group row still rateable (issue 19).
@Suite struct DistributionOnQuestionScreenTests {
    @Test func theBarsOfAnonymousVotesTakeTheParticipantsRowsAndTheGroupStillRates() {
        var state = roomOfSeven()
        state.press(.down, .down)
        state.reveal("a", nineAnonymousVotes)
        let screen = state.view()
        expectGolden(screen, "question-distribution-80x24")
        let spread = "9 anonymous votes · Spread 0–4: discuss · Group: no consensus yet (mean 2.3)"
        #expect(screen.text.contains(spread))
        let notes = "2 notes without names: “El municipio ya convoca” · “Nadie nos preguntó”"
        #expect(screen.text.contains(notes))
        for participant in roomOfEight where !participant.name.isEmpty {
            #expect(!screen.text.contains(participant.name))
        }
        state.press(.character("3"))
        #expect(state.session.answers["s1.q1"]?.rating == .stage(.inPlace))
        #expect(state.session.answers["s1.q1"]?.voices.isEmpty == true)
    }

    @Test func withoutParticipantsTheVotesTakeThePlaceOfNotRated() {
        var state = roomOfSeven(size: Size(rows: 20, columns: 60))
        state.session.participants = []
        state.reveal("a", nineAnonymousVotes)
        let screen = state.view()
        expectGolden(screen, "question-distribution-no-participants-60x20")
        #expect(!screen.text.contains("Not rated"))
        #expect(screen.text.contains("9 anonymous votes"))
        state.press(.character("2"))
        #expect(state.session.answers["s1.q1"]?.rating == .stage(.partial))
    }
}
