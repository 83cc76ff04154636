import ISPCore
import TerminalUI
import Testing

@testable import Wizard

/// The summary screen's export chooser, and confirming answers carried over from the last round.
@Suite struct ExportAndRoundTests {
    func onSummary() -> WizardState {
        var state = makeState()
        state.press(.escape, .character("s"))
        return state
    }

    @Test func xOffersEachExportOnTheKeyBarAndALetterChoosesIt() {
        var state = onSummary()
        #expect(state.press(.character("x")).isEmpty)
        #expect(state.isChoosingExport)
        let bar = state.view().rowText(state.size.rows - 1)
        for entry in ["s summary", "m .md", "h .html", "c .csv", "j .json", "a all", "Esc cancel"] {
            #expect(bar.contains(entry), "\(entry)")
        }
        #expect(state.press(.character("H")) == [.export([.record(.html)])])
        #expect(!state.isChoosingExport)
        state.press(.character("x"))
        #expect(state.press(.character("c")) == [.export([.record(.csv)])])
        state.press(.character("x"))
        #expect(state.press(.character("a")) == [.export(ReportExport.all)])
    }

    @Test func escOrAnyOtherKeyCancelsTheChoiceAndStaysOnTheSummary() {
        var state = onSummary()
        state.press(.character("x"))
        #expect(state.press(.escape).isEmpty)
        #expect(state.screen == .summary && !state.isChoosingExport)
        state.press(.character("x"))
        #expect(state.press(.character("q")).isEmpty)
        #expect(state.screen == .summary && !state.isChoosingExport)
    }

    /// A session of the next round, opened on its first question, with that answer carried over.
    func carriedOver(participants: [Participant] = []) -> WizardState {
        var previous = Session(guide: .builtIn, mode: .workshop, name: "Água")
        previous.participants = participants
        previous.answers["s1.q1"] = Answer(rating: .stage(.inPlace), notes: "Agreed")
        previous.answers["s1.q2"] = Answer(rating: .stage(.partial))
        var session = Session(nextRoundOf: previous)
        session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
        return WizardState(guide: .builtIn, session: session, size: standardSize)
    }

    @Test func cOnTheRatingConfirmsACarriedOverAnswerAsItIs() {
        var state = carriedOver()
        #expect(state.session.unconfirmedAnswers == 2)
        #expect(state.view().rowText(state.size.rows - 1).contains("c confirm carried-over"))
        #expect(state.press(.character("c")) == [.save])
        #expect(state.session.answers["s1.q1"] == Answer(rating: .stage(.inPlace), notes: "Agreed"))
        #expect(state.session.unconfirmedAnswers == 1)
        #expect(!state.view().rowText(state.size.rows - 1).contains("confirm"))
        // Once confirmed, c does nothing more.
        #expect(state.press(.character("c")).isEmpty)
    }

    @Test func reRatingToTheSameValueOrEditingTheNotesConfirmsToo() {
        var state = carriedOver()
        state.press(.character("3"))
        #expect(state.session.answers["s1.q1"]?.isCarriedOver == false)
        state.press(.control("n"), .tab, .character("!"))
        #expect(state.session.answers["s1.q2"]?.isCarriedOver == false)
        #expect(state.session.answers["s1.q2"]?.notes == "!")
    }

    @Test func cOnTheRatingRowsConfirmsButTypesAsTextInARowsNote() {
        var state = carriedOver(participants: [Participant(id: "ana", name: "Ana")])
        state.press(.enter)
        state.type("cc")
        #expect(state.session.answers["s1.q1"]?.voices["ana"]?.note == "cc")
        #expect(state.session.answers["s1.q1"]?.isCarriedOver == false)
        state.press(.enter, .control("n"))
        #expect(state.session.answers["s1.q2"]?.isCarriedOver == true)
        #expect(state.press(.character("c")) == [.save])
        #expect(state.session.answers["s1.q2"]?.isCarriedOver == false)
        #expect(state.session.answers["s1.q2"]?.voices.isEmpty == true)
    }

    @Test func withParticipantsTheRowsSayAnAnswerIsCarriedOverAndCSaysConfirmed() {
        var state = carriedOver(participants: [Participant(id: "ana", name: "Ana")])
        #expect(state.view().text.contains("\n Carried over, to confirm (c) · 0 of 1 rated · Group: consensus 3"))
        state.press(.character("c"))
        let screen = state.view()
        #expect(screen.rowText(0).hasSuffix("Confirmed for this round"))
        #expect(!screen.text.contains("Carried over"))
        // The save that follows leaves the word in view until the next key.
        _ = state.handle(.saved(revision: state.revision, at: state.session.updatedAt))
        #expect(state.view().rowText(0).hasSuffix("Confirmed for this round"))
    }
}
