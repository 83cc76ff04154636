import Foundation
import ISPCore
import ISPFiles
import TerminalUI
import Testing

@testable import Wizard

private let theRegister = FieldAddress(worksheet: "s2", field: "register")
private let convenerPath: [RecordKey] = [.key("s4"), .key("convener")]
private let acceptancePath: [RecordKey] = [.key("s4"), .key("acceptance")]
private let commitmentsPath: [RecordKey] = [.key("s5"), .key("commitments")]
private let undoKey = Key.control("z")
private let redoKey = Key.control("y")

/// A workshop of two participants who rated step 1's first question, with a register of two organisations, the
/// first convener and accepted by two sectors, both committed; standing on step 1's first question.
private func workshop(at position: Position = Position(screen: .question, stepID: "s1", promptID: "s1.q1"))
    -> WizardState
{
    var session = Session(guide: .builtIn, name: "Agua")
    session.participants = [Participant(id: "p1", name: "Ana", organisation: "Municipio", sector: .government),
                            Participant(id: "p2", name: "Luis", organisation: "AFD", sector: .business)]
    session.answers["s1.q1"] = Answer(rating: .stage(.partial), notes: "Dicho", reason: "Acuerdo",
                                      voices: ["p1": Voice(rating: .stage(.partial), note: "sí"),
                                               "p2": Voice(rating: .stage(.emerging))])
    session.answers["s1.q2"] = Answer(voices: ["p2": Voice(rating: .stage(.inPlace))], isCarriedOver: true)
    session.setRows([
        RecordRow(id: "r1", cells: ["organisation": .string("Municipio"), "sector": .string("government")]),
        RecordRow(id: "r2", cells: ["organisation": .string("AFD"), "sector": .string("business")]),
    ], of: theRegister)
    session.setRecord(RecordReference(id: "r1", name: "Municipio").json, at: convenerPath)
    session.setRecord(.object(["government": .string("yes"), "business": .string("no")]), at: acceptancePath)
    session.setRecord(.object(["r1": .string("committed"), "r2": .string("undecided")]), at: commitmentsPath)
    session.position = position
    return WizardState(guide: .builtIn, session: session, size: standardSize)
}

