import Foundation
import ISPCore
import ISPTestSupport
import Messages
import TerminalUI
import Testing

@testable import Wizard

/// Seven of the room of eight on question 3.2, with their named ratings and notes there when `rated`.
private func sevenOnQuestion32(rated: Bool = false, size: Size = standardSize,
                               language: Language = .english) -> WizardState {
    var session = Session(guide: .builtIn, mode: .workshop, name: "Agua para el Valle")
    session.participants = Array(roomOfEight.prefix(7))
    if rated {
        session.answers["s3.q2"] = Answer(rating: .stage(.partial), voices: Dictionary(
            uniqueKeysWithValues: session.participants.map { ($0.id, Voice(rating: .stage(.partial), note: "ok")) }))
    }
    session.position = Position(screen: .question, stepID: "s3", promptID: "s3.q2")
    return WizardState(guide: .builtIn, session: session, size: size, language: language)
}

/// Nine cards: 2 at Not started, 3 at Partial, 1 Not applicable and 3 Don't know.
private let nineCards: [Rating: Int] = [.stage(.notStarted): 2, .stage(.partial): 3, .notApplicable: 1, .dontKnow: 3]

extension WizardState {
    /// `b`, then `c`: the cards ballot on the question on screen.
    fileprivate mutating func openCards() {
        press(.character("b"), .character("c"))
    }

    /// Types the nine cards the way a facilitator would: a count typed, one mistyped and corrected, hands added
    /// with + as they go up, one taken back with -.
    fileprivate mutating func countNineCards() {
        type("2")
        press(.down, .down, .character("3"), .character("1"), .backspace)
        press(.tab, .tab, .tab, .character("+"), .character("+"), .character("-"))
        press(.down, .character("+"), .character("+"), .character("+"), .backTab)
    }
}

/// The cards ballot of issue 19: without phones, the facilitator counts the cards (or fingers) the room holds up
/// for each rating, on the screens and in plain mode.
@Suite struct CardsTallyTests {
    @Test func theCountsTypedAreRecordedAsTheQuestionsDistributionAndCtrlZUndoesThemInOneStep() {
        var state = sevenOnQuestion32()
        let before = state.session
        state.openCards()
        #expect(state.cardsTally == CardsTally(promptID: "s3.q2", replacing: false))
        state.countNineCards()
        #expect(state.cardsTally?.counts == [2, 0, 3, 0, 0, 1, 3])
        #expect(state.cardsTally?.focus == 5)
        #expect(state.view().text.contains("│   9 cards "))
        #expect(state.session == before)
        #expect(state.press(.enter) == [.save])
        #expect(state.cardsTally == nil)
        #expect(state.session.answers["s3.q2"]?.distribution == Distribution(cards: nineCards))
        // Each rating's count, when they fit the status line; here, their total.
        #expect(state.status?.text(in: .english) == "Recorded 9 cards on question 3.2.")
        state.press(.control("z"))
        #expect(state.session == before)
        #expect(state.status?.text(in: .english) == "Undone: recorded the cards shown on question 3.2")
    }

    @Test func overNamedRatingsTheCardsReplaceThemOnlyOnceTheFacilitatorConfirms() {
        var kept = sevenOnQuestion32(rated: true)
        kept.openCards()
        #expect(kept.ballotQuestion == "Question 3.2 holds 7 participants' ratings: anonymous votes take their "
                + "place, notes and all. Go on?")
        kept.press(.character("n"))
        #expect(kept.cardsTally == nil)
        var state = sevenOnQuestion32(rated: true, size: Size(rows: 40, columns: 120))
        state.openCards()
        state.press(.character("y"))
        #expect(state.cardsTally == CardsTally(promptID: "s3.q2", replacing: true))
        #expect(state.view().text.contains("│ Recording them replaces 7 participants' ratings, notes and all. "))
        state.countNineCards()
        state.press(.enter)
        let answer = state.session.answers["s3.q2"]
        #expect(answer?.voices == [:])
        #expect(answer?.distribution == Distribution(cards: nineCards))
        // The group's consensus stays for the room to confirm or change.
        #expect(answer?.rating == .stage(.partial))
        #expect(state.status?.text(in: .english)
            == "Recorded on question 3.2: 2 × Not started, 3 × Partial, 1 × Not applicable and 3 × Don't know.")
    }

    @Test func aCountPastWhatAQuestionHoldsIsRefusedAndNoCardsRecordNothing() {
        var state = sevenOnQuestion32()
        state.openCards()
        state.press(.enter)
        #expect(state.status?.text(in: .english)
            == "No cards are counted yet: type how many show each rating, or press Esc to cancel.")
        #expect(state.cardsTally != nil)
        state.type("9999")
        state.press(.down, .character("+"))
        #expect(state.cardsTally?.total == Distribution.mostVotes)
        state.press(.character("+"))
        #expect(state.status?.text(in: .english) == "At most 10000 cards are counted on a question.")
        state.press(.up, .character("0"))
        #expect(state.cardsTally?.counts.prefix(2) == [9999, 1])
        state.press(.escape)
        #expect(state.cardsTally == nil)
        #expect(state.status?.text(in: .english) == "The cards were not recorded.")
        #expect(state.session.answers["s3.q2"] == nil)
    }

    @Test func goldenCardsBoxesAtEightyByTwentyFourAndSixtyByTwenty() {
        for size in [standardSize, Size(rows: 20, columns: 60)] {
            var state = sevenOnQuestion32(rated: true, size: size)
            state.openCards()
            state.press(.character("y"))
            state.countNineCards()
            let screen = state.view()
            #expect(screen.text.contains("Cards for question 3.2"))
            #expect(screen.rowText(size.rows - 1) == " ↑↓ rating  0-9 count  + - one  Enter record  Esc cancel")
            expectGolden(screen, "cards-\(size.columns)x\(size.rows)")
        }
    }

    @Test func theBoxLeavesNoEnglishOfItsOwnInThePseudoLanguage() throws {
        for size in [standardSize, Size(rows: 20, columns: 60)] {
            var state = sevenOnQuestion32(rated: true, size: size, language: .pseudo)
            state.openCards()
            state.press(.character("y"))
            state.countNineCards()
            let left = try englishRuns(in: state.view().text, keeping: typedTexts(of: state.guide, state.session))
            #expect(left == [], "cards at \(size.columns)x\(size.rows)")
            state.press(.enter)
            let status = state.status?.text(in: state.language) ?? ""
            #expect(try englishRuns(in: status, keeping: typedTexts(of: state.guide, state.session)) == [])
        }
    }
}
