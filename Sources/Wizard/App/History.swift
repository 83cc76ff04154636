import ISPCore
import Messages
import TerminalUI

/// The steps Ctrl-Z undoes and Ctrl-Y redoes while the session is open (not kept across runs). A step is what
/// one key or one plain line changed, with every change the rules made with it; typing in one field until the
/// focus leaves it is one step. Each step holds the parts of the session it changed, never a copy of it.
struct History: Equatable, Sendable {
    /// One user action's changes and how the status line names them ("deleted AFD").
    struct Step: Equatable, Sendable {
        var patch: SessionPatch
        var description: Message
        /// The field typed into: typing there again joins the step.
        var field: String
    }

    /// How many steps are kept; older ones are forgotten.
    static let limit = 500

    /// The steps that can be undone, the latest last.
    private(set) var undoable: [Step] = []
    /// The steps undone, the latest undone last; a new change forgets them.
    private(set) var redoable: [Step] = []
    /// What the key or line under way changed so far.
    private var current: Step?
    /// Whether the latest step is typing into a field that still has the focus: more typing there joins it.
    private var isTyping = false

    /// Adds a change the key or line under way made; the first change's description names the step, and `field`
    /// (by default the description) tells typing in one field from typing in another.
    mutating func record(_ patch: SessionPatch, description: Message, field: String? = nil) {
        guard !patch.isEmpty else { return }
        if current == nil {
            current = Step(patch: patch, description: description, field: field ?? render(description, in: .english))
        } else {
            current?.patch.append(patch)
        }
    }

    /// Ends the key or line under way: its changes become a step, joined to the latest when both typed into the
    /// same field. A save asked for without typing (the focus left the field, a screen changed) ends the typing.
    /// Returns the new step, if the action made one.
    @discardableResult
    mutating func endAction(effects: [Effect]) -> Step? {
        let typed = effects.contains(.saveSoon) && !effects.contains(.save)
        defer { current = nil }
        guard let step = current else {
            if effects.contains(.save) { isTyping = false }
            return nil
        }
        redoable = []
        if typed, isTyping, let latest = undoable.last, latest.field == step.field {
            undoable[undoable.count - 1].patch.append(step.patch)
            return nil
        }
        undoable.append(step)
        if undoable.count > Self.limit { undoable.removeFirst(undoable.count - Self.limit) }
        isTyping = typed
        return step
    }

    /// Takes the latest step to undo, keeping it to redo.
    mutating func takeUndo() -> Step? {
        guard let step = undoable.popLast() else { return nil }
        redoable.append(step)
        isTyping = false
        return step
    }

    /// Takes the latest step undone to do again.
    mutating func takeRedo() -> Step? {
        guard let step = redoable.popLast() else { return nil }
        undoable.append(step)
        isTyping = false
        return step
    }
}

extension WizardState {
    /// Ctrl-Z or `:u`: puts back what the latest step changed and says what it was.
    mutating func undo() -> [Effect] {
        guard readOnlyReason == nil else {
            status = .readOnly
            return []
        }
        guard let step = history.takeUndo() else {
            status = .nothingToUndo
            return []
        }
        session.undo(step.patch)
        showChangedSession()
        status = .undone(step.description)
        return [.save]
    }

    /// Ctrl-Y or `:r`: makes the latest step undone again and says what it was.
    mutating func redo() -> [Effect] {
        guard readOnlyReason == nil else {
            status = .readOnly
            return []
        }
        guard let step = history.takeRedo() else {
            status = .nothingToRedo
            return []
        }
        session.redo(step.patch)
        showChangedSession()
        status = .redone(step.description)
        return [.save]
    }

    /// Whether a list of rows is on view, where typed letters are commands.
    var isOnRowList: Bool {
        sheet.list != nil && sheet.list?.editedRowID == nil
    }

    /// A key nothing took: on a list, a printable one says so, since a letter typed there is taken for a command.
    mutating func ignore(_ key: Key) -> [Effect] {
        if case .character = key, isOnRowList { status = .notAListKey }
        return []
    }

    /// Fills the screen's fields from the session again after an undo or a redo, keeping where the user is; what
    /// is no longer there (a participant, a row) is no longer highlighted or edited.
    private mutating func showChangedSession() {
        pendingRemoval = nil
        rowEditor = nil
        switch screen {
        case .setup:
            setupForm = Form(fields: setupBindings.map { $0.field(session) }, focus: setupForm.focus)
        case .participants:
            participantSelection = min(participantSelection, max(session.participants.count - 1, 0))
            if let form = participantForm, session.participants.indices.contains(participantSelection) {
                let participant = session.participants[participantSelection]
                participantForm = Form(fields: participantBindings.map { $0.field(participant) },
                                       focus: form.focus)
            } else {
                participantForm = nil
            }
        case .question:
            if let prompt = currentPrompt { notes = TextEditor(text: session.answer(for: prompt.id).notes) }
            layOutNotes()
        case .worksheet:
            if var list = sheet.list {
                list.pendingDeletion = nil
                let rows = shownRows(list)
                if let edited = list.editedRowID, !rows.contains(where: { $0.id == edited }) { list.editedRowID = nil }
                list.selection = min(list.selection, max(rows.count - 1, 0))
                sheet.list = list
            }
            focusEntry(sheet.focus)
        case .summary:
            layOutSummary()
        case .map, .stepIntro:
            break
        }
    }

