/// What a user reads, as an id and typed arguments, never as English: `render(_:in:)` turns it into text in the
/// reader's language through the catalogs (`Catalog/<language>/<area>.po`, compiled into `Generated/`).

/// The name of a message in the catalogs: the `msgctxt` of its entry, such as `stage.notStarted`.
///
/// Every id in the catalogs has a constant on `MessageID` (`MessageID.stageNotStarted`), generated with the table,
/// so that code naming a message the catalogs lack does not compile.
public struct MessageID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }
}

/// A value put into a message's placeholder, rendered for the reader's language.
public indirect enum MessageArgument: Hashable, Sendable {
    /// Text as it is: a name, a note, a guide's title.
    case text(String)
    case integer(Int)
    /// A number shown with one decimal, rounded half away from zero, with the language's separator: 3.5, 3,5.
    case decimal(Double)
    /// A calendar day, shown as `2026-11-28` in every language, as the reports have always shown days.
    case date(year: Int, month: Int, day: Int)
    /// Another message, rendered in the same language: a phrase with its own plural inside a sentence.
    case message(Message)
}

/// A message id with its arguments by placeholder name.
///
/// A message with a plural (`msgid_plural` in the catalog) chooses its form by its `count` argument.
public struct Message: Hashable, Sendable {
    public var id: MessageID
    public var arguments: [String: MessageArgument]

    public init(_ id: MessageID, _ arguments: [String: MessageArgument] = [:]) {
        self.id = id
        self.arguments = arguments
    }

    /// The name of the argument that chooses a plural form.
    public static let countArgument = "count"

    /// The message in English, for what is still built from English strings while the texts move to messages.
    public var english: String { render(self, in: .english) }
}
