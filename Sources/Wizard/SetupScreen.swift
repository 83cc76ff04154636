import ISPCore
import TerminalUI

/// The session details: partnership name, focal issue, mode, and who answers.
extension WizardState {
    var setupFieldWidth: Int { contentWidth - 2 }

    /// Each field's label row; the field itself is on the next row.
    var setupRows: [(field: Field, label: String, row: Int)] {
        var row = contentTop
        let spacing = contentRows >= 18 ? 1 : 0
        return focusableFields.map { field in
            let label =
                switch field {
                case .text(.name): "Partnership name"
                case .text(.focalIssue): "Focal issue (the problem the partnership addresses)"
                case .text(.facilitator): "Facilitator"
                case .text(.organisation): "Your organisation"
                case .mode: "Who is answering"
                case .sector: "Your organisation's sector"
                default: ""
                }
            defer { row += 1 + fieldHeight(field) + spacing }
            return (field, label, row)
        }
    }

    private func fieldHeight(_ field: Field) -> Int {
        guard let choices = choiceRow(for: field) else { return 1 }
        return choices.height(width: setupFieldWidth)
    }

    private func choiceRow(for field: Field) -> ChoiceRow? {
        switch field {
        case .mode:
            return ChoiceRow(labels: Mode.allCases.map(\.label), selected: Mode.allCases.firstIndex(of: session.mode))
        case .sector:
            return ChoiceRow(
                labels: Sector.allCases.map(\.label), selected: session.sector.flatMap(Sector.allCases.firstIndex))
        default:
            return nil
        }
    }

    mutating func handleSetupKey(_ key: Key) -> [Effect]? {
        switch focusedField {
        case .text(let field):
            if key == .enter { return advanceSetupField() }
            switch setupEditors[field, default: TextEditor(singleLine: true)].handle(
                key, width: setupFieldWidth, height: 1)
            {
            case .edited:
                storeSetupField(field)
                return [.saveSoon]
            case .moved:
                return []
            case .ignored:
                return nil
            }
        case .mode:
            switch key {
            case .left, .right:
                session.mode = session.mode == .workshop ? .selfAssessment : .workshop
                return [.save]
            case .enter: return advanceSetupField()
            default: return nil
            }
        case .sector:
            let sectors = Sector.allCases
            let current = session.sector.flatMap(sectors.firstIndex)
            switch key {
            case .left, .right:
                guard let index = ChoiceRow.index(from: current, moving: key, count: sectors.count) else { return [] }
                session.sector = sectors[index]
                return [.save]
            case .enter: return advanceSetupField()
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Enter moves to the next field, and from the last one to the first step.
    private mutating func advanceSetupField() -> [Effect] {
        focus + 1 < focusableFields.count ? moveFocus(by: 1) : goForward()
    }

    mutating func storeSetupField(_ field: SetupField) {
        let text = setupEditors[field]?.text ?? ""
        switch field {
        case .name: session.partnership.name = text
        case .focalIssue: session.partnership.focalIssue = text
        case .facilitator: session.facilitator = text
        case .organisation: session.organisation = text
        }
    }

    func drawSetup(into grid: inout ScreenGrid) {
        let focused = focusedField
        var lastRow = contentTop
        for (field, label, row) in setupRows {
            grid.put(label, row: row, column: 1, style: field == focused ? .bold : [])
            let origin = Point(row: row + 1, column: 3)
            if let choices = choiceRow(for: field) {
                choices.draw(into: &grid, at: origin, width: setupFieldWidth, focused: field == focused)
            } else if case .text(let textField) = field {
                setupEditors[textField]?.draw(
                    into: &grid, at: origin, width: setupFieldWidth, height: 1, focused: field == focused,
                    style: .underline)
            }
            lastRow = row + 1 + fieldHeight(field)
        }
        if lastRow + 1 < contentEnd {
            grid.putWrapped(
                "Saved as you type. Ctrl-N: step 1. Esc: step map.",
                row: contentEnd - 1 - (lastRow + 2 < contentEnd ? 1 : 0), column: 1, width: contentWidth, maxRows: 1,
                style: .dim)
        }
    }

    var setupKeys: KeyBar {
        let choose = [Field.mode, Field.sector].contains(focusedField) ? [(key: "←→", action: "choose")] : []
        return KeyBar(choose + [KeyHint.field, KeyHint.next, KeyHint.map, KeyHint.help, KeyHint.quit])
    }
}
