import DisplayWidth
import ISPCore
import Messages
import TerminalUI

/// Rating round the room: on a question screen of a workshop with participants, one row per participant and
/// a last row for the group's consensus. A digit rates the focused row and moves to the next one.
extension WizardState {
    /// The row of the group, after the participants' rows; the only row of a question voted anonymously, whose
    /// votes have no participant to rate.
    var groupRow: Int { currentDistribution == nil ? session.participants.count : 0 }

    /// The anonymous votes (or cards) of the question on view, in a workshop.
    var currentDistribution: Distribution? {
        currentPrompt.flatMap { session.answer(for: $0.id).distribution }
    }

    /// How many lines stand above the Group row: one per participant, or a bar per rating of the question's
    /// anonymous votes and the lines of their notes.
    var roundRowCount: Int {
        currentDistribution == nil ? session.participants.count : Rating.all.count + distributionNoteLines.count
    }

    /// The notes of the question's anonymous votes, without names, wrapped under the bars: three lines at most,
    /// the last cut short when there is more.
    private var distributionNoteLines: [String] {
        guard let notes = currentDistribution?.notes, !notes.isEmpty else { return [] }
        let quoted = notes.map {
            language.text(.roomviewQuotedNote, ["note": .text($0.replacing("\n", with: " "))])
        }
        let line = language.text(.roomviewNotes, [
            "count": .integer(notes.count), "notes": .text(quoted.joined(separator: " · ")),
        ])
        let lines = wrap(line, width: rowEditorWidth - 2)
        guard lines.count > 3 else { return lines }
        return Array(lines.prefix(2)) + [ellipsized(lines[2] + " " + lines[3], width: rowEditorWidth - 2)]
    }

    mutating func performRatingRowCommand(_ command: Command, key: Key, prompt: Prompt) -> [Effect] {
        switch command {
        case .moveInRows:
            switch key {
            // The Group row is the last: Tab, not Down, goes on to the notes, so that a digit never lands there.
            case .up: ratingRow = max(ratingRow - 1, 0)
            case .down: ratingRow = min(ratingRow + 1, groupRow)
            case .home: ratingRow = 0
            default: ratingRow = groupRow
            }
            return []
        case .editRowNote:
            openRowEditor(prompt: prompt)
            return []
        default:
            return clearRow(prompt: prompt)
        }
    }

    /// Rates the focused row: a participant's voice (then the next row), or the group's consensus, asking for its
    /// reason when the voices diverge.
    mutating func rateRow(_ rating: Rating, prompt: Prompt) -> [Effect] {
        let isVoice = ratingRow < groupRow
        let changed = session.answer(for: prompt.id).rating != rating
        let effects = give(.rating(rating), prompt: prompt)
        if isVoice {
            ratingRow += 1
        } else if changed && answerFields(of: prompt).contains(.reason) {
            // A new consensus on divergent ratings, or against the voices, needs its reason: asked for, or shown
            // again.
            openRowEditor(prompt: prompt)
        }
        return effects
    }

    /// Clears the focused row's rating: a participant's, or the group's consensus (back to the mean).
    private mutating func clearRow(prompt: Prompt) -> [Effect] {
        give(.rating(nil), prompt: prompt)
    }

    private mutating func openRowEditor(prompt: Prompt) {
        guard readOnlyReason == nil else {
            status = .readOnly
            return
        }
        let answer = session.answer(for: prompt.id)
        let text = ratingRow < groupRow ? answer.voices[session.participants[ratingRow].id]?.note ?? "" : answer.reason
        rowEditor = TextEditor(text: text, singleLine: true)
    }

    /// Keys while a row's note (or the group's reason) is edited: typing, then Enter, Tab or Esc to finish.
    mutating func handleRowEditorKey(_ key: Key, prompt: Prompt) -> [Effect]? {
        guard var editor = rowEditor else { return nil }
        if key == .enter || key == .escape {
            rowEditor = nil
            return [.save]
        }
        let outcome = editor.handle(key, width: rowEditorWidth, height: 1)
        rowEditor = editor
        switch outcome {
        case .edited:
            storeRowNote(prompt: prompt)
            return [.saveSoon]
        case .moved: return []
        case .ignored: return nil
        }
    }

    mutating func pasteIntoRow(_ text: String) -> [Effect] {
        guard var editor = rowEditor, let prompt = currentPrompt else { return [] }
        editor.insert(text, width: rowEditorWidth, height: 1)
        rowEditor = editor
        storeRowNote(prompt: prompt)
        return [.saveSoon]
    }

