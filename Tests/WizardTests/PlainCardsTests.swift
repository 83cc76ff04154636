import ISPCore
import ISPTestSupport
import Messages
import Testing

@testable import Wizard

/// Seven of the room of eight in a workshop on question 3.2, with their named ratings there when `rated`.
private func workshopOnQuestion32(rated: Bool = false, mode: Mode = .workshop, distribution: Distribution? = nil,
                                  language: Language = .english) -> WizardState {
    var session = Session(guide: .builtIn, mode: mode, name: "Agua para el Valle")
    session.participants = Array(roomOfEight.prefix(7))
    if rated {
        session.answers["s3.q2"] = Answer(rating: .stage(.partial), voices: Dictionary(
            uniqueKeysWithValues: session.participants.map { ($0.id, Voice(rating: .stage(.partial), note: "ok")) }))
    }
    if let distribution { session.answers["s3.q2"] = Answer(distribution: distribution) }
    session.position = Position(screen: .question, stepID: "s3", promptID: "s3.q2")
    return WizardState(guide: .builtIn, session: session, size: standardSize, language: language)
}

/// The lines that count nine cards: 2 at Not started, 3 at Partial, 1 Not applicable and 3 Don't know.
private let nineCardLines = ["2", "", "3", "", "", "1", "3"]
private let nineCards: [Rating: Int] = [.stage(.notStarted): 2, .stage(.partial): 3, .notApplicable: 1, .dontKnow: 3]

/// How plain mode asks for the nine cards, as the transcript shows the lines typed.
private let nineCardsAsked = """
    Cards for question 3.2: type how many cards show each rating; Enter alone is none.
    How many cards show 0 Not started? 2
    How many cards show 1 Emerging? \n\
    How many cards show 2 Partial? 3
    How many cards show 3 In place? \n\
    How many cards show 4 Institutionalised? \n\
    How many cards show Not applicable? 1
    How many cards show Don't know? 3
    9 cards in all.

    """

/// Plain mode's cards ballot (issue 19): `:c` on a workshop's question, so that a facilitator with a screen reader
/// can run one.
@Suite struct PlainCardsTests {
    static let anaAsked = "Ana Núñez, Municipio de Cochabamba, Government, now "
    static let roundTheRoom = "Rate round the room: a rating, then a note on the same line if wanted (3 youth not "
        + "consulted). Enter keeps a rating.\n"

