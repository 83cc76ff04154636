import ISPCore
import Messages
import TerminalUI

/// A part of the answer to a question, as a field: the question screen focuses it and sends it keys through its
/// binding table, plain mode asks it as a line; either way what it is given becomes the same actions.
enum AnswerField: Equatable, Sendable {
    /// One voice's rating: a self-assessment's, or a workshop's without participants.
    case rating
    /// A participant's rating and note, by the participant's index.
    case voice(Int)
    /// The group's consensus, after the participants' ratings.
    case consensus
    /// Why the group settled on its consensus.
    case reason
    /// What the group found, on an analysis question that asks for it; never scored.
    case finding
    /// The notes (the group's, with participants).
    case notes
}

/// What a field of an answer is given: a key on the screen, a line in plain mode.
enum AnswerInput: Equatable, Sendable {
    /// A rating; nil clears it.
    case rating(Rating?)
    /// A participant's note, the consensus's reason, or the notes.
    case text(String)
    /// Confirms an answer carried over from the last round as it is.
    case confirm
    /// What the group found; nil clears it.
    case finding(Finding?)
}

extension WizardState {
    /// The fields of a question, in the order both front ends ask them: the rating, or each participant's and
    /// the group's consensus, then its reason when the consensus asks for one; then what the room found on a
    /// question that asks for it; then the notes. (The screen sets the finding by a key on the rating.)
    func answerFields(of prompt: Prompt) -> [AnswerField] {
        let finding: [AnswerField] = prompt.asksFinding ? [.finding] : []
        guard hasRatingRows else { return [.rating] + finding + [.notes] }
        let asksForReason = session.answer(for: prompt.id).consensusAsksForReason(in: session.participants)
        return session.participants.indices.map(AnswerField.voice) + [.consensus] + (asksForReason ? [.reason] : [])
            + finding + [.notes]
    }

    /// The field of the question screen that has the focus: the rating, the focused rating row, the note or
    /// reason being typed on it, or the notes.
    var focusedAnswerField: AnswerField? {
        switch questionFocus {
        case .rating?: .rating
        case .rows? where ratingRow < groupRow: .voice(ratingRow)
        case .rows?: rowEditor == nil ? .consensus : .reason
        case .notes?: .notes
        case nil: nil
        }
    }

    /// The field's name: on the screen (a rating row, the notes' frame) and in plain mode.
    func label(of field: AnswerField) -> String {
        switch field {
        case .rating: language.text(.wizardAnswerRating)
        case .voice(let index): session.participants[index].displayName(number: index + 1, in: language)
        case .consensus: language.text(.wizardAnswerGroup)
        case .reason: language.text(.wizardAnswerReason)
        case .finding: language.text(.wizardAnswerFinding)
        case .notes: language.text(hasRatingRows ? .wizardAnswerGroupNotes : .wizardAnswerNotes)
        }
    }

    /// The changes that giving `input` to a field of `prompt` makes; none for what the field does not take.
    func actions(for input: AnswerInput, to field: AnswerField, of prompt: Prompt) -> [Action] {
        changes(for: input, to: field, of: prompt).map { .change($0) }
    }

    private func changes(for input: AnswerInput, to field: AnswerField, of prompt: Prompt) -> [SessionChange] {
        switch (input, field) {
        case (.confirm, _):
            return session.answer(for: prompt.id).isCarriedOver ? [.confirmCarriedOver(promptID: prompt.id)] : []
        case (.finding(let finding), _):
            // Whichever field has the focus: it is the group's, and only where the question asks for it.
            return prompt.asksFinding ? [.setFinding(promptID: prompt.id, finding)] : []
        case (.rating(let rating), .rating), (.rating(let rating), .consensus):
            return [.rate(promptID: prompt.id, rating)]
        case (.rating(let rating), .voice(let index)):
            return [.rateVoice(promptID: prompt.id, participantID: session.participants[index].id, rating)]
        case (.text(let text), .voice(let index)):
            return [.setVoiceNote(promptID: prompt.id, participantID: session.participants[index].id, text)]
        case (.text(let text), .reason):
            return [.setReason(promptID: prompt.id, text)]
        case (.text(let text), .notes):
            return [.setNotes(promptID: prompt.id, text)]
        default:
            return []
        }
    }

    /// The keys of a field on the screen beyond typing: a rating's, a rating row's, `c` while the answer is
    /// carried over, `f` on a question that asks what the room found; none for text.
    func bindings(of field: AnswerField, prompt: Prompt) -> [KeyBinding] {
        let confirm = session.answer(for: prompt.id).isCarriedOver ? [Self.confirmCarriedOverBinding] : []
        let finding = prompt.asksFinding ? [Self.findingBinding] : []
        switch field {
        case .rating: return Self.ratingPickerBindings + confirm + finding + questionBallotBindings
        case .voice, .consensus: return Self.ratingRowBindings + confirm + finding + questionBallotBindings
        case .reason, .finding, .notes: return []
        }
    }