@Suite struct UndoTests {
    /// Each kind of change, undone, gives the session before it, and redone, the session after it, with every
    /// change the rules made with it.
    @Test func everyKindOfChangeIsUndoneAndRedoneWithWhatTheRulesChangedWithIt() throws {
        let register = try #require(Guide.builtIn.field(at: theRegister))
        let worksheet = try #require(Guide.builtIn.steps[3].worksheet)
        let convener = try #require(workshop().session.entries(of: worksheet, in: .builtIn)
            .first { $0.path == convenerPath })
        let sector = try #require(workshop().session.entries(ofRow: "r2", in: theRegister, guide: .builtIn)
            .first { $0.path.last == .key("sector") })
        let actions: [(Action, String)] = [
            (.change(.rate(promptID: "s1.q1", .stage(.inPlace))), "rated question 1.1 In place"),
            (.change(.rate(promptID: "s1.q1", nil)), "cleared the rating of question 1.1"),
            (.change(.rateVoice(promptID: "s1.q2", participantID: "p1", .stage(.emerging))),
             "rated Ana Emerging on question 1.2"),
            (.change(.setVoiceNote(promptID: "s1.q1", participantID: "p1", "")), "edited Ana's note on question 1.1"),
            (.change(.setReason(promptID: "s1.q1", "Otra")), "edited the reason for question 1.1"),
            (.change(.setNotes(promptID: "s1.q1", "")), "edited the notes of question 1.1"),
            (.change(.confirmCarriedOver(promptID: "s1.q2")), "confirmed question 1.2"),
            (.change(.replaceVoices(participantID: "p2", ["s1.q3": Voice(rating: .dontKnow)])),
             "replaced Luis's ratings"),
            (.addParticipant, "added a participant"),
            (.setParticipantField(participant: 1, field: 0, .text("Name", "Luisa")), "edited Luis"),
            (.change(.removeParticipant(1)), "removed Luis"),
            (.change(.moveParticipant(from: 1, to: 0)), "moved Luis"),
            (.setDetail(2, .choice("Who is answering", labels: [], selected: 1)), "edited Who is answering"),
            (.change(.storeTyped(convener, "AFD")), "edited \(convener.label)"),
            (.change(.store(sector, .string("government"))), "set Sector to Government"),
            (.change(.store(sector, nil)), "cleared Sector"),
            (.change(.insertRow(RecordRow(), at: 1, of: theRegister)), "added a row to \(register.label)"),
            (.change(.deleteRow(id: "r2", of: theRegister)), "deleted AFD"),
            (.change(.moveRow(from: 1, to: 0, of: theRegister)), "moved AFD"),
            (.change(.addParticipantOrganisations(to: theRegister)), "added the participants' organisations"),
            (.change(.revealNamedBallot(promptID: "s1.q1",
                                        [NamedVote(participantID: "p2", rating: .stage(.inPlace))])),
             "revealed the named ballot on question 1.1"),
            (.change(.revealAnonymousBallot(promptID: "s1.q1", [AnonymousVote(rating: .dontKnow)],
                                            replacingNamedVoices: true)),
             "revealed the anonymous ballot on question 1.1"),
            (.change(.recordCards(promptID: "s1.q3", [.stage(.partial): 3])),
             "recorded the cards shown on question 1.3"),
        ]
        for (action, description) in actions {
            var state = workshop()
            state.session.participants[0].organisation = "Cooperativa"
            let before = state.session
            _ = state.handle(action)
            let after = state.session
            #expect(after != before, "\(description) changed nothing")
            #expect(state.handle(.undo) == [.save])
            #expect(state.session == before, "undoing \(description)")
            #expect(state.status?.text(in: .english) == "Undone: \(description)")
            _ = state.handle(.redo)
            #expect(state.session == after, "redoing \(description)")
            #expect(state.status?.text(in: .english) == "Redone: \(description)")
        }
    }

    @Test func anAnonymousBallotOverNamedRatingsIsRefusedSayingSoAndLeavesNothingToUndo() {
        var state = workshop()
        let before = state.session
        _ = state.handle(.change(.revealAnonymousBallot(promptID: "s1.q1", [AnonymousVote(rating: .dontKnow)])))
        #expect(state.session == before)
        #expect(state.status?.text(in: .english)
            == "This question holds named ratings: the anonymous votes replace them only once you confirm it.")
        _ = state.handle(.undo)
        #expect(state.status?.text(in: .english) == "Nothing to undo")
    }

    @Test func aConvenerChangedOnTheWorksheetIsUndoneWithTheAcceptanceItCleared() {
        var state = workshop()
        state.open(.worksheet(step: 3))
        state.press(.home, .enter, .down, .enter)
        #expect(state.session.record(at: acceptancePath) == nil)
        state.press(undoKey)
        #expect(state.session.record(at: convenerPath).flatMap(RecordReference.init)?.id == "r1")
        #expect(state.session.record(at: acceptancePath)
                    == .object(["government": .string("yes"), "business": .string("no")]))
        #expect(state.status?.text(in: .english) == "Undone: edited Convener")
    }

    @Test func aRowDeletedFromAListSaysCtrlZUndoesItAndCtrlZPutsItBackWithItsCommitment() {
        var state = workshop()
        state.open(.worksheet(step: 1))
        state.press(.down, .character("d"))
        #expect(state.session.rowCount(of: theRegister, in: .builtIn) == 2, "d asks first")
        state.press(.character("y"))
        #expect(state.status?.text(in: .english) == "Deleted AFD · Ctrl-Z undoes it")
        #expect(state.session.record(at: commitmentsPath) == .object(["r1": .string("committed")]))
        state.press(undoKey)
        #expect(state.session.rows(of: theRegister, in: .builtIn).map(\.id) == ["r1", "r2"])
        #expect(state.session.record(at: commitmentsPath)
                    == .object(["r1": .string("committed"), "r2": .string("undecided")]))
        #expect(state.status?.text(in: .english) == "Undone: deleted AFD")
        #expect(state.keyBar.items.contains { $0.key == "^Z" && $0.action == "undo" })
    }

    @Test func aDigitOnAListSaysWhatItChangedAndAnUnboundLetterChangesNothing() {
        var state = workshop()
        state.open(.worksheet(step: 1))
        state.press(.character("2"))
        #expect(state.session.rows(of: theRegister, in: .builtIn).first?.cells["sector"] != .string("government"))
        #expect(state.status?.text(in: .english) == "Set Sector to Business · Ctrl-Z undoes it")
        let before = state.session
        state.press(.character("x"))
        #expect(state.session == before)
        #expect(state.status?.text(in: .english) == "Not a list key: Enter or e edits the row")
    }

    @Test func typingInOneFieldUntilTheFocusLeavesItIsOneStep() {
        var state = workshop()
        state.press(.tab)
        state.press(.backspace, .backspace, .backspace, .backspace, .backspace)
        state.type("Nuevo")
        state.press(.left)
        state.type("s")
        #expect(state.session.answers["s1.q1"]?.notes == "Nuevso")
        state.press(.tab, .tab)
        state.type("!")
        state.press(undoKey)
        #expect(state.session.answers["s1.q1"]?.notes == "Nuevso")
        #expect(state.notes.text == "Nuevso")
        state.press(undoKey)
        #expect(state.session.answers["s1.q1"]?.notes == "Dicho")
        #expect(state.notes.text == "Dicho")
        #expect(state.status?.text(in: .english) == "Undone: edited the notes of question 1.1")
    }

    @Test func aRatingOnTheRowsIsUndoneAndRedoneByKeys() {
        var state = workshop()
        state.press(.character("4"))
        #expect(state.session.answers["s1.q1"]?.voices["p1"]?.rating == .stage(.institutionalised))
        #expect(state.press(undoKey) == [.save])
        #expect(state.session.answers["s1.q1"]?.voices["p1"] == Voice(rating: .stage(.partial), note: "sí"))
        #expect(state.status?.text(in: .english) == "Undone: rated Ana Institutionalised on question 1.1")
        state.press(redoKey)
        #expect(state.session.answers["s1.q1"]?.voices["p1"]?.rating == .stage(.institutionalised))
        #expect(state.status?.text(in: .english) == "Redone: rated Ana Institutionalised on question 1.1")
    }

    @Test func aNewChangeAfterUndoForgetsWhatWasUndone() {
        var state = workshop()
        _ = state.handle(.change(.rate(promptID: "s1.q1", .stage(.inPlace))))
        _ = state.handle(.undo)
        _ = state.handle(.change(.setNotes(promptID: "s1.q1", "Otra")))
        let session = state.session
        #expect(state.handle(.redo) == [])
        #expect(state.session == session)
        #expect(state.status?.text(in: .english) == "Nothing to redo")
    }

    @Test func theLast500StepsAreKept() {
        var state = workshop()
        let original = state.session
        let ratings: [Rating] = [.stage(.emerging), .stage(.inPlace)]
        for index in 0..<501 { _ = state.handle(.change(.rate(promptID: "s1.q1", ratings[index % 2]))) }
        for _ in 0..<500 { #expect(state.handle(.undo) == [.save]) }
        #expect(state.session.answers["s1.q1"]?.rating == .stage(.emerging), "the first step is forgotten")
        #expect(state.session != original)
        #expect(state.handle(.undo) == [])
        #expect(state.status?.text(in: .english) == "Nothing to undo")
    }

    @Test func undoOnAReadOnlySessionChangesNothing() {
        let open = workshop()
        var state = WizardState(guide: .builtIn, session: open.session, size: standardSize,
                                readOnlyReason: .noPermission("water.isp.json"))
        let session = state.session
        #expect(state.press(.character("3")) == [])
        #expect(state.press(undoKey) == [])
        #expect(state.session == session)
        #expect(state.status == .readOnly)
    }

    @Test func aSessionReopenedAfterAnUndoHasTheUndoneState() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("undo-\(UUID()).isp.json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var state = workshop()
        state.open(.worksheet(step: 1))
        let script: [Event?] = [.key(.down), .key(.character("d")), .key(.character("y")), .key(undoKey),
                                .key(.control("q"))]
        let runner = WizardRunner(state: state, backend: MemoryBackend(size: standardSize, script: script),
                                  store: FileSessionStore(path: path))
        #expect(runner.run() == .quit)
        let reopened = try SessionFile.load(from: path)
        #expect(reopened.rows(of: theRegister, in: .builtIn).map(\.id) == ["r1", "r2"])
        #expect(reopened.record(at: commitmentsPath)
                    == .object(["r1": .string("committed"), "r2": .string("undecided")]))
    }

    @Test func colonUAndColonRUndoAndRedoInPlainModeAndSaySo() {
        let run = PlainRun(toFirstQuestion + ["3", ":u", ":r", ":u", "", ":q"])
        #expect(run.session.answers["s1.q1"] == nil)
        #expect(run.transcript.contains(":u\nUndone: rated question 1.1 In place.\n"))
        #expect(run.transcript.contains(":r\nRedone: rated question 1.1 In place.\n"))
        #expect(run.recorder.saved.last?.answers["s1.q1"] == nil)
    }

    /// Undoing the rating at the notes prompt asks the question again from its rating, whose prompt no longer
    /// offers the rating undone.
    @Test func colonUAtTheNotesInPlainModeAsksTheRatingAgain() {
        let run = PlainRun(toFirstQuestion + ["3", ":u", "2", "", ":q"])
        #expect(run.session.answers["s1.q1"]?.rating == .stage(.partial))
        let afterUndo = run.transcript.components(separatedBy: "Undone: rated question 1.1 In place.\n").last ?? ""
        #expect(afterUndo.hasPrefix("Step 1 of 7, question 1 of 4"))
        #expect(!afterUndo.contains("now 3"))
    }

    @Test func aRatingWithItsNoteInPlainModeIsOneStep() {
        var session = workshop().session
        session.position = nil
        let state = WizardState(guide: .builtIn, session: session, size: standardSize)
        let run = PlainRun([":m 1", "4 otra nota", ":u", ":q"], state: state)
        #expect(run.session.answers["s1.q1"]?.voices["p1"] == Voice(rating: .stage(.partial), note: "sí"))
        #expect(run.transcript.contains("Undone: rated Ana Institutionalised on question 1.1."))
    }
}