    @Test func colonCCountsTheCardsARatingAtATimeRecordsThemAndGoesOnAtTheConsensus() {
        let run = PlainRun([":c"] + nineCardLines + ["y", "2", ":q"], state: workshopOnQuestion32())
        #expect(run.transcript.contains(Self.anaAsked + "not rated: :c\n" + nineCardsAsked
            + "Record the cards on question 3.2? Type y to record, Enter not to: y\n"
            + "Recorded on question 3.2: 2 × Not started, 3 × Partial, 1 × Not applicable and 3 × Don't know.\n"))
        // No participant is asked after the cards: the round goes on at the consensus.
        #expect(!run.transcript.contains("李华"))
        #expect(run.transcript.contains("\nGroup consensus (0 to 4, n, d; x to clear; Enter keeps none): 2\n"))
        let answer = run.session.answers["s3.q2"]
        #expect(answer?.distribution == Distribution(cards: nineCards))
        #expect(answer?.rating == .stage(.partial))
    }

    /// A facilitator answering in their language's word for yes (`s`, `sim`) records the cards, as `y` does.
    @Test func theLanguagesOwnYesConfirms() throws {
        let portuguese = try #require(Language(code: "pt"))
        for yes in ["s", "Sim", "y"] {
            let run = PlainRun([":c"] + nineCardLines + [yes, ":q"], state: workshopOnQuestion32(language: portuguese))
            #expect(run.session.answers["s3.q2"]?.distribution == Distribution(cards: nineCards), "\(yes)")
        }
        let english = PlainRun([":c"] + nineCardLines + ["s", ":q"], state: workshopOnQuestion32())
        #expect(english.session.answers["s3.q2"] == nil)
    }

    @Test func overNamedRatingsTheCardsAskToReplaceThemAndKeepThemWhenNotConfirmed() {
        let run = PlainRun([":c"] + nineCardLines + ["", ":c"] + nineCardLines + ["y", ":q"],
                           state: workshopOnQuestion32(rated: true))
        let replace = "The cards replace 7 participants' ratings, notes and all. Replace? Type y to replace, Enter "
            + "not to: "
        // Not confirmed: nothing recorded, and the participant is asked again.
        #expect(run.transcript.contains(Self.anaAsked + "2 Partial: :c\n" + nineCardsAsked + replace + "\n"
            + "The cards were not recorded.\n" + Self.roundTheRoom + Self.anaAsked + "2 Partial: :c\n" + nineCardsAsked
            + replace + "y\nRecorded on question 3.2: "))
        let answer = run.session.answers["s3.q2"]
        #expect(answer?.voices == [:])
        #expect(answer?.distribution == Distribution(cards: nineCards))
    }

    @Test func aCountMustBeANumberWithinWhatAQuestionHoldsAndColonCAgainCountsAfresh() {
        let run = PlainRun([":c", "two", "10001", "9999", "2", ":c"] + nineCardLines + ["", ":q"],
                           state: workshopOnQuestion32())
        #expect(run.transcript.contains("How many cards show 0 Not started? two\n"
            + "Type how many cards, a number such as 3, or Enter for none.\n"
            + "How many cards show 0 Not started? 10001\n"
            + "At most 10000 cards are counted on a question.\n"
            + "How many cards show 0 Not started? 9999\n"
            + "How many cards show 1 Emerging? 2\n"
            + "At most 10000 cards are counted on a question.\n"
            + "How many cards show 1 Emerging? :c\n" + nineCardsAsked))
        #expect(run.session.answers["s3.q2"] == nil)
    }

    @Test func noCardsRecordNothingAndTheRoundGoesOn() {
        let run = PlainRun([":c", "", "", "", "", "", "", "", ":q"], state: workshopOnQuestion32())
        #expect(run.transcript.contains("How many cards show Don't know? \n"
            + "No cards were counted: nothing is recorded.\n" + Self.roundTheRoom + Self.anaAsked + "not rated: :q\n"))
        #expect(run.session.answers["s3.q2"] == nil)
    }

    @Test func aQuestionVotedAnonymouslyAsksNoParticipantButTheConsensus() {
        let run = PlainRun(["3", ":q"], state: workshopOnQuestion32(distribution: Distribution(cards: nineCards)))
        #expect(!run.transcript.contains("Rate round the room"))
        #expect(!run.transcript.contains(Self.anaAsked))
        #expect(run.session.answers["s3.q2"]?.rating == .stage(.inPlace))
    }

    @Test func colonCIsOnlyForAWorkshopsQuestionThatCanChangeAndTheHelpSaysIt() {
        let notHere = "Cards are counted on a workshop's question: go to one, then type :c."
        var participants = workshopOnQuestion32()
        participants.open(.participants)
        #expect(PlainRun([":c", ":q"], state: participants).transcript.contains(notHere))
        let selfAssessment = PlainRun([":c", ":h", ":q"], state: workshopOnQuestion32(mode: .selfAssessment))
        #expect(selfAssessment.transcript.contains(notHere))
        #expect(!selfAssessment.transcript.contains("counts the cards"))
        let open = workshopOnQuestion32()
        let readOnly = WizardState(guide: .builtIn, session: open.session, size: standardSize,
                                   readOnlyReason: .noPermission("water.isp.json"))
        let refused = PlainRun([":c", ":q"], state: readOnly)
        #expect(refused.transcript.contains(Self.anaAsked + "not rated: :c\nRead-only: not changed.\n"))
        #expect(!refused.transcript.contains("How many cards"))
        #expect(PlainRun([":h", ":q"], state: open).transcript.contains(
            "On a question, :c counts the cards (or fingers) the room holds up for each rating: an anonymous ballot "
                + "without phones.\n"))
    }

    @Test func theScreenAndPlainModeRecordTheSameCards() {
        let plain = PlainRun([":c"] + nineCardLines + ["y", ":q"], state: workshopOnQuestion32(rated: true))
        var screen = workshopOnQuestion32(rated: true)
        screen.press(.character("b"), .character("c"), .character("y"), .character("2"), .down, .down,
                     .character("3"), .down, .down, .down, .character("1"), .down, .character("3"), .enter)
        #expect(screen.session.answers["s3.q2"] == plain.session.answers["s3.q2"])
    }

    @Test func theCardsInThePseudoLanguageLeaveNoEnglishSentenceOfTheirOwn() throws {
        let lines = [":c"] + nineCardLines + ["y", ":q"]
        let run = PlainRun(lines, state: workshopOnQuestion32(rated: true, language: .pseudo))
        #expect(run.session.answers["s3.q2"]?.distribution == Distribution(cards: nineCards))
        let commands = PlainWizard.typedCommands.values.compactMap { argument -> String? in
            if case .text(let typed) = argument { typed } else { nil }
        }
        let kept = try typedTexts(of: .builtIn, run.session) + lines + commands
        #expect(englishRuns(in: run.transcript, keeping: kept, words: 2) == [])
    }
}
