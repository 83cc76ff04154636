import ISPCore
import Messages
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
    /// Puts back what the latest step changed (Ctrl-Z, `:u`), or makes the latest step undone again (Ctrl-Y, `:r`).
    case undo, redo
}

extension WizardState {
    /// Applies an action from a front end without keys (plain mode, a ballot) and says what the run loop must
    /// do; a read-only session refuses it, and `status` then says so, as for a key.
    public mutating func handle(_ action: Action) -> [Effect] {
        handle([action])
    }

    /// Applies actions from one line of a front end without keys (a rating with its note) as one step to undo.
    public mutating func handle(_ actions: [Action]) -> [Effect] {
        status = nil
        return guardingReadOnly { state in
            actions.reduce(into: []) { effects, action in
                switch action {
                case .undo: effects += state.undo()
                case .redo: effects += state.redo()
                default:
                    state.apply(action)
                    if !effects.contains(.save) { effects.append(.save) }
                }
            }
        }
    }

    /// Does `change` as one step to undo and counts a revision when it asks for a save; on a read-only session,
    /// undoes any change it made to the session, drops its saves and sets the status to say so.
    mutating func guardingReadOnly(_ change: (inout WizardState) -> [Effect]) -> [Effect] {
        guard readOnlyReason != nil else {
            let wasOnList = isOnRowList
            let effects = change(&self)
            // On a list typed letters are commands: each change says what it did, which Ctrl-Z undoes.
            if let step = history.endAction(effects: effects), wasOnList, status == nil {
                status = .changedRow(step.description)
            }
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
    /// in `Session.apply(_:guide:)`, and keeps what changed to undo; the status tells what the change did beyond
    /// it. The screens call it from their keys, which `handle(_ event:)` guards.
    mutating func apply(_ action: Action) {
        switch action {
        case .setDetail(let index, let field):
            guard setupBindings.indices.contains(index) else { return }
            let binding = setupBindings[index]
            let patch = session.changeDetails { binding.store(&$0, field) }
            let label = binding.field(session).label
            history.record(patch, description: Message(.wizardHistoryEdited, ["item": .text(label)]))
        case .addParticipant:
            apply(.change(.addParticipant(Participant())))
        case .setParticipantField(let participant, let field, let value):
            guard session.participants.indices.contains(participant),
                participantBindings.indices.contains(field)
            else { return }
            var edited = session.participants[participant]
            participantBindings[field].store(&edited, value)
            // The name changes as it is typed: the step is named by the name it had before.
            change(.updateParticipant(participant, edited), field: "participant \(participant), field \(field)")
        case .change(let change):
            self.change(change)
        case .undo:
            _ = undo()
        case .redo:
            _ = redo()
        }
    }

    /// Makes a domain change, keeps what it changed to undo, and says what it did beyond the change.
    private mutating func change(_ change: SessionChange, field: String? = nil) {
        let description = describe(change)
        let (note, patch) = session.applyRecording(change, guide: guide)
        history.record(patch, description: description, field: field)
        switch note {
        case .acceptanceCleared?: status = .acceptanceCleared
        case .organisationsAdded(let names)?: status = .organisationsAdded(names)
        case .refused(let reason)?: status = .refused(reason)
        case nil: break
        }
    }

    /// Applies a domain change, as `apply(.change(change))`.
    mutating func apply(_ change: SessionChange) {
        apply(.change(change))
    }
}
