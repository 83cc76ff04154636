import DisplayWidth
import ISPCore
import TerminalUI

/// The workshop's participants: who rates each question, by sector. Add, edit, remove, reorder.
extension WizardState {
    /// The keys of the list; while a participant is edited, the form takes the keys instead.
    static let participantListBindings: [KeyBinding] = [
        KeyBinding([.character("a")], bar: (key: "a", action: "add"), help: (keys: "a",
                   meaning: "participants: add one"), .addParticipant),
        KeyBinding([.enter, .character("e")], bar: (key: "Enter", action: "edit"), help: (keys: "Enter, e",
                   meaning: "participants: edit the highlighted one"), .editParticipant),
        KeyBinding([.delete, .character("r")], bar: (key: "Del", action: "remove"), help: (keys: "Del, r",
                   meaning: "participants: remove (asks when they have ratings)"), .removeParticipant),
        KeyBinding([.character("["), .character("]")], bar: (key: "[ ]", action: "move"), help: (keys: "[ ]",
                   meaning: "participants: move up / down"), .moveParticipant),
        KeyBinding([.up, .down, .home, .end], bar: (key: "↑↓", action: "select"), help: nil, .selectParticipant),
    ]

    /// How many ratings and notes a participant has given.
    func answerCount(of participant: Participant) -> Int {
        session.answers.values.filter { $0.voices[participant.id].map { !$0.isEmpty } ?? false }.count
    }

    mutating func performParticipantCommand(_ command: Command, key: Key) -> [Effect] {
        let count = session.participants.count
        switch command {
        case .addParticipant:
            apply(.addParticipant)
            participantSelection = count
            openParticipantForm()
            return [.save]
        case .editParticipant where count > 0:
            openParticipantForm()
            return []
        case .removeParticipant where count > 0:
            if answerCount(of: session.participants[participantSelection]) > 0 {
                pendingRemoval = participantSelection
                return []
            }
            return removeParticipant(at: participantSelection)
        case .moveParticipant where key == .character("[") && participantSelection > 0:
            apply(.moveParticipant(from: participantSelection, to: participantSelection - 1))
            participantSelection -= 1
            return [.save]
        case .moveParticipant where key == .character("]") && participantSelection + 1 < count:
            apply(.moveParticipant(from: participantSelection, to: participantSelection + 1))
            participantSelection += 1
            return [.save]
        case .selectParticipant where count > 0:
            switch key {
            case .up: participantSelection = max(participantSelection - 1, 0)
            case .down: participantSelection = min(participantSelection + 1, count - 1)
            case .home: participantSelection = 0
            default: participantSelection = count - 1
            }
            return []
        default:
            return []
        }
    }

    private mutating func openParticipantForm() {
        let participant = session.participants[participantSelection]
        participantForm = Form(fields: Self.participantBindings.map { $0.field(participant) })
    }

    /// Removes a participant and their ratings and notes.
    mutating func removeParticipant(at index: Int) -> [Effect] {
        apply(.removeParticipant(index))
        participantSelection = min(participantSelection, max(session.participants.count - 1, 0))
        pendingRemoval = nil
        return [.save]
    }

    /// Keys while a participant is edited: the form's, Enter on the last field or Esc to go back to the list.
    mutating func handleParticipantFormKey(_ key: Key) -> [Effect]? {
        guard var form = participantForm else { return nil }
        defer { if participantForm != nil { participantForm = form } }
        switch form.handle(key, width: formWidth) {
        case .edited(let index):
            apply(.setParticipantField(participant: participantSelection, field: index, form.fields[index]))
            return form.fields[index].text == nil ? [.save] : [.saveSoon]
        case .moved:
            return []
        case .finished:
            participantForm = nil
            return [.save]
        case .ignored:
            return nil
        }
    }

    mutating func pasteIntoParticipantForm(_ text: String) -> [Effect] {
        guard var form = participantForm, case .edited(let index) = form.paste(text, width: formWidth) else {
            return []
        }
        participantForm = form
        apply(.setParticipantField(participant: participantSelection, field: index, form.fields[index]))
        return [.saveSoon]
    }

    func drawParticipants(into grid: inout ScreenGrid) {
        let participants = session.participants
        let width = contentWidth
        var row = contentTop
        if let form = participantForm {
            let number = participantSelection + 1
            grid.put(ellipsized("Participant \(number) of \(participants.count)", width: width), row: row, column: 1,
                     style: .title)
            form.draw(into: &grid, at: Point(row: row + 2, column: 1), width: width, spacing: contentRows >= 14 ? 1 : 0)
            grid.putWrapped("Enter on the last field or Esc: back to the list. Saved as you type.",
                            row: contentEnd - 1, column: 1, width: width, maxRows: 1, style: .muted)
            return
        }
        if participants.isEmpty {
            row += grid.putWrapped(
                "No participants yet: the workshop rates each question with one voice. Add the people in the room "
                    + "(press a) to rate round the room and see where the sectors differ.",
                row: row, column: 1, width: width, maxRows: contentRows)
            return
        }
        let sectors = Dictionary(grouping: participants) { $0.sector?.label ?? "No sector" }
            .map { "\($0.key) \($0.value.count)" }.sorted().joined(separator: " · ")
        let count = participants.count == 1 ? "1 participant" : "\(participants.count) participants"
        grid.put(ellipsized("\(count): \(sectors)", width: width), row: row, column: 1,
                 style: .muted)
        row += 2
        let listRows = contentEnd - row - (pendingRemoval == nil ? 0 : 2)
        let top = max(0, participantSelection - listRows + 1)
        for (index, participant) in participants.enumerated().dropFirst(top).prefix(max(listRows, 0)) {
            let selected = index == participantSelection
            let style: Style = selected ? .selected : []
            if selected { grid.fill(row: row, columns: 1..<width + 1, style: style) }
            let sector = participant.sector.map(SectorColumn.abbreviation) ?? "   "
            let ratings = answerCount(of: participant)
            let named = !participant.name.allSatisfy(\.isWhitespace) && !participant.organisation.isEmpty
            let line = "\(selected ? "▸" : " ") \(String(index + 1).leftPadded(to: 2)) \(sector) "
                + participant.displayName(number: index + 1) + (named ? " · \(participant.organisation)" : "")
            let counted = ratings == 0 ? "" : "  \(ratings) answered"
            grid.put(ellipsized(line, width: width - counted.displayWidth), row: row, column: 1, style: style)
            grid.put(counted, row: row, column: width + 1 - counted.displayWidth, style: style)
            if selected { grid.cursor = Point(row: row, column: 1) }
            row += 1
        }
        if let index = pendingRemoval {
            let participant = participants[index]
            let question = "Remove \(participant.displayName(number: index + 1)) and their "
                + "\(answerCount(of: participant)) answers? y removes, any other key keeps them."
            grid.putWrapped(question, row: contentEnd - 2, column: 1, width: width, maxRows: 2, style: .warning)
        }
    }
}

/// Sectors in a narrow column: three letters that read without colour.
enum SectorColumn {
    static func abbreviation(_ sector: Sector) -> String {
        switch sector {
        case .government: "Gov"
        case .business: "Bus"
        case .civilSociety: "Civ"
        case .donor: "Don"
        case .other: "Oth"
        }
    }
}

extension String {
    /// The text right-aligned in `width` cells.
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(width - displayWidth, 0)) + self
    }
}
