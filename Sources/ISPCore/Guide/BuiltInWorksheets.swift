import Messages

/// The worksheets of the built-in guide: what each start-up step asks the partners to produce.
///
/// Checklist items and ground rules quote the guide; labels and choices are ours. Lists put their short
/// columns (choices, dates) early, since a narrow terminal shows a list's first columns only. Flags and reports read
/// fields by these ids (`register`, `sector`, `convener`, `acceptance`, `groundRules`, `actions`…), so a
/// translated guide that keeps the ids keeps them working.
extension Worksheet {
    /// The sectors a partnership brings together, as choices by the ids `Sector` uses and its names in English, the
    /// built-in guide's language.
    static let threeSectors = PartnershipRecords.threeSectors.compactMap(Sector.init(rawValue:))
        .map { Choice($0.rawValue, Language.english.text($0.message)) }

    /// Yes, No or Not asked: whether someone accepts the convener.
    private static let accepts: [Choice] = [Choice("yes", "Yes"), Choice("no", "No"), Choice("not-asked", "Not asked")]

    /// Planned, In progress, Done, Dropped: where an action or an activity stands.
    private static let progress: [Choice] = [
        Choice("planned", "Planned"), Choice("in-progress", "In progress"), Choice("done", "Done"),
        Choice("dropped", "Dropped"),
    ]

    /// A column or field that names a row of the stakeholder register, or a name typed in.
    private static func organisation(_ id: String, _ label: String, hint: String? = nil) -> RecordField {
        RecordField(id, label, hint: hint, .reference(to: PartnershipRecords.register))
    }

    /// A list with a single text column.
    private static func list(_ id: String, _ label: String, item: String, hint: String? = nil) -> RecordField {
        RecordField(id, label, hint: hint, .rows(columns: [RecordField(item, label, .text)], defaults: [],
                                                 nameColumn: nil))
    }

    static let step1 = Worksheet(
        id: "s1", title: "Goals and aims",
        intro: "Describe in writing each sector's stake in the issue, the goals, and a first draft of the vision.",
        fields: [
            RecordField("stakes", "Each sector's stake in the issue",
                        .grid(rows: .fixed(threeSectors + [Choice("donor", "Donor")]), cell: .longText)),
            list("goals", "Goals", item: "goal", hint: "Without getting bogged down in resources, personalities "
                 + "and histories."),
            RecordField("vision", "First draft of the vision", .longText),
            RecordField("resources", "What skills, human and/or material resources does each sector have?",
                        .grid(rows: .fixed(threeSectors + [Choice("donor", "Donor")]), cell: .longText)),
        ])

    static let step2 = Worksheet(
        id: "s2", title: "Stakeholder register",
        intro: "The key organisations and players of each sector, the alliances they belong to, how developed each "
            + "sector is and who could support whom.",
        fields: [
            RecordField("register", "Stakeholder register", .rows(columns: [
                RecordField("organisation", "Organisation", .text),
                RecordField("sector", "Sector", .choice(threeSectors + [Choice("donor", "Donor"),
                                                                       Choice("other", "Other")])),
                RecordField("readiness", "Ready to collaborate", .choice([
                    Choice("ready", "Ready"), Choice("not-yet", "Not yet"), Choice("unknown", "Unknown"),
                ])),
                RecordField("people", "Key people", .text),
                RecordField("role", "Role or stake", .text),
                RecordField("alliances", "Alliances and networks",
                            hint: "Coalitions, chambers of commerce, federations, civil society networks.", .text),
                RecordField("notes", "Notes", .longText),
            ], defaults: [], nameColumn: "organisation")),
            RecordField("development", "How developed is each sector?",
                        hint: "Sometimes the first task of one sector is to actively support the development of "
                            + "another.",
                        .grid(rows: .fixed(threeSectors), cell: .choice([
                            Choice("well-developed", "Well developed"), Choice("developing", "Partly developed"),
                            Choice("weak", "Weak"), Choice("not-known", "Not known"),
                        ]))),
            RecordField("support", "Who could support whom", .rows(columns: [
                organisation("supporter", "Supporter"),
                organisation("supported", "Supported"),
                RecordField("how", "How", .text),
            ], defaults: [], nameColumn: nil)),
        ])

