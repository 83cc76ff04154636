import Foundation
import ISPCore
import TerminalUI
import Testing

@testable import Wizard

/// Keys to try on each screen: every letter, digit and key the wizard could bind, beyond typing into text.
private let probeKeys: [Key] = "abcdefghijklmnopqrstuvwxyz0123456789[]?".map(Key.character)
    + [.up, .down, .left, .right, .home, .end, .enter, .delete, .backspace, .pageUp, .pageDown, .tab, .backTab,
       .escape, .function(1), .control("n"), .control("p"), .control("s"), .control("z"), .control("y")]

private extension WizardState {
    /// The tables a key is looked up in on the screen on view, in the order the update looks.
    var activeTables: [[KeyBinding]] {
        if isAsking { return [questionBindings] }
        return [[KeyBinding.quit], KeyBinding.everywhere, fieldBindings, screenBindings, KeyBinding.paging]
    }

    /// Whether a key changes anything: the state, or an effect for the run loop. A list saying that a letter is
    /// none of its keys changes nothing.
    func takes(_ key: Key) -> Bool {
        var copy = self
        let effects = copy.handle(.key(key))
        if copy.status == .notAListKey { copy.status = status }
        return !effects.isEmpty || copy != self
    }

    /// Whether the focused field types the key into its text (a worksheet's entry, the register's search, notes);
    /// a worksheet's entry without text (a choice, a list) types nothing.
    func types(_ key: Key) -> Bool {
        if worksheetStep != nil && sheet.editor == nil && sheet.picker == nil { return false }
        var copy = self
        return copy.handleTextKey(key) != nil
    }
}

/// Checks that the key bar and the help name what the screen's keys do: each key that does something is found
/// in a table and named on the bar or in the help, and each key the bar or the screen's help names does
/// something.
private func expectKeysAgree(_ name: String, _ state: WizardState, sourceLocation: SourceLocation = #_sourceLocation) {
    let bar = state.keyBar.items.map { "\($0.key) \($0.action)" }
    let help = state.helpLines.map { "\($0.keys) \($0.meaning)" }
    let ownHelp = (state.fieldBindings + state.screenBindings).compactMap { $0.helpLine(in: state.language) }
        .map { "\($0.keys) \($0.meaning)" }
    let helpKeys = Set(state.helpLines.flatMap { $0.keys.components(separatedBy: ", ") })
    func isOnBar(_ binding: KeyBinding) -> Bool {
        binding.barItem(in: state.language).map { bar.contains("\($0.key) \($0.action)") } ?? false
    }
    // A binding is named by its bar entry or help line; one without either (the second half of a pair, like
    // Shift-Tab or "]") by a help line that names its key.
    func isNamed(_ binding: KeyBinding, _ key: Key) -> Bool {
        if isOnBar(binding) { return true }
        if let line = binding.helpLine(in: state.language) { return help.contains("\(line.keys) \(line.meaning)") }
        return binding.bar == nil && helpKeys.contains { $0.split(separator: " ").contains(Substring(key.helpName)) }
    }
    let tables = state.activeTables
    for key in probeKeys where state.takes(key) {
        if let binding = tables.joined().first(where: { $0.matches(key) }) {
            if !isNamed(binding, key) {
                Issue.record("\(name): \(key.helpName) is bound but neither the bar nor the help names it",
                             sourceLocation: sourceLocation)
            }
        } else if !(state.isAsking && bar.contains(where: { $0.hasPrefix("any other key") || $0 == "Esc cancel" }))
            && !state.types(key)
        {
            // A question on screen is answered no by any key it does not name, as its bar says; a text types.
            Issue.record("\(name): \(key.helpName) does something that no table binds", sourceLocation: sourceLocation)
        }
    }
    let named = tables.joined().filter { binding in
        isOnBar(binding)
            || binding.helpLine(in: state.language).map { ownHelp.contains("\($0.keys) \($0.meaning)") } == true
    }
    for binding in named where !binding.keys.contains(where: { state.takes($0) }) {
        Issue.record("\(name): \(binding.bar?.key ?? binding.help?.keys ?? "") is named but does nothing",
                     sourceLocation: sourceLocation)
    }
}

private extension Key {
    /// How the help writes the key.
    var helpName: String {
        switch self {
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-\(letter.uppercased())"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace, .delete: "Del"
        case .escape: "Esc"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let number): "F\(number)"
        }
    }
}

