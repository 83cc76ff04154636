import Messages

/// A scale reading that a later edition of a guide reworded, so that a 0 stored under an earlier edition meant
/// something else: the rating is kept as given, and where it shows, it says what 0 read then.
public struct ScaleChange: Sendable, Equatable {
    public let guideID: String
    public let promptID: String
    /// The editions whose sessions were answered with the old reading.
    public let editions: Set<String>
    /// What 0 meant in the old reading, in the guide's words.
    public let formerZero: String

    /// Edition 3 of the built-in guide words the 0 of s2.q2 and s5.d4 as stages: edition 2 told raters to enter 0
    /// for what they did not know. A session keeps the edition it was started with, so one started under
    /// edition 1 (which had no reading here) may have been answered with edition 2's.
    public static let all: [ScaleChange] = [
        ScaleChange(guideID: "usaid-isp-startup", promptID: "s2.q2", editions: ["1", "2"], formerZero: "unknown"),
        ScaleChange(guideID: "usaid-isp-startup", promptID: "s5.d4", editions: ["1", "2"],
                    formerZero: "views differ or are unknown"),
    ]

    /// The change that explains a 0 given to a prompt of a session: when the session was answered under an edition
    /// whose 0 meant something else there, and the group or any participant rated the prompt 0; nil otherwise.
    public static func change(for promptID: String, in session: Session) -> ScaleChange? {
        guard let change = all.first(where: {
            $0.promptID == promptID && $0.guideID == session.guide.id && $0.editions.contains(session.guide.edition)
        }) else { return nil }
        let answer = session.answer(for: promptID)
        let zero = Rating.stage(.notStarted)
        return answer.rating == zero || answer.voices.values.contains { $0.rating == zero } ? change : nil
    }

    /// Every prompt of a guide whose 0s in a session were given under an earlier reading, in guide order.
    public static func changes(in guide: Guide, session: Session) -> [ScaleChange] {
        guide.steps.flatMap(\.prompts).compactMap { change(for: $0.id, in: session) }
    }

    /// "A 0 from edition 2, when 0 could mean “unknown”; kept as is.": one line, the same on screen and in reports.
    public func message(in session: Session) -> Message {
        Message(.scaleChangeZero, ["meaning": .text(formerZero), "edition": .text(session.guide.edition)])
    }
}