    /// What a line typed for a field gives it, in plain mode: nothing for an empty line (the answer is kept),
    /// nil for a line the field does not take. A participant's rating may have a note after it on the same line
    /// (`3 youth not consulted`); `x` clears the consensus; `c` confirms a carried-over answer.
    func inputs(for line: String, to field: AnswerField, of prompt: Prompt) -> [AnswerInput]? {
        if line.isEmpty { return [] }
        let trimmed = line.trimmed
        switch field {
        case .reason, .notes:
            return [.text(line)]
        case .finding:
            if trimmed.lowercased() == Self.clearKey { return [.finding(nil)] }
            return Finding(typed: trimmed).map { [.finding($0)] }
        case .rating, .voice, .consensus:
            if trimmed.lowercased() == "c" && session.answer(for: prompt.id).isCarriedOver { return [.confirm] }
            if field == .consensus && trimmed.lowercased() == Self.clearKey { return [.rating(nil)] }
            guard case .voice = field else { return Rating(typed: trimmed).map { [.rating($0)] } }
            let (code, note) = Self.splitRating(trimmed)
            guard let rating = Rating(typed: code) else { return nil }
            return [.rating(rating)] + (note.isEmpty ? [] : [.text(note)])
        }
    }

    /// The letter that clears the consensus or the finding in plain mode.
    static let clearKey = "x"

    /// `3 youth not consulted` as the rating's code and the note after it.
    static func splitRating(_ line: String) -> (code: String, note: String) {
        let trimmed = line.trimmed
        guard let space = trimmed.firstIndex(of: " ") else { return (trimmed, "") }
        return (String(trimmed[..<space]), String(trimmed[space...]).trimmed)
    }

    /// How plain mode asks for a field: what it takes and what it holds now.
    func plainPrompt(of field: AnswerField, prompt: Prompt) -> String {
        let answer = session.answer(for: prompt.id)
        let carriedOver = MessageArgument.text(answer.isCarriedOver ? language.text(.wizardAnswerCarriedOver) : "")
        let current = { (rating: Rating?, none: MessageID) in
            MessageArgument.text(rating.map { $0.plainDescription(in: language) } ?? language.text(none))
        }
        switch field {
        case .rating:
            let id: MessageID = answer.isCarriedOver ? .wizardAnswerPromptRatingCarriedOver : .wizardAnswerPromptRating
            return language.text(id, ["current": current(answer.rating, .wizardAnswerUnrated), "carriedOver": carriedOver])
        case .voice(let index):
            let participant = session.participants[index]
            return language.text(.wizardAnswerPromptVoice, [
                "participant": .text(participant.plainDescription(number: index + 1, in: language)),
                "rating": current(answer.voices[participant.id]?.rating, .wizardAnswerNotRated),
            ])
        case .consensus:
            let id: MessageID = answer.isCarriedOver
                ? .wizardAnswerPromptConsensusCarriedOver : .wizardAnswerPromptConsensus
            return language.text(id, ["current": current(answer.rating, .wizardAnswerNone),
                                      "carriedOver": carriedOver])
        case .reason:
            let id: MessageID = answer.divergence(in: session.participants) != nil
                ? .wizardAnswerPromptReasonDiverge : .wizardAnswerPromptReasonDiffers
            return language.text(id, [
                "reason": .text(answer.reason.isEmpty ? language.text(.wizardAnswerNoneYet) : answer.reason),
            ])
        case .finding:
            guard let finding = answer.finding else { return language.text(.wizardAnswerPromptFinding, findingKeys) }
            return language.text(.wizardAnswerPromptFindingNow,
                                 findingKeys.merging(["finding": .message(finding.message)]) { key, _ in key })
        case .notes:
            return language.text(.wizardAnswerPromptNotes, ["label": .text(label(of: field))])
        }
    }

    /// The letters plain mode takes for a finding, and the one that clears it, as typed in every language.
    private var findingKeys: [String: MessageArgument] {
        ["favourableKey": .text(Finding.favourable.key), "mixedKey": .text(Finding.mixed.key),
         "unfavourableKey": .text(Finding.unfavourable.key), "clearKey": .text(Self.clearKey)]
    }

    /// What plain mode says when a line is not taken by a field.
    func plainCorrection(of field: AnswerField, prompt: Prompt) -> String {
        let isCarriedOver = session.answer(for: prompt.id).isCarriedOver
        switch field {
        case .rating:
            return language.text(isCarriedOver ? .wizardAnswerCorrectRatingCarriedOver : .wizardAnswerCorrectRating, [
                "notApplicable": .message(Rating.notApplicable.message), "dontKnow": .message(Rating.dontKnow.message),
            ])
        case .voice:
            return language.text(.wizardAnswerCorrectVoice)
        case .consensus:
            return language.text(isCarriedOver ? .wizardAnswerCorrectConsensusCarriedOver
                                 : .wizardAnswerCorrectConsensus)
        case .finding:
            return language.text(.wizardAnswerCorrectFinding, findingKeys)
        case .reason, .notes:
            return ""
        }
    }
}

extension Rating {
    /// The rating in plain mode's words: its code and name.
    func plainDescription(in language: Language) -> String {
        language.text(.wizardAnswerPlainRating, ["code": .text(code), "rating": .message(message)])
    }
}

extension Participant {
    /// A participant in plain mode's words: name, organisation (with a name), sector.
    func plainDescription(number: Int, in language: Language) -> String {
        var parts = [displayName(number: number, in: language)]
        if !name.isEmpty && !organisation.isEmpty { parts.append(organisation) }
        parts.append(language.text(sector?.message ?? Message(.wizardAnswerNoSector)))
        return parts.joined(separator: ", ")
    }
}
