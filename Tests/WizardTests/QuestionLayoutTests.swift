import Foundation
import ISPCore
import TerminalUI
import Testing

@testable import Wizard

/// The question screen with participants at 80x24, in issue 16's order, and the rounds made visible (issue 17).
@Suite struct QuestionLayoutTests {
    /// The last words of s1.q1's scale reading, which the screen must show whole.
    static let scaleEnd = "partners describe it alike and agree why every sector is needed."

    /// A workshop of the first `count` participants of the room of eight, then as many more as needed, on step 1,
    /// question 1.
    func workshop(of count: Int) -> WizardState {
        var state = workshopOnFirstQuestion()
        let more = (roomOfEight.count..<max(count, roomOfEight.count)).map {
            Participant(id: "p\($0 + 1)", name: "Participant \($0 + 1)", organisation: "", sector: .business)
        }
        state.session.participants = Array((roomOfEight + more).prefix(count))
        return state
    }

    @Test func withTwoParticipantsEveryPartShowsAndTheNotesHaveTheRest() {
        var state = workshop(of: 2)
        state.press(.character("3"), .up, .enter)
        state.type("El municipio convoca")
        state.press(.enter)
        let screen = state.view()
        #expect(screen.text.contains(" (2) or higher. Scale here: 0: the problem is not yet described · 4: all\n "
            + Self.scaleEnd + "\n"))
        #expect(screen.rowText(14) == " Ana Núñez: El municipio convoca")
        #expect(state.questionLayout.notesBox.height == 6)
        expectGolden(screen, "question-2-participants-80x24")
    }

    @Test func withTenParticipantsTheGroupRowStaysAndTheHighlightedNoteShowsInFull() {
        var state = workshop(of: 10)
        let note = "Los jóvenes de Comas no fueron consultados sobre el horario del agua ni sobre quién convoca"
        state.press(.end, .up, .enter)
        state.type(note)
        state.press(.enter)
        let screen = state.view()
        #expect(screen.text.contains(Self.scaleEnd))
        #expect(screen.text.contains("▸ Bus Participant 10"))
        #expect(screen.text.contains("\n       Group "))
        #expect(screen.text.contains("""

             Participant 10: Los jóvenes de Comas no fueron consultados sobre el horario
             del agua ni sobre quién convoca

            """))
        #expect(state.questionLayout.notesBox.height >= 1)
        expectGolden(screen, "question-10-participants-80x24")
    }

    @Test func theFirstParticipantsScrollAwayAboveTheGroupRowAndComeBack() {
        var state = workshop(of: 10)
        state.press(.end, .up)
        #expect(!state.view().text.contains("Ana Núñez"))
        #expect(state.view().text.contains("       Group "))
        state.press(.home)
        #expect(state.view().text.contains("▸ Gov Ana Núñez"))
        #expect(state.view().text.contains("       Group "))
    }

    @Test func aRowsNoteIsTypedOnTheLineUnderTheRowsAsWideAsTheScreen() {
        var state = workshop(of: 2)
        state.press(.enter)
        state.type(String(repeating: "agua ", count: 20))
        let screen = state.view()
        #expect(screen.rowText(10) == " Ana Núñez's note; Enter when done.")
        #expect(screen.rowText(14).hasSuffix("agua agua agua"))
        #expect(screen.cursor == Point(row: 14, column: 77))
    }

    /// The next round of a workshop of two whose first questions were answered, opened on its first question.
    func secondRound() -> WizardState {
        var previous = workshop(of: 2).session
        for id in ["s1.q1", "s1.q2", "s1.q3", "s2.q1"] {
            previous.answers[id] = Answer(rating: .stage(.inPlace), voices: [
                "p1": Voice(rating: .stage(.inPlace), note: "Convoca el municipio"), "p2": Voice(rating: .stage(.partial)),
            ])
        }
        var session = Session(nextRoundOf: previous, now: Date(timeIntervalSince1970: 0))
        session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
        return WizardState(guide: .builtIn, session: session, size: standardSize)
    }

    @Test func aCarriedOverQuestionSaysSoAboveItsRows() {
        let state = secondRound()
        let screen = state.view()
        #expect(screen.text.contains("\n Carried over, to confirm (c) · 2 of 2 rated · Group: consensus 3\n"))
        #expect(screen.text.contains(Self.scaleEnd))
        expectGolden(screen, "question-carried-over-80x24")
    }

    @Test func theStepMapOfASecondRoundSaysTheRoundAndWhatEachStepStillHasToConfirm() {
        var state = secondRound()
        state.press(.character("c"), .escape)
        let screen = state.view()
        #expect(screen.rowText(4) == "   Session details · round 2")
        #expect(screen.text.contains("3/4 rated  Ready 3.0  2 to confirm"))
        #expect(screen.text.contains("1/3 rated  Insufficient answers  1 to confirm"))
        expectGolden(screen, "step-map-round-2-80x24")
    }

    @Test func theDetailsOfASecondRoundSayTheRoundAndHowManyAnswersAreStillToConfirm() {
        var state = secondRound()
        state.press(.escape, .home, .enter)
        #expect(state.view().text.contains("""

             Round 2 of this partnership: 4 answers carried over from the last round are
             still to confirm (c on each question).

            """))
        for id in state.session.answers.keys { state.session.answers[id]?.isCarriedOver = false }
        #expect(state.view().text.contains("\n Round 2 of this partnership.\n"))
    }

    @Test func aLongOrganisationShowsItsEndWhileTypedAndItsStartOnceLeft() {
        var state = makeState()
        state.press(.control("n"), .character("a"))
        state.type("Ana")
        state.press(.tab)
        let organisation = "Municipalidad Distrital de Carabayllo, Comas y Lima Norte — Gerencia de Desarrollo Social"
        state.type(organisation)
        #expect(state.view().text.contains("\(organisation.suffix(40))\n"))
        state.press(.tab)
        #expect(state.view().text.contains("Municipalidad Distrital de Carabayllo"))
    }
}
