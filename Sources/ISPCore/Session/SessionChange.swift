import Messages

/// A change to a session, the same whichever front end asks for it: a key on a screen, a line in plain mode, a
/// merge's replacement of a partner's voices. The rules of a change (another convener clears the sectors' and the
/// stakeholders' acceptance, a deleted organisation takes its commitment with it, a changed answer is no longer
/// carried over) live in `Session.apply(_:guide:)`, once.
public enum SessionChange: Equatable, Sendable {
    case addParticipant(Participant)
    /// Replaces a participant, by index, with their edited self: name, organisation, sector, when they were merged.
    case updateParticipant(Int, Participant)
    /// Removes a participant with their ratings and notes.
    case removeParticipant(Int)
    case moveParticipant(from: Int, to: Int)
    /// The group's rating of a prompt (its consensus, in a workshop with participants); nil clears it.
    case rate(promptID: String, Rating?)
    /// A participant's rating of a prompt; nil clears it.
    case rateVoice(promptID: String, participantID: String, Rating?)
    case setVoiceNote(promptID: String, participantID: String, String)
    /// Every voice of a participant at once, by prompt id (a partner's newer self-assessment): the prompts left out
    /// lose that participant's voice.
    case replaceVoices(participantID: String, [String: Voice])
    /// Why the group settled on its consensus.
    case setReason(promptID: String, String)
    case setNotes(promptID: String, String)
    /// What the group found on a prompt that asks for it; nil clears it.
    case setFinding(promptID: String, Finding?)
    /// Confirms an answer carried over from the last round as it is.
    case confirmCarriedOver(promptID: String)
    /// A named ballot's votes, revealed: each replaces its participant's rating, and its note when it has one; those
    /// who did not vote keep what they had. Over the prompt's anonymous votes it is refused unless
    /// `replacingDistribution` says the user confirmed that they go.
    case revealNamedBallot(promptID: String, [NamedVote], replacingDistribution: Bool = false)
    /// An anonymous ballot's votes, revealed: they become the prompt's distribution. Over participants' named voices
    /// it is refused unless `replacingNamedVoices` says the user confirmed that they go, notes and all.
    case revealAnonymousBallot(promptID: String, [AnonymousVote], replacingNamedVoices: Bool = false)
    /// How many cards (or fingers) the room held up for each rating, as counted by the facilitator: an anonymous
    /// distribution without sectors, refused over named voices as an anonymous ballot is.
    case recordCards(promptID: String, [Rating: Int], replacingNamedVoices: Bool = false)
    /// A worksheet entry's value; nil clears it.
    case store(RecordEntry, JSONValue?)
    /// Text typed into an entry: a date, a name linked to the row of that name, or text.
    case storeTyped(RecordEntry, String)
    /// A reference entry pointed at a row of its list.
    case storeReference(RecordEntry, RecordRow)
    /// A checklist item's note.
    case storeNote(RecordEntry, String)
    case insertRow(RecordRow, at: Int, of: FieldAddress)
    /// Removes a row with what grids over its list keep for it.
    case deleteRow(id: String, of: FieldAddress)
    case moveRow(from: Int, to: Int, of: FieldAddress)
    /// Adds each participant's organisation that the register lacks, with its sector.
    case addParticipantOrganisations(to: FieldAddress)
}

/// What a change did beyond what it was asked, for the front end to tell the user.
public enum SessionChangeNote: Equatable, Sendable {
    /// Another convener was named: what the sectors, the donor and the major stakeholders said of the one before was
    /// cleared.
    case acceptanceCleared
    /// These participants' organisations were added to the register, by name; none when every one was there.
    case organisationsAdded([String])
    /// The change was not made, for the reason the sentence gives: the session is as it was.
    case refused(Message)
}

