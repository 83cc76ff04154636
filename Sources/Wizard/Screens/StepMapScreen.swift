import DisplayWidth
import ISPCore
import TerminalUI

/// One line of the step map that can be chosen: the session details, a workshop's participants, a step, or
/// the summary.
struct StepMapItem {
    var screen: Screen

    static func all(in guide: Guide, mode: Mode) -> [StepMapItem] {
        let start: [Screen] = mode == .workshop ? [.setup, .participants] : [.setup]
        return (start + guide.steps.indices.map { .stepIntro(step: $0) } + [.summary]).map(StepMapItem.init)
    }

    /// The item to highlight when the map opens from a screen: that screen's step, or the screen itself.
    static func index(for screen: Screen, in guide: Guide, mode: Mode) -> Int {
        let items = all(in: guide, mode: mode)
        let target: Screen =
            switch screen {
            case .question(let step, _), .worksheet(let step): .stepIntro(step: step)
            case .map: .setup
            default: screen
            }
        return items.firstIndex { $0.screen == target } ?? 0
    }
}

extension WizardState {
    /// The map's keys: a digit opens each of the guide's first nine steps, and no other.
    var mapBindings: [KeyBinding] {
        let steps = min(guide.steps.count, 9)
        let digits = steps == 1 ? "1" : "1-\(steps)"
        return [
            KeyBinding([.up, .down, .home, .end], bar: nil, help: (keys: "↑ ↓ Home End",
                       meaning: "map: move the highlight"), .moveInMap),
            KeyBinding([.enter, .right], bar: (key: "Enter", action: "open"), help: (keys: "Enter, →",
                       meaning: "map: open the selected item"), .openMapItem),
            KeyBinding((0..<steps).map { .character(Character(String($0 + 1))) }, bar: (key: digits, action: "step"),
                       help: (keys: steps == 1 ? "1" : "1 … \(steps)", meaning: "map: open a step"), .openStep),
            KeyBinding([.character("s")], bar: (key: "s", action: "summary"), help: (keys: "s",
                       meaning: "map: the readiness summary"), .openSummary),
        ] + (highlightedWorksheet == nil ? [] : [
            KeyBinding([.character("w")], bar: (key: "w", action: "worksheet"), help: (keys: "w",
                       meaning: "map: the highlighted step's worksheet"), .openWorksheet),
        ])
    }

    /// The worksheet of the step highlighted on the map, if it has one.
    private var highlightedWorksheet: Worksheet? {
        mapItems[mapSelection].screen.step.flatMap { guide.steps[$0].worksheet }
    }

    var mapItems: [StepMapItem] { StepMapItem.all(in: guide, mode: session.mode) }

    mutating func performMapCommand(_ command: Command, key: Key) -> [Effect] {
        let items = mapItems
        switch command {
        case .moveInMap:
            switch key {
            case .up: mapSelection = max(mapSelection - 1, 0)
            case .down: mapSelection = min(mapSelection + 1, items.count - 1)
            case .home: mapSelection = 0
            default: mapSelection = items.count - 1
            }
            return []
        case .openMapItem:
            return go(to: items[mapSelection].screen)
        case .openStep:
            guard case .character(let digit) = key, let number = digit.wholeNumberValue,
                guide.steps.indices.contains(number - 1)
            else { return [] }
            return go(to: .stepIntro(step: number - 1))
        default:
            return go(to: .summary)
        }
    }

    /// How many of a step's prompts have a rating (N/A and Don't know included), and where the step stands.
    func standing(ofStep index: Int, in summary: ReadinessSummary) -> (answered: Int, label: String) {
        let answered = guide.steps[index].prompts.filter {
            session.answer(for: $0.id).groupRating(in: session.raters) != .unanswered
        }.count
        let readiness = summary.steps[index]
        let score = readiness.shownScore.map { " \($0)" } ?? ""
        return (answered, answered == 0 ? "not started" : readiness.band.label + score)
    }

    func drawMap(into grid: inout ScreenGrid) {
        let summary = ReadinessSummary(guide: guide, session: session)
        let items = mapItems
        func item(_ screen: Screen) -> Int? { items.firstIndex { $0.screen == screen } }
        var lines: [(text: String, item: Int?, style: Style)] = [("Session details", item(.setup), [])]
        if let participants = item(.participants) {
            let count = session.participants.count
            lines.append(("Participants (\(count == 0 ? "none yet" : String(count)))", participants, []))
        }
        for phase in guide.phases {
            lines.append((phase.title, nil, .title))
            for step in phase.steps {
                let index = guide.steps.firstIndex { $0.id == step.id } ?? 0
                lines.append(("Step \(index + 1)  \(step.title)", item(.stepIntro(step: index)), []))
            }
        }
        lines.append(("Readiness summary", item(.summary), []))

        let width = contentWidth
        // Progress stands just right of the longest title, or at the right edge when titles must be cut.
        let progressWidth = 32
        let longestTitle = lines.filter { $0.item != nil }.map(\.text.displayWidth).max() ?? 0
        let progressColumn = min(width - progressWidth, longestTitle + 5)
        // Keep the highlighted line in view when the terminal is too short for the whole map.
        let selectedLine = lines.firstIndex { $0.item == mapSelection } ?? 0
        let top = max(0, selectedLine - contentRows + 1)
        for (offset, line) in lines.dropFirst(top).prefix(contentRows).enumerated() {
            let row = contentTop + offset
            guard let item = line.item else {
                grid.put(ellipsized(line.text, width: width), row: row, column: 1, style: line.style)
                continue
            }
            let selected = item == mapSelection
            let style: Style = selected ? .selected : []
            if selected { grid.fill(row: row, columns: 1..<width + 1, style: style) }
            grid.put((selected ? "▸ " : "  ") + ellipsized(line.text, width: progressColumn - 4),
                     row: row, column: 1, style: style)
            if case .stepIntro(let step) = items[item].screen {
                let standing = standing(ofStep: step, in: summary)
                let readiness = summary.steps[step]
                let band = standing.answered == 0 ? [] : Style(band: readiness.band)
                // Rated of applicable, as the summary counts them.
                grid.put("\(readiness.rated)/\(readiness.applicable) rated  \(standing.label)", row: row,
                         column: progressColumn + 1, style: selected ? style : band)
            }
            if selected { grid.cursor = Point(row: row, column: 1) }
        }
        // Below the map, when there is room: the highlighted step's worksheet.
        if lines.count < contentRows, let step = items[mapSelection].screen.step,
            let worksheet = guide.steps[step].worksheet
        {
            let filled = session.filledCount(of: worksheet, in: guide)
            let state = filled == 0 ? "nothing written yet" : filled == 1 ? "1 thing written" : "\(filled) things written"
            grid.put(ellipsized("Worksheet: \(worksheet.title), \(state). w opens it.", width: width),
                     row: contentEnd - 1, column: 1, style: .muted)
        }
    }
}

extension Style {
    /// The role of a step's band; Insufficient answers has none.
    init(band: Band) {
        switch band {
        case .ready: self = .ready
        case .developing: self = .developing
        case .notReady: self = .notReady
        case .insufficient: self = []
        }
    }
}
