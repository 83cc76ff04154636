import DisplayWidth
import ISPCore
import TerminalUI

/// One line of the step map that can be chosen: the session details, a step, or the summary.
struct StepMapItem {
    var screen: Screen

    static func all(in guide: Guide) -> [StepMapItem] {
        [StepMapItem(screen: .setup)] + guide.steps.indices.map { StepMapItem(screen: .stepIntro(step: $0)) }
            + [StepMapItem(screen: .summary)]
    }

    /// The item to highlight when the map opens from a screen: that screen's step, or the screen itself.
    static func index(for screen: Screen, in guide: Guide) -> Int {
        switch screen {
        case .setup, .map: 0
        case .stepIntro(let step), .question(let step, _): step + 1
        case .summary: guide.steps.count + 1
        }
    }
}

extension WizardState {
    mutating func handleMapKey(_ key: Key) -> [Effect]? {
        let items = StepMapItem.all(in: guide)
        switch key {
        case .up:
            mapSelection = max(mapSelection - 1, 0)
        case .down:
            mapSelection = min(mapSelection + 1, items.count - 1)
        case .home:
            mapSelection = 0
        case .end:
            mapSelection = items.count - 1
        case .enter, .right:
            return go(to: items[mapSelection].screen)
        case .character(let digit) where digit.wholeNumberValue.map({ (1...guide.steps.count).contains($0) }) == true:
            return go(to: .stepIntro(step: (digit.wholeNumberValue ?? 1) - 1))
        case .character("s"), .character("S"):
            return go(to: .summary)
        default:
            return nil
        }
        return []
    }

    /// How many of a step's prompts have a rating (N/A and Don't know included), and where the step stands.
    func standing(ofStep index: Int, in summary: ReadinessSummary) -> (answered: Int, label: String) {
        let answered = guide.steps[index].prompts.filter { session.answers[$0.id]?.rating != nil }.count
        let readiness = summary.steps[index]
        let score = readiness.score.map { " \(String(format1: $0))" } ?? ""
        return (answered, answered == 0 ? "not started" : readiness.band.rawValue + score)
    }

    func drawMap(into grid: inout ScreenGrid) {
        let summary = ReadinessSummary(guide: guide, session: session)
        var lines: [(text: String, item: Int?, style: Style)] = [("Session details", 0, [])]
        var stepIndex = 0
        for phase in guide.phases {
            lines.append((phase.title, nil, .bold))
            for _ in phase.steps {
                lines.append(("Step \(stepIndex + 1)  \(guide.steps[stepIndex].title)", stepIndex + 1, []))
                stepIndex += 1
            }
        }
        lines.append(("Readiness summary", guide.steps.count + 1, []))

        let width = contentWidth
        // Progress stands just right of the longest title, or at the right edge when titles must be cut.
        let progressWidth = 30
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
            let style: Style = selected ? .reverse : []
            if selected { grid.fill(row: row, columns: 1..<width + 1, style: style) }
            grid.put((selected ? "▸ " : "  ") + ellipsized(line.text, width: progressColumn - 4),
                     row: row, column: 1, style: style)
            if (1...guide.steps.count).contains(item) {
                let standing = standing(ofStep: item - 1, in: summary)
                let count = guide.steps[item - 1].prompts.count
                grid.put("\(standing.answered)/\(count)  \(standing.label)", row: row,
                         column: progressColumn + 1, style: style)
            }
            if selected { grid.cursor = Point(row: row, column: 1) }
        }
    }

    var mapKeys: KeyBar {
        KeyBar([(key: "↑↓", action: "select"), (key: "Enter", action: "open"), (key: "1-7", action: "step"),
                (key: "s", action: "summary"), (key: "Esc", action: "return"), KeyHint.help, KeyHint.quit])
    }
}