    /// The sector-specific strengths and hindrances the guide names in step 3, quoted.
    static let sectorTraits: [ChecklistItem] = [
        ChecklistItem("gov-laws", "the ability to create laws", group: "Government strengths"),
        ChecklistItem("gov-environment", "improve the enabling environment", group: "Government strengths"),
        ChecklistItem("gov-accountability", "in a democracy, improve public accountability and adjudicative functions",
                      group: "Government strengths"),
        ChecklistItem("gov-inertia", "inertia", group: "Government hindrances"),
        ChecklistItem("gov-micro-management", "micro-management", group: "Government hindrances"),
        ChecklistItem("gov-exhaustion", "exhaustion from an ongoing tension between demands and resources",
                      group: "Government hindrances"),
        ChecklistItem("gov-bureaucracy", "a bureaucratic culture", group: "Government hindrances"),
        ChecklistItem("bus-production", "access to production facilities", group: "Business strengths"),
        ChecklistItem("bus-expertise", "technical expertise", group: "Business strengths"),
        ChecklistItem("bus-market", "in the right policy environment, a market culture that promotes efficiency, "
                      + "innovation, entrepreneurship, competition and a strong client orientation",
                      group: "Business strengths"),
        ChecklistItem("bus-distrust", "a distrust of collective action", group: "Business hindrances"),
        ChecklistItem("bus-externalities", "an inability to deal with externalities", group: "Business hindrances"),
        ChecklistItem("bus-transparency", "a lack of transparency", group: "Business hindrances"),
        ChecklistItem("bus-short-term", "an overemphasis on short-term results", group: "Business hindrances"),
        ChecklistItem("civ-voluntaristic", "voluntaristic actors who are sensitive to members' needs and values",
                      group: "Civil society strengths"),
        ChecklistItem("civ-flexible", "organizations that tend to be smaller and more flexible than the other "
                      + "partners", group: "Civil society strengths"),
        ChecklistItem("civ-underfunding", "a cycle of underfunding", group: "Civil society hindrances"),
        ChecklistItem("civ-process", "a focus on process rather than product", group: "Civil society hindrances"),
        ChecklistItem("civ-parochialism", "parochialism about working with outsiders",
                      group: "Civil society hindrances"),
        ChecklistItem("civ-management", "a concern with various management and organizational challenges",
                      group: "Civil society hindrances"),
    ]

    static let step3 = Worksheet(
        id: "s3", title: "Strengths and hindrances",
        intro: "Mark which typical strengths and hindrances the guide names apply here, list the impediments to "
            + "partnering, and log the interviews.",
        fields: [
            RecordField("traits", "Strengths and hindrances (quoted from the guide)",
                        .checklist(items: sectorTraits, marks: [
                            Choice("applies", "Applies here"), Choice("does-not-apply", "Does not apply"),
                            Choice("not-discussed", "Not discussed"),
                        ])),
            list("impediments", "Impediments to partnering", item: "impediment"),
            RecordField("interviews", "Interviews", hint: "Ask them about their histories, attitudes, and personal "
                        + "networks.", .rows(columns: [
                organisation("interviewee", "Interviewee"),
                RecordField("date", "Date", .date),
                RecordField("interviewer", "Interviewed by", .text),
                RecordField("wouldWorkWith", "Could work with",
                            hint: "The guide's test: “Could you imagine working with ‘X' to solve that problem or take "
                                + "advantage of this opportunity?”", .text),
                RecordField("history", "History", .longText),
                RecordField("attitudes", "Attitudes", .longText),
                RecordField("networks", "Personal networks", .longText),
            ], defaults: [], nameColumn: nil)),
        ])

    static let step4 = Worksheet(
        id: "s4", title: "Convening plan",
        intro: "Who convenes and who accepts them, where, who moderates, the first meeting and its outcome, and a new "
            + "organisation.",
        fields: [
            organisation("convener", "Convener", hint: "Well regarded by all parties; choose from the register or "
                         + "type a name."),
            RecordField("acceptance", "Does each sector accept the convener?",
                        .grid(rows: .fixed(threeSectors + [Choice("donor", "Donor")]), cell: .choice(accepts))),
            RecordField("stakeholderAcceptance", "Other major stakeholders' acceptance of the convener",
                        hint: "The convening individual or group needs to have credibility with all the major "
                            + "stakeholders.",
                        .rows(columns: [
                            organisation("stakeholder", "Stakeholder"),
                            RecordField("accepts", "Accepts the convener", .choice(accepts)),
                        ], defaults: [], nameColumn: nil)),
            RecordField("venue", "Venue", .text),
            RecordField("neutral", "Is the venue neutral ground?", .choice([
                Choice("yes", "Yes"), Choice("no", "No"), Choice("not-sure", "Not sure"),
            ])),
            RecordField("moderator", "Moderator", .text),
            RecordField("firstMeeting", "Date of the first meeting", .date),
            RecordField("agenda", "Agenda of the first meeting", hint: "Perhaps introductions and a sharing of "
                        + "viewpoints on the key issues.", .longText),
            RecordField("outcome", "Outcome: enough trust and commitment to meet again?", .choice([
                Choice("yes", "Yes"), Choice("no", "No"), Choice("not-yet", "Not yet"),
            ])),
            RecordField("history", "Do the parties have a history of interaction?",
                        hint: "If the players have not had a history of interaction, the meeting might end right "
                            + "there with a summary of different viewpoints written for distribution.",
                        .choice([Choice("yes", "Yes"), Choice("some", "Some"), Choice("no", "No")])),
            RecordField("viewpoints", "A summary of different viewpoints written for distribution", .longText),
            RecordField("newOrganisation", "Will a new organisation carry the partnership?",
                        hint: "Often a new organization will be created to facilitate the formation and perpetuate "
                            + "the linkages of an ISP.",
                        .choice([Choice("yes", "Yes"), Choice("no", "No"), Choice("undecided", "Not decided")])),
            RecordField("organisationForm", "Form of the new organisation", .text),
        ])

