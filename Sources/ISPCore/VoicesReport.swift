/// The parts of the readiness summary that several voices add: who took part, the sector × step table, the
/// divergent questions with who rated what, and the consensus recorded. A session of one voice shows none.

extension SummaryReport {
    /// The participants by sector; none for a session of one voice.
    var participantLines: [ReportLine] {
        let raters = session.raters
        guard !raters.isEmpty else { return [] }
        var lines = [ReportLine(.heading, "Participants: \(raters.count)")]
        for sector in Sector.allCases.map(Optional.some) + [nil] {
            let names = numbered(raters).filter { $0.participant.sector == sector }
                .map { describe($0.participant, number: $0.number, withSector: false) }
            guard !names.isEmpty else { continue }
            lines.append(ReportLine(.text, "- \(sector?.label ?? "No sector"): \(names.joined(separator: ", "))",
                                    indent: 2))
        }
        return lines + [ReportLine(.blank)]
    }

    /// Sector means by step, divergent questions and the consensus recorded; none for a session of one voice.
    var voicesLines: [ReportLine] {
        guard !session.raters.isEmpty else { return [] }
        var lines = [ReportLine(.blank), ReportLine(.heading, "Sector means by step")]
        lines += sectorLines
        lines.append(ReportLine(.blank))
        let divergent = voices.divergentPrompts
        lines.append(ReportLine(.heading, "Divergent ratings (2 or more apart, or hidden dissent): \(divergent.count)"))
        lines += divergent.flatMap(divergenceLines)
        lines.append(ReportLine(.blank))
        lines.append(ReportLine(.heading, "Consensus recorded: \(voices.consensusPrompts.count)"))
        lines += voices.consensusPrompts.map { consensus in
            let reason = consensus.reason.isBlank ? "no reason recorded" : consensus.reason.onOneLine
            return ReportLine(.text, "- \(place(consensus.prompt)) (\(ratingLabel(consensus.prompt))): \(reason)",
                              indent: 4)
        }
        return lines
    }

