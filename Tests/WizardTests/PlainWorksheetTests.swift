import ISPCore
import ISPFiles
import TerminalUI
import Testing

@testable import Wizard

private let registerAddress = FieldAddress(worksheet: "s2", field: "register")
private let actionsAddress = FieldAddress(worksheet: "s6", field: "actions")
private let rulesAddress = FieldAddress(worksheet: "s6", field: "groundRules")

/// A register of three organisations, with the ids r1, r2, r3.
private let threeOrganisations = [
    RecordRow(id: "r1", cells: ["organisation": .string("Municipio de Cochabamba"), "sector": .string("government")]),
    RecordRow(id: "r2", cells: ["organisation": .string("Cámara de Comercio"), "sector": .string("business")]),
    RecordRow(id: "r3", cells: ["organisation": .string("Cooperativa 水"), "sector": .string("civil-society")]),
]

/// The plain wizard on a workshop of the built-in guide, standing on step 1's first question (so that `:m` and
/// `w` with a step's number opens a worksheet), the session changed by `edit` first.
private func worksheetRun(_ lines: [String], readOnly: Bool = false,
                          edit: (inout Session) -> Void = { _ in }) -> PlainRun {
    var session = Session(guide: .builtIn, name: "Agua")
    session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
    edit(&session)
    let state = WizardState(guide: .builtIn, session: session, size: standardSize,
                            readOnlyReason: readOnly ? .noPermission("water.isp.json") : nil)
    return PlainRun(lines, state: state)
}

extension Session {
    fileprivate func organisations() -> [String] {
        rows(of: registerAddress, in: .builtIn).map { $0.text("organisation") }
    }
}

/// The entries of step 4's worksheet before its date: the convener, the acceptance of the three sectors and the
/// donor, the other stakeholders' list, venue, neutral ground and moderator, each kept with Enter.
private let toTheFirstMeetingsDate = [":m", "w4", "", "", "", "", "", "", "", "", ""]