extension Session {
    /// Changes the session as `change` says, by the rules of the guide's worksheets: the one place each rule of a
    /// change lives. Returns what the front end should tell beyond the change itself.
    @discardableResult
    public mutating func apply(_ change: SessionChange, guide: Guide) -> SessionChangeNote? {
        switch change {
        case .addParticipant(let participant):
            participants.append(participant)
        case .updateParticipant(let index, let participant):
            guard participants.indices.contains(index) else { return nil }
            participants[index] = participant
        case .removeParticipant(let index):
            guard participants.indices.contains(index) else { return nil }
            removeVoices(of: participants.remove(at: index).id)
        case .moveParticipant(let from, let to):
            guard participants.indices.contains(from), participants.indices.contains(to) else { return nil }
            participants.insert(participants.remove(at: from), at: to)
        case .rate(let promptID, let rating):
            changeAnswer(promptID) { $0.rating = rating }
        case .rateVoice(let promptID, let participantID, let rating):
            if let refusal = refusalOfNamedVoice(on: promptID) { return refusal }
            changeAnswer(promptID) { $0.voices[participantID, default: Voice()].rating = rating }
        case .setVoiceNote(let promptID, let participantID, let note):
            if let refusal = refusalOfNamedVoice(on: promptID) { return refusal }
            changeAnswer(promptID) { $0.voices[participantID, default: Voice()].note = note }
        case .replaceVoices(let participantID, let voices):
            let voiced = answers.compactMap { $0.value.voices[participantID] == nil ? nil : $0.key }
            let given = voices.compactMap { $0.value.isEmpty ? nil : $0.key }
            for promptID in Set(voiced).union(given) {
                changeAnswer(promptID) { $0.voices[participantID] = voices[promptID] }
            }
        case .setReason(let promptID, let reason):
            changeAnswer(promptID) { $0.reason = reason }
        case .setNotes(let promptID, let notes):
            changeAnswer(promptID) { $0.notes = notes }
        case .setFinding(let promptID, let finding):
            changeAnswer(promptID) { $0.finding = finding }
        case .confirmCarriedOver(let promptID):
            changeAnswer(promptID) { _ in }
        case .revealNamedBallot(let promptID, let votes, let replacingDistribution):
            return reveal(votes, on: promptID, replacingDistribution: replacingDistribution)
        case .revealAnonymousBallot(let promptID, let votes, let replacingNamedVoices):
            return setDistribution(Distribution(votes: votes), on: promptID, replacing: replacingNamedVoices)
        case .recordCards(let promptID, let cards, let replacingNamedVoices):
            return setDistribution(Distribution(cards: cards), on: promptID, replacing: replacingNamedVoices)
        case .store(let entry, let value):
            return storeInEntry(entry) { $0.store(value, in: entry, guide: guide) }
        case .storeTyped(let entry, let text):
            return storeInEntry(entry) { $0.storeTyped(text, in: entry, guide: guide) }
        case .storeReference(let entry, let row):
            return storeInEntry(entry) { $0.storeReference(to: row, in: entry, guide: guide) }
        case .storeNote(let entry, let text):
            storeNote(text, of: entry)
        case .insertRow(let row, let index, let address):
            var rows = rows(of: address, in: guide)
            rows.insert(row, at: min(max(index, 0), rows.count))
            setRows(rows, of: address, in: guide)
        case .deleteRow(let id, let address):
            removeRow(id, of: address, in: guide)
        case .moveRow(let from, let to, let address):
            var rows = rows(of: address, in: guide)
            guard rows.indices.contains(from), rows.indices.contains(to) else { return nil }
            rows.insert(rows.remove(at: from), at: to)
            setRows(rows, of: address, in: guide)
        case .addParticipantOrganisations(let address):
            let added = addParticipantOrganisations(to: address, in: guide)
            return .organisationsAdded(added.map { rowName($0, of: address, in: guide) })
        }
        return nil
    }

    /// Changes a prompt's answer: changed, it is this round's answer, no longer carried over; a voice or an answer
    /// left empty is dropped.
    private mutating func changeAnswer(_ promptID: String, _ change: (inout Answer) -> Void) {
        // Taken out and put back, so that the change does not copy the answer's other voices.
        var answer = answers.removeValue(forKey: promptID) ?? Answer()
        change(&answer)
        for (id, voice) in answer.voices where voice.isEmpty { answer.voices[id] = nil }
        answer.isCarriedOver = false
        if !answer.isEmpty { answers[promptID] = answer }
    }

