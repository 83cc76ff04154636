import ISPCore
import ISPFiles
import TerminalUI
import Testing

@testable import Wizard

private let theRegister = FieldAddress(worksheet: "s2", field: "register")
private let convenerPath: [RecordKey] = [.key("s4"), .key("convener")]
private let acceptancePath: [RecordKey] = [.key("s4"), .key("acceptance")]
private let commitmentsPath: [RecordKey] = [.key("s5"), .key("commitments")]

/// A workshop of the built-in guide with a register of two organisations, the first of them convener and
/// accepted by two sectors, both committed; standing on step 1's first question.
private func convenedSession() -> Session {
    var session = Session(guide: .builtIn, name: "Agua")
    session.setRows([
        RecordRow(id: "r1", cells: ["organisation": .string("Municipio"), "sector": .string("government")]),
        RecordRow(id: "r2", cells: ["organisation": .string("Cámara"), "sector": .string("business")]),
    ], of: theRegister)
    session.setRecord(RecordReference(id: "r1", name: "Municipio").json, at: convenerPath)
    session.setRecord(.object(["government": .string("yes"), "business": .string("no")]), at: acceptancePath)
    session.setRecord(.object(["r1": .string("committed"), "r2": .string("undecided")]), at: commitmentsPath)
    session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
    return session
}

/// The next round of a workshop, opened on its first question, whose two answers are carried over.
private func carriedOverState(participants: [Participant] = []) -> WizardState {
    var previous = Session(guide: .builtIn, name: "Água")
    previous.participants = participants
    var answer = Answer(rating: .stage(.inPlace), notes: "Agreed")
    for participant in participants { answer.voices[participant.id] = Voice(rating: .stage(.partial)) }
    previous.answers["s1.q1"] = answer
    previous.answers["s1.q2"] = Answer(rating: .stage(.partial))
    var session = Session(nextRoundOf: previous)
    session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
    return WizardState(guide: .builtIn, session: session, size: standardSize)
}

/// Plain mode and the screens change a session by the same rules: the cases where they once drifted apart.
@Suite struct OneWayInTests {
    @Test func anotherConvenerNamedInPlainModeClearsTheSectorsAndStakeholdersAcceptanceAndSaysSo() {
        var session = convenedSession()
        let stakeholders = PartnershipRecords.stakeholderAcceptance
        session.setRows([RecordRow(id: "sa1", cells: ["stakeholder": .string("Iglesia"), "accepts": .string("yes")])],
                        of: stakeholders)
        let state = WizardState(guide: .builtIn, session: session, size: standardSize)
        let run = PlainRun([":m", "w4", "2", ":q"], state: state)
        #expect(run.session.record(at: convenerPath).flatMap(RecordReference.init)?.id == "r2")
        #expect(run.session.record(at: acceptancePath) == nil)
        // The stakeholder stays listed; only its answer about the convener before goes.
        #expect(run.session.rows(of: stakeholders, in: .builtIn)
                    == [RecordRow(id: "sa1", cells: ["stakeholder": .string("Iglesia")])])
        #expect(run.transcript.contains("Convener (a row's number or a name), now Municipio: 2\n"
                                        + "New convener: ask the sectors, the donor and the stakeholders again.\n"))
    }

    @Test func aNameTypedWithoutItsAccentLinksToTheRegistersRowAsThePickerFindsIt() {
        let state = WizardState(guide: .builtIn, session: convenedSession(), size: standardSize)
        let run = PlainRun([":m", "w4", "  CAMARA ", ":q"], state: state)
        #expect(run.session.record(at: convenerPath).flatMap(RecordReference.init)
                    == RecordReference(id: "r2", name: "Cámara"))
    }

    @Test func anOrganisationDeletedFromTheRegisterInPlainModeTakesItsCommitmentWithIt() {
        let state = WizardState(guide: .builtIn, session: convenedSession(), size: standardSize)
        let run = PlainRun([":m", "w2", "d 2", "y", ":q"], state: state)
        #expect(run.session.rows(of: theRegister, in: .builtIn).map(\.id) == ["r1"])
        #expect(run.session.record(at: commitmentsPath) == .object(["r1": .string("committed")]))
    }

    @Test func clearingACarriedOverConsensusConfirmsTheAnswerOnTheScreensAndInPlainMode() {
        let room = Array(roomOfEight.prefix(2))
        var screens = carriedOverState(participants: room)
        screens.press(.end, .delete)
        let plain = PlainRun(["", "", "x", ":q"], state: carriedOverState(participants: room))
        let expected = Answer(notes: "Agreed", voices: ["p1": Voice(rating: .stage(.partial)),
                                                        "p2": Voice(rating: .stage(.partial))])
        #expect(screens.session.answers["s1.q1"] == expected)
        #expect(plain.session.answers["s1.q1"] == expected)
    }

    @Test func aReadOnlySessionRefusesToAddEditOrRemoveParticipantsInPlainModeAndNeverSaysItSaved() {
        var session = Session(guide: .builtIn, name: "Agua")
        session.participants = Array(roomOfEight.prefix(1))
        session.position = Position(screen: .participants)
        let state = WizardState(guide: .builtIn, session: session, size: standardSize,
                                readOnlyReason: .noPermission("water.isp.json"))
        let run = PlainRun(["a", "Nadie", "e 1", "Otra", "r 1", "y", ":q"], state: state)
        #expect(run.session.participants == Array(roomOfEight.prefix(1)))
        #expect(run.recorder.saved.isEmpty)
        #expect(run.transcript.components(separatedBy: "Read-only: not changed.").count == 4)
        #expect(!run.transcript.contains("Saved"))
    }

    @Test func cConfirmsACarriedOverAnswerInPlainModeAndEnterKeepsItCarriedOver() {
        let confirmed = PlainRun(["c", "", ":q"], state: carriedOverState())
        #expect(confirmed.session.answers["s1.q1"] == Answer(rating: .stage(.inPlace), notes: "Agreed"))
        #expect(confirmed.transcript.contains(
            "Carried over from the last round: c confirms it as it is, Enter keeps it to confirm later.\n"
                + "Rating (0 to 4, n, d, c to confirm, or Enter to keep 3 In place, carried over from the last round):"
                + " c\n"))
        let kept = PlainRun(["", "", ":q"], state: carriedOverState())
        #expect(kept.session.answers["s1.q1"]?.isCarriedOver == true)
    }

    @Test func cAtTheConsensusConfirmsACarriedOverRoundInPlainMode() {
        let room = Array(roomOfEight.prefix(2))
        let run = PlainRun(["", "", "c", ":q"], state: carriedOverState(participants: room))
        #expect(run.session.answers["s1.q1"]?.isCarriedOver == false)
        #expect(run.session.answers["s1.q1"]?.rating == .stage(.inPlace))
        #expect(run.transcript.contains("Group consensus (0 to 4, n, d; x to clear; c to confirm; Enter keeps 3 In "
                                        + "place, carried over from the last round): c\n"))
    }
}