/// The built-in guide cut to its first five steps.
private let fiveStepGuide: Guide = {
    var guide = Guide.builtIn
    var kept = 0
    guide.phases = guide.phases.compactMap { phase in
        var phase = phase
        phase.steps = Array(phase.steps.prefix(max(5 - kept, 0)))
        kept += phase.steps.count
        return phase.steps.isEmpty ? nil : phase
    }
    return guide
}()

/// A session of the built-in guide opened at a position.
private func state(at position: Position, mode: Mode = .workshop, participants: [Participant] = [],
                   guide: Guide = .builtIn) -> WizardState {
    var session = Session(guide: guide, mode: mode, name: "Agua")
    session.participants = participants
    session.position = position
    return WizardState(guide: guide, session: session, size: standardSize)
}

@Suite struct KeyTableTests {
    @Test func everyScreensKeyBarAndHelpNameWhatItsKeysDo() {
        let firstQuestion = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
        expectKeysAgree("map", state(at: Position(screen: .map)))
        expectKeysAgree("step intro with a worksheet", state(at: Position(screen: .stepIntro, stepID: "s2")))
        expectKeysAgree("rating picker", state(at: firstQuestion, mode: .selfAssessment))
        expectKeysAgree("rating rows", state(at: firstQuestion, participants: roomOfEight))
        let tension = Position(screen: .question, stepID: "s3", promptID: "s3.q2")
        expectKeysAgree("rating picker asking a finding", state(at: tension, mode: .selfAssessment))
        expectKeysAgree("rating rows asking a finding", state(at: tension, participants: roomOfEight))
        expectKeysAgree("participants", state(at: Position(screen: .participants), participants: roomOfEight))
        expectKeysAgree("no participants yet", state(at: Position(screen: .participants)))
        expectKeysAgree("summary", state(at: Position(screen: .summary)))
        expectKeysAgree("register", registerOfFive())

        var previous = Session(guide: .builtIn, name: "Agua")
        previous.participants = roomOfEight
        previous.answers["s1.q1"] = Answer(rating: .stage(.inPlace))
        var nextRound = Session(nextRoundOf: previous)
        nextRound.position = firstQuestion
        let carriedOver = WizardState(guide: .builtIn, session: nextRound, size: standardSize)
        expectKeysAgree("carried-over rating rows", carriedOver)
        nextRound.mode = .selfAssessment
        expectKeysAgree("carried-over rating picker",
                        WizardState(guide: .builtIn, session: nextRound, size: standardSize))

        var rated = Session(guide: .builtIn, name: "Agua")
        rated.participants = roomOfEight
        rated.answers["s1.q1"] = Answer(voices: [roomOfEight[0].id: Voice(rating: .stage(.partial))])
        rated.position = Position(screen: .participants)
        var asking = WizardState(guide: .builtIn, session: rated, size: standardSize)
        asking.press(.character("r"))
        #expect(asking.pendingRemoval != nil)
        expectKeysAgree("removing a participant", asking)
        var deleting = registerOfFive()
        deleting.press(.character("d"))
        #expect(deleting.sheet.list?.pendingDeletion != nil)
        expectKeysAgree("deleting a row", deleting)
        var exporting = state(at: Position(screen: .summary))
        exporting.press(.character("x"))
        expectKeysAgree("choosing an export", exporting)
    }

    @Test func everyWorksheetEntrysKeyBarAndHelpNameWhatItsKeysDo() {
        var state = registerOfFive()
        for step in state.guide.steps.indices where state.guide.steps[step].worksheet != nil {
            state.open(.worksheet(step: step))
            for index in state.sheetEntries.indices {
                state.focusEntry(index)
                guard let entry = state.focusedEntry else { continue }
                let name = "step \(step + 1) worksheet, \(entry.label)"
                expectKeysAgree(name, state)
                if case .choice(let choices) = entry.input {
                    var chosen = state
                    _ = chosen.handle(.change(.store(entry, .string(choices[0].id))))
                    expectKeysAgree("\(name), chosen", chosen)
                }
                // Enter opens the long text, a checklist item's note, the register's names, a list of rows.
                var opened = state
                opened.press(.enter)
                if opened.sheet.isEditingText || opened.sheet.picker != nil || opened.sheet.list != nil {
                    expectKeysAgree("\(name), opened", opened)
                }
                if let address = opened.sheet.list?.address,
                    !state.session.rows(of: address, in: state.guide).isEmpty
                {
                    opened.press(.enter)
                    expectKeysAgree("\(name), a row", opened)
                }
            }
        }
    }

