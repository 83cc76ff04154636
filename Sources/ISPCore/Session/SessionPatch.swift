/// What changes to a session altered: each part they touched, as it was before the first and after the last, so
/// that they can be undone and redone. It holds the parts only (an answer without its voices, one voice, one
/// worksheet's records), never a copy of the session: a change in a workshop of a thousand voices keeps a voice.
public struct SessionPatch: Equatable, Sendable {
    /// The parts in the order they were first touched.
    private var parts: [SessionPart] = []
    private var before: [SessionPart: SessionPartValue] = [:]
    private var after: [SessionPart: SessionPartValue] = [:]

    public init() {}

    /// A patch of the parts whose values differ between before and after.
    init(_ touched: [SessionPart], before: [SessionPartValue], after: [SessionPartValue]) {
        for (part, (old, new)) in zip(touched, zip(before, after)) where old != new && self.before[part] == nil {
            parts.append(part)
            self.before[part] = old
            self.after[part] = new
        }
    }

    /// Whether it changed nothing.
    public var isEmpty: Bool { parts.isEmpty }

    /// Adds what a later change altered: a part both touched keeps its value from before this patch.
    public mutating func append(_ later: SessionPatch) {
        var later = later
        // One participant's part lies inside the list's: where one patch holds the list, the other's edits of one
        // participant go into it, so that the parts never overlap.
        if case .participants(var list)? = later.before[.participants] {
            for (index, participant) in participantEdits(undoing: true) where list.indices.contains(index) {
                list[index] = participant
            }
            later.before[.participants] = .participants(list)
            removeParticipantEdits()
        } else if case .participants(var list)? = after[.participants] {
            for (index, participant) in later.participantEdits(undoing: false) where list.indices.contains(index) {
                list[index] = participant
            }
            after[.participants] = .participants(list)
            later.removeParticipantEdits()
        }
        for part in later.parts {
            if before[part] == nil {
                parts.append(part)
                before[part] = later.before[part]
            }
            after[part] = later.after[part]
        }
    }

    /// The participants edited one by one, by index, as they were before this patch or after it.
    private func participantEdits(undoing: Bool) -> [(index: Int, participant: Participant)] {
        parts.compactMap { part in
            guard case .participant(let index) = part, case .participant(let participant?)? = undoing ? before[part]
                : after[part] else { return nil }
            return (index, participant)
        }
    }

    private mutating func removeParticipantEdits() {
        for part in parts {
            guard case .participant = part else { continue }
            before[part] = nil
            after[part] = nil
        }
        parts.removeAll { if case .participant = $0 { true } else { false } }
    }

    /// The parts with the values a session takes back on undo, or on redo.
    fileprivate func values(undoing: Bool) -> [(part: SessionPart, value: SessionPartValue)] {
        let values = undoing ? before : after
        return parts.compactMap { part in values[part].map { (part, $0) } }
    }
}

/// A part of a session that a change touches. The parts of one patch never overlap, so it restores them in any
/// order.
enum SessionPart: Hashable, Sendable {
    /// The partnership, the mode and who answers.
    case details
    /// The participants, in order: for a change that adds, removes or moves one.
    case participants
    /// One participant, by index, for a change to their fields: a name typed in a workshop of a thousand people
    /// keeps the one.
    case participant(index: Int)
    /// A prompt's answer without its voices: the group's rating, notes, reason, finding and anonymous votes, and
    /// whether it is carried over.
    case answer(promptID: String)
    case voice(promptID: String, participantID: String)
    /// A worksheet's records, by worksheet id.
    case records(worksheetID: String)
}

/// A part's value; nil for an answer, a voice or records that are not there.
enum SessionPartValue: Equatable, Sendable {
    case details(Partnership, Mode, facilitator: String, organisation: String, sector: Sector?)
    case participants([Participant])
    case participant(Participant?)
    case answer(Answer?)
    case voice(Voice?)
    case records(JSONValue?)
}

extension Session {
    /// Changes the session as `change` says (`apply(_:guide:)`) and returns, beside what to tell, the patch that
    /// undoes and redoes it.
    public mutating func applyRecording(_ change: SessionChange, guide: Guide)
        -> (note: SessionChangeNote?, patch: SessionPatch)
    {
        guard let touched = parts(touchedBy: change) else {
            // Which of the records a change touches follows from the worksheets' rules (a deleted row's
            // commitment, a convener's acceptance): the worksheets that differ after it are its parts.
            let recordsBefore = records
            let note = apply(change, guide: guide)
            let worksheets = Set(recordsBefore.keys).union(records.keys).sorted()
                .filter { recordsBefore[$0] != records[$0] }
            let parts = worksheets.map { SessionPart.records(worksheetID: $0) }
            return (note, SessionPatch(parts, before: worksheets.map { .records(recordsBefore[$0]) },
                                       after: parts.map(value(of:))))
        }
        let before = touched.map(value(of:))
        let note = apply(change, guide: guide)
        return (note, SessionPatch(touched, before: before, after: touched.map(value(of:))))
    }