    /// How a prompt's group rating reads in a list: "1 Emerging", "2.5, no consensus yet", or with fewer than
    /// three ratings each of them ("1 and 3, no consensus yet"), or "not answered".
    func ratingLabel(_ reference: PromptReference) -> String {
        let answer = session.answer(for: reference.promptID)
        let rating: Rating
        switch answer.groupRating(in: session.raters) {
        case .given(let given): rating = given
        case .notApplicable: rating = .notApplicable
        case .dontKnow: rating = .dontKnow
        case .unanswered: return "not answered"
        case .mean(let mean):
            let stages = answer.stages(in: session.raters)
            let shown = stages.count < 3 ? stages.map(String.init).joined(separator: " and ") : String(format1: mean)
            return "\(shown), no consensus yet"
        }
        return "\(rating.code) \(rating.label)"
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
                    groupRating: .init(kind: kind(of: group), value: group.code, score: group.score),
                    consensus: session.raters.isEmpty ? nil : answer.rating, reason: answer.reason,
                    notes: answer.notes,
                    voices: answer.voices(in: session.raters).map {
                        .init(participantID: $0.participant.id, rating: $0.voice.rating, note: $0.voice.note)
                    })
            }
        }
    }

    /// The table of sector means (rows) by step (columns) with a shade for the band, the gap row, its legend,
    /// and the steps on which the sectors differ, in words.
    private var sectorLines: [ReportLine] {
        let rated = Sector.allCases.filter { sector in
            voices.steps.contains { $0.means.contains { $0.sector == sector } }
        }
        guard !rated.isEmpty else {
            return [ReportLine(.text, "No participant with a sector has rated a question yet.", indent: 2)]
        }
        let rows = rated.map { sector in
            ReportTable.Row(
                label: sector.label, abbreviation: sector.abbreviation,
                cells: voices.steps.map { step in
                    let mean = step.means.first { $0.sector == sector }?.mean
                    return mean.map { String(format1: $0) + shade($0) } ?? "- "
                })
        }
        let gaps = ReportTable.Row(
            label: "Gap",
            cells: voices.steps.map { step in
                step.gap.map { String(format1: $0) + (step.sectorsDiffer ? "!" : " ") } ?? "- "
            })
        let header = ReportTable.Row(label: "Step", abbreviation: "", cells: voices.steps.map { "\($0.stepNumber) " })
        var lines = [
            ReportLine(table: ReportTable(header: header, rows: rows + [gaps]), indent: 2),
            ReportLine(.text, "█ Ready  ▒ Developing  ░ Not ready  ! gap 1.0 or more", indent: 2),
        ]
        for step in voices.steps where step.sectorsDiffer {
            guard let (highest, lowest) = step.extremes else { continue }
            let title = guide.steps[step.stepNumber - 1].title
            lines.append(
                ReportLine(
                    .text,
                    "- Step \(step.stepNumber), \(title): the sectors see this step differently, from "
                        + "\(lowest.sector.label) \(String(format1: lowest.mean)) to \(highest.sector.label) "
                        + "\(String(format1: highest.mean)).",
                    indent: 2))
        }
        return lines
    }

    /// A divergent question: its statistics when there are three ratings or more, who rated what, and the
    /// consensus' reason or the lack of one.
    private func divergenceLines(_ divergent: DivergentPrompt) -> [ReportLine] {
        let reference = divergent.prompt
        var lines = [flagLine(reference)]
        if !divergent.showsEachRating {
            let statistics = switch divergent.divergence {
            case .spread(let lowest, let highest): "\(divergent.stageRatings) ratings span \(lowest) to \(highest)."
            case .hiddenDissent(let lowest, let mean):
                "The mean is \(String(format1: mean)), yet someone rated \(lowest): hidden dissent."
            }
            lines.append(ReportLine(.text, statistics, indent: 6))
        }
        let answer = session.answer(for: reference.promptID)
        for (participant, voice) in answer.voices(in: session.raters) {
            let rating = voice.rating.map { "\($0.code) \($0.label)" } ?? "no rating"
            let note = voice.note.isBlank ? "" : " — \(voice.note.onOneLine)"
            let number = (session.raters.firstIndex { $0.id == participant.id } ?? 0) + 1
            let who = describe(participant, number: number, withSector: true)
            lines.append(ReportLine(.text, "- \(who): \(rating)\(note)", indent: 6))
        }
        if divergent.consensusWithoutReason {
            lines.append(
                ReportLine(.text, "! Consensus without a reason: record why the group settled on it.", indent: 6))
        } else if answer.rating != nil {
            lines.append(ReportLine(.text, "Reason for the consensus: \(answer.reason.onOneLine)", indent: 6))
        }
        return lines
    }

    /// "Step 2 Q3".
    func place(_ reference: PromptReference) -> String {
        "Step \(reference.stepNumber) Q\(reference.questionNumber)"
    }

    /// Participants with their 1-based position in the session, which names those without a name.
    private func numbered(_ participants: [Participant]) -> [(number: Int, participant: Participant)] {
        participants.enumerated().map { ($0.offset + 1, $0.element) }
    }

    /// "Ana Lima (Water Board, Government)": the display name, then what it does not already say.
    private func describe(_ participant: Participant, number: Int, withSector: Bool) -> String {
        var details: [String] = []
        if !participant.name.isBlank && !participant.organisation.isBlank { details.append(participant.organisation) }
        if withSector, let sector = participant.sector { details.append(sector.label) }
        let name = participant.displayName(number: number).onOneLine
        return details.isEmpty ? name : "\(name) (\(details.map(\.onOneLine).joined(separator: ", ")))"
    }

    /// The shade of a mean's band, so that the table scans without colour.
    private func shade(_ mean: Double) -> String {
        tenths(mean) >= 30 ? "█" : tenths(mean) >= 20 ? "▒" : "░"
    }

    /// What a group rating is, for the JSON summary.
    private func kind(of group: GroupRating) -> String {
        switch group {
        case .given: session.raters.isEmpty ? "rating" : "consensus"
        case .mean: "mean"
        case .notApplicable: "not-applicable-by-all"
        case .dontKnow: "dont-know"
        case .unanswered: "unanswered"
        }
    }
}

extension Sector {
    /// A label of at most five letters, for a table on a narrow screen.
    var abbreviation: String {
        switch self {
        case .government: "Gov."
        case .business: "Bus."
        case .civilSociety: "Civil"
        case .donor: "Donor"
        case .other: "Other"
        }
    }
}

extension String {
    /// The text on one line: line breaks and tabs become spaces, so that a note stays inside its list item.
    var onOneLine: String {
        String(map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}

/// A prompt in the JSON summary: the group's rating and every voice behind it.
struct PromptDocument: Encodable {
    struct GroupRatingDocument: Encodable {
        /// consensus, rating (one voice), mean, not-applicable-by-all, dont-know or unanswered.
        var kind: String
        /// As in flags: a rating's code or a mean with one decimal.
        var value: String?
        var score: Double?
    }

    struct VoiceDocument: Encodable {
        var participantID: String
        var rating: Rating?
        var note: String
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
    var voices: [VoiceDocument]
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
