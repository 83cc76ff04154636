import ISPCore
import ISPFiles
import ISPTestSupport
import TerminalUI
import Testing

@testable import Wizard

/// A workshop of eight on "Who convenes?" (step 4, question 1): critical, with a scale reading and a quoted hint.
func roomOfEightOnWhoConvenes(size: Size = standardSize, mode: Mode = .workshop) -> WizardState {
    var session = Session(guide: .builtIn, mode: mode, name: "Agua para Todos 水")
    if mode == .workshop { session.participants = roomOfEight }
    session.position = Position(screen: .question, stepID: "s4", promptID: "s4.q1")
    return WizardState(guide: .builtIn, session: session, size: size)
}

/// The guide's hint behind F3, and the step's guidance marked as our summary (issue 16).
@Suite struct GuideHintTests {
    static let pointer = " The hint and the step's guidance: F3"
    static let hintStart = "The guide: “It is important to identify an individual or organization"

    @Test func atEightyByTwentyFourTheHintIsBehindF3AndTheScaleReadingStaysWhole() {
        let screen = roomOfEightOnWhoConvenes().view()
        #expect(screen.text.contains(" every sector has called the meeting.\n" + Self.pointer + "\n"))
        #expect(!screen.text.contains(Self.hintStart))
        #expect(screen.rowText(23).contains("F3 hint"))
        expectGolden(screen, "question-hint-behind-key-80x24")
    }

    @Test func onALargeTerminalTheHintStaysInline() {
        let screen = roomOfEightOnWhoConvenes(size: Size(rows: 40, columns: 120)).view()
        #expect(screen.text.contains(Self.hintStart))
        #expect(!screen.text.contains(Self.pointer))
        expectGolden(screen, "question-hint-inline-120x40")
    }

    @Test func f3ShowsTheHintAndTheGuidanceMarkedAsOursAndEscClosesIt() {
        var state = roomOfEightOnWhoConvenes()
        state.press(.function(3))
        let screen = state.view()
        #expect(screen.text.contains(" Hint and guidance "))
        #expect(screen.text.contains("│ The guide: “It is important to identify an individual or organization that"))
        #expect(screen.text.contains("│ Our summary of the guide's step:"))
        #expect(screen.text.contains("│ Plan how to bring the sectors' representatives together as equal partners,"))
        #expect(screen.rowText(23) == " Esc close  ^Q quit")
        expectGolden(screen, "guide-hint-80x24")
        // Keys other than Esc and F3 wait: a rating typed now rates nothing.
        state.press(.character("3"))
        #expect(state.isShowingGuideHint)
        #expect(state.session.answers["s4.q1"] == nil)
        state.press(.escape)
        #expect(!state.isShowingGuideHint)
        #expect(state.screen == .question(step: 3, prompt: 0))
    }

    @Test func f3OpensAndClosesTheBoxFromEveryFocusOfTheQuestion() {
        // The rating rows, a row's note being typed, the notes, and one voice's rating picker.
        let rows = roomOfEightOnWhoConvenes()
        var rowNote = roomOfEightOnWhoConvenes()
        rowNote.press(.enter)
        rowNote.type("Ana")
        var notes = roomOfEightOnWhoConvenes()
        notes.press(.tab)
        notes.type("El municipio")
        let picker = roomOfEightOnWhoConvenes(mode: .selfAssessment)
        for var state in [rows, rowNote, notes, picker] {
            let before = state
            state.press(.function(3))
            #expect(state.isShowingGuideHint)
            #expect(state.view().text.contains(" Hint and guidance "))
            state.press(.function(3))
            #expect(state == before)
        }
    }

    @Test func theHelpNamesF3() {
        var state = roomOfEightOnWhoConvenes()
        state.press(.function(1))
        #expect(state.helpLines.contains { $0.keys == "F3" && $0.meaning.hasPrefix("a question: the guide's hint") })
    }

    @Test func theStepIntroductionMarksTheGuidanceAsOurSummary() {
        var session = Session(guide: .builtIn, name: "Agua")
        session.position = Position(screen: .stepIntro, stepID: "s4")
        let screen = WizardState(guide: .builtIn, session: session, size: standardSize).view()
        #expect(screen.text.contains("""
             Our summary of the guide's step:
             Plan how to bring the sectors' representatives together as equal partners, all
            """))
    }

    @Test func plainModesColonGSaysTheHintAndTheGuidanceMarkedAsOurs() {
        let run = PlainRun([":m 4", ":g", ":q"])
        #expect(run.transcript.contains("""
            Rating (0 to 4, n, d, or Enter to keep it unrated): :g
            The guide: “It is important to identify an individual or organization that is well regarded by all \
            parties to call the meeting.”
            Our summary of the guide's step:
            Plan how to bring the sectors' representatives together as equal partners
            """))
        let elsewhere = PlainRun([":g", ":q"])
        #expect(elsewhere.transcript.contains(":g shows a step's guidance and a question's hint: go to a step first."))
    }
}

/// The note beside a 0 given under edition 2's (or 1's) reading of s2.q2 and s5.d4 (issue 16).
@Suite struct ScaleChangeScreenTests {
    static let note = "A 0 from edition 1, when 0 could mean “unknown”; kept as is."

    /// The five voices of edition 1 (Ana rated s2.q2 0), on s2.q2; `edition` replaces the session's.
    func fiveVoicesOnS2Q2(edition: String? = nil) throws -> WizardState {
        var session = try SessionFile.load(from: fixture("sessions/v2/v2-five-voices.isp.json").path)
        session.position = Position(screen: .question, stepID: "s2", promptID: "s2.q2")
        if let edition { session.guide.edition = edition }
        return WizardState(guide: editionOneGuide, session: session, size: standardSize)
    }

    @Test func theQuestionScreenSaysItInOneMutedLineUnderTheScale() throws {
        let screen = try fiveVoicesOnS2Q2().view()
        let row = try #require((0..<24).first { screen.rowText($0) == " " + Self.note })
        #expect(screen[row, 1].style == .muted)
        #expect(!(try fiveVoicesOnS2Q2(edition: "3").view().text.contains("kept as is")))
    }

    @Test func plainModeSaysItAtThePrompt() throws {
        let run = PlainRun([":m 2", "", "", ":q"], state: try fiveVoicesOnS2Q2())
        #expect(run.transcript.contains("Do all the key stakeholders have effective organizations?\n" + Self.note
                                        + "\n"))
        #expect(!PlainRun([":m 2", "", "", ":q"], state: try fiveVoicesOnS2Q2(edition: "3")).transcript
            .contains("kept as is"))
    }
}
