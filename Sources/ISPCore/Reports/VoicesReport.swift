import Messages

/// The parts of the readiness summary that several voices add: who took part, the sector × step table, the
/// divergent questions with who rated what, and the consensus recorded. A session of one voice shows none.

extension SummaryReport {
    /// The participants by sector; none for a session of one voice.
    var participantSections: [ReportSection] {
        let raters = session.raters
        guard !raters.isEmpty else { return [] }
        let items = (Sector.allCases.map(Optional.some) + [nil]).compactMap { sector -> ReportListItem? in
            let names = numbered(raters).filter { $0.participant.sector == sector }
                .map { describe($0.participant, number: $0.number, withSector: false) }
            guard !names.isEmpty else { return nil }
            let sector = sector.map { language.text($0.message) } ?? language.text(.reportNoSector)
            let listed = names.joined(separator: ", ")
            return ReportListItem(language.text(.reportParticipantsSector, ["sector": .text(sector),
                                                                            "names": .text(listed)]))
        }
        return [ReportSection(id: "participants",
                              heading: language.text(.reportParticipants, ["count": .integer(raters.count)]),
                              blocks: [.list(ReportList(items))])]
    }

    /// Sector means by step, divergent questions, the consensus recorded and the questions voted anonymously; none
    /// for a session of one voice.
    func voicesSections(listingVoices: Bool) -> [ReportSection] {
        guard session.hasSeveralVoices else { return [] }
        let divergent = voices.divergentPrompts
        // Each rater is described once, not once a divergent question.
        let described = listingVoices ? Dictionary(session.raters.map { ($0.id, describe($0, withSector: true)) },
                                                   uniquingKeysWith: { first, _ in first }) : nil
        // Only a consensus with its reason is listed: one without is counted, and where the voices asked for a
        // reason the divergent question above says so.
        let (reasoned, unreasoned) = (voices.consensusPrompts.filter { !$0.reason.isBlank },
                                      voices.consensusPrompts.filter { $0.reason.isBlank })
        let consensus = reasoned.map { consensus in
            ReportListItem(language.text(.reportFlaggedQuestion, [
                "place": .text(place(consensus.prompt)), "rating": .text(ratingLabel(consensus.prompt)),
                "text": .text(consensus.reason),
            ]))
        }
        let withoutReason: [ReportBlock] = unreasoned.isEmpty ? [] : [
            .paragraph(language.text(.reportConsensusUnreasoned, ["count": .integer(unreasoned.count)])),
        ]
        return [
            ReportSection(id: "sector-means", heading: language.text(.reportSectorMeans), blocks: sectorBlocks),
            ReportSection(id: "divergence",
                          heading: language.text(.reportDivergence, ["count": .integer(divergent.count)]),
                          blocks: questionList(divergent.map { divergenceItem($0, describing: described) })),
            ReportSection(id: "consensus",
                          heading: language.text(.reportConsensus, ["count": .integer(voices.consensusPrompts.count)]),
                          blocks: questionList(consensus) + withoutReason),
        ] + (voices.consensusAgainstVoices.isEmpty ? [] : [
            ReportSection(id: "consensus-differs",
                          heading: language.text(.reportConsensusDiffers,
                                                 ["count": .integer(voices.consensusAgainstVoices.count)]),
                          blocks: [.paragraph(language.text(.reportConsensusDiffersExplained))]
                              + questionList(voices.consensusAgainstVoices.map(flagItem))),
        ]) + anonymousSections
    }

    /// The questions voted anonymously, each with its votes counted; nothing when there are none.
    private var anonymousSections: [ReportSection] {
        let items = guide.steps.enumerated().flatMap { stepIndex, step in
            step.prompts.enumerated().compactMap { promptIndex, prompt -> ReportListItem? in
                let answer = session.answer(for: prompt.id)
                guard answer.distribution != nil else { return nil }
                var item = flagItem(PromptReference(prompt: prompt, stepNumber: stepIndex + 1,
                                                    questionNumber: promptIndex + 1,
                                                    rating: answer.groupRating(in: session.raters)))
                item.details = distributionBlocks(answer)
                return item
            }
        }
        guard !items.isEmpty else { return [] }
        return [ReportSection(id: "anonymous-ballots",
                              heading: language.text(.votesReportAnonymous, ["count": .integer(items.count)]),
                              blocks: questionList(items))]
    }