@Suite struct PlainWorksheetTests {
    @Test func theWorksheetIsOfferedAfterTheStepsLastQuestionAndFillsARegister() {
        var session = Session(guide: .builtIn, name: "Agua")
        session.position = Position(screen: .question, stepID: "s2", promptID: "s2.q3")
        let state = WizardState(guide: .builtIn, session: session, size: standardSize)
        let run = PlainRun(["", "", "y",
                            "a", "Municipio de Cochabamba", "1", "1", "Ana Núñez", "", "", "",
                            "a", "Cámara de Comercio", "2", "3", "", "Empleadores", "Cámara nacional", "",
                            "a", "水务合作社", "3", "2", "李华", "", "", "Quiere más datos", "第二行", ".",
                            "", "", "", "", ""], state: state)
        let rows = run.session.rows(of: registerAddress, in: .builtIn)
        #expect(run.session.organisations() == ["Municipio de Cochabamba", "Cámara de Comercio", "水务合作社"])
        #expect(rows.map { $0.cells["sector"] } == [.string("government"), .string("business"),
                                                     .string("civil-society")])
        #expect(rows.map { $0.cells["readiness"] } == [.string("ready"), .string("unknown"), .string("not-yet")])
        #expect(rows[1].text("role") == "Empleadores" && rows[1].text("alliances") == "Cámara nacional")
        #expect(rows[2].text("notes") == "Quiere más datos\n第二行")
        #expect(run.transcript.contains(
            "Step 2 worksheet: Stakeholder register. Fill it in now? y for yes, Enter to go on: y\n"
            + "The key organisations and players of each sector, the alliances they belong to, how developed each "
            + "sector is and who could support whom.\n"))
        #expect(run.transcript.contains("Sector (1 Government, 2 Business, 3 Civil society, 4 Donor, 5 Other), "
                                        + "now none chosen: 3\n"))
        #expect(run.transcript.contains("Row 3: 水务合作社; Civil society; Not yet; 李华.\n"))
        #expect(run.transcript.contains("End of the step 2 worksheet.\nStep 3 of 7: Understand the Potential"))
        // Saved as each value is given, not only at the end.
        #expect(run.recorder.saved.contains { $0.organisations() == ["Municipio de Cochabamba"] })
    }

    @Test func enterAtTheOfferGoesOnToTheNextStep() {
        var session = Session(guide: .builtIn, name: "Agua")
        session.position = Position(screen: .question, stepID: "s2", promptID: "s2.q3")
        let state = WizardState(guide: .builtIn, session: session, size: standardSize)
        let run = PlainRun(["", "", ""], state: state)
        #expect(run.transcript.contains("Enter to go on: \nStep 3 of 7: Understand the Potential"))
        #expect(!run.transcript.contains("Stakeholder register: no rows yet."))
        #expect(run.session.records.isEmpty)
    }

    @Test func anImpossibleDateIsKeptAsTypedItsProblemSaidAndAskedAgain() {
        let run = worksheetRun(toTheFirstMeetingsDate + ["2027-02-30", "", ":q"])
        let path: [RecordKey] = [.key("s4"), .key("firstMeeting")]
        #expect(run.session.record(at: path) == .object(["typed": .string("2027-02-30")]))
        #expect(run.recorder.saved.last?.record(at: path) == .object(["typed": .string("2027-02-30")]))
        #expect(run.transcript.contains(
            "Date of the first meeting (YYYY-MM-DD, t for today), now empty: 2027-02-30\n"
            + "2027-02-30 is not a date: February 2027 has 28 days. It is kept as typed until it is fixed: type the "
            + "date again, or Enter to go on.\n"
            + "Date of the first meeting (YYYY-MM-DD, t for today), now 2027-02-30, not a date: \n"
            + "Perhaps introductions and a sharing of viewpoints on the key issues.\n"))
    }

    @Test func aDateKeptAsTypedIsNamedWhenItIsReachedAgainAndFixed() {
        let run = worksheetRun(toTheFirstMeetingsDate + ["2027-02-28", ":q"]) { session in
            session.setRecord(.object(["typed": .string("2027-02-30")]), at: [.key("s4"), .key("firstMeeting")])
        }
        #expect(run.session.record(at: [.key("s4"), .key("firstMeeting")]) == .string("2027-02-28"))
        #expect(run.transcript.contains("Moderator, now empty: \n2027-02-30 is not a date: February 2027 has 28 days."
                                        + "\nDate of the first meeting (YYYY-MM-DD, t for today), now 2027-02-30, "
                                        + "not a date: 2027-02-28\n"))
    }

    @Test func tIsTodayAndADashClearsADate() {
        let today = worksheetRun(toTheFirstMeetingsDate + ["t", ":q"])
        #expect(today.session.record(at: [.key("s4"), .key("firstMeeting")]) == .string("2027-03-15"))
        let cleared = worksheetRun(toTheFirstMeetingsDate + ["-", ":q"]) { session in
            session.setRecord(.string("2027-01-01"), at: [.key("s4"), .key("firstMeeting")])
        }
        #expect(cleared.session.record(at: [.key("s4"), .key("firstMeeting")]) == nil)
        #expect(cleared.transcript.contains("t for today), now 2027-01-01: -\n"))
    }

    @Test func anActionsOwnerIsChosenFromTheRegisterByNumberOrName() {
        let run = worksheetRun([":m", "w6", "",
                            "a", "Encuesta de tuberías", "2", "2027-04-01", "2", "Bea Costa", "5 000 USD", "4",
                            "a", "Taller", "COOPERATIVA 水", "t", "", "", "", "",
                            "a", "Informe", "Ministerio del Agua", "", "", "", "", "",
                            "a", "Mapa", "9", "", "", "", "", "", "",
                            ":q"]) { $0.setRows(threeOrganisations, of: registerAddress) }
        let actions = run.session.rows(of: actionsAddress, in: .builtIn)
        #expect(actions.map { $0.text("action") } == ["Encuesta de tuberías", "Taller", "Informe", "Mapa"])
        #expect(actions[0].cells["ownerOrganisation"] == .object(["id": .string("r2"),
                                                                  "name": .string("Cámara de Comercio")]))
        #expect(actions[0].cells["due"] == .string("2027-04-01"))
        #expect(actions[0].cells["status"] == .string("in-progress"))
        #expect(actions[0].cells["question"] == .string("s6.q4"))
        #expect(actions[1].cells["ownerOrganisation"].flatMap(RecordReference.init)?.id == "r3")
        #expect(actions[1].cells["due"] == .string("2027-03-15"))
        #expect(actions[2].cells["ownerOrganisation"] == .object(["name": .string("Ministerio del Agua")]))
        #expect(actions[3].cells["ownerOrganisation"] == nil)
        #expect(run.transcript.contains(
            "From the register, or typed.\n"
            + "Stakeholder register: 1 Municipio de Cochabamba; 2 Cámara de Comercio; 3 Cooperativa 水.\n"
            + "Owner organisation (a row's number or a name), now empty: 2\n"
            + "Owner organisation: row 2 of Stakeholder register, Cámara de Comercio.\n"))
        #expect(run.transcript.contains(
            "Row 1: Encuesta de tuberías; Cámara de Comercio; 2027-04-01; In progress; Bea Costa; 5 000 USD; "
            + "Capacity building.\n"))
        #expect(run.transcript.contains("Owner organisation: row 3 of Stakeholder register, Cooperativa 水."))
        #expect(run.transcript.contains("Ministerio del Agua is not in Stakeholder register: kept as a typed name."))
        #expect(run.transcript.contains("There is no row 9 in Stakeholder register: type a number from 1 to 3, "
                                        + "or a name.\nOwner organisation (a row's number or a name), now empty: \n"))
    }

    @Test func aDeletionIsRefusedThenConfirmed() {
        let run = worksheetRun([":m", "w2", "d 2", "", "d 2", "n", "d 2", "y", ":q"]) {
            $0.setRows(threeOrganisations, of: registerAddress)
        }
        let question = "Delete row 2, Cámara de Comercio; Business? Type y to delete it, Enter to keep it: "
        #expect(run.transcript.contains(question + "\nKept Cámara de Comercio; Business.\n"))
        #expect(run.transcript.contains(question + "n\nKept Cámara de Comercio; Business.\n"))
        #expect(run.transcript.contains(question + "y\nDeleted Cámara de Comercio; Business.\n"))
        #expect(run.session.organisations() == ["Municipio de Cochabamba", "Cooperativa 水"])
        #expect(run.recorder.saved.last?.organisations() == ["Municipio de Cochabamba", "Cooperativa 水"])
    }

    @Test func rowsAreMovedInsertedAndEditedAndAnAddedRowLeftEmptyIsTakenAway() {
        let run = worksheetRun([":m", "w2", "m 3 1", "i 2", "KOICA", "4", "", "", "", "", "",
                            "e 4", "", "", "3", "", "", "", "", "a", "", "", "", "", "", "", "",
                            "m 9 1", ":q"]) { $0.setRows(threeOrganisations, of: registerAddress) }
        #expect(run.session.organisations() == ["Cooperativa 水", "KOICA", "Municipio de Cochabamba",
                                                "Cámara de Comercio"])
        #expect(run.session.rows(of: registerAddress, in: .builtIn)[3].cells["readiness"] == .string("unknown"))
        #expect(run.transcript.contains("Moved Cooperativa 水; Civil society to row 1.\n"))
        #expect(run.transcript.contains("Stakeholder register, row 4.\nOrganisation, now Cámara de Comercio: \n"))
        #expect(run.transcript.contains("Nothing typed, so no row added.\n"))
        #expect(run.transcript.contains("Please type a to add a row; i, e or d and a row's number (1 to 4) to insert "
                                        + "before it, edit or delete it; m and two row numbers to move a row; l to "
                                        + "list; or Enter when done.\n"))
    }

    @Test func theParticipantsOrganisationsAreAddedOnceWithTheirSectors() {
        let run = worksheetRun([":m", "w2", "p", "p", ":q"]) { session in
            session.participants = Array(roomOfEight.prefix(4)) + [
                Participant(id: "p9", name: "Rosa", organisation: " municipio de cochabamba ", sector: .government),
                Participant(id: "p8", name: "Amina", organisation: "", sector: .other),
            ]
            let waterBoard = RecordRow(id: "r1", cells: ["organisation": .string("WATER BOARD")])
            session.setRows([waterBoard], of: registerAddress)
        }
        let rows = run.session.rows(of: registerAddress, in: .builtIn)
        #expect(run.session.organisations() == ["WATER BOARD", "Municipio de Cochabamba", "水务合作社",
                                                "Cámara de Comercio"])
        #expect(rows.map { $0.cells["sector"]?.string } == [nil, "government", "civil-society", "business"])
        #expect(run.transcript.contains("Added 3 organisations:\n2. Municipio de Cochabamba; Government.\n"
                                        + "3. 水务合作社; Civil society.\n4. Cámara de Comercio; Business.\n"))
        #expect(run.transcript.contains(
            "Nothing to add: every participant's organisation is in Stakeholder register already."))
    }

    @Test func aChecklistItemIsMarkedByNumberAndItsNoteFollowsItsMark() {
        let run = worksheetRun([":m", "w3", "1", "Hay leyes de agua", "", "2", ":b", "3", "", ":q"])
        let traits: [RecordKey] = [.key("s3"), .key("traits")]
        #expect(run.session.record(at: traits + [.key("gov-laws")])
                == .object(["mark": .string("applies"), "note": .string("Hay leyes de agua")]))
        #expect(run.session.record(at: traits + [.key("gov-environment")]) == nil)
        #expect(run.session.record(at: traits + [.key("gov-accountability")])
                == .object(["mark": .string("not-discussed")]))
        #expect(run.transcript.contains(
            "Government strengths.\n"
            + "the ability to create laws (1 Applies here, 2 Does not apply, 3 Not discussed), now none chosen: 1\n"
            + "Note, now empty: Hay leyes de agua\n"
            + "improve the enabling environment (1 Applies here, 2 Does not apply, 3 Not discussed), now none "
            + "chosen: \nin a democracy"))
        #expect(run.transcript.contains("3 Not discussed), now Does not apply: 3\n"))
    }

    @Test func backFromAWorksheetsFirstFieldIsTheStepsLastQuestionAndWithinItTheFieldBefore() {
        let first = worksheetRun([":m", "w4", ":b", ":q"])
        #expect(first.transcript.contains("now empty: :b\nStep 4 of 7, question 4 of 4.\n"))
        let within = worksheetRun([":m", "w1", "Agua segura", ".", ":b", "", ":q"])
        #expect(within.transcript.components(separatedBy: "Government, now empty. Type lines").count == 2)
        #expect(within.transcript.contains("Business, now empty. Type lines and a single dot to end: :b\n"
                                           + "Each sector's stake in the issue.\nGovernment, now:\nAgua segura\n"))
        #expect(within.session.record(at: [.key("s1"), .key("stakes"), .key("government")]) == .string("Agua segura"))
    }

    @Test func aDashClearsTextAndLongTextAndEnterKeepsThem() {
        let run = worksheetRun([":m", "w4", "", "", "", "", "", "", "-", "", "", "", "-", ":q"]) { session in
            session.setRecord(.string("Sala municipal"), at: [.key("s4"), .key("venue")])
            session.setRecord(.string("Juan"), at: [.key("s4"), .key("moderator")])
            session.setRecord(.string("Presentaciones"), at: [.key("s4"), .key("agenda")])
        }
        #expect(run.session.record(at: [.key("s4"), .key("venue")]) == nil)
        #expect(run.session.record(at: [.key("s4"), .key("moderator")]) == .string("Juan"))
        #expect(run.session.record(at: [.key("s4"), .key("agenda")]) == nil)
        #expect(run.transcript.contains("Agenda of the first meeting, now:\nPresentaciones\nType lines to replace it "
                                        + "and a single dot to end, Enter to keep, - to clear: -\n"))
    }

    @Test func theGuidesGroundRulesAreListedAndAgreedOneByOne() {
        let run = worksheetRun([":m", "w6", "e 2", "", "1", "", ":q"])
        let rules = run.session.rows(of: rulesAddress, in: .builtIn)
        #expect(rules.map(\.id) == ["rule-say-no", "rule-honesty", "rule-accountability", "rule-perspectives"])
        #expect(rules[1].cells == ["rule": .string("Honesty"), "agreed": .string("agreed")])
        #expect(run.transcript.contains("Ground rules: 4 rows.\n1. The right to say no.\n2. Honesty.\n"))
        #expect(run.transcript.contains("Ground rule, now Honesty: \n"))
        #expect(run.transcript.contains("Row 2: Honesty; Agreed.\n"))
    }

    @Test func eachOrganisationsCommitmentIsAskedOnceTheRegisterHasRows() {
        let empty = worksheetRun([":m", "w5", ":q"])
        #expect(empty.transcript.contains("Commitment of each organisation in the register. Nothing to fill in there "
                                          + "until Stakeholder register has rows.\n"))
        let run = worksheetRun([":m", "w5", "", "", "1", "", "3", ":q"]) {
            $0.setRows(threeOrganisations, of: registerAddress)
        }
        let commitments: [RecordKey] = [.key("s5"), .key("commitments")]
        #expect(run.session.record(at: commitments + [.key("r1")])
                == .object(["value": .string("committed"), "name": .string("Municipio de Cochabamba")]))
        #expect(run.session.record(at: commitments + [.key("r2")]) == nil)
        #expect(run.session.record(at: commitments + [.key("r3"), .key("value")]) == .string("not-committed"))
        #expect(run.transcript.contains("Commitment of each organisation in the register.\nMunicipio de Cochabamba "
                                        + "(1 Committed, 2 Undecided, 3 Not committed), now none chosen: 1\n"))
    }

    @Test func stepSevensArrangementsHostAndFutureAreAskedInTurn() {
        let run = worksheetRun([":m", "w7", "", "", "", "Memorando firmado", "", "1", "2", "Sumar saneamiento", ".",
                                ":q"]) {
            $0.setRows(threeOrganisations, of: registerAddress)
        }
        let sheet: [RecordKey] = [.key("s7")]
        #expect(run.session.record(at: sheet + [.key("agreement")]) == .string("Memorando firmado"))
        #expect(run.session.record(at: sheet + [.key("host")]).flatMap(RecordReference.init)
                    == RecordReference(id: "r1", name: "Municipio de Cochabamba"))
        #expect(run.session.record(at: sheet + [.key("future")]) == .string("change"))
        #expect(run.session.record(at: sheet + [.key("futureNote")]) == .string("Sumar saneamiento"))
        #expect(run.transcript.contains("Should the partnership continue, change or close? (1 Continue, 2 Change, "
                                        + "3 Close), now none chosen: 2\n"))
    }

    @Test func aLongRegisterIsCountedNotReadOutAndFoundByAWord() {
        let rows = (1...25).map { number in
            RecordRow(id: "r\(number)",
                      cells: ["organisation": .string(number == 17 ? "水务合作社" : "Org \(number)")])
        }
        let run = worksheetRun([":m", "w2", "l 水", "", ":m", "w4", "?水", "17", ":q"]) {
            $0.setRows(rows, of: registerAddress)
        }
        #expect(run.transcript.contains("Stakeholder register: 25 rows.\nl lists them all, l and a word the rows that "
                                        + "hold it.\n"))
        #expect(!run.transcript.contains("1. Org 1."))
        #expect(run.transcript.contains("l 水\n17. 水务合作社.\nStakeholder register (a"))
        #expect(run.transcript.contains("Stakeholder register: 25 rows; ? and a word finds them.\n"))
        #expect(run.transcript.contains("now empty: ?水\n17. 水务合作社.\nConvener (a row's number"))
        #expect(run.session.record(at: [.key("s4"), .key("convener")])
                == .object(["id": .string("r17"), "name": .string("水务合作社")]))
    }

    @Test func theStepsNameEachWorksheetAndRefuseAStepWithout() {
        let run = worksheetRun([":m", "w9", "w2", ":h", ":q"])
        #expect(run.transcript.contains("2: Identify Realities and Partners, 0 of 3 answered, not started; worksheet "
                                        + "w2: Stakeholder register.\n"))
        #expect(run.transcript.contains("s): w2\nStep 2 worksheet: Stakeholder register.\nThe key organisations"))
        #expect(run.transcript.contains("Please type d, p, a step's number, w and the number of a step with a "
                                        + "worksheet, or s.\n"))
        #expect(run.transcript.contains("In a list of rows: a adds a row"))
    }

    @Test func aReadOnlySessionsWorksheetChangesNothing() {
        let run = worksheetRun([":m", "w2", "a", "p", "e 1", "Otro nombre", ":q"], readOnly: true) { session in
            session.setRows(threeOrganisations, of: registerAddress)
            session.participants = Array(roomOfEight.prefix(2))
        }
        #expect(run.session.organisations() == threeOrganisations.map { $0.text("organisation") })
        #expect(run.recorder.saved.isEmpty)
        #expect(run.transcript.components(separatedBy: "Read-only: not changed.").count == 4)
    }
}

@Suite struct PlainSummaryRecordTests {
    @Test func theSummarySaysTheRecordsFlags() {
        let run = worksheetRun([":s", ":q"]) { session in
            session.setRows([RecordRow(id: "a1", cells: ["action": .string("Taller")])], of: actionsAddress)
        }
        #expect(run.transcript.contains("Records to discuss: 1.\nAction 1, “Taller”, has no owner and no due date.\n"))
    }
}
