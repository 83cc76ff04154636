import DisplayWidth
import ISPCore
import Messages
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
                       meaning: Message(.wizardHelpMapMove)), .moveInMap),
            KeyBinding([.enter, .right], bar: (key: "Enter", action: .wizardBarOpen), help: (keys: "Enter, →",
                       meaning: Message(.wizardHelpMapOpen)), .openMapItem),
            KeyBinding((0..<steps).map { .character(Character(String($0 + 1))) },
                       bar: (key: digits, action: .wizardBarStep),
                       help: (keys: steps == 1 ? "1" : "1 … \(steps)", meaning: Message(.wizardHelpMapStep)),
                       .openStep),
            KeyBinding([.character("s")], bar: (key: "s", action: .wizardBarSummary), help: (keys: "s",
                       meaning: Message(.wizardHelpMapSummary)), .openSummary),
        ] + (highlightedWorksheet == nil ? [] : [
            KeyBinding([.character("w")], bar: (key: "w", action: .wizardBarWorksheet), help: (keys: "w",
                       meaning: Message(.wizardHelpMapWorksheet)), .openWorksheet),
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
        guard answered > 0 else { return (answered, language.text(.wizardMapNotStarted)) }
        let band = language.text(readiness.band.message)
        guard let score = readiness.shownScore(in: language) else { return (answered, band) }
        return (answered, language.text(.wizardMapStanding, ["band": .text(band), "score": .text(score)]))
    }

    /// How many of a step's answers are carried over from the last round and not yet confirmed, whatever their
    /// rating (N/A and Don't know too).
    func carriedOverCount(ofStep index: Int) -> Int {
        guide.steps[index].prompts.filter { session.answer(for: $0.id).isCarriedOver }.count
    }

    /// A step's line on the map after its title: rated of applicable, as the summary counts them, where it
    /// stands, and in a later round how many answers are still to confirm.
    private func progress(ofStep step: Int, in summary: ReadinessSummary) -> String {
        let readiness = summary.steps[step]
        let facts: [String: MessageArgument] = [
            "rated": .integer(readiness.rated), "applicable": .integer(readiness.applicable),
            "standing": .text(standing(ofStep: step, in: summary).label),
        ]
        let toConfirm = carriedOverCount(ofStep: step)
        guard toConfirm > 0 else { return language.text(.wizardMapProgress, facts) }
        return language.text(.wizardMapProgressToConfirm, facts.merging(["count": .integer(toConfirm)]) { $1 })
    }

    func drawMap(into grid: inout ScreenGrid) {
        let summary = ReadinessSummary(guide: guide, session: session)
        let items = mapItems
        func item(_ screen: Screen) -> Int? { items.firstIndex { $0.screen == screen } }
        let details = session.round > 1 ? language.text(.wizardMapSetupRound, ["round": .integer(session.round)])
            : language.text(.wizardLocationSetup)
        var lines: [(text: String, item: Int?, style: Style)] = [(details, item(.setup), [])]
        if let participants = item(.participants) {
            let count = session.participants.count
            let line = count == 0 ? language.text(.wizardMapParticipantsNone)
                : language.text(.wizardMapParticipants, ["count": .integer(count)])
            lines.append((line, participants, []))
        }
        for phase in guide.phases {
            lines.append((phase.title, nil, .title))
            for step in phase.steps {
                let index = guide.steps.firstIndex { $0.id == step.id } ?? 0
                let line = language.text(.wizardMapStep, ["number": .integer(index + 1), "title": .text(step.title)])
                lines.append((line, item(.stepIntro(step: index)), []))
            }
        }
        lines.append((language.text(.wizardLocationSummary), item(.summary), []))

        let width = contentWidth
        // Progress stands just right of the longest title, or at the right edge when titles must be cut.
        let progresses = guide.steps.indices.map { progress(ofStep: $0, in: summary) }
        let progressWidth = max(32, (progresses.map(\.displayWidth).max() ?? 0) + 1)
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
                let isStarted = standing(ofStep: step, in: summary).answered > 0
                let band = isStarted ? Style(band: summary.steps[step].band) : []
                grid.put(progresses[step], row: row, column: progressColumn + 1, style: selected ? style : band)
            }
            if selected { grid.cursor = Point(row: row, column: 1) }
        }
        // Below the map, when there is room: the highlighted step's worksheet.
        if lines.count < contentRows, let step = items[mapSelection].screen.step,
            let worksheet = guide.steps[step].worksheet
        {
            let filled = session.filledCount(of: worksheet, in: guide)
            let title: [String: MessageArgument] = ["title": .text(worksheet.title), "count": .integer(filled)]
            let line = language.text(filled == 0 ? .wizardMapWorksheetEmpty : .wizardMapWorksheetFilled, title)
            grid.put(ellipsized(line, width: width),
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
