import TerminalUI

/// What a key does, as data: which keys, how the key bar and the help screen name them, and the command they
/// run. One table per screen drives the dispatch, the key bar and the help, so the three never disagree.
struct KeyBinding: Sendable {
    let keys: [Key]
    /// The key bar's entry; nil keeps the binding off the bar (the help still lists it).
    let bar: (key: String, action: String)?
    /// The help screen's line; nil for the second half of a pair that the first one's line describes.
    let help: (keys: String, meaning: String)?
    let command: Command

    /// Binds keys; a printable character binds in both cases.
    init(_ keys: [Key], bar: (key: String, action: String)?, help: (keys: String, meaning: String)?,
         _ command: Command) {
        self.keys = keys.flatMap { key -> [Key] in
            guard case .character(let character) = key else { return [key] }
            return Set([character, Character(character.uppercased()), Character(character.lowercased())])
                .sorted().map(Key.character)
        }
        self.bar = bar
        self.help = help
        self.command = command
    }

    func matches(_ key: Key) -> Bool {
        keys.contains(key)
    }
}

/// Everything a key can ask of the wizard.
enum Command: Equatable, Sendable {
    case quit, save, showHelp, toggleMap, next, back, nextField, previousField
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
    /// The rating fields: rate, step the rating with ← →, confirm a carried-over answer; the rating rows' own.
    case rate, stepRating, confirmCarriedOver, moveInRows, editRowNote, clearRow
    /// The answer to a question on screen (`y` removes or deletes), or the letter of what to export.
    case confirm, chooseExport
    case undo, redo
}

extension KeyBinding {
    /// Keys that work everywhere the wizard lays out a screen, whatever has the focus.
    static let everywhere: [KeyBinding] = [
        KeyBinding([.tab], bar: (key: "Tab", action: "field"), help: (keys: "Tab, Shift-Tab",
                   meaning: "next / previous field"), .nextField),
        KeyBinding([.backTab], bar: nil, help: nil, .previousField),
        KeyBinding([.control("n")], bar: (key: "^N", action: "next"), help: (keys: "Ctrl-N, PgDn",
                   meaning: "next screen (in long notes PgDn scrolls them)"), .next),
        KeyBinding([.control("p")], bar: (key: "^P", action: "back"), help: (keys: "Ctrl-P, PgUp",
                   meaning: "previous screen (in long notes PgUp scrolls them)"), .back),
        KeyBinding([.escape], bar: (key: "Esc", action: "map"), help: (keys: "Esc",
                   meaning: "step map (Esc again returns); closes an open editor"), .toggleMap),
        KeyBinding([.control("s")], bar: nil, help: (keys: "Ctrl-S", meaning: "save now (it saves as you go)"), .save),
        KeyBinding([.control("z")], bar: (key: "^Z", action: "undo"), help: (keys: "Ctrl-Z",
                   meaning: "undo the last change, saying what it was"), .undo),
        KeyBinding([.control("y")], bar: nil, help: (keys: "Ctrl-Y", meaning: "redo what Ctrl-Z undid"), .redo),
        KeyBinding([.function(1)], bar: (key: "F1", action: "help"), help: (keys: "F1", meaning: "this help"),
                   .showHelp),
    ]

    /// Quitting works even on the too-small notice and the help screen.
    static let quit = KeyBinding([.control("q"), .control("c"), .function(10)], bar: (key: "^Q", action: "quit"),
                                 help: (keys: "Ctrl-Q, F10, Ctrl-C", meaning: "quit; everything is saved"), .quit)

    /// What PgDn and PgUp do when the field on screen does not use them; the lines of Ctrl-N and Ctrl-P name
    /// them.
    static let paging: [KeyBinding] = [
        KeyBinding([.pageDown], bar: nil, help: nil, .next),
        KeyBinding([.pageUp], bar: nil, help: nil, .back),
    ]
}
