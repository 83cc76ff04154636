import DisplayWidth
import ISPCore
import Messages
import TerminalUI

/// Where the parts of a question screen go at the current size.
struct QuestionLayout {
    /// The question and the notes under it, wrapped once for the layout and the drawing alike.
    var questionLines: [String]
    var hintLines: [String]
    var questionRows: Int
    var hintRows: Int
    /// The "Readiness: …" line (one voice) or the spread line (participants), followed by the ratings.
    var ratingRow: Int
    /// With participants: how many rating rows are visible, from the row after `ratingRow`, the Group row last.
    var visibleRows: Int
    /// With participants: the highlighted row's note in full (or the editor of it), under the rows.
    var rowNoteLines: [String] = []
    var rowNoteRows = 0
    var notesBox: (origin: Point, width: Int, height: Int)

    /// The row of the highlighted row's note, after the rating rows.
    var rowNoteRow: Int { ratingRow + 1 + visibleRows }
}

extension WizardState {
    /// The rating picker's choices: each stage's number and name, then N/A and Don't know.
    var ratingLabels: [String] {
        Rating.all.map { rating in
            if case .stage(let stage) = rating { return "\(stage.rawValue) \(ratingWord(rating))" }
            return ratingWord(rating)
        }
    }

    /// A rating's word in the reader's language: the stage's name, or the short N/A, or Don't know.
    func ratingWord(_ rating: Rating) -> String {
        switch rating {
        case .stage(let stage): language.text(stage.message)
        case .notApplicable: language.text(.wizardRatingNotApplicableShort)
        case .dontKnow: language.text(Rating.dontKnow.message)
        }
    }

    /// Whether the question screen rates round the room: one row per participant, or the bars of the question's
    /// anonymous votes, and one for the group.
    var hasRatingRows: Bool { !session.raters.isEmpty || currentDistribution != nil }

    var questionLayout: QuestionLayout {
        let width = contentWidth
        let prompt = currentPrompt
        let questionLines = wrap(prompt?.text ?? "", width: width)
        if hasRatingRows { return roundLayout(questionLines: questionLines, width: width) }
        let notes = wrappedNotes(width: width)
        let questionRows = min(questionLines.count, 4)
        let frame = isRoomy ? 1 : 0
        let choices = ChoiceRow(labels: ratingLabels, selected: nil).height(width: width)
        // Give the notes at least three lines: the reading first, then the rest of the hint whole, else a line
        // that says F3 shows it.
        let fixed = questionRows + 1 + 1 + choices + frame + 2
        let room = max(contentRows - fixed - 3, 0)
        let readingRows = min(notes.reading.count, room)
        // A reading cut short ends in "…", with nothing after it.
        let restLines = readingRows < notes.reading.count ? [] : rest(notes, room: room - readingRows)
        let hintRows = readingRows + restLines.count
        let ratingRow = contentTop + questionRows + hintRows + 1
        let frameTop = ratingRow + 1 + choices + frame
        let boxHeight = max(contentEnd - frameTop - 2, 1)
        return QuestionLayout(
            questionLines: questionLines, hintLines: notes.reading + restLines, questionRows: questionRows,
            hintRows: hintRows, ratingRow: ratingRow, visibleRows: 0,
            notesBox: (Point(row: frameTop + 1, column: 3), size.columns - 6, boxHeight))
    }

    /// What the screen says under the question, wrapped: how to read the rating here (the critical note, the
    /// scale reading, and what 0 meant when a 0 was given under an earlier edition's reading), then the rest of
    /// the notes (whether it is derived, and the hint), which F3 shows too.
    private func wrappedNotes(width: Int) -> (reading: [String], rest: [String]) {
        guard let prompt = currentPrompt else { return ([], []) }
        let notes = prompt.notes(in: language)
        let reading = notes.prefix(prompt.readingCount).joined(separator: " ")
        let rest = notes.dropFirst(prompt.readingCount).joined(separator: " ")
        let scaleChange = ScaleChange.change(for: prompt.id, in: session).map {
            ellipsized(language.text($0.message(in: session)), width: width)
        }
        return ((reading.isEmpty ? [] : wrap(reading, width: width)) + (scaleChange.map { [$0] } ?? []),
                rest.isEmpty ? [] : wrap(rest, width: width))
    }

