import ISPCore
import Messages
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
            drawChrome(into: &grid, keys: KeyBar([item("↑↓", .wizardBarScroll), item(anyOtherKey, .wizardBarClose),
                                                  quitItem].compactMap { $0 }))
            drawHelp(into: &grid)
            return grid
        }
        if isShowingRoomView {
            drawRoomView(into: &grid)
            return grid
        }
        drawChrome(into: &grid, keys: isShowingGuideHint || isShowingOriginal ? guideHintKeyBar : keyBar)
        switch screen {
        case .setup: drawSetup(into: &grid)
        case .participants: drawParticipants(into: &grid)
        case .map: drawMap(into: &grid)
        case .stepIntro: drawStepIntro(into: &grid)
        case .question:
            drawQuestion(into: &grid)
            if isShowingGuideHint { drawGuideHint(into: &grid) }
            if isShowingOriginal { drawOriginal(into: &grid) }
            if cardsTally != nil { drawCardsTally(into: &grid) }
        case .worksheet: drawWorksheet(into: &grid)
        case .summary: drawSummary(into: &grid)
        }
        if let sentence = ballotQuestion ?? ballotNotice {
            // Two lines of its own over what is under them, so that the sentence reads whole.
            for row in contentEnd - 2..<contentEnd { grid.fill(row: row, columns: 0..<size.columns) }
            grid.putWrapped(sentence, row: contentEnd - 2, column: 1, width: contentWidth, maxRows: 2,
                            style: .warning)
        }
        return grid
    }

    /// The keys that work on the screen on view, from its binding table and the focused field.
    var keyBar: KeyBar {
        if isAsking {
            let dismiss = isChoosingExport ? item("Esc", .wizardBarCancel) : item(anyOtherKey, .wizardBarKeep)
            // Every export's letter fits at 80 columns only without quit, which Esc cancel stands in for here.
            let quit = isChoosingExport ? [] : [quitItem].compactMap { $0 }
            // The answers are what the question is for: the way out goes before any of them.
            let answers = questionBindings.compactMap { $0.barItem(in: language) }
            return KeyBar(answers + [dismiss] + quit, keeping: Set(answers.map(\.key)))
        }
        if ballot != nil {
            // Reveal and close are the ballot's way on and back: the room view and release go first.
            let help = KeyBinding.everywhere.first { $0.command == .showHelp }?.barItem(in: language)
            return KeyBar(ballotBindings.compactMap { $0.barItem(in: language) } + [help, quitItem].compactMap { $0 },
                          keeping: ["r", "Esc"])
        }
        if cardsTally != nil { return cardsKeyBar }
        // A list of rows has many keys: Esc comes first, so that the way back is never the one cut.
        if sheet.list != nil, sheet.list?.editedRowID == nil {
            let help = KeyBinding.everywhere.first { $0.command == .showHelp }?.barItem(in: language)
            let undo = KeyBinding.everywhere.first { $0.command == .undo }?.barItem(in: language)
            return KeyBar([item("Esc", .wizardBarBack)] + (sheet.list.map(rowListBar) ?? [])
                          + [undo, help, quitItem].compactMap { $0 })
        }
        let isEditing = participantForm != nil || rowEditor != nil || sheet.list != nil || sheet.isEditingText
            || sheet.picker != nil
        let screens = sequence
        let position = screens.firstIndex(of: screen)
        let common = KeyBinding.everywhere.compactMap { binding -> BarItem? in
            guard let bar = binding.barItem(in: language) else { return nil }
            switch binding.command {
            case .nextField:
                return focusableFields.count > 1 || setupForm.fields.count > 1 && screen == .setup
                    || participantForm != nil || worksheetStep != nil && showsEntries ? bar : nil
            case .next:
                guard let position, position + 1 < screens.count, !isStepIntro, sheet.list == nil else { return nil }
                // After a step's last question, the way to its worksheet says so.
                if case .worksheet = screens[position + 1] { return item(bar.key, .wizardBarWorksheet) }
                return bar
            case .back:
                guard let position, position > 0, sheet.list == nil else { return nil }
                return bar
            case .toggleMap:
                return screen == .map ? item("Esc", .wizardBarReturn) : isEditing ? item("Esc", .wizardBarDone) : bar
            default:
                return bar
            }
        }
        let screenKeys = (focusFreeBindings + screenBindings).compactMap { $0.barItem(in: language) }
        // A narrow bar drops its items from the end, help and quit aside: the way on comes right after the
        // field's keys, and the screen's own keys before the rest, so that neither is the first cut.
        let nextKey = KeyBinding.everywhere.first { $0.command == .next }?.bar?.key
        let onward = common.filter { $0.key == nextKey }
        let others = common.filter { $0.key != nextKey }
        // Confirming, what the room found and a ballot come after the way on: rating is what the screen is for.
        let secondaryKeys = rowEditor != nil ? []
            : fieldBindings.filter { Self.secondaryFieldCommands.contains($0.command) }
                .compactMap { $0.barItem(in: language) }
        return KeyBar(fieldHints + onward + secondaryKeys + screenKeys + others
                      + [quitItem].compactMap { $0 }, keeping: Set(onward.map(\.key)))
    }

    /// A key bar's entry: a key and the word for what it does, in the reader's language.
    func item(_ key: String, _ action: MessageID) -> BarItem {
        (key: key, action: language.text(action))
    }

    /// Stands where a key's name stands on the bar: every key not named before it.
    private var anyOtherKey: String { language.text(.wizardBarAnyOtherKey) }

    private var quitItem: BarItem? { KeyBinding.quit.barItem(in: language) }

    private var isStepIntro: Bool {
        if case .stepIntro = screen { return true }
        return false
    }

    /// The keys the focused field uses beyond typing.
    private var fieldHints: [BarItem] {
        let choose = language.text(.wizardBarChoose)
        return switch screen {
        case .setup: setupForm.focusedField?.keyHints(choose: choose) ?? []
        case .participants: participantForm?.focusedField?.keyHints(choose: choose) ?? []
        case .question: questionFieldHints
        case .worksheet: sheetFieldHints
        default: []
        }
    }

    /// Every key: those that work everywhere, the screen's own, then the rest; the help lists as many as fit.
    var helpLines: [HelpLine] {
        let own = (ballotBindings + fieldBindings + focusFreeBindings + screenBindings).compactMap {
            $0.helpLine(in: language)
        }
        let general = (KeyBinding.everywhere + [KeyBinding.quit]).compactMap { $0.helpLine(in: language) }
        let others = (Self.ratingPickerBindings + Self.ratingRowBindings
                + [Self.confirmCarriedOverBinding, Self.findingBinding, Self.guideHintBinding, Self.ballotBinding]
                + (guide.isBuiltInTranslation ? [Self.originalBinding] : [])
                + Self.openBallotBindings + Self.namedBallotBindings
                + Self.participantListBindings + Self.summaryBindings + [Self.openWorksheetBinding]
                + Self.worksheetBindings + Self.sheetEntryTables + Self.rowListBindings).compactMap {
                    $0.helpLine(in: language)
                }
        // A line shared by several tables (the rating keys) is listed once.
        var lines = general + own
        for line in others where !lines.contains(where: { $0.keys == line.keys && $0.meaning == line.meaning })
            && !own.contains(where: { $0.keys == line.keys }) {
            lines.append(line)
        }
        return lines
    }

    private func drawTooSmall(into grid: inout ScreenGrid) {
        let message = language.text(.wizardTooSmall, [
            "columns": .integer(size.columns), "rows": .integer(size.rows),
            "minimumColumns": .integer(Self.minimumSize.columns), "minimumRows": .integer(Self.minimumSize.rows),
        ])
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
