import Foundation
import ISPCore
import ISPFiles
import TerminalUI
import Testing

@testable import Wizard

/// A workshop (the room of eight) on a step's worksheet.
func workshopOnWorksheet(_ stepID: String, size: Size = standardSize, records: [String: JSONValue] = [:])
    -> WizardState
{
    var session = Session(guide: .builtIn, name: "Agua para Todos 水")
    session.participants = roomOfEight
    session.records = records
    session.position = Position(screen: .stepIntro, stepID: stepID, worksheet: true)
    return WizardState(guide: .builtIn, session: session, size: size)
}

extension ScreenGrid {
    /// The first line of the frame holding `text`, without the spaces at its end.
    func line(containing text: String) -> String? {
        self.text.split(separator: "\n").first { $0.contains(text) }
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }
    }
}

let register = FieldAddress(worksheet: "s2", field: "register")
let actions = FieldAddress(worksheet: "s6", field: "actions")

extension WizardState {
    /// Adds a row to the open list and fills its first columns: text typed, a digit for a choice (which moves on
    /// by itself).
    mutating func addRow(_ cells: String...) {
        press(.character("a"))
        for cell in cells {
            if cell.count == 1, let digit = cell.first, digit.isNumber {
                press(.character(digit))
            } else {
                type(cell)
                press(.tab)
            }
        }
        press(.escape)
    }

    func rowTexts(_ address: FieldAddress, column: String) -> [String] {
        session.rows(of: address, in: guide).map { $0.text(column) }
    }
}

/// The register of five organisations the golden screens show.
func registerOfFive(size: Size = standardSize) -> WizardState {
    var state = workshopOnWorksheet("s2", size: size)
    state.addRow("Municipio de Cochabamba", "1", "1", "Ana Núñez", "Water utility owner")
    state.addRow("水务合作社", "3", "1", "李华", "Runs the village kiosks")
    state.addRow("Cámara de Comercio", "2", "2", "", "Members sell pumps")
    state.addRow("KOICA", "4", "3", "김민준", "Funds the pilot")
    state.addRow("Youth Network", "3", "2", "Otieno", "Volunteers")
    return state
}

@Suite struct WorksheetScreenTests {
    @Test func ctrlNAfterAStepsLastQuestionOpensItsWorksheetAndThenTheNextStep() {
        var state = workshopOnFirstQuestion()
        for _ in 1...4 { state.press(.control("n")) }
        #expect(state.screen == .worksheet(step: 0))
        #expect(state.view().text.contains("Step 1 of 7 › Worksheet"))
        state.press(.control("n"))
        #expect(state.screen == .stepIntro(step: 1))
        state.press(.control("p"))
        #expect(state.screen == .worksheet(step: 0))
    }

    @Test func wOpensTheWorksheetFromTheStepIntroAndFromTheMap() {
        var state = workshopOnFirstQuestion()
        state.press(.control("p"))
        #expect(state.screen == .stepIntro(step: 0))
        #expect(state.view().text.contains("Press w for the step's worksheet: Goals and aims."))
        state.press(.character("w"))
        #expect(state.screen == .worksheet(step: 0))
        state.press(.escape, .down, .down, .down)
        state.press(.character("w"))
        #expect(state.screen == .worksheet(step: 3))
    }

