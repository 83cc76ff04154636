import ISPCore
import TerminalUI
import Testing

@testable import Wizard

/// What the room found on an analysis question, on the question screen and in plain mode (issue 16).
@Suite struct FindingScreenTests {
    /// The last words of s3.q2's scale reading as the screen wraps them at 80x24, where it must still show whole.
    static let scaleEnd = "how to overcome it (a high rating is not low\n tension)."

    /// A wizard on "How much tension…?" (s3.q2), with the room of eight or as one voice.
    func onTension(participants: [Participant] = [], mode: Mode = .workshop) -> WizardState {
        var session = Session(guide: .builtIn, mode: mode, name: "Agua")
        session.participants = participants
        session.position = Position(screen: .question, stepID: "s3", promptID: "s3.q2")
        return WizardState(guide: .builtIn, session: session, size: standardSize)
    }

    @Test func fOnTheRatingStepsThroughTheFindingsShownBesideItAndTheScaleReadingStaysWhole() {
        var state = onTension(mode: .selfAssessment)
        #expect(state.keyBar.items.contains { $0.key == "f" && $0.action == "found" })
        state.press(.character("3"), .character("f"))
        #expect(state.session.answers["s3.q2"]?.finding == .favourable)
        state.press(.character("F"), .character("f"))
        #expect(state.session.answers["s3.q2"]?.finding == .unfavourable)
        let screen = state.view()
        let ratingRow = state.questionLayout.ratingRow
        #expect(screen.rowText(ratingRow).hasSuffix("  Found: unfavourable"))
        #expect(screen.rowText(ratingRow).hasPrefix(" Readiness: 3 In place: in place and accepted by the main…"))
        #expect(screen.text.contains(Self.scaleEnd))
        // Round once more: none again, and the rating stays.
        state.press(.character("f"))
        #expect(state.session.answers["s3.q2"] == Answer(rating: .stage(.inPlace)))
        #expect(!state.view().text.contains("Found:"))
    }

    @Test func fOnTheRatingRowsSetsTheGroupsFindingShownInTheGroupRowAndUndoNamesIt() {
        var state = onTension(participants: roomOfEight)
        state.press(.character("3"), .character("f"), .character("f"))
        #expect(state.session.answers["s3.q2"]?.finding == .mixed)
        #expect(state.session.answers["s3.q2"]?.voices["p1"]?.finding == nil)
        let screen = state.view()
        #expect(screen.text.contains(Self.scaleEnd))
        let group = screen.text.split(separator: "\n").first { $0.contains(" Group ") }
        #expect(group?.hasSuffix("Found: mixed") == true)
        state.press(.control("z"))
        #expect(state.session.answers["s3.q2"]?.finding == .favourable)
        #expect(state.status?.text(in: .english) == "Undone: recorded what question 3.2 found: mixed")
    }

    @Test func aQuestionThatAsksForNoFindingTakesNoF() {
        var state = workshopOnFirstQuestion()
        #expect(!state.keyBar.items.contains { $0.key == "f" })
        state.press(.character("f"))
        #expect(state.session.answers["s1.q1"] == nil)
    }

    @Test func plainModeAsksWhatTheRoomFoundAfterTheRatingOnlyWhereTheQuestionDoes() {
        let run = PlainRun(["3", "maybe", "U", "Old feud", ".", "2", "", "", ":q"],
                           state: onTension(mode: .selfAssessment))
        #expect(run.session.answers["s3.q2"] == Answer(rating: .stage(.inPlace), notes: "Old feud",
                                                       finding: .unfavourable))
        #expect(run.session.answers["s3.q3"] == Answer(rating: .stage(.partial)))
        #expect(run.transcript.contains("""
            Rating (0 to 4, n, d, or Enter to keep it unrated): 3
            What did you find? f favourable, m mixed, u unfavourable, Enter to skip: maybe
            Please answer f, m or u, x to clear, or Enter to keep.
            What did you find? f favourable, m mixed, u unfavourable, Enter to skip: U
            Notes: none yet.
            """))
        // A question that asks for none goes from the rating to the notes.
        var session = Session(guide: .builtIn, mode: .selfAssessment)
        session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
        let first = PlainRun(["3", ""], state: WizardState(guide: .builtIn, session: session, size: standardSize))
        #expect(!first.transcript.contains("What did you find?"))
    }

    @Test func plainModeKeepsOrClearsAFindingAndTheScreenAndPlainModeGiveTheSameChange() {
        var state = onTension(participants: roomOfEight)
        state.session.answers["s3.q2"] = Answer(finding: .mixed)
        let kept = PlainRun(Array(repeating: "", count: 11) + [":q"], state: state)
        #expect(kept.session.answers["s3.q2"]?.finding == .mixed)
        #expect(kept.transcript.contains(
            "What did you find (now mixed; x clears)? f favourable, m mixed, u unfavourable, Enter to keep: "))
        let cleared = PlainRun(Array(repeating: "", count: 9) + ["x", "", ":q"], state: state)
        #expect(cleared.session.answers["s3.q2"] == nil)
        // The line and the key are one rule: both become the same change.
        let tension = Guide.builtIn.steps[2].prompts[1]
        #expect(state.inputs(for: "u", to: .finding, of: tension) == [.finding(.unfavourable)])
        #expect(state.actions(for: .finding(.unfavourable), to: .finding, of: tension)
                == state.actions(for: .finding(.unfavourable), to: .consensus, of: tension))
    }
}