    static let step5 = Worksheet(
        id: "s5", title: "Problem and vision",
        intro: "The problem as the partners agree to state it, the vision, and each organisation's commitment.",
        fields: [
            RecordField("problem", "Agreed problem statement", .longText),
            RecordField("vision", "Vision", .longText),
            RecordField("commitments", "Commitment of each organisation in the register",
                        .grid(rows: .rowsOf(PartnershipRecords.register), cell: .choice([
                            Choice("committed", "Committed"), Choice("undecided", "Undecided"),
                            Choice("not-committed", "Not committed"),
                        ]))),
        ])

    static let step6 = Worksheet(
        id: "s6", title: "Ground rules and action plan",
        intro: "The ground rules, each agreed or not; the actions and their owners; the mediator, the capacity "
            + "building needed and each partner's contribution.",
        fields: [
            RecordField("groundRules", "Ground rules", .rows(columns: [
                RecordField("rule", "Ground rule", .text),
                RecordField("agreed", "Agreed", .choice([
                    Choice("agreed", "Agreed"), Choice("not-agreed", "Not agreed"),
                ])),
            ], defaults: [
                DefaultRow(id: "rule-say-no", cells: ["rule": "The right to say no"]),
                DefaultRow(id: "rule-honesty", cells: ["rule": "Honesty"]),
                DefaultRow(id: "rule-accountability", cells: ["rule": "Accountability"]),
                DefaultRow(id: "rule-perspectives", cells: ["rule": "A commitment to help address other parties' "
                                                            + "perspectives as well as one's own"]),
            ], nameColumn: "rule")),
            RecordField("actions", "Action plan", .rows(columns: [
                RecordField("action", "Action", .text),
                organisation("ownerOrganisation", "Owner organisation", hint: "From the register, or typed."),
                RecordField("due", "Due date", .date),
                RecordField("status", "Status", .choice(progress)),
                RecordField("ownerPerson", "Owner person", .text),
                RecordField("resources", "Resources", .text),
                RecordField("question", "Question it answers", .choice([
                    Choice("s6.q1", "Implementing the strategies"), Choice("s6.q2", "Respecting interests"),
                    Choice("s6.q3", "Mediating tensions"), Choice("s6.q4", "Capacity building"),
                    Choice("s6.q5", "Resource sharing"),
                ])),
            ], defaults: [], nameColumn: "action")),
            organisation("mediator", "Mediator", hint: "Who mediates the tensions and conflicts; choose from the "
                         + "register or type a name."),
            RecordField("capacityBuilding", "Capacity building", .rows(columns: [
                organisation("actor", "Actor"),
                RecordField("need", "Capacity building needed", .text),
                RecordField("due", "Due date", .date),
                RecordField("status", "Status", .choice(progress)),
            ], defaults: [], nameColumn: nil)),
            RecordField("contributions", "Each partner's contribution", hint: "How resource sharing will take place.",
                        .rows(columns: [
                            organisation("partner", "Partner"),
                            RecordField("contribution", "Contribution", .text),
                        ], defaults: [], nameColumn: nil)),
        ])

    static let step7 = Worksheet(
        id: "s7", title: "Keeping the partnership going",
        intro: "Resources after outside support, what keeps the partnership going, linkages, ideas for expansion, "
            + "and whether to continue, change or close.",
        fields: [
            RecordField("resources", "Resources once outside support ends", .rows(columns: [
                RecordField("resource", "Resource", .text),
                RecordField("source", "Source", .choice([Choice("local", "Local"), Choice("outside", "Outside")])),
            ], defaults: [], nameColumn: nil)),
            list("linkages", "Linkages to wider networks and institutions", item: "linkage"),
            list("expansion", "Ideas for expansion or new issues", item: "idea"),
            RecordField("agreement", "Agreement that keeps the partnership going", .text),
            RecordField("structure", "Structure", hint: "Who decides, how often the partners meet.", .text),
            organisation("host", "Host organisation", hint: "From the register, or typed."),
            RecordField("future", "Should the partnership continue, change or close?", .choice([
                Choice("continue", "Continue"), Choice("change", "Change"), Choice("close", "Close"),
            ])),
            RecordField("futureNote", "Why, and what changes", .longText),
        ])
}