    @Test func aDatesTIsTodayThroughItsBindingAndTheBarSaysSo() {
        var state = registerOfFive()
        var dateIndex: Int?
        for step in state.guide.steps.indices where dateIndex == nil && state.guide.steps[step].worksheet != nil {
            state.open(.worksheet(step: step))
            dateIndex = state.sheetEntries.firstIndex { $0.input == .date }
        }
        guard let index = dateIndex else {
            Issue.record("no worksheet has a date")
            return
        }
        state.focusEntry(index)
        #expect(state.fieldBindings.contains { $0.matches(.character("t")) && $0.command == .typeToday })
        #expect(state.keyBar.items.contains { $0.key == "t" && $0.action == "today" })
        #expect(state.helpLines.contains { $0.keys == "t" && $0.meaning == "worksheet date: today" })
        state.press(.character("t"))
        #expect(state.session.text(of: state.sheetEntries[index], in: state.guide) == CalendarDate.today().description)
    }

    @Test func theRatingFieldsLeaveOtherLettersToTheScreensBindings() {
        var state = state(at: Position(screen: .question, stepID: "s1", promptID: "s1.q1"), participants: roomOfEight)
        #expect(state.fieldBindings.contains { $0.matches(.character("2")) })
        #expect(!state.fieldBindings.contains { $0.matches(.character("x")) })
        state.press(.character("2"))
        #expect(state.session.answers["s1.q1"]?.voices[roomOfEight[0].id]?.rating == .stage(.partial))
    }

    @Test func theStepMapOffersAsManyDigitsAsTheGuideHasSteps() {
        var map = state(at: Position(screen: .map), guide: fiveStepGuide)
        #expect(map.keyBar.items.contains { $0.key == "1-5" && $0.action == "step" })
        #expect(map.helpLines.contains { $0.keys == "1 … 5" && $0.meaning == "map: open a step" })
        #expect(!map.takes(.character("6")) && !map.takes(.character("7")))
        map.press(.character("5"))
        #expect(map.screen == .stepIntro(step: 4))
        expectKeysAgree("map of five steps", state(at: Position(screen: .map), guide: fiveStepGuide))
        let builtIn = state(at: Position(screen: .map))
        #expect(builtIn.keyBar.items.contains { $0.key == "1-7" && $0.action == "step" })
    }

    /// README.md's `## Keys` table names in its first column each key the tables' help names, and no other.
    @Test func theReadmesKeyTableNamesTheKeysOfTheTables() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = text.components(separatedBy: "\n## Keys\n").dropFirst().first?
            .components(separatedBy: "\n## ").first ?? ""
        let firstCells = section.split(separator: "\n").filter { $0.hasPrefix("| `") }
            .map { $0.split(separator: "|").first.map(String.init) ?? "" }
        let readmeKeys = Set(firstCells.flatMap { cell in
            cell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        })
        let state = makeState()
        let sheetTables = WizardState.worksheetBindings + WizardState.sheetEntryTables + WizardState.rowListBindings
        let tables = KeyBinding.everywhere + [KeyBinding.quit] + KeyBinding.paging + state.mapBindings
            + WizardState.stepIntroBindings + [WizardState.openWorksheetBinding] + WizardState.ratingPickerBindings
            + WizardState.ratingRowBindings
            + [WizardState.confirmCarriedOverBinding, WizardState.findingBinding, WizardState.guideHintBinding]
            + WizardState.participantListBindings + sheetTables
            + WizardState.summaryBindings + [WizardState.ballotBinding, WizardState.quietRoomViewBinding]
            + WizardState.openBallotBindings + WizardState.namedBallotBindings
        let tableKeys = Set(tables.compactMap(\.help).flatMap { line in
            line.keys.split { $0 == "," || $0 == " " || $0 == "…" }.map(String.init)
        })
        #expect(readmeKeys.subtracting(tableKeys).sorted() == [], "keys in the README that no table binds")
        #expect(tableKeys.subtracting(readmeKeys).sorted() == [], "keys of the tables the README leaves out")
    }
}
