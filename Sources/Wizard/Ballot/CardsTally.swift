import ISPCore
import TerminalUI

/// The cards (or fingers) the room holds up on a question, as the facilitator counts them: an anonymous ballot by
/// construction, without phones.
public struct CardsTally: Equatable, Sendable {
    public let promptID: String
    /// Whether the facilitator agreed, before counting, that the cards take the place of the named ratings.
    public let replacing: Bool
    /// How many cards showed each rating, in the order of `Rating.all`.
    public internal(set) var counts: [Int]
    /// The rating whose count is typed, an index into `Rating.all`.
    public internal(set) var focus = 0

    init(promptID: String, replacing: Bool) {
        self.promptID = promptID
        self.replacing = replacing
        counts = Array(repeating: 0, count: Rating.all.count)
    }
}

extension WizardState {
    /// The keys while the cards are counted.
    mutating func handleCardsKey(_ key: Key) -> [Effect] {
        if key == .escape { cardsTally = nil }
        return []
    }

    var cardsKeyBar: KeyBar {
        KeyBar([item("Esc", .wizardBarCancel)])
    }

    func drawCardsTally(into grid: inout ScreenGrid) {}
}