/// What plain mode gained beside the screens: adding to notes, jumps in a file, and saying where a file starts.
@Suite struct PlainJumpAndAddTests {
    @Test func colonAAtTheNotesAddsTheLinesAfterItToTheNotes() {
        var session = Session(guide: .builtIn, name: "Agua")
        session.answers["s1.q1"] = Answer(rating: .stage(.partial), notes: "Primera")
        session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
        let state = WizardState(guide: .builtIn, session: session, size: standardSize)
        let run = PlainRun(["", ":a", "Segunda", "Tercera", ".", ":q"], state: state)
        #expect(run.session.answers["s1.q1"] == Answer(rating: .stage(.partial), notes: "Primera\nSegunda\nTercera"))
        #expect(run.transcript.contains("Notes: :a\nAdding to them: type the lines to add, and a line with a single "
                                        + "dot to end them.\nNotes: Segunda\n"))
    }

    @Test func colonMAndAStepsNumberOrItsWorksheetJumpThere() {
        let run = PlainRun(toFirstQuestion + [":m 3", ":m w2", ":m 9", ":q"])
        #expect(run.transcript.contains("Rating (0 to 4, n, d, or Enter to keep it unrated): :m 3\nStep 3 of 7: "))
        #expect(run.transcript.contains(": :m w2\nStep 2 worksheet: Stakeholder register.\n"))
        #expect(run.transcript.contains(": :m 9\n9 is no place to go to: after :m, type d, p, a step's number, w and "
                                        + "the number of a step with a worksheet, or s.\n"))
    }

    @Test func aRunFromAFileSaysWhereItStarts() {
        let run = PlainRun([":q"], state: carriedOverState())
        #expect(run.transcript.contains("Reading the answers from a file: they start at step 1, question 1. To start "
                                        + "at a known place, begin the file with :m and a step's number, or run with "
                                        + "--from-start.\n"))
    }
}

/// The same short workshop, as keys on the screens and as lines in plain mode, saves the same session.
@Suite struct ParityTests {
    /// The session as it is compared: without the time of its last save and where the user stood.
    private func comparable(_ session: Session) -> Session {
        var session = session
        session.updatedAt = session.createdAt
        session.position = nil
        return session
    }