    /// An anonymous ballot's votes: the count of each answer ("3 × In place, 2 × Partial and 1 × Don't know;
    /// anonymous ballot"), each sector's where at least three votes carry it, and the voters' notes, never with a
    /// name. Nothing for a question voted by name.
    func distributionBlocks(_ answer: Answer) -> [ReportBlock] {
        guard let distribution = answer.distribution else { return [] }
        var blocks: [ReportBlock] = [
            .paragraph(language.text(.votesReportDistribution, [
                "counts": Distribution.countsList(distribution.votes(for:)),
            ])),
        ]
        let sectors = distribution.sectors.map { sector in
            ReportListItem(language.text(.votesReportSector, [
                "sector": .message(sector.message),
                "counts": Distribution.countsList { rating in
                    distribution.counts.first { $0.rating == rating && $0.sector == sector }?.votes ?? 0
                },
            ]))
        }
        if !sectors.isEmpty { blocks.append(.list(ReportList(sectors))) }
        if !distribution.notes.isEmpty {
            blocks.append(.paragraph(language.text(.votesReportNotes, ["count": .integer(distribution.notes.count)])))
            blocks.append(.list(ReportList(distribution.notes.map { ReportListItem($0.onOneLine) })))
        }
        return blocks
    }

    /// How a prompt's group rating reads in a list: "1 Emerging", "2.5, no consensus yet", or with fewer than
    /// three ratings each of them ("1 and 3, no consensus yet"), or "not answered".
    func ratingLabel(_ reference: PromptReference) -> String {
        let answer = session.answer(for: reference.promptID)
        let rating: Rating
        let group = answer.groupRating(in: session.raters)
        switch group {
        case .given(let given): rating = given
        case .notApplicable: rating = .notApplicable
        case .dontKnow: rating = .dontKnow
        case .unanswered: return language.text(.reportRatingNotAnswered)
        case .dontKnowMajority, .mostlyNotApplicable:
            return language.text(.reportRatingSplit, ["split": group.split.map(MessageArgument.message) ?? .text("")])
        case .mean(let mean):
            let stages = answer.stages(in: session.raters)
            let shown = stages.count < 3 ? language.list(stages.map(String.init)) : language.decimal(mean)
            return language.text(.reportRatingMean, ["shown": .text(shown), "rated": .integer(stages.count),
                                                     "count": .integer(answer.voterCount(in: session.raters))])
        }
        return rated(rating)
    }

    /// "1 Emerging": a rating's code and name.
    func rated(_ rating: Rating) -> String {
        language.text(.reportRating, ["code": .text(rating.code), "name": .message(rating.message)])
    }

    /// "3 In place · found unfavourable": a rating as shown, with what the room found beside it when it found
    /// something.
    func found(_ rating: String, _ finding: Finding?) -> String {
        finding.map { language.text(.reportRatingFound, ["rating": .text(rating), "finding": .message($0.message)]) }
            ?? rating
    }

    /// The analysis questions on which the group, or a partner merged in, recorded what it found: each with its
    /// group rating and the group's finding, and the partners' findings under it. None when nothing was found.
    var findingSections: [ReportSection] {
        let items = guide.steps.enumerated().flatMap { stepIndex, step in
            step.prompts.enumerated().compactMap { promptIndex, prompt -> ReportListItem? in
                let answer = session.answer(for: prompt.id)
                let partners = answer.voices(in: session.raters).compactMap { participant, voice in
                    voice.finding.map { (participant: participant, finding: $0) }
                }
                guard answer.finding != nil || !partners.isEmpty else { return nil }
                let reference = PromptReference(prompt: prompt, stepNumber: stepIndex + 1,
                                                questionNumber: promptIndex + 1,
                                                rating: answer.groupRating(in: session.raters))
                let text = language.text(.reportFlaggedQuestion, [
                    "place": .text(place(reference)), "rating": .text(found(ratingLabel(reference), answer.finding)),
                    "text": .text(prompt.text),
                ])
                let found = partners.map { partner in
                    ReportListItem(language.text(.reportVoiceFound, [
                        "who": .text(describe(partner.participant, withSector: true)),
                        "finding": .message(partner.finding.message),
                    ]))
                }
                return ReportListItem(text, details: found.isEmpty ? [] : [.list(ReportList(found))])
            }
        }
        guard !items.isEmpty else { return [] }
        let heading = language.text(.reportFindings, ["count": .integer(items.count)])
        return [ReportSection(id: "findings", heading: heading,
                              blocks: [.paragraph(language.text(.reportFindingsExplained))] + questionList(items))]
    }

