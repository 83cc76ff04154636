/// Renders a message in a language: its text from that language's catalog, else from English; the plural form its
/// `count` chooses; the placeholders filled with its arguments.
///
/// Placeholders are `{name}`, and `{{` and `}}` are a brace, as in Python's `str.format`: gettext calls these
/// strings `python-brace-format`, so with that flag on an entry `msgfmt --check` and Poedit check that a
/// translation keeps every placeholder. A placeholder without an argument stays as written, to be seen.
public func render(_ message: Message, in language: Language) -> String {
    let source = language == .pseudo ? Language.english : language
    if let forms = Catalog.forms(of: message.id, in: source) {
        return fill(message, forms: forms, rule: source.pluralRule, in: language)
    }
    let english = Catalog.forms(of: message.id, in: .english) ?? [message.id.rawValue]
    return fill(message, forms: english, rule: Language.english.pluralRule, in: language)
}

/// A message's text from its forms in one catalog (`rule` that catalog's): the form its `count` chooses, accented
/// and lengthened in the pseudo-language, with its arguments rendered in `language`.
func fill(_ message: Message, forms: [String], rule: PluralRule, in language: Language) -> String {
    var form = forms.first ?? ""
    if forms.count > 1, case .integer(let count)? = message.arguments[Message.countArgument] {
        form = forms[min(rule.category(of: count).rawValue, forms.count - 1)]
    }
    let pieces = Template.pieces(of: form)
    return (language == .pseudo ? Pseudo.lengthened(pieces) : pieces).map { piece in
        switch piece {
        case .literal(let text): text
        case .placeholder(let name): message.arguments[name].map { $0.rendered(in: language) } ?? "{\(name)}"
        }
    }.joined()
}

extension MessageArgument {
    func rendered(in language: Language) -> String {
        switch self {
        case .text(let text): text
        case .integer(let number): String(number)
        case .decimal(let number): Self.oneDecimal(number, separator: language.decimalSeparator)
        case .date(let year, let month, let day): Self.digits(year, 4) + "-" + Self.digits(month, 2) + "-"
            + Self.digits(day, 2)
        case .message(let message): render(message, in: language)
        }
    }

    /// `value` rounded half away from zero to tenths: `2.5`, `-0.3`, `3,5` with a comma.
    static func oneDecimal(_ value: Double, separator: String) -> String {
        guard value.isFinite else { return String(value) }
        let tenths = Int((value * 10).rounded())
        return (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10)\(separator)\(abs(tenths) % 10)"
    }

    private static func digits(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

extension Language {
    /// What separates the whole number from its tenths, as the catalog's `format.decimalSeparator` says; a comma
    /// in the pseudo-language, so that a number formatted outside the catalog stands out.
    public var decimalSeparator: String {
        if self == .pseudo { return "," }
        let id = MessageID.decimalSeparator
        return (Catalog.forms(of: id, in: self) ?? Catalog.forms(of: id, in: .english))?.first ?? "."
    }
}

extension MessageID {
    /// Named here rather than by its generated constant, so that this module compiles before any table is
    /// generated; the generator refuses an English catalog without it.
    public static let decimalSeparator = MessageID("format.decimalSeparator")
}

/// A message's text cut into what is shown as it is and the placeholders between.
public enum Template {
    public enum Piece: Equatable, Sendable {
        case literal(String)
        case placeholder(String)
    }

    /// The pieces of `text`: `{name}` is a placeholder when `name` is letters, digits and `_`; `{{` and `}}` are
    /// braces; any other brace is shown as it is.
    public static func pieces(of text: String) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(text)
        while let first = rest.first {
            if rest.hasPrefix("{{") || rest.hasPrefix("}}") {
                literal.append(first)
                rest = rest.dropFirst(2)
            } else if first == "{", let close = rest.firstIndex(of: "}"),
                      case let name = rest[rest.index(after: rest.startIndex)..<close],
                      !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.placeholder(String(name)))
                rest = rest[rest.index(after: close)...]
            } else {
                literal.append(first)
                rest = rest.dropFirst()
            }
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }

    /// The placeholders' names in `text`, in order.
    public static func placeholders(in text: String) -> [String] {
        pieces(of: text).compactMap { piece in
            if case .placeholder(let name) = piece { name } else { nil }
        }
    }
}

/// The pseudo-language's text: English with every letter accented, in brackets, padded to about 40 % longer.
enum Pseudo {
    static func lengthened(_ pieces: [Template.Piece]) -> [Template.Piece] {
        var length = 0
        let accented = pieces.map { piece -> Template.Piece in
            guard case .literal(let text) = piece else { return piece }
            length += text.count
            return .literal(String(text.map { accents[$0] ?? $0 }))
        }
        // The brackets and a space count towards the 40 %; dots make up the rest.
        let dots = max(0, (length * 4 + 9) / 10 - 3)
        let padding = dots > 0 ? " " + String(repeating: "·", count: dots) : ""
        return [.literal("[")] + accented + [.literal(padding + "]")]
    }

    private static let accents: [Character: Character] = Dictionary(
        uniqueKeysWithValues: zip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                  "àƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŜŢÛṼŴẊÝŽ"))
}

extension Language {
    /// A message's text in this language: `language.text(.stageNotStarted)`, or with arguments by placeholder.
    public func text(_ id: MessageID, _ arguments: [String: MessageArgument] = [:]) -> String {
        render(Message(id, arguments), in: self)
    }

    /// A message's text in this language.
    public func text(_ message: Message) -> String {
        render(message, in: self)
    }

    /// Items in a sentence, as the language joins them: "A", "A and B", "A, B and C"; `.or` for alternatives.
    public func list(_ items: [String], _ kind: ListKind = .and) -> String {
        MessageArgument.list(items, kind).rendered(in: self)
    }

    /// A number with one decimal and this language's separator, as scores are shown: `2.5`, `2,5`.
    public func decimal(_ value: Double) -> String {
        MessageArgument.decimal(value).rendered(in: self)
    }
}

extension MessageArgument {
    /// Items joined as the reader's language joins a list ("A, B and C"; `.or` for alternatives), for a message
    /// built before anyone knows the language it is read in.
    public static func list(_ items: [String], _ kind: ListKind = .and) -> MessageArgument {
        list(items.map(MessageArgument.text), kind)
    }

    /// Items that may be messages themselves ("an unnamed organisation"), joined as the language joins a list.
    public static func list(_ items: [MessageArgument], _ kind: ListKind = .and) -> MessageArgument {
        guard var joined = items.last else { return .text("") }
        guard items.count > 1 else { return joined }
        joined = .message(Message(kind.end, ["first": items[items.count - 2], "last": joined]))
        for item in items.dropLast(2).reversed() {
            joined = .message(Message(.formatListMiddle, ["first": item, "rest": joined]))
        }
        return joined
    }
}

extension String {
    /// A number with one decimal and a point, as scores are written where no language is read (JSON, CSV): `2.5`.
    public init(format1 value: Double) {
        self = MessageArgument.oneDecimal(value, separator: ".")
    }
}

/// How a list joins its last two items: "and" or "or".
public enum ListKind: Sendable {
    case and, or

    var end: MessageID { self == .and ? .formatListAnd : .formatListOr }
}
