import ISPCore
import Messages

/// The worksheets line by line: each field of a step's worksheet asked in turn, as the entries the full screen
/// shows, and its lists of rows edited with one-letter commands.
///
/// At any value, Enter keeps it and goes on, `-` clears it and `:b` goes back one field. Choices are typed by
/// number, dates as YYYY-MM-DD (`t` for today), long texts as lines ended by a single dot, a row of another
/// list (a convener, an owner) by its number or its name. Every change is saved at once.
extension PlainWizard {
    /// How many rows of a list are read out without being asked for; a longer list is listed with `l`.
    static let rowsReadOut = 20

    /// Where the walk through a worksheet goes after a field (or a column of a row): on to the next, back one,
    /// or out on a command.
    enum WorksheetMove {
        case next, back
        case leave(Step)
    }

    /// After a step's last question: fill in its worksheet now, or go on.
    func offerWorksheet(ofStep index: Int) -> Step {
        guard let worksheet = state.guide.steps[index].worksheet else { return .next }
        let offer = text(.plainWorksheetOffer, ["step": .integer(index + 1), "title": .text(worksheet.title)])
        while true {
            switch ask(offer) {
            case .answer(let line):
                if isYes(line) { return .worksheet(index, announced: true) }
                switch line.trimmed.lowercased() {
                case "", "n", "no": return .next
                default: say(.plainWorksheetOfferCorrection)
                }
            case .command(let step): return step
            case .end: return .endOfInput
            }
        }
    }

    /// Walks a step's worksheet field by field; `.back` from its first field, `.next` after its last. Its title
    /// is said first unless the offer just said it.
    func fillWorksheet(ofStep stepIndex: Int, announced: Bool) -> Step {
        let guide = state.guide
        guard let worksheet = guide.steps[stepIndex].worksheet else { return .next }
        if !announced {
            say(.plainWorksheetTitle, ["step": .integer(stepIndex + 1), "title": .text(worksheet.title)])
        }
        if let intro = worksheet.intro { say(intro) }
        say(.plainWorksheetKeys)
        for field in worksheet.fields {
            if case .grid(.rowsOf(let address), _) = field.kind, state.session.rows(of: address, in: guide).isEmpty {
                say(.plainWorksheetGridWaits, ["field": .text(field.label.sentence), "list": .text(listName(address))])
            }
        }
        var index = 0
        var heading: String?
        // The entries are read again after each field: a list filled in may add rows to a grid after it.
        while case let entries = state.session.entries(of: worksheet, in: guide), entries.indices.contains(index) {
            let entry = entries[index]
            if entry.heading != heading {
                heading = entry.heading
                if let heading {
                    say(heading.sentence)
                    if let hint = entry.hint { say(hint) }
                }
            }
            switch fill(entry) {
            case .next:
                index += 1
            case .back:
                guard index > 0 else { return .back }
                index -= 1
                heading = nil
            case .leave(let step):
                return step
            }
        }
        say(.plainWorksheetEnd, ["step": .integer(stepIndex + 1)])
        return .next
    }

    /// Asks for one entry by its kind; a checklist item's note follows its mark once it has one.
    func fill(_ entry: RecordEntry) -> WorksheetMove {
        if entry.heading == nil, let hint = entry.hint { say(hint) }
        switch entry.input {
        case .text:
            return askValue(
                prompt: { nowPrompt(entry.label, text(of: entry)) },
                clear: { store(nil, in: entry) },
                take: { line in
                    store(.string(line), in: entry)
                    return true
                })
        case .longText:
            return fillLongText(entry)
        case .choice(let choices):
            while true {
                let outcome = fillChoice(entry, choices)
                guard case .next = outcome, entry.notePath != nil, state.session.record(at: entry.path) != nil
                else { return outcome }
                let note = fillNote(of: entry)
                // Back from the note is the item's mark.
                if case .back = note { continue }
                return note
            }
        case .date:
            return fillDate(entry)
        case .reference(let address):
            return fillReference(entry, to: address)
        case .rows(let address):
            return editList(address, label: entry.label)
        }
    }

    // MARK: Values

    /// Asks a line until `take` accepts it (it says why when it does not): Enter keeps the value, `-` clears
    /// it, `:b` goes back one field, any other command leaves.
    private func askValue(prompt: () -> String, clear: () -> Void, take: (String) -> Bool) -> WorksheetMove {
        while true {
            switch ask(prompt()) {
            case .answer(let line) where line.isEmpty:
                return .next
            case .answer(let line) where line.trimmed == "-":
                clear()
                return .next
            case .answer(let line):
                if take(line) { return .next }
            case .command(.back):
                return .back
            case .command(let step):
                return .leave(step)
            case .end:
                return .leave(.endOfInput)
            }
        }
    }

