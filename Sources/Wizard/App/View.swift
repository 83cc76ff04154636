import ISPCore
import TerminalUI

extension WizardState {
    /// Draws the whole state into a frame of the terminal's size.
    public func view() -> ScreenGrid {
        var grid = ScreenGrid(size: size)
        if isTooSmall {
            drawTooSmall(into: &grid)
            return grid
        }
        if isShowingHelp {
            drawChrome(into: &grid, keys: KeyBar([(key: "↑↓", action: "scroll"), (key: "any other key", action: "close"),
                                                  KeyBinding.quit.bar].compactMap { $0 }))
            drawHelp(into: &grid)
            return grid
        }
        drawChrome(into: &grid, keys: keyBar)
        switch screen {
        case .setup: drawSetup(into: &grid)
        case .participants: drawParticipants(into: &grid)
        case .map: drawMap(into: &grid)
        case .stepIntro: drawStepIntro(into: &grid)
        case .question: drawQuestion(into: &grid)
        case .worksheet: drawWorksheet(into: &grid)
        case .summary: drawSummary(into: &grid)
        }
        return grid
    }

    /// The keys that work on the screen on view, from its binding table and the focused field.
    var keyBar: KeyBar {
        if isAsking {
            let dismiss = isChoosingExport ? (key: "Esc", action: "cancel") : (key: "any other key", action: "keep")
            return KeyBar(questionBindings.compactMap(\.bar) + [dismiss] + [KeyBinding.quit.bar].compactMap { $0 })
        }
        // A list of rows has many keys: Esc comes first, so that the way back is never the one cut.
        if sheet.list != nil, sheet.list?.editedRowID == nil {
            let help = KeyBinding.everywhere.first { $0.command == .showHelp }?.bar
            let undo = KeyBinding.everywhere.first { $0.command == .undo }?.bar
            return KeyBar([(key: "Esc", action: "back")] + (sheet.list.map(rowListBar) ?? [])
                          + [undo, help, KeyBinding.quit.bar].compactMap { $0 })
        }
        let isEditing = participantForm != nil || rowEditor != nil || sheet.list != nil || sheet.isEditingText
            || sheet.picker != nil
        let screens = sequence
        let position = screens.firstIndex(of: screen)
        let common = KeyBinding.everywhere.compactMap { binding -> (key: String, action: String)? in
            guard let bar = binding.bar else { return nil }
            switch binding.command {
            case .nextField:
                return focusableFields.count > 1 || setupForm.fields.count > 1 && screen == .setup
                    || participantForm != nil || worksheetStep != nil && showsEntries ? bar : nil
            case .next:
                guard let position, position + 1 < screens.count, !isStepIntro, sheet.list == nil else { return nil }
                // After a step's last question, the way to its worksheet says so.
                if case .worksheet = screens[position + 1] { return (key: bar.key, action: "worksheet") }
                return bar
            case .back:
                guard let position, position > 0, sheet.list == nil else { return nil }
                return bar
            case .toggleMap:
                return screen == .map ? (key: "Esc", action: "return") : isEditing ? (key: "Esc", action: "done") : bar
            default:
                return bar
            }
        }
        return KeyBar(fieldHints + screenBindings.compactMap(\.bar) + common + [KeyBinding.quit.bar].compactMap { $0 })
    }

    private var isStepIntro: Bool {
        if case .stepIntro = screen { return true }
        return false
    }

    /// The keys the focused field uses beyond typing.
    private var fieldHints: [(key: String, action: String)] {
        switch screen {
        case .setup: setupForm.focusedField?.keyHints ?? []
        case .participants: participantForm?.focusedField?.keyHints ?? []
        case .question: questionFieldHints
        case .worksheet: sheetFieldHints
        default: []
        }
    }

    /// Every key: those that work everywhere, the screen's own, then the rest; the help lists as many as fit.
    var helpLines: [(keys: String, meaning: String)] {
        let own = (fieldBindings + screenBindings).compactMap(\.help)
        let general = KeyBinding.everywhere.compactMap(\.help) + [KeyBinding.quit.help].compactMap { $0 }
        let others = (Self.ratingPickerBindings + Self.ratingRowBindings + [Self.confirmCarriedOverBinding]
                + Self.participantListBindings + Self.summaryBindings + [Self.openWorksheetBinding]
                + Self.worksheetBindings + Self.sheetEntryTables + Self.rowListBindings).compactMap(\.help)
        // A line shared by several tables (the rating keys) is listed once.
        var lines = general + own
        for line in others where !lines.contains(where: { $0.keys == line.keys && $0.meaning == line.meaning })
            && !own.contains(where: { $0.keys == line.keys }) {
            lines.append(line)
        }
        return lines
    }

    private func drawTooSmall(into grid: inout ScreenGrid) {
        let message = "The terminal is \(size.columns)×\(size.rows). Please make it at least "
            + "\(Self.minimumSize.columns)×\(Self.minimumSize.rows); the wizard goes on by itself. Ctrl-Q quits."
        let width = max(size.columns - 2, 1)
        let rows = min(wrapCount(message, width: width), size.rows)
        grid.putWrapped(message, row: max((size.rows - rows) / 2, 0), column: min(1, size.columns - 1),
                        width: width, maxRows: size.rows)
    }

    private func wrapCount(_ text: String, width: Int) -> Int {
        var probe = ScreenGrid(size: Size(rows: 100, columns: width))
        return probe.putWrapped(text, row: 0, column: 0, width: width)
    }
}
