import DisplayWidth
import ISPCore
import Messages
import TerminalUI

/// The workshop's participants: who rates each question, by sector. Add, edit, remove, reorder.
extension WizardState {
    /// The keys of the list; while a participant is edited, the form takes the keys instead.
    static let participantListBindings: [KeyBinding] = [
        KeyBinding([.character("a")], bar: (key: "a", action: .wizardBarAdd), help: (keys: "a",
                   meaning: Message(.wizardHelpParticipantsAdd)), .addParticipant),
        KeyBinding([.enter, .character("e")], bar: (key: "Enter", action: .wizardBarEdit), help: (keys: "Enter, e",
                   meaning: Message(.wizardHelpParticipantsEdit)), .editParticipant),
        KeyBinding([.delete, .character("r")], bar: (key: "Del", action: .wizardBarRemove), help: (keys: "Del, r",
                   meaning: Message(.wizardHelpParticipantsRemove)), .removeParticipant),
        KeyBinding([.character("["), .character("]")], bar: (key: "[ ]", action: .wizardBarMove), help: (keys: "[ ]",
                   meaning: Message(.wizardHelpParticipantsMove)), .moveParticipant),
        KeyBinding([.up, .down, .home, .end], bar: (key: "↑↓", action: .wizardBarSelect), help: nil,
                   .selectParticipant),
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
        participantForm = Form(fields: participantBindings.map { $0.field(participant) })
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
            let heading = language.text(.wizardParticipantsEditing, [
                "number": .integer(number), "count": .integer(participants.count),
            ])
            grid.put(ellipsized(heading, width: width), row: row, column: 1, style: .title)
            form.draw(into: &grid, at: Point(row: row + 2, column: 1), width: width, spacing: contentRows >= 14 ? 1 : 0)
            grid.putWrapped(language.text(.wizardParticipantsEditingHint),
                            row: contentEnd - 1, column: 1, width: width, maxRows: 1, style: .muted)
            return
        }
        if participants.isEmpty {
            row += grid.putWrapped(
                language.text(.wizardParticipantsNone),
                row: row, column: 1, width: width, maxRows: contentRows)
            return
        }
        // The sectors' names, or their short forms when the names do not fit (Bailleur de fonds, Sociedade civil).
        func count(naming name: (Sector) -> String) -> String {
            let sectors = Dictionary(grouping: participants) { participant in
                participant.sector.map(name) ?? language.text(.wizardParticipantsNoSector)
            }.map { "\($0.key) \($0.value.count)" }.sorted().joined(separator: " · ")
            return language.text(.wizardParticipantsCount, [
                "count": .integer(participants.count), "sectors": .text(sectors),
            ])
        }
        let named = count { language.text($0.message) }
        let count = named.displayWidth <= width ? named : count { SectorColumn.abbreviation($0, in: language) }
        grid.put(ellipsized(count, width: width), row: row, column: 1, style: .muted)
        row += 2
        let listRows = contentEnd - row - (pendingRemoval == nil ? 0 : 2)
        let top = max(0, participantSelection - listRows + 1)
        for (index, participant) in participants.enumerated().dropFirst(top).prefix(max(listRows, 0)) {
            let selected = index == participantSelection
            let style: Style = selected ? .selected : []
            if selected { grid.fill(row: row, columns: 1..<width + 1, style: style) }
            let sector = participant.sector.map { SectorColumn.abbreviation($0, in: language) } ?? "   "
            let ratings = answerCount(of: participant)
            let named = !participant.name.allSatisfy(\.isWhitespace) && !participant.organisation.isEmpty
            let line = "\(selected ? "▸" : " ") \(String(index + 1).leftPadded(to: 2)) \(sector) "
                + participant.displayName(number: index + 1, in: language)
                + (named ? " · \(participant.organisation)" : "")
            let counted = ratings == 0 ? ""
                : "  " + language.text(.wizardParticipantsAnswered, ["count": .integer(ratings)])
            grid.put(ellipsized(line, width: width - counted.displayWidth), row: row, column: 1, style: style)
            grid.put(counted, row: row, column: width + 1 - counted.displayWidth, style: style)
            if selected { grid.cursor = Point(row: row, column: 1) }
            row += 1
        }
        if let index = pendingRemoval {
            let participant = participants[index]
            let question = language.text(.wizardParticipantsRemoveQuestion, [
                "name": .text(participant.displayName(number: index + 1, in: language)),
                "count": .integer(answerCount(of: participant)),
            ])
            grid.putWrapped(question, row: contentEnd - 2, column: 1, width: width, maxRows: 2, style: .warning)
        }
    }
}

/// Sectors in a narrow column: three letters that read without colour.
enum SectorColumn {
    static func abbreviation(_ sector: Sector, in language: Language) -> String {
        let id: MessageID = switch sector {
        case .government: .wizardSectorShortGovernment
        case .business: .wizardSectorShortBusiness
        case .civilSociety: .wizardSectorShortCivilSociety
        case .donor: .wizardSectorShortDonor
        case .other: .wizardSectorShortOther
        }
        // Three cells, whatever the translation's length, so that the names after it line up.
        let short = truncated(language.text(id), width: 3)
        return short + String(repeating: " ", count: max(3 - short.displayWidth, 0))
    }
}

extension String {
    /// The text right-aligned in `width` cells.
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(width - displayWidth, 0)) + self
    }
}