    /// The rest of the notes under the reading: whole when `room` rows hold them, else one line that says F3
    /// shows them, or nothing when not even that fits.
    private func rest(_ notes: (reading: [String], rest: [String]), room: Int) -> [String] {
        if notes.rest.count <= room { return notes.rest }
        guard room > 0 else { return [] }
        return [ellipsized(language.text(.wizardQuestionHintBehindKey, ["key": .text(Self.guideHintKey)]),
                           width: contentWidth)]
    }

    /// The question screen with participants, in the order issue 16 gives it: the question, the critical note and
    /// the scale reading whole, the line that says F3 shows the hint, the spread line, the rating rows (the
    /// participants' scrolling above the Group row, which stays; or the bars of the question's anonymous votes and
    /// their notes, cut at the end when the screen is short), the highlighted row's note in full, and the
    /// notes in what is left, one line at least. The hint shows whole in place of its line only while the notes
    /// keep three lines.
    private func roundLayout(questionLines: [String], width: Int) -> QuestionLayout {
        let wantedRows = roundRowCount + 1
        let notes = wrappedNotes(width: width)
        let questionRows = min(questionLines.count, 3)
        // Under the rows: the note line, then the notes' frame around one line.
        let belowRows = 1 + 3
        let readingRows = max(min(notes.reading.count,
                                  contentRows - questionRows - 1 - min(wantedRows, 3) - belowRows), 0)
        let pointerRows = notes.rest.isEmpty ? 0 : 1
        let fixed = questionRows + readingRows + pointerRows + 1 + belowRows
        var visibleRows = max(min(wantedRows, contentRows - fixed), min(wantedRows, 2))
        // What the notes could have beyond their one line, given away in turn.
        var spare = contentRows - fixed - visibleRows
        let blank = isRoomy && spare > 0 ? 1 : 0
        spare -= blank
        let restLines = readingRows < notes.reading.count ? []
            : rest(notes, room: spare >= 2 ? pointerRows + spare - 2 : pointerRows)
        spare -= restLines.count - pointerRows
        let hintRows = readingRows + restLines.count
        // A long note takes up to two more lines from the notes, then from the participants' rows.
        let noteLines = highlightedRowNote.map { wrap($0, width: width) } ?? []
        let moreNote = min(max(noteLines.count - 1, 0), 2)
        let fromNotes = min(moreNote, spare)
        let fromRows = min(moreNote - fromNotes, max(visibleRows - 3, 0))
        visibleRows -= fromRows
        let ratingRow = contentTop + questionRows + hintRows + blank
        let frameTop = ratingRow + 1 + visibleRows + 1 + fromNotes + fromRows
        return QuestionLayout(
            questionLines: questionLines, hintLines: notes.reading + restLines, questionRows: questionRows,
            hintRows: hintRows, ratingRow: ratingRow, visibleRows: visibleRows, rowNoteLines: noteLines,
            rowNoteRows: 1 + fromNotes + fromRows,
            notesBox: (Point(row: frameTop + 1, column: 3), size.columns - 6, max(contentEnd - frameTop - 2, 1)))
    }

    /// The keys that rate, on the rating picker and on the rating rows.
    static let ratingBindings: [KeyBinding] = [
        KeyBinding(["0", "1", "2", "3", "4"].map(Key.character), bar: (key: "0-4 n d", action: .wizardBarRate),
                   help: (keys: "0 1 2 3 4", meaning: Message(.wizardHelpRate, [
                       "lowest": .message(Stage.notStarted.message),
                       "highest": .message(Stage.institutionalised.message),
                   ])), .rate),
        KeyBinding(["n", "d", "?"].map(Key.character), bar: nil,
                   help: (keys: "n, d, ?", meaning: Message(.wizardHelpRateOther, [
                       "notApplicable": .message(Rating.notApplicable.message),
                       "dontKnow": .message(Rating.dontKnow.message),
                   ])), .rate),
    ]