    @Test func theRegisterOpensOnItsListAndARowIsTypedColumnByColumn() {
        var state = workshopOnWorksheet("s2")
        #expect(state.sheet.list?.address == register)
        #expect(state.press(.character("a")) == [.save])
        state.type("Cámara de Comercio")
        #expect(state.press(.enter) == [.save])
        // A digit chooses and moves on, as on the rating rows.
        state.press(.character("2"), .character("1"))
        state.type("Luis Paz")
        state.press(.escape)
        #expect(state.sheet.list?.editedRowID == nil)
        let row = state.session.rows(of: register, in: .builtIn)[0]
        #expect(row.cells == ["organisation": .string("Cámara de Comercio"), "sector": .string("business"),
                              "readiness": .string("ready"), "people": .string("Luis Paz")])
        #expect(!row.id.isEmpty)
        #expect(state.view().text.contains("▸ 1 Cámara de Comer… Business      Ready   Luis Paz"))
    }

    @Test func deletingARowAsksFirstUnlessItIsEmpty() {
        var state = workshopOnWorksheet("s2")
        state.addRow("KOICA")
        state.addRow("Youth Network")
        state.press(.delete)
        #expect(state.view().text.contains("Delete “Youth Network”? y deletes, any other key keeps it."))
        state.press(.character("n"))
        #expect(state.rowTexts(register, column: "organisation") == ["KOICA", "Youth Network"])
        state.press(.character("d"), .character("y"))
        #expect(state.rowTexts(register, column: "organisation") == ["KOICA"])
        state.press(.character("a"), .escape, .delete)
        #expect(state.sheet.list?.pendingDeletion == nil)
        #expect(state.rowTexts(register, column: "organisation") == ["KOICA"])
    }

    @Test func rowsMoveAndInsertInTheOrderEnteredAndGroupBySector() {
        var state = registerOfFive()
        state.press(.home, .character("]"))
        #expect(state.rowTexts(register, column: "organisation")
            == ["水务合作社", "Municipio de Cochabamba", "Cámara de Comercio", "KOICA", "Youth Network"])
        state.press(.character("i"))
        state.type("Ministerio de Agua")
        state.press(.escape)
        #expect(state.rowTexts(register, column: "organisation")[1] == "Ministerio de Agua")
        state.press(.character("s"))
        let shown = state.shownRows(state.sheet.list ?? RowList(address: register)).map { $0.text("organisation") }
        #expect(shown == ["Municipio de Cochabamba", "Cámara de Comercio", "水务合作社", "Youth Network", "KOICA",
                          "Ministerio de Agua"])
        #expect(!state.keyBar.items.contains { $0.key == "[ ]" })
        state.press(.character("]"))
        #expect(state.rowTexts(register, column: "organisation")[1] == "Ministerio de Agua")
    }

    @Test func pAddsEachParticipantsOrganisationOnceWithItsSector() {
        var state = workshopOnWorksheet("s2")
        state.addRow("water board")
        state.press(.character("p"))
        // Water Board is in already (in other letters); the participant without an organisation adds none.
        #expect(state.status == .organisationsAdded(["Municipio de Cochabamba", "水务合作社", "Cámara de Comercio",
                                                      "KOICA", "Youth Network", "Nordic Pumps"]))
        // The status stays when the save that follows succeeds.
        _ = state.handle(.saved(revision: state.revision, at: state.session.updatedAt))
        // Too long for the title bar, it takes the line below, cut at its end rather than in its middle.
        #expect(state.view().text.contains("\n Added 6 organisations: Municipio de Cochabamba, 水务合作社, Cámara de "
                                           + "Comerci…\n"))
        let rows = state.session.rows(of: register, in: .builtIn)
        #expect(rows.map { $0.text("organisation") } == ["water board", "Municipio de Cochabamba", "水务合作社",
                                                          "Cámara de Comercio", "KOICA", "Youth Network",
                                                          "Nordic Pumps"])
        #expect(rows[1].cells["sector"] == .string("government"))
        state.press(.character("p"))
        #expect(state.status == .organisationsAdded([]))
        #expect(state.session.rows(of: register, in: .builtIn).count == rows.count)
    }

    @Test func anImpossibleDateStaysAsTypedWithAMessageUntilItIsFixed() {
        var state = workshopOnWorksheet("s4")
        // The convener, the four rows of the acceptance (the donor's too) and the other stakeholders come first.
        for _ in 1...9 { state.press(.down) }
        #expect(state.focusedEntry?.label == "Date of the first meeting")
        state.type("2027-02-30")
        let path: [RecordKey] = [.key("s4"), .key("firstMeeting")]
        #expect(state.session.record(at: path) == .object(["typed": .string("2027-02-30")]))
        let text = state.view().text
        #expect(text.contains("2027-02-30  ! not a date"))
        #expect(text.contains("2027-02-30 is not a date: February 2027 has 28 days."))
        state.press(.backspace, .backspace)
        state.type("28")
        #expect(state.session.record(at: path) == .string("2027-02-28"))
        state.press(.character("t"))
        #expect(state.session.record(at: path) == .string(CalendarDate.today().description))
    }

    @Test func aConvenerChosenFromTheRegisterKeepsItsIdAndACopyOfItsName() {
        var state = registerOfFive()
        let rows = state.session.rows(of: register, in: .builtIn)
        state.open(.worksheet(step: 3))
        #expect(state.focusedEntry?.label == "Convener")
        state.press(.enter, .down, .down, .enter)
        let convener: [RecordKey] = [.key("s4"), .key("convener")]
        #expect(state.session.record(at: convener)
            == .object(["id": .string(rows[2].id), "name": .string("Cámara de Comercio")]))
        #expect(state.focusedEntry?.heading == "Does each sector accept the convener?")
        // Renamed in the register, the convener reads the new name; removed, the copy.
        var renamed = rows
        renamed[2].cells["organisation"] = .string("Cámara Nacional")
        state.session.setRows(renamed, of: register)
        #expect(state.view().line(containing: "Convener ")?.hasSuffix("Cámara Nacional") == true)
        state.session.setRows([], of: register)
        #expect(state.view().line(containing: "Convener ")?.hasSuffix("Cámara de Comercio") == true)
    }

    @Test func aTypedNameThatIsARowsNameIsLinkedToTheRowWithTheRowsName() {
        var state = registerOfFive()
        let id = state.session.rows(of: register, in: .builtIn)[3].id
        state.press(.escape)
        state.open(.worksheet(step: 3))
        state.type("koica")
        #expect(state.session.record(at: [.key("s4"), .key("convener")])
            == .object(["id": .string(id), "name": .string("KOICA")]))
    }

    @Test func checklistItemsAreMarkedByDigitAndEnterWritesTheirNote() {
        var state = workshopOnWorksheet("s3")
        #expect(state.focusedEntry?.heading == "Government strengths")
        state.press(.character("1"), .right, .right, .right)
        state.press(.enter)
        state.type("Seen in 2019")
        state.press(.escape)
        #expect(!state.sheet.isEditingText)
        let traits = state.session.records["s3"]?.object?["traits"]
        #expect(traits == .object([
            "gov-laws": .object(["mark": .string("applies")]),
            "gov-environment": .object(["mark": .string("not-discussed"), "note": .string("Seen in 2019")]),
        ]))
        #expect(state.view().line(containing: "improve the enabling")?.hasSuffix("Not discussed · Seen in 2…") == true)
        state.press(.delete)
        #expect(state.session.record(at: [.key("s3"), .key("traits"), .key("gov-environment"), .key("mark")]) == nil)
    }

    @Test func theMediatorIsPickedFromTheRegisterAndAContributionAddedOnTheScreens() {
        var state = registerOfFive()
        state.open(.worksheet(step: 5))
        state.press(.down, .down)
        #expect(state.focusedEntry?.label == "Mediator")
        state.press(.enter)
        state.type("youth")
        state.press(.enter)
        #expect(state.session.record(at: PartnershipRecords.mediator.path).flatMap(RecordReference.init)?.name
                    == "Youth Network")
        state.press(.down, .down)
        #expect(state.focusedEntry?.label == "Each partner's contribution")
        state.press(.enter, .character("a"))
        state.type("koica")
        state.press(.enter, .tab)
        #expect(state.focusedEntry?.label == "Contribution")
        state.type("Funds the pilot")
        let contributions = state.session.rows(of: PartnershipRecords.contributions, in: .builtIn)
        #expect(contributions.count == 1 && contributions.first?.text("contribution") == "Funds the pilot")
        #expect(contributions.first?.cells["partner"].flatMap(RecordReference.init)?.name == "KOICA")
    }

    @Test func thePickerFindsNamesWithoutTheirAccentsAndKeepsATypedNameWhenNoneMatches() {
        var state = registerOfFive()
        state.open(.worksheet(step: 3))
        state.press(.enter)
        state.type("camara")
        #expect(state.view().text.contains("▸ Cámara de Comercio"))
        state.press(.enter)
        let convener: [RecordKey] = [.key("s4"), .key("convener")]
        #expect(state.session.record(at: convener).flatMap(RecordReference.init)?.name == "Cámara de Comercio")

        state.press(.up, .enter)
        state.type("Gobernación")
        #expect(state.sheet.picker?.selection == nil)
        #expect(state.view().text.contains("No organisation matches “Gobernación”. Enter keeps it as typed"))
        state.press(.escape)
        #expect(state.session.record(at: convener).flatMap(RecordReference.init)?.name == "Cámara de Comercio")
        state.press(.enter)
        state.type("Gobernación")
        state.press(.enter)
        #expect(state.session.record(at: convener) == .object(["name": .string("Gobernación")]))
    }

    @Test func anotherConvenerClearsWhatTheSectorsSaidOfTheOneBefore() {
        var state = registerOfFive()
        state.open(.worksheet(step: 3))
        state.press(.enter, .enter)
        state.press(.character("1"), .character("2"))
        let acceptance: [RecordKey] = [.key("s4"), .key("acceptance")]
        #expect(state.session.record(at: acceptance) == .object(["government": .string("yes"),
                                                                 "business": .string("no")]))
        state.press(.home, .enter, .down, .enter)
        #expect(state.session.record(at: acceptance) == nil)
        #expect(state.status == .acceptanceCleared)
        #expect(state.view().text.contains("New convener: ask the sectors, the donor and the stakeholders again"))
    }

    @Test func upAndDownMoveBetweenEntriesUntilTypingOrEnterOpensLongText() {
        var state = workshopOnWorksheet("s4")
        for _ in 1...10 { state.press(.down) }
        #expect(state.focusedEntry?.label == "Agenda of the first meeting")
        state.press(.down, .up, .enter)
        #expect(state.sheet.isEditingText)
        state.press(.escape)
        state.type("Presentaciones")
        #expect(state.sheet.isEditingText)
        state.press(.enter)
        state.type("Visiones")
        state.press(.up)
        #expect(state.focusedEntry?.label == "Agenda of the first meeting")
        state.press(.escape)
        #expect(!state.sheet.isEditingText && state.screen == .worksheet(step: 3))
        state.press(.up)
        #expect(state.focusedEntry?.label == "Date of the first meeting")
        #expect(state.session.record(at: [.key("s4"), .key("agenda")]) == .string("Presentaciones\nVisiones"))
    }

    @Test func upAndDownMoveBetweenTheColumnsOfARow() {
        var state = workshopOnWorksheet("s2")
        state.addRow("KOICA")
        state.press(.enter, .down, .down)
        #expect(state.focusedEntry?.label == "Ready to collaborate")
        state.press(.up)
        #expect(state.focusedEntry?.label == "Sector")
    }

    @Test func eachRegisterOrganisationHasACommitmentWithACopyOfItsName() {
        var state = registerOfFive()
        let id = state.session.rows(of: register, in: .builtIn)[0].id
        state.open(.worksheet(step: 4))
        state.press(.tab, .tab)
        #expect(state.focusedEntry?.label == "Municipio de Cochabamba")
        state.press(.character("1"))
        #expect(state.session.record(at: [.key("s5"), .key("commitments"), .key(id)])
            == .object(["name": .string("Municipio de Cochabamba"), "value": .string("committed")]))
    }

    @Test func markingADefaultGroundRuleStoresTheFourDefaultsWithTheirIds() {
        var state = workshopOnWorksheet("s6")
        #expect(state.session.rows(of: FieldAddress(worksheet: "s6", field: "groundRules"), in: .builtIn).count == 4)
        #expect(state.session.records["s6"] == nil)
        state.press(.enter, .down, .enter)
        #expect(state.sheet.editor?.text == "Honesty")
        #expect(state.view().line(containing: "▸ Ground rule")?.hasSuffix("Honesty") == true)
        state.press(.tab, .character("1"))
        let stored = state.session.records["s6"]?.object?["groundRules"]?.array ?? []
        #expect(stored.compactMap { $0.object?["id"]?.string }
            == ["rule-say-no", "rule-honesty", "rule-accountability", "rule-perspectives"])
        #expect(stored[1].object?["agreed"] == .string("agreed"))
    }

    @Test func aWorksheetIsReopenedWhereItWasLeftAndSavedAsTheStepsIntroForOlderVersions() throws {
        let state = workshopOnWorksheet("s6")
        #expect(state.position == Position(screen: .stepIntro, stepID: "s6", worksheet: true))
        let reopened = WizardState(guide: .builtIn, session: state.sessionToSave(at: Date()), size: standardSize)
        #expect(reopened.screen == .worksheet(step: 5))
    }

    @Test func recordsAreSavedAndReadBack() throws {
        var state = registerOfFive()
        state.open(.worksheet(step: 5))
        state.press(.tab, .enter)
        state.addRow("Map the water points", "")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID()).isp.json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SessionFile.save(state.sessionToSave(at: Date()), to: path)
        let loaded = try SessionFile.load(from: path)
        #expect(loaded.records == state.session.records)
        #expect(loaded.rows(of: register, in: .builtIn).count == 5)
        #expect(loaded.rows(of: actions, in: .builtIn).map { $0.text("action") } == ["Map the water points"])
    }

    @Test func pastingIntoALongTextKeepsItsLinesAndReadOnlyChangesNothing() {
        var state = workshopOnWorksheet("s1")
        for _ in 1...5 { state.press(.down) }
        #expect(state.focusedEntry?.label == "First draft of the vision")
        #expect(state.handle(.paste("Clean water\nfor every village")) == [.saveSoon])
        #expect(state.session.record(at: [.key("s1"), .key("vision")]) == .string("Clean water\nfor every village"))

        let readOnly = WizardState(guide: .builtIn, session: state.session, size: standardSize,
                                   readOnlyReason: .noPermission("water.isp.json"))
        var copy = readOnly
        copy.type("more")
        #expect(copy.session == readOnly.session)
        #expect(copy.status == .readOnly)
    }

    @Test func aLongRegisterScrollsWithTheSelectionAndSaysWhenMoreFollows() {
        var state = workshopOnWorksheet("s2", size: Size(rows: 20, columns: 60))
        state.session.setRows((1...40).map { RecordRow(cells: ["organisation": .string("Org \($0)")]) },
                              of: register)
        for _ in 1..<20 { state.press(.down) }
        var text = state.view().text
        #expect(text.contains("▸ 20 Org 20"))
        #expect(text.contains("  ↓ 20 more"))
        #expect(!text.contains("Org 21 "))
        state.press(.end)
        text = state.view().text
        #expect(text.contains("▸ 40 Org 40"))
        #expect(!text.contains("▼ more"))
        state.press(.character("s"), .home)
        #expect(state.view().line(containing: "No sector") == " No sector")
        #expect(state.view().text.contains("▸  1 Org 1"))
    }

    @Test func goldenRegisterAndActionPlanAt80x24And60x20() {
        for size in [standardSize, Size(rows: 20, columns: 60)] {
            var state = registerOfFive(size: size)
            expectGolden(state.view(), "register-\(size.columns)x\(size.rows)")
            state.press(.character("s"))
            expectGolden(state.view(), "register-by-sector-\(size.columns)x\(size.rows)")
            state.open(.worksheet(step: 5))
            state.press(.tab, .enter)
            state.addRow("Map the water points", "")
            state.addRow("Draft the ground rules for the kiosks", "")
            state.addRow("Ask KOICA for pump funds", "")
            state.press(.home, .enter, .tab, .enter, .down, .enter)
            state.type("2027-02-30")
            state.press(.tab, .character("2"), .escape)
            expectGolden(state.view(), "action-plan-\(size.columns)x\(size.rows)")
            state.press(.enter, .tab, .tab)
            expectGolden(state.view(), "action-row-\(size.columns)x\(size.rows)")
        }
    }
}