    /// Stores the row's note, or the group's reason, as it is typed.
    private mutating func storeRowNote(prompt: Prompt) {
        guard let text = rowEditor?.text else { return }
        _ = give(.text(text), prompt: prompt)
    }

    // MARK: Drawing

    /// Columns of a rating row: marker, sector, name, rating (with its label when there is room), note.
    private var nameWidth: Int { max(min(22, contentWidth / 3), 8) }
    private var showsRatingLabels: Bool { contentWidth >= 76 }
    /// The rating's code and its longest word in the reader's language ("Institucionalizado"), up to 26 columns.
    private var ratingWidth: Int {
        showsRatingLabels ? min(5 + (Rating.all.map { ratingWord($0).displayWidth }.max() ?? 17), 26) : 6
    }
    /// A row's note is typed on the line under the rows, as wide as the screen.
    private var rowEditorWidth: Int { contentWidth }

    /// The highlighted row's note, or the group's reason, with its name: shown in full under the rows while they
    /// have the focus and nothing is typed there.
    var highlightedRowNote: String? {
        guard questionFocus == .rows, rowEditor == nil, let prompt = currentPrompt else { return nil }
        let answer = session.answer(for: prompt.id)
        let isVoice = ratingRow < groupRow
        let note = isVoice ? answer.voices[session.participants[ratingRow].id]?.note ?? "" : answer.reason
        guard !note.isEmpty else { return nil }
        return language.text(.wizardQuestionRowNote, [
            "name": .text(label(of: isVoice ? .voice(ratingRow) : .consensus)),
            "note": .text(note.replacing("\n", with: " ")),
        ])
    }

    func drawRatingRows(into grid: inout ScreenGrid, prompt: Prompt, layout: QuestionLayout) {
        let answer = session.answer(for: prompt.id)
        let participants = session.participants
        let focused = questionFocus == .rows
        // The rows the highlight was on go when anonymous votes take their place: the Group row is highlighted.
        let ratingRow = min(self.ratingRow, groupRow)
        let heading = rowEditor == nil ? carriedOverMark(answer, spreadLine(answer))
            : ratingRow == groupRow ? language.text(.wizardAnswerReasonEditing)
            : language.text(.wizardAnswerNoteEditing, ["name": .text(label(of: .voice(ratingRow)))])
        let isPlain = answer.divergence(in: participants) == nil && rowEditor == nil && !answer.isCarriedOver
        grid.put(ellipsized(heading, width: contentWidth), row: layout.ratingRow, column: 1,
                 style: isPlain ? [] : .title)
        // The participants' rows scroll to keep the highlighted one in view; the Group row stays under them.
        let window = layout.visibleRows - 1
        let top = max(0, min(ratingRow - window + 1, groupRow - window))
        let shown = Array((top..<groupRow).prefix(window)) + [groupRow]
        // Anonymous votes stand where the participants' rows would, over the Group row.
        let skipped = currentDistribution == nil ? 0 : window
        if skipped > 0 { drawDistribution(answer, into: &grid, top: layout.ratingRow + 1, rows: window) }
        // Measured once a frame: it renders every rating's word.
        let ratingWidth = ratingWidth
        let rowNoteWidth = max(contentWidth - 2 - 4 - nameWidth - ratingWidth, 4)
        for (offset, index) in shown.enumerated() {
            let row = layout.ratingRow + 1 + skipped + offset
            let isFocused = focused && index == ratingRow
            let cells: (sector: String, name: String, rating: Rating?, note: String)
            if index < groupRow {
                let participant = participants[index]
                let voice = answer.voices[participant.id]
                cells = (participant.sector.map { SectorColumn.abbreviation($0, in: language) } ?? "   ",
                         label(of: .voice(index)), voice?.rating, voice?.note ?? "")
            } else {
                let reason = answer.reason.isEmpty && answer.consensusAsksForReason(in: participants)
                    ? language.text(.wizardAnswerReasonMissing) : answer.reason
                // What the room found comes first beside the Group row, before the reason.
                let note = [foundText(answer, prompt: prompt), reason.isEmpty ? nil : reason].compactMap { $0 }
                cells = ("   ", label(of: .consensus), answer.rating, note.joined(separator: " · "))
            }
            var column = 1
            column += grid.put(isFocused ? "▸ " : "  ", row: row, column: column, style: isFocused ? .focus : [])
            column += grid.put(cells.sector + " ", row: row, column: column, style: .muted)
            grid.put(ellipsized(cells.name, width: nameWidth - 1), row: row, column: column,
                     style: index == groupRow ? .title : [])
            column += nameWidth
            let ratingText = cells.rating.map { rating in
                rating.code.leftPadded(to: 3) + (showsRatingLabels ? " \(ratingWord(rating))" : "")
            } ?? "  -"
            grid.put(ratingText, row: row, column: column, style: isFocused ? .selected : ratingStyle(cells.rating),
                     limit: ratingWidth - 1)
            grid.put(ellipsized(cells.note.replacing("\n", with: " "), width: rowNoteWidth),
                     row: row, column: column + ratingWidth, style: .muted)
            if isFocused { grid.cursor = Point(row: row, column: column) }
        }
        grid.putScrollMarks(above: top > 0, below: top + window < groupRow,
                            rows: layout.ratingRow + 1..<layout.ratingRow + layout.visibleRows,
                            column: contentWidth, style: .muted)
        if focused, let editor = rowEditor {
            editor.draw(into: &grid, at: Point(row: layout.rowNoteRow, column: 1), width: rowEditorWidth, height: 1,
                        focused: true, style: .field)
        } else {
            grid.putLines(layout.rowNoteLines, row: layout.rowNoteRow, column: 1, width: contentWidth,
                          maxRows: layout.rowNoteRows)
        }
    }