    /// The rating picker of one voice.
    static let ratingPickerBindings: [KeyBinding] = ratingBindings + [
        KeyBinding([.left, .right], bar: nil, help: (keys: "← →", meaning: Message(.wizardHelpChangeRating)),
                   .stepRating),
        KeyBinding([.enter, .down], bar: nil, help: (keys: "Enter, ↓", meaning: Message(.wizardHelpRatingToNotes)),
                   .nextField),
    ]

    /// The rating rows of a workshop with participants.
    static let ratingRowBindings: [KeyBinding] = ratingBindings + [
        KeyBinding([.up, .down, .home, .end], bar: (key: "↑↓", action: .wizardBarRow),
                   help: (keys: "↑ ↓ Home End", meaning: Message(.wizardHelpRowsMove)), .moveInRows),
        KeyBinding([.enter], bar: (key: "Enter", action: .wizardBarNote),
                   help: (keys: "Enter", meaning: Message(.wizardHelpRowsNote)), .editRowNote),
        KeyBinding([.delete, .backspace], bar: nil, help: (keys: "Del", meaning: Message(.wizardHelpRowsClear)),
                   .clearRow),
    ]

    /// `c` on the rating or the rating rows, while the answer is carried over from the last round. No text is
    /// typed there, so `c` types nothing away.
    static let confirmCarriedOverBinding = KeyBinding(
        [.character("c")], bar: (key: "c", action: .wizardBarConfirmCarriedOver),
        help: (keys: "c", meaning: Message(.wizardHelpConfirmCarriedOver)), .confirmCarriedOver)

    /// `f` on the rating or the rating rows of a question that asks what the room found: none, favourable, mixed,
    /// unfavourable in turn. No text is typed there.
    static let findingBinding = KeyBinding(
        [.character("f")], bar: (key: "f", action: .wizardBarFinding),
        help: (keys: "f", meaning: Message(.wizardHelpFinding, [
            "favourable": .message(Finding.favourable.message), "mixed": .message(Finding.mixed.message),
            "unfavourable": .message(Finding.unfavourable.message),
        ])), .cycleFinding)

    /// The keys of the focused field of the question; none while a row's note is typed or the notes have the
    /// focus.
    var questionFieldBindings: [KeyBinding] {
        guard let prompt = currentPrompt, rowEditor == nil, let field = focusedAnswerField else { return [] }
        return bindings(of: field, prompt: prompt)
    }

    /// Gives the focused field of the question what a key gave it, as the session's actions; a read-only
    /// session refuses them (in `handle(_ event:)`).
    mutating func give(_ input: AnswerInput, prompt: Prompt) -> [Effect] {
        guard let field = focusedAnswerField else { return [] }
        let actions = actions(for: input, to: field, of: prompt)
        actions.forEach { apply($0) }
        return actions.isEmpty ? [] : [.save]
    }

    /// The keys typed into the question screen's text: the notes, or a rating row's note; nil when the focused
    /// field is not text or the editor does not use the key.
    mutating func handleQuestionTextKey(_ key: Key) -> [Effect]? {
        guard let prompt = currentPrompt else { return nil }
        if questionFocus == .rows, rowEditor != nil { return handleRowEditorKey(key, prompt: prompt) }
        guard questionFocus == .notes else { return nil }
        let box = questionLayout.notesBox
        switch notes.handle(key, width: box.width, height: box.height) {
        case .edited:
            storeNotes()
            return [.saveSoon]
        case .moved:
            return []
        case .ignored:
            if key == .up { return moveFocus(by: -1) }
            return nil
        }
    }

