import ISPCore
import TerminalUI

/// A change a front end asks of the session: one of the domain's changes, whose rules `Session.apply(_:guide:)`
/// holds, or an edit of a form the screens and plain mode share, which the update turns into one. A read-only
/// session takes none of them, in `handle(_:)`, once.
public enum Action: Equatable, Sendable {
    /// A session detail, by its index in `setupBindings`, as the edited field holds it.
    case setDetail(Int, FormField)
    /// A new participant, with nothing filled in yet.
    case addParticipant
    /// A participant's field, by the participant's index and the field's in `participantBindings`.
    case setParticipantField(participant: Int, field: Int, FormField)
    /// A change as the domain defines it, the same from every front end.
    case change(SessionChange)
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

    /// Changes the session as the action says, the form's edits through their bindings and every rule of a change
    /// in `Session.apply(_:guide:)`; the status tells what the change did beyond it. The screens call it from their
    /// keys, which `handle(_ event:)` guards.
    mutating func apply(_ action: Action) {
        switch action {
        case .setDetail(let index, let field):
            guard setupBindings.indices.contains(index) else { return }
            setupBindings[index].store(&session, field)
        case .addParticipant:
            apply(.change(.addParticipant(Participant())))
        case .setParticipantField(let participant, let field, let value):
            guard session.participants.indices.contains(participant),
                Self.participantBindings.indices.contains(field)
            else { return }
            var edited = session.participants[participant]
            Self.participantBindings[field].store(&edited, value)
            apply(.change(.updateParticipant(participant, edited)))
        case .change(let change):
            switch session.apply(change, guide: guide) {
            case .acceptanceCleared?: status = .acceptanceCleared
            case .organisationsAdded(let names)?: status = .organisationsAdded(names)
            case nil: break
            }
        }
    }

    /// Applies a domain change, as `apply(.change(change))`.
    mutating func apply(_ change: SessionChange) {
        apply(.change(change))
    }
}