    /// Every prompt of the guide for the JSON summary, with its group rating and every voice.
    var promptDocuments: [PromptDocument] {
        guide.steps.enumerated().flatMap { stepIndex, step in
            step.prompts.enumerated().map { promptIndex, prompt in
                let answer = session.answer(for: prompt.id)
                let group = answer.groupRating(in: session.raters)
                return PromptDocument(
                    promptID: prompt.id, stepNumber: stepIndex + 1, questionNumber: promptIndex + 1,
                    text: prompt.text, critical: prompt.critical,
                    groupRating: .init(kind: kind(of: group, on: prompt.id), value: group.code, score: group.score),
                    consensus: session.hasSeveralVoices(on: prompt.id) ? answer.rating : nil, reason: answer.reason,
                    notes: answer.notes, carriedOver: answer.isCarriedOver, finding: answer.finding,
                    voices: answer.voices(in: session.raters).map {
                        .init(participantID: $0.participant.id, rating: $0.voice.rating, note: $0.voice.note,
                              finding: $0.voice.finding)
                    }, distribution: answer.distribution)
            }
        }
    }

    /// The sector map and the steps on which the sectors differ, in words.
    var sectorBlocks: [ReportBlock] {
        let map = SectorMap(guide: guide, voices: voices)
        guard !map.sectors.isEmpty else {
            return [.paragraph(language.text(.reportNoSectorRatings))]
        }
        let differ = voices.steps.flatMap { step -> [ReportListItem] in
            let title: [String: MessageArgument] = [
                "step": .integer(step.stepNumber),
                "title": .text(guide.steps[step.stepNumber - 1].title.bidiBalanced()),
            ]
            var items: [ReportListItem] = []
            if step.sectorsDiffer, let comparison = step.comparison {
                items.append(ReportListItem(language.text(.reportSectorsDiffer, title.merging(
                    ["comparing": .message(comparison.comparingMessage)]) { _, new in new })))
            }
            if step.donorsDiffer, let donors = step.donorComparison {
                items.append(ReportListItem(language.text(.reportDonorsDiffer, title.merging(
                    ["comparing": .message(donors.comparingMessage)]) { _, new in new })))
            }
            return items
        }
        return [.sectorMap(map)] + (differ.isEmpty ? [] : [.list(ReportList(differ))])
    }

    /// A divergent question: its statistics when there are three ratings or more, who rated what (with the raters
    /// `described` by id), and the consensus' reason or the lack of one.
    private func divergenceItem(_ divergent: DivergentPrompt, describing described: [String: String]?)
        -> ReportListItem
    {
        let reference = divergent.prompt
        var details: [ReportBlock] = []
        if !divergent.showsEachRating {
            let statistics = switch divergent.divergence {
            case .spread(let lowest, let highest):
                language.text(.reportSpread, ["count": .integer(divergent.stageRatings), "lowest": .integer(lowest),
                                              "highest": .integer(highest)])
            case .hiddenDissent(let lowest, let mean):
                language.text(.reportHiddenDissent, ["mean": .decimal(mean), "lowest": .integer(lowest)])
            }
            details.append(.paragraph(statistics))
        }
        let answer = session.answer(for: reference.promptID)
        if described != nil { details += distributionBlocks(answer) }
        if let described {
            details.append(.list(ReportList(answer.voices(in: session.raters).map { participant, voice in
                let arguments: [String: MessageArgument] = [
                    "who": .text(described[participant.id] ?? ""), "note": .text(voice.note),
                    "rating": .text(found(voice.rating.map(rated) ?? language.text(.reportNoRating), voice.finding)),
                ]
                return ReportListItem(language.text(voice.note.isBlank ? .reportVoice : .reportVoiceNoted, arguments))
            })))
        }
        return ReportListItem(flagItem(reference).text, details: details + consensusBlocks(divergent))
    }