    mutating func performRatingCommand(_ command: Command, key: Key) -> [Effect] {
        guard let prompt = currentPrompt else { return [] }
        switch command {
        case .rate:
            guard case .character(let character) = key, let rating = Rating(typed: String(character)) else {
                return []
            }
            return questionFocus == .rows ? rateRow(rating, prompt: prompt) : give(.rating(rating), prompt: prompt)
        case .stepRating:
            let current = session.answer(for: prompt.id).rating.flatMap { Rating.all.firstIndex(of: $0) }
            guard let index = ChoiceRow.index(from: current, moving: key, count: Rating.all.count) else { return [] }
            return give(.rating(Rating.all[index]), prompt: prompt)
        case .confirmCarriedOver:
            status = .confirmed
            return give(.confirm, prompt: prompt)
        case .cycleFinding:
            return give(.finding(Finding.following(session.answer(for: prompt.id).finding)), prompt: prompt)
        case .moveInRows, .editRowNote, .clearRow:
            return performRatingRowCommand(command, key: key, prompt: prompt)
        default:
            return []
        }
    }

    /// Wraps the notes for their box when a question opens or the terminal is resized, so that the redraw that
    /// follows finds them wrapped.
    mutating func layOutNotes() {
        guard currentPrompt != nil, !isTooSmall else { return }
        let box = questionLayout.notesBox
        notes.layOut(width: box.width, height: box.height)
    }

    /// Copies the notes editor into the session, dropping the answer when it became empty.
    mutating func storeNotes() {
        guard let prompt = currentPrompt else { return }
        actions(for: .text(notes.text), to: .notes, of: prompt).forEach { apply($0) }
    }

    func drawQuestion(into grid: inout ScreenGrid) {
        guard let prompt = currentPrompt else { return }
        let layout = questionLayout
        let width = contentWidth
        var row = contentTop
        row += grid.putLines(layout.questionLines, row: row, column: 1, width: width, maxRows: layout.questionRows,
                             style: .title)
        if let ballot, ballot.promptID == prompt.id {
            drawBallotPanel(into: &grid, ballot: ballot, top: row + 1)
            return
        }
        grid.putLines(layout.hintLines, row: row, column: 1, width: width, maxRows: layout.hintRows, style: .muted)

        if hasRatingRows {
            drawRatingRows(into: &grid, prompt: prompt, layout: layout)
        } else {
            drawRatingPicker(into: &grid, prompt: prompt, layout: layout)
        }

        let box = layout.notesBox
        drawFrame(into: &grid, title: label(of: .notes), top: box.origin.row - 1,
                  height: box.height + 2, focused: questionFocus == .notes)
        notes.draw(into: &grid, at: box.origin, width: box.width, height: box.height,
                   focused: questionFocus == .notes)
    }

    /// "Found: mixed", on a question that asks what the room found and has a finding.
    func foundText(_ answer: Answer, prompt: Prompt) -> String? {
        guard prompt.asksFinding, let finding = answer.finding else { return nil }
        return language.text(.wizardQuestionFound, ["finding": .message(finding.message)])
    }

    /// What starts the rating's line while the answer is carried over from the last round and not yet confirmed.
    func carriedOverMark(_ answer: Answer, _ line: String) -> String {
        answer.isCarriedOver ? language.text(.wizardQuestionCarriedOver, ["spread": .text(line)]) : line
    }

