import ISPCore
import TerminalUI

/// A change to the session, the same whichever front end asks for it: the screens turn keys into actions, plain
/// mode turns lines into them. The rules of a change (another convener clears the sectors' acceptance, a deleted
/// organisation takes its commitment with it, a changed answer is no longer carried over, a read-only session
/// takes nothing) live here and in `handle(_:)`, once.
public enum Action: Equatable, Sendable {
    /// A session detail, by its index in `setupBindings`, as the edited field holds it.
    case setDetail(Int, FormField)
    case addParticipant
    /// A participant's field, by the participant's index and the field's in `participantBindings`.
    case setParticipantField(participant: Int, field: Int, FormField)
    /// Removes a participant with their ratings and notes.
    case removeParticipant(Int)
    case moveParticipant(from: Int, to: Int)
    /// The group's rating of a prompt (its consensus, in a workshop with participants); nil clears it.
    case rate(promptID: String, Rating?)
    /// A participant's rating of a prompt; nil clears it.
    case rateVoice(promptID: String, participantID: String, Rating?)
    case setVoiceNote(promptID: String, participantID: String, String)
    /// Why the group settled on its consensus.
    case setReason(promptID: String, String)
    case setNotes(promptID: String, String)
    /// Confirms an answer carried over from the last round as it is.
    case confirmCarriedOver(promptID: String)
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

extension WizardState {
    /// Applies an action from a front end without keys (plain mode, a ballot) and says what the run loop must
    /// do; a read-only session refuses it, and `status` then says so, as for a key.
    public mutating func handle(_ action: Action) -> [Effect] {
        status = nil
        return guardingReadOnly { state in
            state.apply(action)
            return [.save]
        }
    }

    /// Does `change` and counts a revision when it asks for a save; on a read-only session, undoes any change
    /// it made to the session, drops its saves and sets the status to say so.
    mutating func guardingReadOnly(_ change: (inout WizardState) -> [Effect]) -> [Effect] {
        guard readOnlyReason != nil else {
            let effects = change(&self)
            if effects.contains(.save) || effects.contains(.saveSoon) { revision += 1 }
            return effects
        }
        let before = self
        let effects = change(&self).filter { $0 != .save && $0 != .saveSoon }
        if session != before.session {
            self = before
            status = .readOnly
        }
        return effects
    }

    /// Changes the session as the action says: the one place each rule of a change lives. The screens call it
    /// from their keys, which `handle(_ event:)` guards.
    mutating func apply(_ action: Action) {
        switch action {
        case .setDetail(let index, let field):
            guard setupBindings.indices.contains(index) else { return }
            setupBindings[index].store(&session, field)
        case .addParticipant:
            session.participants.append(Participant())
        case .setParticipantField(let participant, let field, let value):
            guard session.participants.indices.contains(participant),
                Self.participantBindings.indices.contains(field)
            else { return }
            Self.participantBindings[field].store(&session.participants[participant], value)
        case .removeParticipant(let index):
            guard session.participants.indices.contains(index) else { return }
            let removed = session.participants.remove(at: index)
            for promptID in session.answers.keys {
                session.answers[promptID]?.voices[removed.id] = nil
                if session.answers[promptID]?.isEmpty == true { session.answers[promptID] = nil }
            }
        case .moveParticipant(let from, let to):
            guard session.participants.indices.contains(from), session.participants.indices.contains(to) else {
                return
            }
            session.participants.insert(session.participants.remove(at: from), at: to)
        case .rate(let promptID, let rating):
            changeAnswer(promptID) { $0.rating = rating }
        case .rateVoice(let promptID, let participantID, let rating):
            changeAnswer(promptID) { $0.voices[participantID, default: Voice()].rating = rating }
        case .setVoiceNote(let promptID, let participantID, let note):
            changeAnswer(promptID) { $0.voices[participantID, default: Voice()].note = note }
        case .setReason(let promptID, let reason):
            changeAnswer(promptID) { $0.reason = reason }
        case .setNotes(let promptID, let notes):
            changeAnswer(promptID) { $0.notes = notes }
        case .confirmCarriedOver(let promptID):
            changeAnswer(promptID) { _ in }
        case .store(let entry, let value):
            storeInEntry(entry) { $0.store(value, in: entry, guide: $1) }
        case .storeTyped(let entry, let text):
            storeInEntry(entry) { $0.storeTyped(text, in: entry, guide: $1) }
        case .storeReference(let entry, let row):
            storeInEntry(entry) { $0.storeReference(to: row, in: entry, guide: $1) }
        case .storeNote(let entry, let text):
            session.storeNote(text, of: entry)
        case .insertRow(let row, let index, let address):
            var rows = session.rows(of: address, in: guide)
            rows.insert(row, at: min(max(index, 0), rows.count))
            session.setRows(rows, of: address)
        case .deleteRow(let id, let address):
            session.removeRow(id, of: address, in: guide)
        case .moveRow(let from, let to, let address):
            var rows = session.rows(of: address, in: guide)
            guard rows.indices.contains(from), rows.indices.contains(to) else { return }
            rows.insert(rows.remove(at: from), at: to)
            session.setRows(rows, of: address)
        case .addParticipantOrganisations(let address):
            let added = session.addParticipantOrganisations(to: address, in: guide)
            status = .organisationsAdded(added.map { session.rowName($0, of: address, in: guide) })
        }
    }

    /// Changes a prompt's answer: changed, it is this round's answer, no longer carried over; an answer left
    /// empty is dropped.
    private mutating func changeAnswer(_ promptID: String, _ change: (inout Answer) -> Void) {
        var answer = session.answer(for: promptID)
        change(&answer)
        for (id, voice) in answer.voices where voice.isEmpty { answer.voices[id] = nil }
        answer.isCarriedOver = false
        session.answers[promptID] = answer.isEmpty ? nil : answer
    }

    /// Changes an entry's value; another convener clears what the sectors said of the one before.
    private mutating func storeInEntry(_ entry: RecordEntry, _ change: (inout Session, Guide) -> Void) {
        let isConvener = entry.path == PartnershipRecords.convener.path
        let convenerBefore = isConvener ? convenerIdentity : nil
        change(&session, guide)
        guard let convenerBefore, !convenerBefore.isEmpty, convenerIdentity != convenerBefore,
            session.record(at: PartnershipRecords.acceptance.path) != nil
        else { return }
        session.setRecord(nil, at: PartnershipRecords.acceptance.path)
        status = .acceptanceCleared
    }

    /// Who the convener is: the register row's id, else the name typed (accents and case aside); empty for none.
    private var convenerIdentity: String {
        guard let reference = session.record(at: PartnershipRecords.convener.path).flatMap(RecordReference.init)
        else { return "" }
        return reference.id ?? reference.name.trimmed.searchKey
    }
}