    /// A divergent question in short, for a hand-out: a line a sector with what each of its participants rated
    /// and said, then the consensus' reason where one is recorded (a hand-out states facts; asking for a reason is
    /// the record's).
    func sectorDivergenceItem(_ divergent: DivergentPrompt) -> ReportListItem {
        let voices = session.answer(for: divergent.prompt.promptID).voices(in: session.raters)
        let lines = (Sector.allCases.map(Optional.some) + [nil]).compactMap { sector -> ReportListItem? in
            let said = voices.filter { $0.participant.sector == sector }.map { participant, voice in
                MessageArgument.message(Message(voice.note.isBlank ? .handoutVoice : .handoutVoiceNoted, [
                    "who": .text(displayName(participant).onOneLine.bidiBalanced()),
                    "rating": .text(voice.rating.map(rated) ?? language.text(.reportNoRating)),
                    "note": .text(voice.note.onOneLine.bidiBalanced()),
                ]))
            }
            guard !said.isEmpty else { return nil }
            let name = sector.map { language.text($0.message) } ?? language.text(.reportNoSector)
            return ReportListItem(language.text(.handoutSectorVoices, ["sector": .text(name),
                                                                      "voices": .list(said, .and)]))
        }
        return ReportListItem(flagItem(divergent.prompt).text,
                              details: distributionBlocks(session.answer(for: divergent.prompt.promptID))
                                  + (lines.isEmpty ? [] : [.list(ReportList(lines))])
                                  + consensusBlocks(divergent, asking: false))
    }

    /// The reason for a divergent question's consensus, or (`asking`) a remark that asks for one; nothing without a
    /// consensus.
    private func consensusBlocks(_ divergent: DivergentPrompt, asking: Bool = true) -> [ReportBlock] {
        let answer = session.answer(for: divergent.prompt.promptID)
        if divergent.consensusWithoutReason {
            return asking ? [.remark(language.text(.reportConsensusWithoutReason))] : []
        } else if answer.rating != nil {
            return [.paragraph(language.text(.reportConsensusReason, ["reason": .text(answer.reason.onOneLine)]))]
        }
        return []
    }

    /// "Step 2 Q3".
    func place(_ reference: PromptReference) -> String {
        language.text(.reportPlace, ["step": .integer(reference.stepNumber),
                                     "question": .integer(reference.questionNumber)])
    }

    /// Participants with their 1-based position in the session, which names those without a name.
    private func numbered(_ participants: [Participant]) -> [(number: Int, participant: Participant)] {
        participants.enumerated().map { ($0.offset + 1, $0.element) }
    }

    /// "Ana Lima (Water Board, Government)": the display name, then what it does not already say.
    private func describe(_ participant: Participant, number: Int, withSector: Bool) -> String {
        var details: [String] = []
        if !participant.name.isBlank && !participant.organisation.isBlank { details.append(participant.organisation) }
        if withSector, let sector = participant.sector { details.append(language.text(sector.message)) }
        let name = participant.displayName(number: number, in: language).onOneLine.bidiBalanced()
        let shown = details.map { $0.onOneLine.bidiBalanced() }
        return shown.isEmpty ? name : language.text(.reportParticipantDescribed, [
            "name": .text(name), "details": .text(shown.joined(separator: ", ")),
        ])
    }

    /// A participant of the session described, numbered by its place among the raters.
    func describe(_ participant: Participant, withSector: Bool) -> String {
        describe(participant, number: number(of: participant), withSector: withSector)
    }