    private func fillLongText(_ entry: RecordEntry) -> WorksheetMove {
        let current = text(of: entry)
        let prompt: String
        if current.isEmpty {
            prompt = text(.plainLongTextEmpty, ["label": .text(entry.label)])
        } else {
            say(.plainLongTextNow, ["label": .text(entry.label)])
            say(current)
            prompt = text(.plainLongTextReplace)
        }
        switch readLines(prompt: prompt, clearing: true) {
        case .keep:
            return .next
        case .clear:
            store(nil, in: entry)
            return .next
        case .lines(let lines, let interruption):
            if !lines.isEmpty { store(.string(lines.joined(separator: "\n")), in: entry) }
            switch interruption {
            case nil: return .next
            case .back?: return .back
            case let step?: return .leave(step)
            }
        }
    }

    private func fillChoice(_ entry: RecordEntry, _ choices: [Choice]) -> WorksheetMove {
        askValue(
            prompt: {
                choicePrompt(entry.label, choices.map(\.label), chosen: text(of: entry), none: .plainChoiceNone)
            },
            clear: { store(nil, in: entry) },
            take: { line in
                guard let number = Int(line.trimmed), choices.indices.contains(number - 1) else {
                    say(.plainChoiceCorrectionClears, ["count": .integer(choices.count)])
                    return false
                }
                store(.string(choices[number - 1].id), in: entry)
                return true
            })
    }

    private func fillNote(of entry: RecordEntry) -> WorksheetMove {
        askValue(
            prompt: {
                let note = state.session.note(of: entry)
                return note.isEmpty ? text(.plainNoteEmpty)
                    : text(.plainNoteNow, ["note": .text(note)])
            },
            clear: { perform(.storeNote(entry, "")) },
            take: { line in
                perform(.storeNote(entry, line))
                return true
            })
    }

    /// A date: `t` is today; text that is not a date is kept as typed, its problem said, and the date asked
    /// again, where Enter keeps it as typed and goes on.
    private func fillDate(_ entry: RecordEntry) -> WorksheetMove {
        let problem = {
            self.state.session.record(at: entry.path).flatMap(DateEntry.init)?.problem.map { self.language.text($0) }
        }
        if let problem = problem() { say(problem) }
        return askValue(
            prompt: {
                let current = text(of: entry)
                let id: MessageID =
                    current.isEmpty ? .plainDateEmpty : problem() == nil ? .plainDateNow : .plainDateNotADate
                return text(id, ["label": .text(entry.label), "value": .text(current)])
            },
            clear: { store(nil, in: entry) },
            take: { line in
                let typed = line.trimmed.lowercased() == "t" ? today().description : line
                guard perform(.storeTyped(entry, typed)), let problem = problem() else {
                    return true
                }
                say(.plainDateKeptAsTyped, ["problem": .text(problem)])
                return false
            })
    }

    /// A row of another list, by its number or its name (linked to the row of that name, else kept as typed);
    /// `?` and a word lists the rows that hold it.
    private func fillReference(_ entry: RecordEntry, to address: FieldAddress) -> WorksheetMove {
        let guide = state.guide
        let list = listName(address)
        let rows = state.session.rows(of: address, in: guide)
        if rows.isEmpty {
            say(.plainReferenceNoRows, ["list": .text(list)])
        } else if rows.count <= Self.rowsReadOut {
            let numbered = rows.enumerated().map { "\($0.offset + 1) \(rowName($0.element, of: address))" }
            say(.plainReferenceRows, ["list": .text(list), "rows": .text(numbered.joined(separator: "; "))])
        } else {
            say(.plainReferenceManyRows, ["list": .text(list), "count": .integer(rows.count)])
        }
        return askValue(
            prompt: {
                let current = text(of: entry)
                return text(current.isEmpty ? .plainReferenceEmpty : .plainReferenceNow,
                                     ["label": .text(entry.label), "value": .text(current)])
            },
            clear: { store(nil, in: entry) },
            take: { line in
                let trimmed = line.trimmed
                if trimmed.hasPrefix("?") {
                    sayRows(of: address, matching: String(trimmed.dropFirst()))
                    return false
                }
                if let number = Int(trimmed) {
                    guard rows.indices.contains(number - 1) else {
                        say(.plainReferenceNoSuchRow, ["number": .integer(number), "list": .text(list),
                                                       "count": .integer(rows.count)])
                        return false
                    }
                    perform(.storeReference(entry, rows[number - 1]))
                } else {
                    perform(.storeTyped(entry, line))
                }
                let reference = state.session.record(at: entry.path).flatMap(RecordReference.init)
                if let id = reference?.id, let index = rows.firstIndex(where: { $0.id == id }) {
                    say(.plainReferenceLinked, ["label": .text(entry.label), "number": .integer(index + 1),
                                                "list": .text(list), "name": .text(rowName(rows[index], of: address))])
                } else if let reference {
                    say(.plainReferenceTyped, ["name": .text(reference.name), "list": .text(list)])
                }
                return true
            })
    }

