import Messages

extension MessageArgument {
    /// Items joined as the reader's language joins a list ("A, B and C"; `.or` for alternatives), for a message
    /// the domain builds before anyone knows the language it is read in: `Language.list` as an argument.
    public static func list(_ items: [String], _ kind: ListKind = .and) -> MessageArgument {
        list(items.map(MessageArgument.text), kind)
    }

    /// Items that may be messages themselves ("an unnamed organisation"), joined as the language joins a list.
    public static func list(_ items: [MessageArgument], _ kind: ListKind = .and) -> MessageArgument {
        guard var joined = items.last else { return .text("") }
        guard items.count > 1 else { return joined }
        joined = .message(Message(kind == .and ? .formatListAnd : .formatListOr,
                                  ["first": items[items.count - 2], "last": joined]))
        for item in items.dropLast(2).reversed() {
            joined = .message(Message(.formatListMiddle, ["first": item, "rest": joined]))
        }
        return joined
    }
}

extension Language {
    /// A number with one decimal and this language's separator, as scores are shown: `2.5`, `2,5`.
    public func decimal(_ value: Double) -> String {
        String(format1: value).split(separator: ".", omittingEmptySubsequences: false)
            .joined(separator: decimalSeparator)
    }
}
