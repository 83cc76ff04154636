import ISPCore
import TerminalUI
import Testing

@testable import Wizard

/// A workshop of three participants on step 1's first question.
private func roomOfThreeOnFirstQuestion() -> WizardState {
    var session = Session(guide: .builtIn, name: "Agua")
    session.participants = Array(roomOfEight.prefix(3))
    session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
    return WizardState(guide: .builtIn, session: session, size: standardSize)
}

/// The question screen and plain mode ask a question through the same answer fields.
@Suite struct AnswerFieldTests {
    @Test func aDivergentConsensusAddsItsReasonBetweenTheConsensusAndTheNotes() {
        var state = roomOfThreeOnFirstQuestion()
        let prompt = state.guide.steps[0].prompts[0]
        #expect(state.answerFields(of: prompt) == [.voice(0), .voice(1), .voice(2), .consensus, .notes])
        state.press(.character("4"), .character("1"), .character("3"), .character("2"))
        #expect(state.answerFields(of: prompt) == [.voice(0), .voice(1), .voice(2), .consensus, .reason, .notes])
        #expect(state.focusedAnswerField == .reason, "the screen opens the reason the fields ask for")
        #expect(state.label(of: .consensus) == "Group" && state.label(of: .notes) == "Group notes")
    }

    @Test func theScreenAndPlainModeGiveTheSameAnswerForTheSameRound() {
        var screen = roomOfThreeOnFirstQuestion()
        screen.press(.character("4"), .character("1"), .character("3"), .character("2"))
        screen.type("Acordado")
        screen.press(.enter, .tab)
        screen.type("Notas")
        screen.press(.tab, .up, .up, .enter)
        screen.type("no nos consultaron")
        screen.press(.enter)
        let plain = PlainRun(["4", "1 no nos consultaron", "3", "2", "Acordado", "Notas", "."],
                             state: roomOfThreeOnFirstQuestion())
        #expect(screen.session.answer(for: "s1.q1") == plain.session.answer(for: "s1.q1"))
        #expect(plain.session.answer(for: "s1.q1").reason == "Acordado")
    }

    @Test func eachFieldTurnsWhatItIsGivenIntoTheSameActionsForBothFrontEnds() {
        let state = roomOfThreeOnFirstQuestion()
        let prompt = state.guide.steps[0].prompts[0]
        #expect(state.inputs(for: "3 no nos consultaron", to: .voice(1), of: prompt)
                    == [.rating(.stage(.inPlace)), .text("no nos consultaron")])
        #expect(state.inputs(for: "x", to: .consensus, of: prompt) == [.rating(nil)])
        #expect(state.inputs(for: "x", to: .voice(0), of: prompt) == nil)
        #expect(state.inputs(for: "", to: .consensus, of: prompt) == [])
        #expect(state.actions(for: .rating(nil), to: .consensus, of: prompt) == [.change(.rate(promptID: "s1.q1", nil))])
        #expect(state.actions(for: .text("Why"), to: .reason, of: prompt)
                    == [.change(.setReason(promptID: "s1.q1", "Why"))])
        #expect(state.actions(for: .confirm, to: .consensus, of: prompt) == [], "nothing is carried over")
        #expect(state.plainPrompt(of: .voice(0), prompt: prompt)
                    == "Ana Núñez, Municipio de Cochabamba, Government, now not rated:")
    }
}