    /// Rounds the room with a note on the second voice, settles a divergent consensus with its reason, names
    /// another convener and deletes the second organisation from the register, by keys.
    private func pressTheWorkshop(_ screens: inout WizardState) {
        screens.press(.character("4"), .character("1"), .up, .enter)
        screens.type("sin consulta")
        screens.press(.enter, .down, .character("3"), .character("2"))
        screens.type("Acordado")
        screens.press(.enter)
        screens.open(.worksheet(step: 3))
        screens.press(.home, .enter, .down, .enter)
        screens.open(.worksheet(step: 1))
        screens.press(.down, .character("d"), .character("y"))
    }

    /// The same workshop as `pressTheWorkshop`, as lines for plain mode.
    private let workshopLines = ["4", "1 sin consulta", "3", "2", "Acordado", ":m w4", "2", ":m w2", "d 2", "y", ":q"]

    @Test func aWorkshopOnTheScreensAndInPlainModeSavesTheSameSession() {
        var start = convenedSession()
        start.participants = Array(roomOfEight.prefix(3))
        var screens = WizardState(guide: .builtIn, session: start, size: standardSize)
        pressTheWorkshop(&screens)
        let plain = PlainRun(workshopLines, state: WizardState(guide: .builtIn, session: start, size: standardSize))

        #expect(screens.session.answers["s1.q1"]?.reason == "Acordado")
        #expect(screens.session.record(at: acceptancePath) == nil)
        #expect(screens.session.record(at: commitmentsPath) == .object(["r1": .string("committed")]))
        #expect(comparable(plain.session) == comparable(screens.session))
        #expect(comparable(plain.recorder.saved.last ?? start) == comparable(screens.session))
    }

    @Test func aReadOnlySessionRefusesTheWorkshopOnTheScreensAndInPlainModeAlike() {
        var start = convenedSession()
        start.participants = Array(roomOfEight.prefix(3))
        let reason = ReadOnlyReason.noPermission("water.isp.json")
        var screens = WizardState(guide: .builtIn, session: start, size: standardSize, readOnlyReason: reason)
        pressTheWorkshop(&screens)
        let plain = PlainRun(workshopLines, state: WizardState(guide: .builtIn, session: start, size: standardSize,
                                                               readOnlyReason: reason))

        #expect(comparable(screens.session) == comparable(start))
        #expect(comparable(plain.session) == comparable(start))
        #expect(plain.recorder.saved.isEmpty)
        #expect(plain.transcript.contains("Read-only: not changed.\n"))
    }

    @Test func aSelfAssessmentOnTheScreensAndInPlainModeSavesTheSameSession() {
        var start = convenedSession()
        start.mode = .selfAssessment
        start.organisation = "Municipio"
        start.sector = .government
        var screens = WizardState(guide: .builtIn, session: start, size: standardSize)
        screens.press(.character("3"), .tab)
        screens.type("Hay avances\ncon el municipio")
        screens.press(.pageDown, .character("d"))
        screens.open(.worksheet(step: 3))
        screens.press(.home, .enter, .down, .enter)
        screens.open(.worksheet(step: 1))
        screens.press(.down, .character("d"), .character("y"))
        let plain = PlainRun(["3", "Hay avances", "con el municipio", ".", "d", ":m w4", "2", ":m w2", "d 2", "y",
                              ":q"],
                             state: WizardState(guide: .builtIn, session: start, size: standardSize))

        #expect(screens.session.answers["s1.q1"] == Answer(rating: .stage(.inPlace),
                                                            notes: "Hay avances\ncon el municipio"))
        #expect(screens.session.answers["s1.q2"] == Answer(rating: .dontKnow))
        #expect(screens.session.record(at: acceptancePath) == nil)
        #expect(screens.session.rows(of: theRegister, in: .builtIn).map(\.id) == ["r1"])
        #expect(comparable(plain.session) == comparable(screens.session))
        #expect(comparable(plain.recorder.saved.last ?? start) == comparable(screens.session))
    }

    @Test func aWorksheetListReorderedOnTheScreensAndInPlainModeSavesTheSameOrder() {
        var start = convenedSession()
        var rows = start.rows(of: theRegister, in: .builtIn)
        rows.append(RecordRow(id: "r3", cells: ["organisation": .string("Red Joven"),
                                                "sector": .string("civil-society")]))
        start.setRows(rows, of: theRegister)
        var screens = WizardState(guide: .builtIn, session: start, size: standardSize)
        screens.open(.worksheet(step: 1))
        screens.press(.down, .down, .character("["), .character("["))
        let plain = PlainRun([":m w2", "m 3 1", ":q"],
                             state: WizardState(guide: .builtIn, session: start, size: standardSize))

        #expect(screens.session.rows(of: theRegister, in: .builtIn).map(\.id) == ["r3", "r1", "r2"])
        #expect(comparable(plain.session) == comparable(screens.session))
        #expect(comparable(plain.recorder.saved.last ?? start) == comparable(screens.session))
    }
}
