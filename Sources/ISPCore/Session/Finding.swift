import Messages

/// What the room found on an analysis question, beside how settled the answer is: "How much tension must be
/// overcome?" rated 4 means the tension is known and agreed, not that there is none, so the finding says whether
/// the answer itself is good news. Never scored: no score, band, flag or mean reads it.
public enum Finding: String, Codable, Sendable, CaseIterable {
    case favourable
    case mixed
    case unfavourable

    public init(from decoder: any Decoder) throws {
        self = try decodeByName(decoder)
    }

    /// The finding's name ("favourable"), for the reader's language.
    public var message: Message {
        switch self {
        case .favourable: Message(.findingFavourable)
        case .mixed: Message(.findingMixed)
        case .unfavourable: Message(.findingUnfavourable)
        }
    }

    /// The letter that gives the finding in plain mode, the same in every language: `f`, `m`, `u`.
    public var key: String { String(rawValue.prefix(1)) }

    /// A finding from what someone typed: its letter (`f`, `m`, `u`) or its id, in either case, spaces around
    /// ignored; nil for anything else.
    public init?(typed text: String) {
        let typed = text.trimmed.lowercased()
        guard let finding = Self.allCases.first(where: { typed == $0.key || typed == $0.rawValue }) else { return nil }
        self = finding
    }

    /// The finding after `current` in the order a key steps through them: none, favourable, mixed, unfavourable,
    /// then none again.
    public static func following(_ current: Finding?) -> Finding? {
        guard let current, let index = allCases.firstIndex(of: current) else { return allCases.first }
        let next = allCases.index(after: index)
        return next < allCases.endIndex ? allCases[next] : nil
    }
}