    /// What a change does, as the status line names it after "Undone: " (read before the change is made).
    func describe(_ change: SessionChange) -> Message {
        switch change {
        case .addParticipant:
            return Message(.wizardHistoryAddedParticipant)
        case .updateParticipant(let index, _):
            return Message(.wizardHistoryEditedParticipant, ["name": .text(participantName(index))])
        case .removeParticipant(let index):
            return Message(.wizardHistoryRemovedParticipant, ["name": .text(participantName(index))])
        case .moveParticipant(let from, _):
            return Message(.wizardHistoryMovedParticipant, ["name": .text(participantName(from))])
        case .rate(let promptID, let rating):
            let question = questionName(promptID)
            return rating.map { Message(.wizardHistoryRated, ["question": question, "rating": .message($0.message)]) }
                ?? Message(.wizardHistoryClearedRating, ["question": question])
        case .rateVoice(let promptID, let participantID, let rating):
            let name = MessageArgument.text(participantName(id: participantID))
            let question = questionName(promptID)
            return rating.map {
                Message(.wizardHistoryRatedVoice, ["name": name, "rating": .message($0.message), "question": question])
            } ?? Message(.wizardHistoryClearedVoice, ["name": name, "question": question])
        case .setVoiceNote(let promptID, let participantID, _):
            return Message(.wizardHistoryEditedVoiceNote, [
                "name": .text(participantName(id: participantID)), "question": questionName(promptID),
            ])
        case .replaceVoices(let participantID, _):
            return Message(.wizardHistoryReplacedVoices, ["name": .text(participantName(id: participantID))])
        case .setReason(let promptID, _):
            return Message(.wizardHistoryEditedReason, ["question": questionName(promptID)])
        case .setNotes(let promptID, _):
            return Message(.wizardHistoryEditedNotes, ["question": questionName(promptID)])
        case .setFinding(let promptID, let finding):
            let question = questionName(promptID)
            return finding.map {
                Message(.wizardHistorySetFinding, ["question": question, "finding": .message($0.message)])
            } ?? Message(.wizardHistoryClearedFinding, ["question": question])
        case .confirmCarriedOver(let promptID):
            return Message(.wizardHistoryConfirmed, ["question": questionName(promptID)])
        case .revealNamedBallot(let promptID, _, _):
            return Message(.votesHistoryRevealedNamed, ["question": questionName(promptID)])
        case .revealAnonymousBallot(let promptID, _, _):
            return Message(.votesHistoryRevealedAnonymous, ["question": questionName(promptID)])
        case .recordCards(let promptID, _, _):
            return Message(.votesHistoryRecordedCards, ["question": questionName(promptID)])
        case .store(let entry, nil):
            return Message(.wizardHistoryCleared, ["item": .text(entry.label)])
        case .store(let entry, .string(let id)?):
            guard case .choice(let choices) = entry.input, let choice = choices.first(where: { $0.id == id }) else {
                return Message(.wizardHistoryEdited, ["item": .text(entry.label)])
            }
            return Message(.wizardHistorySetChoice, ["item": .text(entry.label), "choice": .text(choice.label)])
        case .store(let entry, _), .storeTyped(let entry, _), .storeReference(let entry, _):
            return Message(.wizardHistoryEdited, ["item": .text(entry.label)])
        case .storeNote(let entry, _):
            return Message(.wizardHistoryEditedNote, ["item": .text(entry.label)])
        case .insertRow(_, _, let address):
            let list = guide.field(at: address).map { MessageArgument.text($0.label) }
            return Message(.wizardHistoryAddedRow, ["list": list ?? .message(Message(.wizardHistoryTheList))])
        case .deleteRow(let id, let address):
            return Message(.wizardHistoryDeletedRow, ["row": rowName(id, of: address)])
        case .moveRow(let from, _, let address):
            let rows = session.rows(of: address, in: guide)
            let row = rows.indices.contains(from) ? rowName(rows[from].id, of: address)
                : .message(Message(.wizardHistoryARow))
            return Message(.wizardHistoryMovedRow, ["row": row])
        case .addParticipantOrganisations:
            return Message(.wizardHistoryAddedOrganisations)
        }
    }

    /// "question 2.3": the step's number and the question's in it.
    private func questionName(_ promptID: String) -> MessageArgument {
        guard let place = guide.locate(promptID: promptID) else { return .message(Message(.wizardHistoryAQuestion)) }
        return .message(Message(.wizardHistoryQuestion, [
            "step": .integer(place.step + 1), "question": .integer(place.prompt + 1),
        ]))
    }

    private func participantName(_ index: Int) -> String {
        guard session.participants.indices.contains(index) else { return language.text(.wizardHistoryAParticipant) }
        return session.participants[index].displayName(number: index + 1, in: language)
    }

    private func participantName(id: String) -> String {
        participantName(session.participants.firstIndex { $0.id == id } ?? -1)
    }

    /// A row's name, or "a row" while it has none.
    private func rowName(_ id: String, of address: FieldAddress) -> MessageArgument {
        guard let row = session.rows(of: address, in: guide).first(where: { $0.id == id }) else {
            return .message(Message(.wizardHistoryARow))
        }
        let name = session.rowName(row, of: address, in: guide).trimmed
        return name.isEmpty ? .message(Message(.wizardHistoryARow)) : .text(name)
    }
}
