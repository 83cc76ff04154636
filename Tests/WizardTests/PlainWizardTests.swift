import ISPCore
import ISPFiles
import TerminalUI
import Testing

@testable import Wizard

/// The plain wizard fed lines as a pipe would, its transcript kept as a screen reader would hear it.
final class PlainRun {
    let recorder = SaveRecorder()
    var transcript = ""
    let wizard: PlainWizard
    let outcome: PlainWizard.Outcome

    /// `today` is the date `t` gives at a date.
    init(_ lines: [String], state: WizardState = makeState(name: "Água 水"),
         today: CalendarDate? = CalendarDate(year: 2027, month: 3, day: 15)) {
        var remaining = lines[...]
        var output = ""
        wizard = PlainWizard(state: state, store: recorder, readLine: { remaining.popFirst() },
                             write: { output += $0 }, echoesAnswers: true,
                             today: { today ?? CalendarDate.today() })
        outcome = wizard.run()
        transcript = output
    }

    var session: Session { wizard.state.session }
}

/// Keeps the session details and goes past the (empty) participants, to step 1's first question.
let toFirstQuestion = ["", "", "", "", ""]

@Suite struct PlainWizardTests {
    @Test func walksTheQuestionsLineByLineAndSavesEachAnswer() {
        let run = PlainRun(toFirstQuestion + ["3", "Los ministerios comparten el problema", "第二行", ".", "d", ""])
        #expect(run.session.answers["s1.q1"] == Answer(rating: .stage(.inPlace),
                                                        notes: "Los ministerios comparten el problema\n第二行"))
        #expect(run.session.answers["s1.q2"]?.rating == .dontKnow)
        #expect(run.outcome == .endOfInput)
        #expect(run.transcript.contains("Step 1 of 7, question 1 of 4.\nWhat is the nature of the problem"))
        #expect(run.transcript.contains("Scale: 0 Not started, 1 Emerging, 2 Partial, 3 In place, 4 Institutionalised, "
                                        + "n Not applicable, d Don't know."))
        // Saved after each answer, and once more at the end.
        #expect(run.recorder.saved.contains {
            $0.answers["s1.q1"]?.rating == .stage(.inPlace) && $0.answers.count == 1
        })
        #expect(run.recorder.saved.last?.answers.count == 2)
    }

    @Test func aShortPlainWalkSaysWhatTheGoldenTranscriptSays() {
        let run = PlainRun(["Agua", "", "", "", "a", "Ana", "Municipio", "1", ""]
                           + ["2 youth not consulted", "3", "Ana spoke for the room", "Shared problem", "第二行", "."]
                           + [":q"])
        expectGolden(text: run.transcript, "plain-walk")
    }

    @Test func aLineThatWouldTakeTheSessionPastTwoMegabytesIsRefusedAndTheWalkGoesOn() {
        let huge = String(repeating: "x", count: WizardState.largestPastedSession + 1)
        let run = PlainRun(toFirstQuestion + ["3", huge, "Kept", ".", "d", ""])
        #expect(run.transcript.contains("That line was not taken: it would take the session's text past 2 MB, more "
                                        + "than isp-wizard keeps. Type it shorter.\nNotes: "))
        #expect(run.session.answers["s1.q1"] == Answer(rating: .stage(.inPlace), notes: "Kept"))
        #expect(run.session.answers["s1.q2"]?.rating == .dontKnow)
    }

    @Test func aSessionAtItsTextLimitStillTakesRatingsAndCommandsAndCountsControlsAsTheFileWritesThem() {
        var session = Session(guide: .builtIn)
        // A line break is two bytes in the file, so these notes are 10 bytes short of the limit.
        session.answers["s2.q1"] = Answer(notes: String(repeating: "x\n", count: WizardState.largestPastedSession / 4)
                                            + String(repeating: "y", count: WizardState.largestPastedSession / 4 - 10))
        session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
        #expect(session.textSize == WizardState.largestPastedSession - 10)
        // Two control characters are twelve bytes in the file: not taken; a rating and :q always are.
        let run = PlainRun(["2", "\u{01}\u{02}", ".", ":q"],
                           state: WizardState(guide: .builtIn, session: session, size: standardSize))
        #expect(run.transcript.contains("That line was not taken: it would take the session's text past 2 MB"))
        #expect(run.session.answers["s1.q1"] == Answer(rating: .stage(.partial)))
        #expect(run.outcome == .quit)
    }

    @Test func theLineBufferKeepsAnOverlongLineToItsLimitAndTheLinesAfterItWhole() {
        var buffer = LineBuffer(longestLine: 10)
        let long = Array(String(repeating: "y", count: 1_000).utf8)
        // Blocks as reads give them: a line split across them, CR LF, and a last line with no line end.
        for block in [Array("short\r\nyy".utf8), long, Array("\nnext\nlast".utf8)] { buffer.append(block[...]) }
        #expect(buffer.nextLine() == "short")
        #expect(buffer.nextLine() == String(repeating: "y", count: 11))
        #expect(buffer.nextLine() == "next")
        #expect(buffer.nextLine() == nil)
        #expect(buffer.nextLineAtEnd() == "last")
        #expect(buffer.nextLineAtEnd() == nil)
    }

    @Test func saysNothingAScreenReaderWouldReadAsLinesOrBlocks() {
        let run = PlainRun(toFirstQuestion + ["2", "", ":s", ":m", "s", ""])
        #expect(!run.transcript.contains { "│┌┐└┘─█░▒▓▸•".contains($0) })
        #expect(run.transcript.contains(
            "Step 1, Identify the Goals and Aims: Insufficient answers, 1 of 4 rated."))
    }

    @Test func anInvalidRatingIsAskedAgainAndEnterKeepsTheAnswer() {
        var session = Session(guide: .builtIn)
        session.answers["s1.q1"] = Answer(rating: .stage(.partial), notes: "kept")
        session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
        let run = PlainRun(["7", "", ""], state: WizardState(guide: .builtIn, session: session, size: standardSize))
        #expect(run.transcript.contains(
            "Please answer 0 to 4, n for Not applicable, d for Don't know, or Enter to keep."))
        #expect(run.session.answers["s1.q1"] == Answer(rating: .stage(.partial), notes: "kept"))
    }

    @Test func aRatingIsTypedAsOnTheScaleAndPlusThreeOrZeroThreeIsAskedAgain() {
        let run = PlainRun(toFirstQuestion + ["n/a", "", "+3", "03", "dk", ""])
        #expect(run.session.answers["s1.q1"]?.rating == .notApplicable)
        #expect(run.session.answers["s1.q2"]?.rating == .dontKnow)
        #expect(run.transcript.contains("""
            Rating (0 to 4, n, d, or Enter to keep it unrated): +3
            Please answer 0 to 4, n for Not applicable, d for Don't know, or Enter to keep.
            Rating (0 to 4, n, d, or Enter to keep it unrated): 03
            Please answer 0 to 4, n for Not applicable, d for Don't know, or Enter to keep.
            Rating (0 to 4, n, d, or Enter to keep it unrated): dk

            """))
    }

    @Test func backJumpAndSummaryCommandsMoveAround() {
        let run = PlainRun(toFirstQuestion + ["1", "", ":b", "", "", ":m", "3", ":q"])
        #expect(run.transcript.components(separatedBy: "Step 1 of 7, question 1 of 4.").count == 3)
        #expect(run.transcript.contains("The steps. Type a number or letter to go there."))
        #expect(run.transcript.contains("Step 3 of 7: Understand the Potential"))
        #expect(run.outcome == .quit)
    }

    @Test func theSummaryAndTheRecordCanBeSavedAsFilesAtTheEndOfTheWalk() {
        var session = Session(guide: .builtIn)
        session.position = Position(screen: .summary)
        let run = PlainRun(["x", ""], state: WizardState(guide: .builtIn, session: session, size: standardSize))
        #expect(run.recorder.exported.map(\.export) == ReportExport.all + [.handout])
        #expect(run.transcript.contains("Saved /shared/water.summary.txt.\nSaved /shared/water.record.md."))
        #expect(run.transcript.contains("Saved /shared/water.record.json.\nSaved /shared/water.handout.html."))
        #expect(run.outcome == .quit)
    }

    @Test func backFromAStepsFirstQuestionGoesToThePreviousStepsLastQuestion() {
        var session = Session(guide: .builtIn)
        session.position = Position(screen: .question, stepID: "s2", promptID: "s2.q1")
        let run = PlainRun([":b", ":q"], state: WizardState(guide: .builtIn, session: session, size: standardSize))
        #expect(run.transcript.contains("Step 1 of 7, question 4 of 4."))
    }

    @Test func theSummaryListsTheDonorsAConsensusAgainstTheVoicesAndNotApplicableWithoutAReason() {
        var session = Session(guide: .builtIn)
        session.participants = Array(roomOfEight.prefix(5))
        let voices = { (codes: [String: String]) in codes.mapValues { Voice(rating: Rating(code: $0)) } }
        session.answers["s2.q1"] = Answer(voices: voices(["p1": "2", "p2": "2", "p3": "2", "p5": "4"]))
        session.answers["s1.q2"] = Answer(rating: .stage(.institutionalised),
                                          voices: voices(["p1": "1", "p2": "1", "p3": "1"]))
        session.answers["s4.q1"] = Answer(rating: .notApplicable)
        session.position = Position(screen: .summary)
        let run = PlainRun([""], state: WizardState(guide: .builtIn, session: session, size: standardSize))
        #expect(run.transcript.contains("""
            The donors see step 2 differently, on the 1 question both rated: donors 4.0, the three sectors 2.0.
            Consensus differs from the voices, record why: step 1 question 2: How are these stakeholders \
            affected by the problem?
            Not applicable without a reason, record why: step 4 question 1: Who convenes?

            """))
    }

    @Test func aConsensusAgainstTheVoicesAsksWhyInPlainMode() {
        var session = Session(guide: .builtIn)
        session.participants = Array(roomOfEight.prefix(3))
        session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
        let run = PlainRun(["1", "1", "1", "4", "Agreed after the break", ":q"],
                           state: WizardState(guide: .builtIn, session: session, size: standardSize))
        #expect(run.transcript.contains("The consensus differs from the ratings: why did the group settle on this "
                                        + "consensus? Now none yet: Agreed after the break\n"))
        #expect(run.session.answers["s1.q1"]?.reason == "Agreed after the break")
    }

    @Test func theSummaryNamesTheParticipants() {
        var session = Session(guide: .builtIn)
        session.participants = Array(roomOfEight.prefix(2))
        session.position = Position(screen: .summary)
        let run = PlainRun([""], state: WizardState(guide: .builtIn, session: session, size: standardSize))
        #expect(run.transcript.contains("Participants, 2: Ana Núñez, Municipio de Cochabamba, Government; 李华, "
                                        + "水务合作社, Civil society."))
    }

    @Test func quittingMidNoteKeepsTheLinesTypedSoFar() {
        let run = PlainRun(toFirstQuestion + ["2", "first line", "second line", ":q"])
        #expect(run.session.answers["s1.q1"]?.notes == "first line\nsecond line")
        #expect(run.outcome == .quit)
        #expect(run.recorder.saved.last?.answers["s1.q1"]?.notes == "first line\nsecond line")
    }

    @Test func theEndOfInputMidNoteKeepsTheLinesTypedSoFar() {
        let run = PlainRun(toFirstQuestion + ["2", "only line"])
        #expect(run.outcome == .endOfInput)
        #expect(run.recorder.saved.last?.answers["s1.q1"]?.notes == "only line")
    }

    @Test func aWorkshopRatesRoundTheRoomWithNotesOnTheSameLine() {
        var session = Session(guide: .builtIn, name: "Agua")
        session.participants = Array(roomOfEight.prefix(3))
        session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
        let state = WizardState(guide: .builtIn, session: session, size: standardSize)
        let run = PlainRun(["4", "1 no nos consultaron", "x3", "3", "2", "Acordado tras discutir", "Notas", "."],
                           state: state)
        let answer = run.session.answer(for: "s1.q1")
        #expect(answer.voices["p1"]?.rating == .stage(.institutionalised))
        #expect(answer.voices["p2"] == Voice(rating: .stage(.emerging), note: "no nos consultaron"))
        #expect(answer.voices["p3"]?.rating == .stage(.inPlace))
        #expect(answer.rating == .stage(.partial) && answer.reason == "Acordado tras discutir")
        #expect(answer.notes == "Notas")
        #expect(run.transcript.contains("3 of 3 rated; Spread 1–4: discuss; Group: no consensus yet (mean 2.7)."))
        #expect(run.transcript.contains("Please answer 0 to 4, n or d, a note after it if wanted, or Enter to keep."))
    }

    @Test func aParticipantIsAddedWithAChoiceOfSectorByNumber() {
        let run = PlainRun(["", "", "", "", "a", "김민준", "KOICA", "4", ""])
        #expect(run.session.participants.map(\.name) == ["김민준"])
        #expect(run.session.participants.first?.sector == .donor)
        #expect(run.transcript.contains("1. 김민준, KOICA, Donor."))
    }

    @Test func aReadOnlySessionChangesNothing() {
        var session = Session(guide: .builtIn)
        session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
        let state = WizardState(guide: .builtIn, session: session, size: standardSize,
                                readOnlyReason: .noPermission("water.isp.json"))
        let run = PlainRun(["3", ""], state: state)
        #expect(run.session.answers.isEmpty)
        #expect(run.recorder.saved.isEmpty)
        #expect(run.transcript.contains("Read-only: not changed."))
    }
}

/// What plain mode says at its start and its end (issue 18's leftovers).
@Suite struct PlainStartAndEndTests {
    @Test func aWalkStartedFromTheStartDoesNotAdviseStartingFromTheStart() {
        var output = ""
        var lines = [":q"][...]
        let wizard = PlainWizard(state: makeState(), store: SaveRecorder(), readLine: { lines.popFirst() },
                                 write: { output += $0 }, echoesAnswers: true, startsFromStart: true)
        _ = wizard.run()
        #expect(output.contains("Reading the answers from a file: they start at the session details.\n"))
        #expect(!output.contains("--from-start"))
        #expect(PlainRun([":q"]).transcript.contains("or run with --from-start."))
    }

    @Test func theLastPromptSaysXSavesTheHandOutToo() {
        let run = PlainRun([":m s", ""])
        #expect(run.transcript.contains("Type x to save the summary, the meeting record (Markdown, HTML, CSV and JSON) "
                                        + "and the hand-out (HTML) as files to hand out"))
    }
}
