import Foundation
import ISPCore
import ISPFiles
import TerminalUI
import Testing

@testable import Wizard

/// Lists in a session file that no isp-wizard wrote: rows without an id, with one that is not text, two rows with
/// one id, items that are not rows. Every row shows and is edited on its own, and nothing is lost from the file.
@Suite struct MalformedRecordsTests {
    /// A register as a hand edit or another tool might leave it.
    static let registerJSON = #"""
        {"s2": {"register": [
            {"organisation": "Sin id", "sector": "government"},
            {"id": 7, "organisation": "Id numérico", "sector": "business"},
            {"id": "dup", "organisation": "Primera", "sector": "civil-society"},
            {"id": "dup", "organisation": "Segunda", "sector": "donor"},
            "a bare string",
            99
        ]}}
        """#

    func state(_ json: String = registerJSON, readOnly: Bool = false) throws -> WizardState {
        let records = try JSONDecoder().decode([String: JSONValue].self, from: Data(json.utf8))
        var session = Session(guide: .builtIn, name: "Agua")
        session.records = records
        session.position = Position(screen: .stepIntro, stepID: "s2", worksheet: true)
        return WizardState(guide: .builtIn, session: session, size: standardSize,
                           readOnlyReason: readOnly ? .noPermission("water.isp.json") : nil)
    }

    /// The register as the session holds it: each item's organisation, or the item itself when it is not a row.
    func stored(_ state: WizardState) -> [String] {
        (state.session.records["s2"]?.object?["register"]?.array ?? []).map { item in
            item.object?["organisation"]?.string ?? "\(item)"
        }
    }

    @Test func everyRowShowsAndHasAnIdOfItsOwnWhileItemsThatAreNotRowsAreKept() throws {
        let state = try state()
        #expect(state.rowTexts(register, column: "organisation") == ["Sin id", "Id numérico", "Primera", "Segunda"])
        let ids = state.session.rows(of: register, in: .builtIn).map(\.id)
        #expect(Set(ids).count == 4 && ids[2] == "dup")
        #expect(state.view().text.contains("Stakeholder register · 4 rows"))
        #expect(stored(state) == ["Sin id", "Id numérico", "Primera", "Segunda", "string(\"a bare string\")",
                                  "integer(99)"])
    }

    @Test func deletingOneOfTwoRowsThatShareAnIdDeletesOnlyItAndLosesNothingElse() throws {
        var state = try state()
        state.press(.down, .down, .down, .character("d"))
        #expect(state.view().text.contains("Delete “Segunda”?"))
        state.press(.character("y"))
        #expect(stored(state) == ["Sin id", "Id numérico", "Primera", "string(\"a bare string\")", "integer(99)"])
    }

    @Test func editingTheSecondOfTwoRowsThatShareAnIdEditsOnlyIt() throws {
        var state = try state()
        state.press(.down, .down, .down, .enter)
        #expect(state.view().text.contains("Segunda"))
        state.type(" fila")
        state.press(.escape)
        #expect(state.rowTexts(register, column: "organisation")
            == ["Sin id", "Id numérico", "Primera", "Segunda fila"])
    }

    @Test func addingMovingAndDeletingRowsKeepsTheRowsWithoutAnIdAndTheItemsThatAreNotRows() throws {
        var state = try state()
        state.addRow("Nueva")
        state.press(.home, .character("]"))
        state.press(.end, .character("d"), .character("y"))
        #expect(stored(state) == ["Id numérico", "Sin id", "Primera", "Segunda", "string(\"a bare string\")",
                                  "integer(99)"])
    }

    @Test func cellsOfAnotherTypeThanTheirColumnsShowAsTheFileHoldsThemAndAreEditedAsText() throws {
        var state = try state(#"""
            {"s2": {"register": [{"id": "n", "organisation": 12345, "sector": {"id": "government"}, "people": true}]}}
            """#)
        #expect(state.view().line(containing: "▸ 1") == #" ▸ 1 12345            {"id":"gover…         yes"#)
        state.press(.enter)
        #expect(state.sheet.editor?.text == "12345")
        state.type("6")
        #expect(state.session.rows(of: register, in: .builtIn).first?.cells["organisation"] == .string("123456"))
        let summary = SummaryReport(guide: .builtIn, session: state.session).text(width: 80)
        #expect(summary.contains("- 123456"))
    }

    @Test func aReadOnlySessionWithRowsWithoutIdsTakesEveryListKeyWithoutChange() throws {
        var state = try state(readOnly: true)
        let before = state.session
        for key in ["a", "i", "d", "y", "[", "]", "p", "s", "e"] {
            state.press(.character(Character(key)))
            state.press(.escape)
            state.press(.enter)
        }
        #expect(state.session == before)
        #expect(state.rowTexts(register, column: "organisation").count == 4)
    }
}
