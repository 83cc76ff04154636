import Messages

/// A fact in the partnership's records to discuss (the readiness model's "Records and their flags").
public struct RecordFlag: Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// One of the three sectors has no organisation in the stakeholder register.
        case sectorMissing = "sector-missing"
        /// A sector, the donor or a major stakeholder answered No to the convener.
        case convenerNotAccepted = "convener-not-accepted"
        /// A sector, the donor or a major stakeholder was not asked about the convener, or its answer is not recorded.
        case convenerNotAsked = "convener-not-asked"
        /// The step of the ground rules is rated while no ground rule is agreed.
        case groundRulesNotAgreed = "ground-rules-not-agreed"
        /// An action without an owner (organisation or person), or without a due date.
        case actionIncomplete = "action-incomplete"
        /// An action past its due date that is neither done nor dropped.
        case actionOverdue = "action-overdue"
        /// The first meeting's outcome is recorded as No: not enough trust to meet again.
        case firstMeetingNo = "first-meeting-no"
        /// An organisation of the register is Not committed in step 5.
        case notCommitted = "not-committed"
        /// A question rated 3 or more while the records say otherwise; the flag names the prompt.
        case ratingAgainstRecords = "rating-against-records"
    }

    public var kind: Kind
    /// The flag in a sentence, naming the sectors or the action, for the reader's language.
    public var statement: Message
    /// The sectors it names, by id (the stakeholders a convener flag names are in its statement only).
    public var sectors: [String]
    /// The action it names, by row id.
    public var actionID: String?
    /// For an incomplete action, what it lacks: `owner`, `due-date`.
    public var missing: [String]
    /// The prompt a rating held against the records questions.
    public var promptID: String?

    public init(kind: Kind, statement: Message, sectors: [String] = [], actionID: String? = nil,
                missing: [String] = [], promptID: String? = nil) {
        self.kind = kind
        self.statement = statement
        self.sectors = sectors
        self.actionID = actionID
        self.missing = missing
        self.promptID = promptID
    }

    /// Said of one item (`one`) or of a list of several (`several`): a sentence whose verb agrees with its subject.
    static func agreeing(_ items: [String], one: MessageID, several: MessageID, _ kind: ListKind = .and,
                         as name: String, _ arguments: [String: MessageArgument] = [:]) -> Message {
        agreeing(items.map(MessageArgument.text), one: one, several: several, kind, as: name, arguments)
    }

    /// Said of one item or of several, items that may be messages themselves.
    static func agreeing(_ items: [MessageArgument], one: MessageID, several: MessageID, _ kind: ListKind = .and,
                         as name: String, _ arguments: [String: MessageArgument] = [:]) -> Message {
        var arguments = arguments
        arguments[name] = .list(items, kind)
        return Message(items.count == 1 ? one : several, arguments)
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
        missingSectorFlags + convenerFlags + outcomeFlags + commitmentFlags + groundRuleFlags
            + actionFlags(today: today) + ratingFlags
    }

    static let problem = FieldAddress(worksheet: "s5", field: "problem")
    static let commitments = FieldAddress(worksheet: "s5", field: "commitments")
    static let outcome = FieldAddress(worksheet: "s4", field: "outcome")

    /// The first meeting's outcome recorded as No.
    var outcomeFlags: [RecordFlag] {
        guard guide.field(at: Self.outcome)?.kind.isChoice == true,
            session.record(at: Self.outcome.path)?.string == "no"
        else { return [] }
        return [RecordFlag(kind: .firstMeetingNo, statement: Message(.flagFirstMeetingNo))]
    }

    /// The organisations of the register that are Not committed in step 5.
    var commitmentFlags: [RecordFlag] {
        guard case .grid(.rowsOf(Self.register), .choice)? = guide.field(at: Self.commitments)?.kind,
            let register
        else { return [] }
        let refusing = register.filter {
            session.record(at: Self.commitments.path + [.key($0.row.id)])?.string == "not-committed"
        }
        guard !refusing.isEmpty else { return [] }
        let names = refusing.map { organisation -> MessageArgument in
            organisation.name.isBlank ? .message(Message(.flagUnnamedOrganisation))
                : .text(organisation.name.excerpt(limit: 60))
        }
        return [RecordFlag(kind: .notCommitted, statement: RecordFlag.agreeing(
            names, one: .flagNotCommittedOne, several: .flagNotCommittedSeveral, as: "organisations"))]
    }

    /// Questions rated 3 or more (as shown) while the records say otherwise, each naming its prompt. A question
    /// the room left without a rating (a Don't-know majority) has no score, so it is not cross-checked.
    var ratingFlags: [RecordFlag] {
        var flags: [RecordFlag] = []
        func heldHigh(_ promptID: String, _ against: () -> Message?) {
            for (stepIndex, step) in guide.steps.enumerated() {
                guard let index = step.prompts.firstIndex(where: { $0.id == promptID }) else { continue }
                let rating = session.answer(for: promptID).groupRating(in: session.raters)
                guard let score = rating.score, tenths(score) >= 30, let fact = against() else { return }
                flags.append(RecordFlag(
                    kind: .ratingAgainstRecords,
                    statement: Message(.flagRatingAgainstRecords, [
                        "step": .integer(stepIndex + 1), "question": .integer(index + 1),
                        "text": .text(step.prompts[index].text.excerpt(limit: 60)),
                        "rating": rating.codeArgument, "fact": .message(fact),
                    ]),
                    promptID: promptID))
                return
            }
        }
        heldHigh("s2.q3") {
            guard let missing = missingSectors, !missing.isEmpty else { return nil }
            return Message(.flagFactSectorsMissing, ["sectors": .list(missing.map(\.sectorName), .or)])
        }
        heldHigh("s4.q1") {
            guard guide.field(at: Self.convener) != nil else { return nil }
            guard convenerName != nil else { return Message(.flagFactNoConvener) }
            return convenerAnswersFact
        }
        heldHigh("s5.d2") {
            guard guide.field(at: Self.problem) != nil,
                session.record(at: Self.problem.path)?.holdsContent != true
            else { return nil }
            return Message(.flagFactNoProblemStatement)
        }
        heldHigh("s6.q1") {
            guard let actions, actions.isEmpty else { return nil }
            return Message(.flagFactNoAction)
        }
        heldHigh("s6.q3") {
            guard guide.field(at: Self.mediator)?.kind.isReference == true, mediatorName == nil else { return nil }
            return Message(.flagFactNoMediator)
        }
        heldHigh("s6.q5") {
            guard hasContribution == false else { return nil }
            return Message(.flagFactNoContribution)
        }
        return flags
    }

    /// The three sectors without an organisation in a register that has at least one row.
    var missingSectorFlags: [RecordFlag] {
        guard register?.isEmpty == false, let missing = missingSectors, !missing.isEmpty else { return [] }
        return [RecordFlag(kind: .sectorMissing,
                           statement: Message(.flagSectorMissing, ["sectors": .list(missing.map(\.sectorName), .or)]),
                           sectors: missing.map(\.id))]
    }

    /// Which of the three sectors have no organisation in the register; nil when the guide has no register with a
    /// sector column.
    var missingSectors: [Choice]? {
        guard let register, let sectorColumn = column("sector", of: Self.register, \.isChoice) else { return nil }
        let present = Set(register.compactMap(\.sector))
        return sectorColumn.kind.choices.filter { Self.threeSectors.contains($0.id) && !present.contains($0.id) }
    }

    /// The sectors (the donor among them) and the major stakeholders that do not accept the named convener, and
    /// those not asked (or whose answer is not recorded); the sectors first, then the stakeholders in their order.
    var convenerFlags: [RecordFlag] {
        guard let convener = convenerName?.excerpt(limit: 60) else { return [] }
        func flag(_ kind: RecordFlag.Kind, _ answered: ConvenerAnswers, one: MessageID, several: MessageID)
            -> RecordFlag?
        {
            guard !answered.names.isEmpty else { return nil }
            return RecordFlag(kind: kind,
                              statement: RecordFlag.agreeing(answered.names, one: one, several: several,
                                                             as: "sectors", ["convener": .text(convener)]),
                              sectors: answered.sectors.map(\.id))
        }
        return [
            flag(.convenerNotAccepted, refusingConvener, one: .flagConvenerNotAcceptedOne,
                 several: .flagConvenerNotAcceptedSeveral),
            flag(.convenerNotAsked, notAskedAboutConvener, one: .flagConvenerNotAskedOne,
                 several: .flagConvenerNotAskedSeveral),
        ].compactMap { $0 }
    }

    /// Sectors and major stakeholders by their answer about the convener: the sectors, and the names of both, the
    /// sectors first.
    typealias ConvenerAnswers = (sectors: [Choice], names: [MessageArgument])

    /// Those who answered No to the convener.
    var refusingConvener: ConvenerAnswers {
        answering { $0 == "no" }
    }

    /// Those not asked about the convener, or whose answer is not recorded.
    var notAskedAboutConvener: ConvenerAnswers {
        answering { $0 == nil || $0 == "not-asked" }
    }

    /// Those whose answer (nil while none is recorded) `matches`.
    private func answering(_ matches: (String?) -> Bool) -> ConvenerAnswers {
        let sectors = acceptance.filter { matches($0.answer) }.map(\.sector)
        let stakeholders = stakeholderAcceptance.filter { matches($0.answer) }
        return (sectors, sectors.map(\.sectorName) + stakeholders.map { .text($0.stakeholder.excerpt(limit: 60)) })
    }

    /// What the answers about the convener say against a high rating of "Who convenes?": who does not accept the
    /// convener, who was not asked, each as it is; nil when nobody refused and everyone was asked.
    var convenerAnswersFact: Message? {
        let refusing = refusingConvener.names
        let unasked = notAskedAboutConvener.names
        switch (refusing.count, unasked.count) {
        case (0, 0):
            return nil
        case (_, 0):
            return RecordFlag.agreeing(refusing, one: .flagFactConvenerRefusedOne,
                                       several: .flagFactConvenerRefusedSeveral, as: "refusing")
        case (0, _):
            return RecordFlag.agreeing(unasked, one: .flagFactConvenerNotAskedOne,
                                       several: .flagFactConvenerNotAskedSeveral, as: "unasked")
        case (let refusingCount, let unaskedCount):
            let id: MessageID = switch (refusingCount == 1, unaskedCount == 1) {
            case (true, true): .flagFactConvenerRefusedAndNotAskedOneOne
            case (true, false): .flagFactConvenerRefusedAndNotAskedOneSeveral
            case (false, true): .flagFactConvenerRefusedAndNotAskedSeveralOne
            case (false, false): .flagFactConvenerRefusedAndNotAskedSeveralSeveral
            }
            return Message(id, ["refusing": .list(refusing, .and), "unasked": .list(unasked, .and)])
        }
    }

    /// The step holding the ground rules is rated (a prompt has a stage or a mean) while none of them is agreed.
    var groundRuleFlags: [RecordFlag] {
        // Ground rules are agreed in the room: a self-assessment has none to agree.
        guard session.mode == .workshop, let rules = groundRules, !rules.contains(where: \.agreed),
            let number = stepNumber(of: Self.groundRules)
        else { return [] }
        let step = guide.steps[number - 1]
        let rated = step.prompts.contains { prompt in
            session.answer(for: prompt.id).groupRating(in: session.raters).score != nil
        }
        guard rated else { return [] }
        return [RecordFlag(kind: .groundRulesNotAgreed,
                           statement: Message(.flagGroundRulesNotAgreed, ["step": .integer(number)]))]
    }

    /// For each action: what it lacks (an owner, a due date), and whether it is overdue.
    func actionFlags(today: CalendarDate) -> [RecordFlag] {
        (actions ?? []).flatMap { action -> [RecordFlag] in
            var flags: [RecordFlag] = []
            var missing: [String] = []
            if !action.hasOwner { missing.append("owner") }
            if action.due?.date == nil { missing.append("due-date") }
            let named: [String: MessageArgument] = ["action": .message(action.named)]
            if !missing.isEmpty {
                let typed = action.due.flatMap { $0.date == nil ? $0.text.excerpt(limit: 40) : nil }
                let id: MessageID = switch (action.hasOwner, missing.count, typed) {
                case (true, _, _?): .flagActionNoDueDateTyped
                case (true, _, nil): .flagActionNoDueDate
                case (false, 1, _): .flagActionNoOwner
                case (false, _, _?): .flagActionNoOwnerNoDueDateTyped
                case (false, _, nil): .flagActionNoOwnerNoDueDate
                }
                let arguments = named.merging(typed.map { ["typed": .text($0)] } ?? [:]) { named, _ in named }
                flags.append(RecordFlag(kind: .actionIncomplete, statement: Message(id, arguments),
                                        actionID: action.row.id, missing: missing))
            }
            if action.isOverdue(today: today), let due = action.due?.date {
                var arguments = named
                arguments["due"] = .date(year: due.year, month: due.month, day: due.day)
                let status = label(action.status, column: "status", of: Self.actions)
                arguments["status"] = status.map(MessageArgument.text)
                flags.append(RecordFlag(
                    kind: .actionOverdue,
                    statement: Message(status == nil ? .flagActionOverdueNoStatus : .flagActionOverdue, arguments),
                    actionID: action.row.id))
            }
            return flags
        }
    }
}

extension Choice {
    /// A sector choice's name in a flag: one of `Sector`'s in the reader's language, the guide's label for another.
    var sectorName: MessageArgument {
        Sector(rawValue: id).map { .message($0.message) } ?? .text(label)
    }
}