    /// One voice's rating: the meaning of the chosen stage above the row of choices.
    private func drawRatingPicker(into grid: inout ScreenGrid, prompt: Prompt, layout: QuestionLayout) {
        let rating = session.answer(for: prompt.id).rating
        let meaning =
            switch rating {
            case .stage(let stage)?: language.text(.wizardQuestionStageMeaning, [
                "number": .integer(stage.rawValue), "stage": .message(stage.message),
                "meaning": .message(stage.meaning),
            ])
            case .notApplicable?:
                language.text(.wizardQuestionNotApplicableMeaning, [
                    "notApplicable": .message(Rating.notApplicable.message),
                ])
            case .dontKnow?:
                language.text(.wizardQuestionDontKnowMeaning, ["dontKnow": .message(Rating.dontKnow.message)])
            case nil: language.text(.wizardQuestionNotRated)
            }
        let answer = session.answer(for: prompt.id)
        let line = language.text(answer.isCarriedOver ? .wizardQuestionReadinessCarriedOver : .wizardQuestionReadiness,
                                 ["meaning": .text(meaning)])
        // What the room found keeps the line's end; the stage's meaning, which the choices repeat, gives way.
        let found = foundText(answer, prompt: prompt).map { "  " + $0 } ?? ""
        grid.put(ellipsized(line, width: max(contentWidth - found.displayWidth, 1)), row: layout.ratingRow,
                 column: 1, style: answer.isCarriedOver ? .title : [])
        if !found.isEmpty {
            grid.put(found, row: layout.ratingRow, column: 1 + contentWidth - found.displayWidth, style: .title)
        }
        let choices = ChoiceRow(labels: ratingLabels, selected: rating.flatMap { Rating.all.firstIndex(of: $0) })
        choices.draw(into: &grid, at: Point(row: layout.ratingRow + 1, column: 1), width: contentWidth,
                     focused: questionFocus == .rating)
    }

    /// A box-drawing frame around a field, its title in the top edge, bold while the field has focus.
    func drawFrame(into grid: inout ScreenGrid, title: String, top: Int, height: Int, focused: Bool) {
        let right = size.columns - 2
        let style: Style = focused ? .focus : .muted
        grid.put("┌" + String(repeating: "─", count: right - 2) + "┐", row: top, column: 1, style: style)
        grid.put(" \(title) ", row: top, column: 3, style: focused ? .focus : [])
        for row in top + 1..<top + height - 1 {
            grid.put("│", row: row, column: 1, style: style)
            grid.put("│", row: row, column: right, style: style)
        }
        grid.put("└" + String(repeating: "─", count: right - 2) + "┘", row: top + height - 1, column: 1, style: style)
    }

    /// The keys the focused field of a question screen uses, for the key bar.
    var questionFieldHints: [BarItem] {
        rowEditor == nil ? questionFieldBindings.filter { !Self.secondaryFieldCommands.contains($0.command) }
            .compactMap { $0.barItem(in: language) } : [item("Enter", .wizardBarDone)]
    }

    /// The rating's keys that come after the way on in the key bar, so that a narrow bar, or a language with
    /// longer words, cuts them before it: confirm, what the room found, a ballot.
    static let secondaryFieldCommands: Set<Command> = [.confirmCarriedOver, .cycleFinding, .openBallot]
}

extension Prompt {
    /// What the screen and the plain mode say under the question: whether it is critical, how to read the scale
    /// here, whether it is derived, and the hint, saying whether it quotes the guide or is in our words.
    func notes(in language: Language) -> [String] {
        var parts: [String] = []
        // Short, so that the scale reading after it fits at 80x24; the same rule as "below 1.5, or no stage".
        if critical {
            parts.append(language.text(.wizardQuestionCritical, [
                "developing": .message(Band.developing.message), "partial": .message(Stage.partial.message),
            ]))
        }
        if let scale { parts.append(language.text(.wizardQuestionScale, ["scale": .text(scale)])) }
        if derived { parts.append(language.text(.wizardQuestionDerived)) }
        if let hint {
            switch hintQuoted {
            case true?: parts.append(language.text(.wizardQuestionQuotedHint, ["hint": .text(hint)]))
            case false?: parts.append(language.text(.wizardQuestionOwnHint, ["hint": .text(hint)]))
            case nil: parts.append(hint)
            }
        }
        return parts
    }

    /// How many of `notes(in:)` say how to read the rating here: the critical note and the scale reading.
    var readingCount: Int { (critical ? 1 : 0) + (scale == nil ? 0 : 1) }
}