    /// Changes the session details (the partnership, the mode, who answers) in `change` and returns the patch
    /// that undoes and redoes it.
    public mutating func changeDetails(_ change: (inout Session) -> Void) -> SessionPatch {
        let before = value(of: .details)
        change(&self)
        return SessionPatch([.details], before: [before], after: [value(of: .details)])
    }

    /// Puts back what the patch changed.
    public mutating func undo(_ patch: SessionPatch) {
        restore(patch.values(undoing: true))
    }

    /// Makes the patch's changes again, after an undo.
    public mutating func redo(_ patch: SessionPatch) {
        restore(patch.values(undoing: false))
    }

    /// The parts a change touches, or nil for a change to the records.
    private func parts(touchedBy change: SessionChange) -> [SessionPart]? {
        switch change {
        case .addParticipant, .moveParticipant:
            return [.participants]
        case .updateParticipant(let index, _):
            return participants.indices.contains(index) ? [.participant(index: index)] : []
        case .removeParticipant(let index):
            guard participants.indices.contains(index) else { return [] }
            let id = participants[index].id
            let prompts = answers.compactMap { $0.value.voices[id] == nil ? nil : $0.key }
            return [.participants] + prompts.flatMap(voiceParts(of: id))
        case .rate(let promptID, _), .setReason(let promptID, _), .setNotes(let promptID, _),
            .setFinding(let promptID, _), .confirmCarriedOver(let promptID):
            return [.answer(promptID: promptID)]
        case .rateVoice(let promptID, let participantID, _), .setVoiceNote(let promptID, let participantID, _):
            return voiceParts(of: participantID)(promptID)
        case .revealNamedBallot(let promptID, let votes, _):
            let voters = Set(votes.map(\.participantID)).sorted()
            return [.answer(promptID: promptID)] + voters.map { .voice(promptID: promptID, participantID: $0) }
        case .revealAnonymousBallot(let promptID, _, _), .recordCards(let promptID, _, _):
            let voiced = answers[promptID]?.voices.keys.sorted() ?? []
            return [.answer(promptID: promptID)] + voiced.map { .voice(promptID: promptID, participantID: $0) }
        case .replaceVoices(let participantID, let voices):
            let voiced = answers.compactMap { $0.value.voices[participantID] == nil ? nil : $0.key }
            return Set(voiced).union(voices.keys).sorted().flatMap(voiceParts(of: participantID))
        case .store, .storeTyped, .storeReference, .storeNote, .insertRow, .deleteRow, .moveRow,
            .addParticipantOrganisations:
            return nil
        }
    }

    /// A participant's voice on a prompt, with the answer it is part of (a changed voice is no longer carried over).
    private func voiceParts(of participantID: String) -> (String) -> [SessionPart] {
        { promptID in [.answer(promptID: promptID), .voice(promptID: promptID, participantID: participantID)] }
    }

    private func value(of part: SessionPart) -> SessionPartValue {
        switch part {
        case .details:
            return .details(partnership, mode, facilitator: facilitator, organisation: organisation, sector: sector)
        case .participants:
            return .participants(participants)
        case .participant(let index):
            return .participant(participants.indices.contains(index) ? participants[index] : nil)
        case .answer(let promptID):
            // Without its voices, which are parts of their own.
            return .answer(answers[promptID].map { Answer(rating: $0.rating, notes: $0.notes, reason: $0.reason,
                                                          isCarriedOver: $0.isCarriedOver, finding: $0.finding,
                                                          distribution: $0.distribution) })
        case .voice(let promptID, let participantID):
            return .voice(answers[promptID]?.voices[participantID])
        case .records(let worksheetID):
            return .records(records[worksheetID])
        }
    }

    /// Gives parts their values; an answer left with nothing in it is dropped, as a change drops it.
    private mutating func restore(_ values: [(part: SessionPart, value: SessionPartValue)]) {
        var promptIDs: Set<String> = []
        for (part, value) in values {
            switch (part, value) {
            case (.details, .details(let partnership, let mode, let facilitator, let organisation, let sector)):
                self.partnership = partnership
                self.mode = mode
                self.facilitator = facilitator
                self.organisation = organisation
                self.sector = sector
            case (.participants, .participants(let participants)):
                self.participants = participants
            case (.participant(let index), .participant(let participant?)) where participants.indices.contains(index):
                participants[index] = participant
            case (.answer(let promptID), .answer(let answer)):
                promptIDs.insert(promptID)
                // Taken out and put back, so that the voices are not copied.
                let voices = answers.removeValue(forKey: promptID)?.voices ?? [:]
                var restored = answer ?? Answer()
                restored.voices = voices
                answers[promptID] = restored
            case (.voice(let promptID, let participantID), .voice(let voice)):
                promptIDs.insert(promptID)
                answers[promptID, default: Answer()].voices[participantID] = voice
            case (.records(let worksheetID), .records(let value)):
                records[worksheetID] = value
            default:
                break
            }
        }
        for promptID in promptIDs where answers[promptID]?.isEmpty == true { answers[promptID] = nil }
    }
}