    /// A participant's name, organisation or "Participant 3", numbered by its place among the raters.
    func displayName(_ participant: Participant) -> String {
        participant.displayName(number: number(of: participant), in: language)
    }

    private func number(of participant: Participant) -> Int {
        raterNumbers[participant.id] ?? 1
    }

    /// What a prompt's group rating is, for the JSON summary.
    private func kind(of group: GroupRating, on promptID: String) -> String {
        switch group {
        case .given: session.hasSeveralVoices(on: promptID) ? "consensus" : "rating"
        case .mean: "mean"
        case .notApplicable: "not-applicable-by-all"
        case .dontKnow: "dont-know"
        case .dontKnowMajority: "dont-know-majority"
        case .mostlyNotApplicable: "mostly-not-applicable"
        case .unanswered: "unanswered"
        }
    }
}

extension Sector {
    /// A label of at most five letters, for a table on a narrow screen.
    func abbreviation(in language: Language) -> String {
        switch self {
        case .government: language.text(.reportSectorShortGovernment)
        case .business: language.text(.reportSectorShortBusiness)
        case .civilSociety: language.text(.reportSectorShortCivilSociety)
        case .donor: language.text(.reportSectorShortDonor)
        case .other: language.text(.reportSectorShortOther)
        }
    }
}

extension String {
    /// The text on one line: line breaks and tabs become spaces, so that a note stays inside its list item.
    var onOneLine: String {
        // Nearly all text is on one line already, which its scalars tell faster than its characters.
        let breaksLine = unicodeScalars.contains { $0 == "\t" || $0.isLineBreak }
        guard breaksLine else { return self }
        return String(map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}

extension Unicode.Scalar {
    /// Whether the scalar breaks a line (LF, VT, FF, CR, NEL, LS, PS), as a newline character starts with one: a
    /// character of its own, or CR LF.
    var isLineBreak: Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}

/// A prompt in the JSON summary: the group's rating and every voice behind it.
struct PromptDocument: Encodable {
    struct GroupRatingDocument: Encodable {
        /// consensus, rating (one voice), mean, not-applicable-by-all, dont-know, dont-know-majority,
        /// mostly-not-applicable or unanswered.
        var kind: String
        /// As in flags: a rating's code or a mean with one decimal.
        var value: String?
        var score: Double?
    }

    struct VoiceDocument: Encodable {
        var participantID: String
        var rating: Rating?
        var note: String
        /// What a partner merged in found; left out when nothing.
        var finding: Finding?
    }

    var promptID: String
    var stepNumber: Int
    var questionNumber: Int
    var text: String
    var critical: Bool
    var groupRating: GroupRatingDocument
    /// The recorded consensus; only in a session with participants, where the rating is one.
    var consensus: Rating?
    var reason: String
    var notes: String
    /// Brought over from the previous round and not yet confirmed.
    var carriedOver: Bool
    /// What the group found on an analysis question, never scored; left out when nothing.
    var finding: Finding?
    var voices: [VoiceDocument]
    /// The anonymous ballot's votes, with no participant: each rating's count, by sector where at least three votes
    /// carry one, and the voters' notes; left out for a question voted by name.
    var distribution: Distribution?
}

/// A divergent prompt in the JSON summary.
struct DivergenceDocument: Encodable {
    var promptID: String
    var stepNumber: Int
    var questionNumber: Int
    /// spread or hidden-dissent.
    var kind: String
    var lowest: Int
    var highest: Int?
    var mean: Double?
    var stageRatings: Int
    var consensusWithoutReason: Bool

    init(_ divergent: DivergentPrompt) {
        promptID = divergent.prompt.promptID
        stepNumber = divergent.prompt.stepNumber
        questionNumber = divergent.prompt.questionNumber
        stageRatings = divergent.stageRatings
        consensusWithoutReason = divergent.consensusWithoutReason
        switch divergent.divergence {
        case .spread(let lowest, let highest):
            (kind, self.lowest, self.highest) = ("spread", lowest, highest)
        case .hiddenDissent(let lowest, let mean):
            (kind, self.lowest, self.mean) = ("hidden-dissent", lowest, mean)
        }
    }
}