    // MARK: Lists of rows

    /// A list of rows: said (or counted when long), then changed by commands until Enter.
    private func editList(_ address: FieldAddress, label: String) -> WorksheetMove {
        let count = state.session.rows(of: address, in: state.guide).count
        if count == 0 {
            say(.plainListEmpty, ["label": .text(label)])
        } else {
            say(.plainListRows, ["label": .text(label), "count": .integer(count)])
        }
        if count <= Self.rowsReadOut {
            sayRows(of: address, matching: "")
        } else {
            say(.plainListLongHint)
        }
        let participants = canAddParticipants(to: address)
        say(participants ? .plainListKeysWithParticipants : .plainListKeys)
        let prompt = text(participants ? .plainListAskWithParticipants : .plainListAsk,
                                   ["label": .text(label)])
        while true {
            switch ask(prompt) {
            case .answer(let line) where line.trimmed.isEmpty:
                return .next
            case .answer(let line):
                if let step = listCommand(line, address: address, label: label) { return .leave(step) }
            case .command(.back):
                return .back
            case .command(let step):
                return .leave(step)
            case .end:
                return .leave(.endOfInput)
            }
        }
    }

    private func canAddParticipants(to address: FieldAddress) -> Bool {
        address == state.guide.participantRegister && !state.session.participants.isEmpty
    }

    /// Does one command of a list; returns a command that left the list meanwhile, if any.
    private func listCommand(_ line: String, address: FieldAddress, label: String) -> Step? {
        let text = line.trimmed.lowercased()
        let rows = state.session.rows(of: address, in: state.guide)
        if text.hasPrefix("l") {
            sayRows(of: address, matching: String(line.trimmed.dropFirst()))
            return nil
        }
        let arguments = text.dropFirst().split { $0 == " " || $0 == "\t" }.map { Int($0) }
        let numbers = arguments.compactMap { $0 }.filter { rows.indices.contains($0 - 1) }
        switch (text.first, numbers.count == arguments.count ? numbers : nil) {
        case ("a"?, []?):
            return addRow(at: rows.count, of: address, label: label)
        case ("i"?, let numbers?) where numbers.count == 1:
            return addRow(at: numbers[0] - 1, of: address, label: label)
        case ("e"?, let numbers?) where numbers.count == 1:
            return editRow(rows[numbers[0] - 1].id, number: numbers[0], of: address, label: label)
        case ("d"?, let numbers?) where numbers.count == 1:
            return deleteRow(rows[numbers[0] - 1], number: numbers[0], of: address)
        case ("m"?, let numbers?) where numbers.count == 2:
            if perform(.moveRow(from: numbers[0] - 1, to: numbers[1] - 1, of: address)) {
                say(.plainListMoved, ["row": .text(describe(rows[numbers[0] - 1], of: address)),
                                      "number": .integer(numbers[1])])
            }
        case ("p"?, []?) where canAddParticipants(to: address):
            addParticipantOrganisations(to: address, label: label)
        default:
            if rows.isEmpty {
                say(.plainListCorrection)
            } else {
                say(.plainListCorrectionRows, ["count": .integer(rows.count)])
            }
        }
        return nil
    }

    /// Adds an empty row at a place and asks its columns; a row left empty is taken away again.
    private func addRow(at index: Int, of address: FieldAddress, label: String) -> Step? {
        let guide = state.guide
        let row = RecordRow()
        guard perform(.insertRow(row, at: index, of: address)) else { return nil }
        let step = editRow(row.id, number: index + 1, of: address, label: label)
        let rows = state.session.rows(of: address, in: guide)
        if rows.first(where: { $0.id == row.id })?.cells.isEmpty == true {
            perform(.deleteRow(id: row.id, of: address))
            say(.plainRowNotAdded)
        }
        return step
    }