    /// The bars of the question's anonymous votes, the sectors it shows beside them, and the voters' notes under
    /// them, in `rows` rows from `top`: what does not fit is cut, the ratings no one gave first, then from the end.
    private func drawDistribution(_ answer: Answer, into grid: inout ScreenGrid, top: Int, rows: Int) {
        let all = ratingBars(of: answer)
        let bars = Array((all.count > rows ? all.filter { $0.votes > 0 } : all).prefix(rows))
        drawRatingBars(bars, into: &grid, top: top, column: 3, width: contentWidth - 2, longest: 30)
        grid.putLines(distributionNoteLines, row: top + bars.count, column: 3, width: contentWidth - 2,
                      maxRows: rows - bars.count, style: .muted)
    }

    /// A stage's own colour, where the theme has one; Not applicable and Don't know stay plain.
    private func ratingStyle(_ rating: Rating?) -> Style {
        if case .stage(let stage)? = rating { return .stage(stage.rawValue) }
        return []
    }


    /// What the voices add up to so far, in words: the spread to discuss, or each rating when there are few.
    func spreadLine(_ answer: Answer) -> String {
        let participants = session.participants
        let stages = answer.stages(in: participants)
        let rated = answer.voices(in: participants).filter { $0.voice.rating != nil }.count
        let progress = answer.distribution.map {
            language.text(.roomviewAnonymousVotes, ["count": .integer($0.voteCount)])
        } ?? language.text(.wizardAnswerProgress, ["rated": .integer(rated), "count": .integer(participants.count)])
        let group: Message
        switch answer.groupRating(in: participants) {
        case .given(let rating): group = Message(.wizardAnswerConsensus, ["rating": .text(rating.code)])
        case .mean(let mean): group = Message(.wizardAnswerNoConsensusMean, ["mean": .decimal(mean)])
        case let rating:
            // A Don't-know majority or mostly Not applicable says how the room split.
            group = rating.split.map { Message(.wizardAnswerNoGroupRating, ["split": .message($0)]) }
                ?? Message(.wizardAnswerNoConsensus)
        }
        let spread: Message?
        switch answer.divergence(in: participants) {
        case .spread(let lowest, let highest)? where stages.count >= 3:
            spread = Message(.wizardAnswerSpreadDiscuss, ["lowest": .integer(lowest), "highest": .integer(highest)])
        case .hiddenDissent(let lowest, let mean)? where stages.count >= 3:
            spread = Message(.wizardAnswerHiddenDissent, ["mean": .decimal(mean), "lowest": .integer(lowest)])
        case .some:
            spread = Message(.wizardAnswerRatingsDiscuss, ["stages": .text(language.list(stages.map(String.init)))])
        case nil where stages.count >= 3 && stages.min() != stages.max():
            spread = Message(.wizardAnswerSpread, [
                "lowest": .integer(stages.min() ?? 0), "highest": .integer(stages.max() ?? 0),
            ])
        case nil where stages.count >= 3:
            spread = Message(.wizardAnswerAllRated, ["stage": .integer(stages[0])])
        case nil:
            spread = nil
        }
        let groupLine = MessageArgument.message(Message(.wizardAnswerGroupLine, ["group": .message(group)]))
        guard let spread else {
            return language.text(.wizardAnswerSpreadLine, ["progress": .text(progress), "group": groupLine])
        }
        return language.text(.wizardAnswerSpreadLineDiscuss, [
            "progress": .text(progress), "spread": .message(spread), "group": groupLine,
        ])
    }
}