    /// A named ballot's votes become the voters' ratings, and their notes where they wrote one; a vote of someone no
    /// longer a participant is left out.
    private mutating func reveal(_ votes: [NamedVote], on promptID: String, replacingDistribution: Bool)
        -> SessionChangeNote?
    {
        if mode == .selfAssessment { return .refused(Message(.votesRefusedSelfAssessment)) }
        let known = Set(participants.map(\.id))
        let votes = votes.filter { known.contains($0.participantID) }
        guard !votes.isEmpty else { return nil }
        if answers[promptID]?.distribution != nil && !replacingDistribution {
            return .refused(Message(.votesRefusedDistribution))
        }
        changeAnswer(promptID) { answer in
            answer.distribution = nil
            for vote in votes {
                answer.voices[vote.participantID, default: Voice()].rating = vote.rating
                if !vote.note.isBlank { answer.voices[vote.participantID]?.note = vote.note }
            }
        }
        return nil
    }

    /// Anonymous votes become the prompt's distribution in place of any before; the named voices go with their
    /// notes, once the user confirmed it (`replacing`).
    private mutating func setDistribution(_ distribution: Distribution, on promptID: String, replacing: Bool)
        -> SessionChangeNote?
    {
        if mode == .selfAssessment { return .refused(Message(.votesRefusedSelfAssessment)) }
        guard distribution.voteCount > 0 else { return nil }
        guard distribution.voteCount <= Distribution.mostVotes else {
            return .refused(Message(.votesRefusedTooMany, ["count": .integer(Distribution.mostVotes)]))
        }
        if answers[promptID]?.voices.isEmpty == false && !replacing {
            return .refused(Message(.votesRefusedNamedVoices))
        }
        changeAnswer(promptID) { answer in
            answer.voices = [:]
            answer.distribution = distribution
        }
        return nil
    }

    /// Takes a participant's voices out of every answer, and the answers left with nothing in them; what is left of
    /// an answer is as confirmed as it was.
    private mutating func removeVoices(of participantID: String) {
        // The prompts first, then changes in place: changing a copy would copy every other voice on the prompt.
        let promptIDs = answers.compactMap { $0.value.voices[participantID] == nil ? nil : $0.key }
        for promptID in promptIDs {
            answers[promptID]?.voices[participantID] = nil
            if answers[promptID]?.isEmpty == true { answers[promptID] = nil }
        }
    }

    /// A question voted anonymously holds no named voices beside its votes: a rating or note typed for a
    /// participant there is refused.
    private func refusalOfNamedVoice(on promptID: String) -> SessionChangeNote? {
        answers[promptID]?.distribution == nil ? nil : .refused(Message(.votesRefusedNamedOverDistribution))
    }

    /// Changes an entry's value; another convener clears what the sectors, the donor and the major stakeholders
    /// said of the one before (the stakeholders stay listed, their answers go).
    private mutating func storeInEntry(_ entry: RecordEntry, _ change: (inout Session) -> Void)
        -> SessionChangeNote?
    {
        let isConvener = entry.path == PartnershipRecords.convener.path
        let convenerBefore = isConvener ? convenerIdentity : nil
        change(&self)
        guard let convenerBefore, !convenerBefore.isEmpty, convenerIdentity != convenerBefore else { return nil }
        let stakeholders = PartnershipRecords.stakeholderAcceptance
        let answered = storedList(stakeholders)?.contains { $0.object?["accepts"] != nil } == true
        guard record(at: PartnershipRecords.acceptance.path) != nil || answered else { return nil }
        setRecord(nil, at: PartnershipRecords.acceptance.path)
        if answered, let items = storedList(stakeholders) {
            setRecord(.array(items.map { item in
                guard var cells = item.object else { return item }
                cells["accepts"] = nil
                return .object(cells)
            }), at: stakeholders.path)
        }
        return .acceptanceCleared
    }

    /// Who the convener is: the register row's id, else the name typed (accents and case aside); empty for none.
    private var convenerIdentity: String {
        guard let reference = record(at: PartnershipRecords.convener.path).flatMap(RecordReference.init)
        else { return "" }
        return reference.id ?? reference.name.trimmed.searchKey
    }
}
