/// A fact in the partnership's records to discuss (the readiness model's "Records and their flags").
public struct RecordFlag: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// One of the three sectors has no organisation in the stakeholder register.
        case sectorMissing = "sector-missing"
        /// A sector answered No to the convener.
        case convenerNotAccepted = "convener-not-accepted"
        /// A sector was not asked about the convener, or its answer is not recorded.
        case convenerNotAsked = "convener-not-asked"
        /// The step of the ground rules is rated while no ground rule is agreed.
        case groundRulesNotAgreed = "ground-rules-not-agreed"
        /// An action without an owner (organisation or person), or without a due date.
        case actionIncomplete = "action-incomplete"
        /// An action past its due date that is neither done nor dropped.
        case actionOverdue = "action-overdue"
    }

    public var kind: Kind
    /// The flag in a sentence, naming the sectors or the action.
    public var message: String
    /// The sectors it names, by id.
    public var sectors: [String]
    /// The action it names, by row id.
    public var actionID: String?
    /// For an incomplete action, what it lacks: `owner`, `due-date`.
    public var missing: [String]

    public init(kind: Kind, message: String, sectors: [String] = [], actionID: String? = nil, missing: [String] = []) {
        self.kind = kind
        self.message = message
        self.sectors = sectors
        self.actionID = actionID
        self.missing = missing
    }
}

extension PartnershipRecords {
    /// The flags of the records, in the order of the steps: the sectors missing from the register, the convener's
    /// acceptance, the ground rules, then each action in the plan's order.
    ///
    /// `today` decides what is overdue: an action due today is not. A register without rows gives no sector
    /// flag (a partnership that has not begun its register is not told three times that it is empty), and a
    /// convener's acceptance is flagged only once a convener is named.
    public func flags(today: CalendarDate) -> [RecordFlag] {
        missingSectorFlags + convenerFlags + groundRuleFlags + actionFlags(today: today)
    }

    /// The three sectors without an organisation in a register that has at least one row.
    var missingSectorFlags: [RecordFlag] {
        guard let register, !register.isEmpty,
            let sectorColumn = column("sector", of: Self.register, \.isChoice)
        else { return [] }
        let present = Set(register.compactMap(\.sector))
        let missing = sectorColumn.kind.choices.filter { Self.threeSectors.contains($0.id) && !present.contains($0.id) }
        guard !missing.isEmpty else { return [] }
        return [RecordFlag(kind: .sectorMissing,
                           message: "The stakeholder register has no organisation from "
                               + missing.map(\.label).joinedInWords(conjunction: "or") + ".",
                           sectors: missing.map(\.id))]
    }

    /// The sectors that do not accept the named convener, and those not asked (or whose answer is not recorded).
    var convenerFlags: [RecordFlag] {
        guard let convener = convenerName?.excerpt(limit: 60) else { return [] }
        let refusing = acceptance.filter { $0.answer == "no" }.map(\.sector)
        let unasked = acceptance.filter { $0.answer == nil || $0.answer == "not-asked" }.map(\.sector)
        var flags: [RecordFlag] = []
        if !refusing.isEmpty {
            let verb = refusing.count == 1 ? "does not accept" : "do not accept"
            flags.append(RecordFlag(
                kind: .convenerNotAccepted,
                message: "\(refusing.map(\.label).joinedInWords()) \(verb) the convener, \(convener).",
                sectors: refusing.map(\.id)))
        }
        if !unasked.isEmpty {
            let (verb, pronoun) = unasked.count == 1 ? ("has", "it accepts") : ("have", "they accept")
            flags.append(RecordFlag(
                kind: .convenerNotAsked,
                message: "\(unasked.map(\.label).joinedInWords()) \(verb) not been asked yet whether \(pronoun) the "
                    + "convener, \(convener).",
                sectors: unasked.map(\.id)))
        }
        return flags
    }

    /// The step holding the ground rules is rated (a prompt has a stage or a mean) while none of them is agreed.
    var groundRuleFlags: [RecordFlag] {
        guard let rules = groundRules, !rules.contains(where: \.agreed),
            let number = stepNumber(of: Self.groundRules)
        else { return [] }
        let step = guide.steps[number - 1]
        let rated = step.prompts.contains { prompt in
            session.answer(for: prompt.id).groupRating(in: session.raters).score != nil
        }
        guard rated else { return [] }
        return [RecordFlag(kind: .groundRulesNotAgreed,
                           message: "Step \(number) is rated, but no ground rule is agreed yet.")]
    }

    /// For each action: what it lacks (an owner, a due date), and whether it is overdue.
    func actionFlags(today: CalendarDate) -> [RecordFlag] {
        (actions ?? []).flatMap { action -> [RecordFlag] in
            var flags: [RecordFlag] = []
            var missing: [String] = []
            var lacks: [String] = []
            if !action.hasOwner {
                missing.append("owner")
                lacks.append("no owner")
            }
            if action.due?.date == nil {
                missing.append("due-date")
                lacks.append("no due date")
            }
            if !missing.isEmpty {
                var message = "\(action.named) has " + lacks.joined(separator: " and ")
                let typed = action.due.flatMap { $0.date == nil ? $0.text.excerpt(limit: 40) : nil }
                switch (action.hasOwner, typed) {
                case (true, let typed?): message += ": “\(typed)” is not a date."
                case (false, let typed?):
                    message += " (neither an organisation nor a person; “\(typed)” is not a date)."
                case (false, nil): message += missing.count == 1 ? ": neither an organisation nor a person." : "."
                case (true, nil): message += "."
                }
                flags.append(RecordFlag(kind: .actionIncomplete, message: message, actionID: action.row.id,
                                        missing: missing))
            }
            if action.isOverdue(today: today), let due = action.due?.date {
                let status = label(action.status, column: "status", of: Self.actions).map { "status: \($0)" }
                    ?? "no status"
                flags.append(RecordFlag(
                    kind: .actionOverdue,
                    message: "\(action.named) was due on \(due) and is neither done nor dropped (\(status)).",
                    actionID: action.row.id))
            }
            return flags
        }
    }
}

extension [String] {
    /// "A", "A and B", "A, B and C": names in a sentence.
    func joinedInWords(conjunction: String = "and") -> String {
        guard let last, count > 1 else { return first ?? "" }
        return dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
