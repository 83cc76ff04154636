/// A gettext `.po` file as the catalogs use it: the header, then entries whose `msgctxt` is the message id.

/// One entry of a `.po` file.
public struct PoEntry: Equatable, Sendable {
    /// `msgctxt`: the message id, such as `stage.notStarted`.
    public var context: String?
    /// `msgid`: the English text.
    public var id = ""
    /// `msgid_plural`: the English plural, when the entry has plural forms.
    public var idPlural: String?
    /// `msgstr`, or `msgstr[0]`, `msgstr[1]`… of a plural.
    public var strings: [String] = []
    /// The `#.` comments, which say what the placeholders hold.
    public var notes: [String] = []
    /// The `#,` flags: `fuzzy`, `python-brace-format`.
    public var flags: [String] = []
    /// The line of its first keyword, for messages about it.
    public var line = 0

    public init(context: String? = nil, id: String = "", idPlural: String? = nil, strings: [String] = [],
                notes: [String] = [], flags: [String] = [], line: Int = 0) {
        self.context = context
        self.id = id
        self.idPlural = idPlural
        self.strings = strings
        self.notes = notes
        self.flags = flags
        self.line = line
    }

    /// A fuzzy entry is a guess a translator has not confirmed: it is not used.
    public var isFuzzy: Bool { flags.contains("fuzzy") }
}

/// A problem in a catalog, said as `file:line: what is wrong`.
public struct CatalogError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var reason: String

    public init(_ path: String, line: Int? = nil, _ reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var description: String { path + (line.map { ":\($0)" } ?? "") + ": " + reason }
}

public struct PoFile: Equatable, Sendable {
    public var path: String
    /// The header's fields (`Language`, `Plural-Forms`), from the entry whose msgid is empty.
    public var header: [String: String]
    public var entries: [PoEntry]

    public init(path: String, header: [String: String], entries: [PoEntry]) {
        self.path = path
        self.header = header
        self.entries = entries
    }

    /// Reads a `.po` file's text: comments, `msgctxt`, `msgid`, `msgid_plural`, `msgstr` and `msgstr[n]`, strings
    /// continued on the lines below, C escapes; obsolete `#~` entries are left out.
    public init(parsing text: String, path: String) throws(CatalogError) {
        var reader = Reader(path: path)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            try reader.read(line.trimmingSpaces, number: index + 1)
        }
        try reader.finishEntry()
        self.init(path: path, header: [:], entries: [])
        for entry in reader.entries {
            if entry.context == nil && entry.id.isEmpty {
                header = Self.fields(of: entry.strings.first ?? "")
            } else {
                entries.append(entry)
            }
        }
    }

    private static func fields(of header: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in header.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingSpaces
        }
        return fields
    }
}

/// Reads a `.po` file line by line into entries.
private struct Reader {
    enum Field { case context, id, idPlural, string(Int) }

    let path: String
    var entries: [PoEntry] = []
    var entry = PoEntry()
    var field: Field?
    var started = false
    /// Whether the entry's strings are `msgstr[n]`, as a plural's are.
    var indexed = false

    init(path: String) {
        self.path = path
    }

    mutating func read(_ line: String, number: Int) throws(CatalogError) {
        if line.isEmpty || line.hasPrefix("#~") {
            if line.isEmpty { try finishEntry() }
        } else if line.hasPrefix("#") {
            // A comment after a complete entry starts the next one.
            if case .string? = field { try finishEntry() }
            if line.hasPrefix("#.") {
                entry.notes.append(String(line.dropFirst(2)).trimmingSpaces)
            } else if line.hasPrefix("#,") {
                entry.flags += line.dropFirst(2).split(separator: ",").map { String($0).trimmingSpaces }
            }
        } else if line.hasPrefix("\"") {
            guard let field else { throw CatalogError(path, line: number, "a string follows no keyword.") }
            try append(Self.string(line, path: path, line: number), to: field)
        } else {
            try keyword(line, number: number)
        }
    }

    private mutating func keyword(_ line: String, number: Int) throws(CatalogError) {
        let name = String(line.prefix { !$0.isWhitespace })
        let value = try Self.string(String(line.dropFirst(name.count)).trimmingSpaces, path: path, line: number)
        let next: Field
        switch name {
        case "msgctxt": next = .context
        case "msgid": next = .id
        case "msgid_plural": next = .idPlural
        case "msgstr": next = .string(0)
        default:
            guard name.hasPrefix("msgstr["), name.hasSuffix("]"), let index = Int(name.dropFirst(7).dropLast()),
                  index == entry.strings.count
            else { throw CatalogError(path, line: number, "\(name) is not a keyword of a .po file here.") }
            next = .string(index)
            indexed = true
        }
        // Entries need not be apart: a msgctxt or msgid after a msgstr starts the next one.
        if case .string = field, [.context, .id].contains(where: { Self.same($0, next) }) { try finishEntry() }
        if !started { entry.line = number }
        started = true
        field = next
        if case .string = next { entry.strings.append("") }
        try append(value, to: next)
    }

    private static func same(_ lhs: Field, _ rhs: Field) -> Bool {
        switch (lhs, rhs) {
        case (.context, .context), (.id, .id): true
        default: false
        }
    }

    private mutating func append(_ text: String, to field: Field) throws(CatalogError) {
        switch field {
        case .context: entry.context = (entry.context ?? "") + text
        case .id: entry.id += text
        case .idPlural: entry.idPlural = (entry.idPlural ?? "") + text
        case .string(let index): entry.strings[index] += text
        }
    }

    mutating func finishEntry() throws(CatalogError) {
        defer {
            entry = PoEntry()
            field = nil
            started = false
            indexed = false
        }
        guard started else { return }
        guard !entry.strings.isEmpty else { throw CatalogError(path, line: entry.line, "this entry has no msgstr.") }
        guard (entry.idPlural == nil) == !indexed else {
            throw CatalogError(path, line: entry.line, entry.idPlural == nil
                ? "msgstr[n] without msgid_plural: a plural needs both."
                : "msgid_plural needs msgstr[0], msgstr[1]…")
        }
        entries.append(entry)
    }

    /// The text of a quoted string with C escapes: `\n`, `\t`, `\r`, `\"`, `\\`.
    static func string(_ quoted: String, path: String, line: Int) throws(CatalogError) -> String {
        guard quoted.count >= 2, quoted.hasPrefix("\""), quoted.hasSuffix("\"") else {
            throw CatalogError(path, line: line, "a string is not in double quotes.")
        }
        var text = ""
        var escaped = false
        for character in quoted.dropFirst().dropLast() {
            if escaped {
                switch character {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "r": text.append("\r")
                case "\"", "\\": text.append(character)
                default: throw CatalogError(path, line: line, "\\\(character) is not an escape a catalog may use.")
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                throw CatalogError(path, line: line, "a double quote inside a string needs a backslash: \\\".")
            } else {
                text.append(character)
            }
        }
        guard !escaped else { throw CatalogError(path, line: line, "a string ends in a lone backslash.") }
        return text
    }
}

extension StringProtocol {
    /// The text without the spaces, tabs and carriage returns around it.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
