import DisplayWidth
import ISPCore
import Messages
import TerminalUI

/// The cards (or fingers) the room holds up on a question, as the facilitator counts them: an anonymous ballot by
/// construction, without phones.
public struct CardsTally: Equatable, Sendable {
    public let promptID: String
    /// Whether the facilitator agreed, before counting, that the cards take the place of the named ratings.
    public let replacing: Bool
    /// How many cards showed each rating, in the order of `Rating.all`.
    public internal(set) var counts: [Int]
    /// The rating whose count is typed, an index into `Rating.all`.
    public internal(set) var focus = 0

    init(promptID: String, replacing: Bool) {
        self.promptID = promptID
        self.replacing = replacing
        counts = Array(repeating: 0, count: Rating.all.count)
    }

    /// How many cards were counted in all.
    public var total: Int { counts.reduce(0, +) }

    /// The counts by rating, as `SessionChange.recordCards` takes them.
    var cards: [Rating: Int] { Dictionary(uniqueKeysWithValues: zip(Rating.all, counts)) }

    /// Sets the focused rating's count; false, and nothing changed, when the cards would number more than a
    /// question holds.
    mutating func setFocusedCount(_ count: Int) -> Bool {
        guard count >= 0, total - counts[focus] + count <= Distribution.mostVotes else { return false }
        counts[focus] = count
        return true
    }
}

/// The box over a workshop's question in which the facilitator counts the cards: a count per rating, typed or
/// added to as the hands go up, recorded by Enter as the question's distribution in one step to undo.
extension WizardState {
    /// The keys while the cards are counted: ↑↓ (Tab, Shift-Tab) move, digits type the count, Backspace takes one
    /// off, + and - add or take one card, Enter records, Esc cancels.
    mutating func handleCardsKey(_ key: Key) -> [Effect] {
        guard var tally = cardsTally else { return [] }
        let count = tally.counts[tally.focus]
        var isTaken = true
        switch key {
        case .up, .backTab: tally.focus = max(tally.focus - 1, 0)
        case .down, .tab: tally.focus = min(tally.focus + 1, Rating.all.count - 1)
        case .character("+"): isTaken = tally.setFocusedCount(count + 1)
        case .character("-"): isTaken = tally.setFocusedCount(max(count - 1, 0))
        case .backspace, .delete: isTaken = tally.setFocusedCount(count / 10)
        case .character(let character):
            guard let digit = character.wholeNumberValue, (0...9).contains(digit) else { return [] }
            isTaken = tally.setFocusedCount(count * 10 + digit)
        case .enter: return recordCards(tally)
        case .escape:
            cardsTally = nil
            if tally.total > 0 { status = .note(language.text(.cardsNotRecorded)) }
            return []
        default: return []
        }
        if isTaken {
            cardsTally = tally
        } else {
            status = .note(language.text(.cardsTooMany, ["count": .integer(Distribution.mostVotes)]))
        }
        return []
    }

    /// Enter: the counts become the question's distribution, in place of the named ratings when the facilitator
    /// agreed to it; with no card counted, the box stays and says so.
    private mutating func recordCards(_ tally: CardsTally) -> [Effect] {
        guard tally.total > 0 else {
            status = .note(language.text(.cardsNoneCounted))
            return []
        }
        cardsTally = nil
        apply(.recordCards(promptID: tally.promptID, tally.cards, replacingNamedVoices: tally.replacing))
        if status == nil, let number = questionNumber {
            let recorded = cardsRecorded(tally.cards, number: number)
            // The counts when they fit the status line, else their total.
            status = .note(recorded.displayWidth <= contentWidth ? recorded : language.text(.cardsRecordedShort, [
                "count": .integer(tally.total), "number": .text(number),
            ]))
        }
        return [.save]
    }

    /// "Recorded on question 3.2: 2 × Not started, 3 × Partial and 4 × Don't know.": what the cards put on record.
    func cardsRecorded(_ cards: [Rating: Int], number: String) -> String {
        language.text(.cardsRecorded, ["number": .text(number),
                                       "counts": Distribution.countsList { cards[$0] ?? 0 }])
    }

    var cardsKeyBar: KeyBar {
        // No quit: Enter and Esc, which a narrow bar keeps, are the ways out.
        KeyBar([item("↑↓", .cardsBarMove), item("0-9", .cardsBarCount), item("+ -", .cardsBarOneMore),
                item("Enter", .cardsBarRecord), item("Esc", .wizardBarCancel)])
    }

    /// What the box holds, top to bottom, inside its frame.
    private enum CardsLine: Equatable {
        case text(String, Style)
        case blank
        /// A rating's count, by its index in `Rating.all`.
        case count(Int)
        case total
    }

    /// Draws the box at the foot of the question screen, the question above it left in view: the counts, the
    /// total, and, over named ratings, that the cards replace them. A short screen loses the blank lines first,
    /// then the hint.
    func drawCardsTally(into grid: inout ScreenGrid) {
        guard let tally = cardsTally, let number = questionNumber else { return }
        let width = max(size.columns - 6, 1)
        let hint = wrap(language.text(.cardsHint), width: width).map { CardsLine.text($0, .muted) }
        let named = session.answer(for: tally.promptID).voices.count
        let replacing = tally.replacing
            ? wrap(language.text(.cardsReplacing, ["count": .integer(named)]), width: width)
                .map { CardsLine.text($0, .warning) }
            : []
        var lines = hint + [.blank] + Rating.all.indices.map(CardsLine.count) + [.blank, .total] + replacing
        let room = contentEnd - contentTop - 2
        while lines.count > room, let blank = lines.firstIndex(of: .blank) { lines.remove(at: blank) }
        while lines.count > room, let first = lines.first, hint.contains(first) { lines.removeFirst() }
        lines = Array(lines.prefix(max(room, 0)))
        let top = contentEnd - lines.count - 2
        for row in top..<contentEnd { grid.fill(row: row, columns: 0..<size.columns) }
        drawFrame(into: &grid, title: language.text(.cardsTitle, ["number": .text(number)]), top: top,
                  height: lines.count + 2, focused: true)
        let labels = ratingLabels
        let labelWidth = labels.map(\.displayWidth).max() ?? 0
        // Room for the most cards a question holds, and a space before them.
        let fieldWidth = String(Distribution.mostVotes).count + 1
        for (offset, line) in lines.enumerated() {
            let row = top + 1 + offset
            switch line {
            case .text(let text, let style):
                grid.put(text, row: row, column: 3, style: style, limit: width)
            case .blank:
                break
            case .count(let index):
                let isFocused = index == tally.focus
                let label = labels[index] + String(repeating: " ", count: labelWidth - labels[index].displayWidth)
                grid.put((isFocused ? "▸ " : "  ") + label, row: row, column: 3, limit: width)
                let field = String(tally.counts[index])
                let column = 3 + 2 + labelWidth + 2
                grid.put(String(repeating: " ", count: max(fieldWidth - field.count, 0)) + field, row: row,
                         column: column, style: isFocused ? .selected : .field)
                if isFocused { grid.cursor = Point(row: row, column: column + fieldWidth) }
            case .total:
                grid.put(language.text(.cardsTotal, ["count": .integer(tally.total)]), row: row, column: 5,
                         style: .title, limit: width - 2)
            }
        }
    }
}