    /// Asks a row's columns in turn; `:b` goes back one column, and from the first back to the list.
    private func editRow(_ id: String, number: Int, of address: FieldAddress, label: String) -> Step? {
        say(.plainRowHeading, ["label": .text(label), "number": .integer(number)])
        var index = 0
        while case let entries = state.session.entries(ofRow: id, in: address, guide: state.guide),
            entries.indices.contains(index)
        {
            switch fill(entries[index]) {
            case .next: index += 1
            case .back:
                guard index > 0 else { return nil }
                index -= 1
            case .leave(let step): return step
            }
        }
        if let row = state.session.rows(of: address, in: state.guide).first(where: { $0.id == id }),
            !row.cells.isEmpty
        {
            say(.plainRowSummary, ["number": .integer(number), "row": .text(describe(row, of: address))])
        }
        return nil
    }

    /// Deletes a row once `y` confirms it.
    private func deleteRow(_ row: RecordRow, number: Int, of address: FieldAddress) -> Step? {
        let name = describe(row, of: address)
        switch ask(text(.plainRowDeleteAsk, ["number": .integer(number), "row": .text(name)])) {
        case .answer(let line) where isYes(line):
            if perform(.deleteRow(id: row.id, of: address)) { say(.plainRowDeleted, ["row": .text(name)]) }
        case .answer, .command(.back):
            say(.plainRowKept, ["row": .text(name)])
        case .command(let step):
            return step
        case .end:
            return .endOfInput
        }
        return nil
    }

    /// Adds each workshop participant's organisation that the register lacks, with its sector, in one go.
    private func addParticipantOrganisations(to address: FieldAddress, label: String) {
        let before = state.session.rowCount(of: address, in: state.guide)
        guard perform(.addParticipantOrganisations(to: address)) else { return }
        let rows = state.session.rows(of: address, in: state.guide)
        let added = rows.dropFirst(before)
        if added.isEmpty {
            say(.plainRegisterNothingToAdd, ["list": .text(label)])
            return
        }
        say(.plainRegisterAdded, ["count": .integer(added.count)])
        for (index, row) in zip(added.indices, added) {
            say("\(index + 1). \(describe(row, of: address).sentence)")
        }
    }

    // MARK: Showing

    /// Says the rows of a list numbered: all of them, or those that hold `word` (ignoring case).
    func sayRows(of address: FieldAddress, matching word: String) {
        let rows = state.session.rows(of: address, in: state.guide)
        let word = word.trimmed.lowercased()
        var found = 0
        for (index, row) in rows.enumerated() {
            let text = describe(row, of: address)
            guard word.isEmpty || text.lowercased().contains(word) else { continue }
            say("\(index + 1). \(text.sentence)")
            found += 1
        }
        if found == 0 && !rows.isEmpty { say(.plainRowsNoMatch, ["word": .text(word)]) }
    }

    /// A row in a line: its cells other than long texts, as they read, separated by semicolons.
    ///
    /// Read from the row itself rather than through `Session.text(of:in:)`, which finds the row by its id for
    /// each cell: listing a register of 1,000 rows that way took 1.3 s in a debug build.
    func describe(_ row: RecordRow, of address: FieldAddress) -> String {
        let guide = state.guide
        let cells = (guide.field(at: address)?.columns ?? []).map { column -> String in
            guard let value = row.cells[column.id] else { return "" }
            switch column.kind {
            case .longText:
                return ""
            case .choice(let choices):
                let id = value.string ?? ""
                return choices.first { $0.id == id }?.label ?? id
            case .reference(let list):
                return RecordReference(value).map { state.session.name(of: $0, to: list, in: guide) } ?? ""
            default:
                return row.text(column.id)
            }
        }
        let shown = cells.filter { !$0.isEmpty }
        return shown.isEmpty ? text(.plainRowEmpty) : shown.joined(separator: "; ")
    }

    private func rowName(_ row: RecordRow, of address: FieldAddress) -> String {
        let name = state.session.rowName(row, of: address, in: state.guide)
        return name.isBlank ? describe(row, of: address) : name
    }

    /// The label of a list, to name it in sentences.
    private func listName(_ address: FieldAddress) -> String {
        state.guide.field(at: address)?.label ?? address.description
    }

    func showWorksheetHelp() {
        say(.plainHelpWorksheet)
        say(.plainHelpLists)
        say(.plainHelpWorksheets)
    }

    // MARK: Reading and storing

    private func text(of entry: RecordEntry) -> String {
        state.session.text(of: entry, in: state.guide)
    }

    private func store(_ value: JSONValue?, in entry: RecordEntry) {
        perform(.store(entry, value))
    }
}

extension String {
    /// The text as a sentence: with a full stop at the end unless it ends in punctuation already.
    var sentence: String {
        guard let last = last else { return self }
        return ".?!:".contains(last) ? self : self + "."
    }

    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
