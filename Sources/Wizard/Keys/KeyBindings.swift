import Messages
import TerminalUI

/// What a key does, as data: which keys, how the key bar and the help screen name them, and the command they
/// run. One table per screen drives the dispatch, the key bar and the help, so the three never disagree.
struct KeyBinding: Sendable {
    let keys: [Key]
    /// The key bar's entry: the key as written in every language, and the word for what it does; nil keeps the
    /// binding off the bar (the help still lists it).
    let bar: (key: String, action: Message)?
    /// The help screen's line: the keys, and what they do; nil for the second half of a pair that the first one's
    /// line describes.
    let help: (keys: String, meaning: Message)?
    let command: Command

    /// Binds keys; a printable character binds in both cases.
    init(_ keys: [Key], bar: (key: String, action: MessageID)?, help: (keys: String, meaning: Message)?,
         _ command: Command) {
        self.keys = Self.inBothCases(keys)
        self.bar = bar.map { (key: $0.key, action: Message($0.action)) }
        self.help = help
        self.command = command
    }

    /// Binds a key to what a question on screen asks, its bar word a message with arguments.
    init(answering key: Character, bar: Message, _ command: Command) {
        self.keys = Self.inBothCases([.character(key)])
        self.bar = (key: String(key), action: bar)
        self.help = nil
        self.command = command
    }

    private static func inBothCases(_ keys: [Key]) -> [Key] {
        keys.flatMap { key -> [Key] in
            guard case .character(let character) = key else { return [key] }
            return Set([character, Character(character.uppercased()), Character(character.lowercased())])
                .sorted().map(Key.character)
        }
    }

    func matches(_ key: Key) -> Bool {
        keys.contains(key)
    }

    /// The key bar's entry in a language.
    func barItem(in language: Language) -> BarItem? {
        bar.map { (key: $0.key, action: language.text($0.action)) }
    }

    /// The help screen's line in a language.
    func helpLine(in language: Language) -> HelpLine? {
        help.map { (keys: $0.keys, meaning: language.text($0.meaning)) }
    }
}

/// A key bar's entry as it is drawn: the key and the word for what it does.
typealias BarItem = (key: String, action: String)
/// A help screen's line as it is drawn: the keys and what they do.
typealias HelpLine = (keys: String, meaning: String)

/// Everything a key can ask of the wizard.
enum Command: Equatable, Sendable {
    case quit, save, showHelp, showGuideHint, showOriginal, toggleMap, next, back, nextField, previousField
    case exportSummary
    case scrollSummary
    case moveInMap, openMapItem, openStep, openSummary
    case startStep
    case addParticipant, editParticipant, removeParticipant, moveParticipant
    case selectParticipant
    case openWorksheet, moveInSheet, openEntry
    /// A worksheet entry's own: choose, clear a choice, today's date, Enter where it opens part of the entry, and
    /// the register's names being chosen from.
    case chooseInEntry, clearEntry, typeToday, openInEntry, moveInPicker, takePick
    case selectRow, addRow, insertRow, editRow, deleteRow, moveRow, toggleSectorOrder, chooseInRow
    case addParticipantOrganisations
    /// The rating fields: rate, step the rating with ← →, confirm a carried-over answer, step what the room found;
    /// the rating rows' own.
    case rate, stepRating, confirmCarriedOver, cycleFinding, moveInRows, editRowNote, clearRow
    /// The answer to a question on screen (`y` removes or deletes), or the letter of what to export.
    case confirm, chooseExport
    /// Ballots: ask which kind (`b`), the kind chosen, the room view, and an open ballot's own keys.
    case openBallot, chooseBallot, showRoomView, revealBallot, closeBallot, moveInBallot, releaseVoter
    case undo, redo
}

extension KeyBinding {
    /// Keys that work everywhere the wizard lays out a screen, whatever has the focus.
    static let everywhere: [KeyBinding] = [
        KeyBinding([.tab], bar: (key: "Tab", action: .wizardBarField),
                   help: (keys: "Tab, Shift-Tab", meaning: Message(.wizardHelpNextField)), .nextField),
        KeyBinding([.backTab], bar: nil, help: nil, .previousField),
        KeyBinding([.control("n")], bar: (key: "^N", action: .wizardBarNext),
                   help: (keys: "Ctrl-N, PgDn", meaning: Message(.wizardHelpNextScreen)), .next),
        KeyBinding([.control("p")], bar: (key: "^P", action: .wizardBarBack),
                   help: (keys: "Ctrl-P, PgUp", meaning: Message(.wizardHelpPreviousScreen)), .back),
        KeyBinding([.escape], bar: (key: "Esc", action: .wizardBarMap),
                   help: (keys: "Esc", meaning: Message(.wizardHelpMap)), .toggleMap),
        KeyBinding([.control("s")], bar: nil, help: (keys: "Ctrl-S", meaning: Message(.wizardHelpSave)), .save),
        KeyBinding([.control("z")], bar: (key: "^Z", action: .wizardBarUndo),
                   help: (keys: "Ctrl-Z", meaning: Message(.wizardHelpUndo)), .undo),
        KeyBinding([.control("y")], bar: nil, help: (keys: "Ctrl-Y", meaning: Message(.wizardHelpRedo)), .redo),
        KeyBinding([.function(1)], bar: (key: "F1", action: .wizardBarHelp),
                   help: (keys: "F1", meaning: Message(.wizardHelpHelp)), .showHelp),
    ]

    /// Quitting works even on the too-small notice and the help screen.
    static let quit = KeyBinding([.control("q"), .control("c"), .function(10)],
                                 bar: (key: "^Q", action: .wizardBarQuit),
                                 help: (keys: "Ctrl-Q, F10, Ctrl-C", meaning: Message(.wizardHelpQuit)), .quit)

    /// What PgDn and PgUp do when the field on screen does not use them; the lines of Ctrl-N and Ctrl-P name
    /// them.
    static let paging: [KeyBinding] = [
        KeyBinding([.pageDown], bar: nil, help: nil, .next),
        KeyBinding([.pageUp], bar: nil, help: nil, .back),
    ]
}
