import BallotWire
import ISPCore
import Messages
import TerminalUI

/// What the run loop must do after an event; the update itself never touches a file or the terminal.
public enum Effect: Equatable, Sendable {
    /// Save the session now: a rating was chosen, a field or screen was left.
    case save
    /// Save after a short pause in typing.
    case saveSoon
    /// Write reports to hand out beside the session: the summary, or the meeting record in some formats.
    case export([ReportExport])
    /// Tell the ballot server, starting it first when none runs.
    case ballot(BallotCommand)
    /// Stop the ballot server, if one runs.
    case stopBallots
    /// Ring the terminal's bell: a save has just started to fail.
    case bell
    case quit
}

/// What on a question screen can hold the focus: the rating picker, the rating rows or the notes.
enum QuestionFocus: Equatable {
    /// One voice's rating picker.
    case rating
    /// The rating rows of a workshop with participants.
    case rows
    /// The (group's) notes.
    case notes
}

extension WizardState {
    /// Applies one event and says what the run loop must do.
    ///
    /// A read-only session is never changed or saved: a key that would change it is undone and said so.
    public mutating func handle(_ event: Event) -> [Effect] {
        guardingReadOnly { $0.apply(event) }
    }

    /// Takes in the result of a save or an export the run loop did.
    public mutating func handle(_ outcome: WriteOutcome) -> [Effect] {
        switch outcome {
        case .saved(let saved, let time):
            session.updatedAt = time
            saveFailure = nil
            if screen == .summary { layOutSummary() }
            // Changes made while the save was under way are not saved yet: a later save says so.
            guard saved == revision else { return [] }
            // What a key did (an export, organisations added, a convener's answers cleared) stays in view until
            // the next key; anything else gives way to "Saved".
            switch status {
            case .exported?, .notExported?, .organisationsAdded?, .acceptanceCleared?, .refused?, .confirmed?,
                .undone?, .redone?, .changedRow?, .note?:
                break
            default: status = .saved
            }
            return []
        case .saveFailed(let error):
            let isNew = saveFailure == nil
            saveFailure = error
            return isNew ? [.bell] : []
        case .exported(let exports, let paths):
            status = .exported(exports, paths: paths)
            return []
        case .exportFailed(let error):
            status = .notExported(error)
            return []
        }
    }

    private mutating func apply(_ event: Event) -> [Effect] {
        switch event {
        case .resize(let newSize):
            size = newSize
            layOutNotes()
            if screen == .summary { layOutSummary() }
            return []
        case .stop:
            return [.save, .quit]
        case .paste(let text):
            return isTooSmall || isShowingHelp || isShowingGuideHint || isShowingOriginal ? [] : paste(text)
        case .key(let key):
            return handle(key)
        }
    }

    /// A key goes, in order, to: quitting; the too-small notice and help, which take any key; a question on
    /// screen; the keys that work everywhere; the focused field's keys; the focused field's text; the screen's
    /// own keys; PgDn and PgUp.
    private mutating func handle(_ key: Key) -> [Effect] {
        status = nil
        ballotNotice = nil
        if KeyBinding.quit.matches(key) { return quit() }
        if isTooSmall { return [] }
        if isShowingHelp {
            // Up and Down scroll a help longer than the screen; any other key closes it.
            switch key {
            case .down: helpScroll += 1
            case .up: helpScroll = max(helpScroll - 1, 0)
            default: isShowingHelp = false
            }
            return []
        }
        if isShowingGuideHint || isShowingOriginal {
            // Esc, F3 or F2 closes the box; the screen under it waits.
            if key == .escape || Self.guideHintBinding.matches(key) || Self.originalBinding.matches(key) {
                isShowingGuideHint = false
                isShowingOriginal = false
            }
            return []
        }
        if isShowingRoomView { return handleRoomViewKey(key) }
        if cardsTally != nil { return handleCardsKey(key) }
        // A question on screen takes its own keys; any other key answers no.
        if isAsking {
            guard let binding = questionBindings.first(where: { $0.matches(key) }) else { return dismissQuestion() }
            return perform(binding.command, key: key)
        }
        // An open ballot takes only its own keys and help, until it is revealed or closed.
        if ballot != nil {
            let help = KeyBinding.everywhere.filter { $0.command == .showHelp }
            guard let binding = (ballotBindings + help).first(where: { $0.matches(key) }) else { return [] }
            return perform(binding.command, key: key)
        }
        if let binding = (KeyBinding.everywhere + focusFreeBindings).first(where: { $0.matches(key) }) {
            return perform(binding.command, key: key)
        }
        // A field's keys come before its typing: `t` in a date is today's date.
        if let binding = fieldBindings.first(where: { $0.matches(key) }) { return perform(binding.command, key: key) }
        if let effects = handleTextKey(key) { return effects }
        if let binding = (screenBindings + KeyBinding.paging).first(where: { $0.matches(key) }) {
            return perform(binding.command, key: key)
        }
        return ignore(key)
    }

    /// The answer of the focused field that is typed into (a form, notes, a worksheet's entry) to a key, or nil
    /// when the field does not use it.
    mutating func handleTextKey(_ key: Key) -> [Effect]? {
        switch screen {
        case .setup: handleSetupKey(key)
        case .participants: handleParticipantFormKey(key)
        case .question: handleQuestionTextKey(key)
        case .worksheet: handleSheetKey(key)
        case .map, .stepIntro, .summary: nil
        }
    }

    /// Whether the screen waits for the answer to a question: removing a participant, deleting a row, or what
    /// to export.
    var isAsking: Bool {
        pendingRemoval != nil || sheet.list?.pendingDeletion != nil || isChoosingExport || isAskingAboutBallot
    }

    /// The keys that answer the question on screen.
    var questionBindings: [KeyBinding] {
        if isChoosingExport { return Self.exportChoiceBindings }
        if isAskingAboutBallot { return ballotAskingBindings }
        let action: MessageID = pendingRemoval != nil ? .wizardBarRemove : .wizardBarDelete
        return [KeyBinding(answering: "y", bar: Message(action), .confirm)]
    }

    /// Leaves the question on screen unanswered: the participant or the row is kept, nothing is exported.
    private mutating func dismissQuestion() -> [Effect] {
        pendingRemoval = nil
        sheet.list?.pendingDeletion = nil
        isChoosingExport = false
        dismissBallotQuestion()
        return []
    }

    /// The keys of the screen on view that work whatever field has the focus: F3 on a question, and F2 when the
    /// question is a translation.
    var focusFreeBindings: [KeyBinding] {
        guard currentPrompt != nil else { return [] }
        return [Self.guideHintBinding] + (guide.isBuiltInTranslation ? [Self.originalBinding] : [])
    }

    /// The keys of the focused field beyond typing: the rating picker, the rating rows, a worksheet's entry.
    var fieldBindings: [KeyBinding] {
        switch screen {
        case .question: questionFieldBindings
        case .worksheet: sheetEntryBindings
        default: []
        }
    }

    /// The keys of the screen on view, beyond those that work everywhere.
    var screenBindings: [KeyBinding] {
        switch screen {
        case .participants where participantForm != nil: []
        case .participants where readOnlyReason != nil: Self.participantListBindings.filter {
            $0.command == .selectParticipant
        }
        case .participants where session.participants.isEmpty: Array(Self.participantListBindings.prefix(1))
        case .participants: Self.participantListBindings
        case .map: mapBindings
        case .stepIntro(let step) where guide.steps[step].worksheet != nil:
            Self.stepIntroBindings + [Self.openWorksheetBinding]
        case .stepIntro: Self.stepIntroBindings
        case .worksheet: sheet.list.map { $0.editedRowID == nil ? rowListBindings(for: $0) : Self.worksheetBindings }
            ?? Self.worksheetBindings
        case .summary: Self.summaryBindings
        case .setup, .question: []
        }
    }

    private mutating func perform(_ command: Command, key: Key) -> [Effect] {
        switch command {
        case .quit:
            return [.save, .quit]
        case .save:
            return [.save]
        case .showHelp:
            isShowingHelp = true
            helpScroll = 0
            return []
        case .showGuideHint:
            isShowingGuideHint = true
            return []
        case .showOriginal:
            isShowingOriginal = true
            return []
        case .toggleMap:
            // Esc first closes what is being edited on the screen.
            if closeSheetPart() { return [.save] }
            if participantForm != nil || rowEditor != nil {
                participantForm = nil
                rowEditor = nil
                return [.save]
            }
            return screen == .map ? go(to: mapReturn) : go(to: .map)
        case .next:
            return goForward()
        case .back:
            return goBack()
        case .nextField:
            return moveFocus(by: 1)
        case .previousField:
            return moveFocus(by: -1)
        case .exportSummary, .scrollSummary:
            return performSummaryCommand(command, key: key)
        case .moveInMap, .openMapItem, .openStep, .openSummary:
            return performMapCommand(command, key: key)
        case .startStep:
            return goForward()
        case .addParticipant, .editParticipant, .removeParticipant, .moveParticipant,
            .selectParticipant:
            return performParticipantCommand(command, key: key)
        case .openWorksheet:
            let step = screen == .map ? mapItems[mapSelection].screen.step : currentStep
            guard let step, guide.steps[step].worksheet != nil else { return [] }
            return go(to: .worksheet(step: step))
        case .moveInSheet, .openEntry:
            return performSheetCommand(command, key: key)
        case .chooseInEntry, .clearEntry, .typeToday, .openInEntry, .moveInPicker, .takePick:
            return performSheetEntryCommand(command, key: key)
        case .rate, .stepRating, .confirmCarriedOver, .cycleFinding, .moveInRows, .editRowNote, .clearRow:
            return performRatingCommand(command, key: key)
        case .confirm:
            if isAskingAboutBallot { return confirmBallotQuestion() }
            if let index = pendingRemoval { return removeParticipant(at: index) }
            return answerRowDeletion()
        case .chooseExport:
            return chooseExport(key)
        case .selectRow, .addRow, .insertRow, .editRow, .deleteRow, .moveRow, .toggleSectorOrder,
            .chooseInRow, .addParticipantOrganisations:
            return performRowCommand(command, key: key)
        case .openBallot, .chooseBallot, .showRoomView, .revealBallot, .closeBallot, .moveInBallot, .releaseVoter:
            return performBallotCommand(command, key: key)
        case .undo:
            return undo()
        case .redo:
            return redo()
        }
    }

    /// How large the session's text may grow through pasting: half of the largest session file isp-wizard
    /// opens, leaving room for the JSON around the text and for what is typed later.
    public static let largestPastedSession = SessionFile.maximumSize / 2

    /// The fields of a question screen, in Tab order.
    var focusableFields: [QuestionFocus] {
        guard case .question = screen else { return [] }
        return [hasRatingRows ? .rows : .rating, .notes]
    }

    var questionFocus: QuestionFocus? {
        let fields = focusableFields
        return fields.indices.contains(focus) ? fields[focus] : nil
    }

    /// Tab and Shift-Tab: the next or previous field of the form or question on screen.
    mutating func moveFocus(by offset: Int) -> [Effect] {
        rowEditor = nil
        switch screen {
        case .setup:
            setupForm.moveFocus(by: offset)
        case .participants:
            guard participantForm != nil else { return [] }
            participantForm?.moveFocus(by: offset)
        case .worksheet:
            let count = sheetEntries.count
            guard showsEntries, count > 0 else { return [] }
            focusEntry((sheet.focus + offset + count) % count)
        default:
            let count = focusableFields.count
            guard count > 0 else { return [] }
            focus = (focus + offset + count) % count
        }
        return [.save]
    }

    /// Ctrl-N: the next screen in order; from the map, the highlighted item.
    mutating func goForward() -> [Effect] {
        if screen == .map { return go(to: mapItems[mapSelection].screen) }
        let screens = sequence
        guard let index = screens.firstIndex(of: screen), index + 1 < screens.count else { return [] }
        return go(to: screens[index + 1])
    }

    /// Ctrl-P: the previous screen in order; from the map, where the map was opened.
    mutating func goBack() -> [Effect] {
        if screen == .map { return go(to: mapReturn) }
        let screens = sequence
        guard let index = screens.firstIndex(of: screen), index > 0 else { return [] }
        return go(to: screens[index - 1])
    }

    mutating func go(to newScreen: Screen) -> [Effect] {
        open(newScreen)
        return [.save]
    }

    private mutating func paste(_ text: String) -> [Effect] {
        // A session that grew past what isp-wizard opens could be saved but never opened again.
        if session.textSize + text.sizeInJSON > Self.largestPastedSession {
            status = .pasteTooLarge
            return [.bell]
        }
        switch screen {
        case .setup:
            return pasteIntoSetup(text)
        case .participants:
            return pasteIntoParticipantForm(text)
        case .question where rowEditor != nil:
            return pasteIntoRow(text)
        case .worksheet:
            return pasteIntoSheet(text)
        case .question where questionFocus == .notes:
            let box = questionLayout.notesBox
            notes.insert(text, width: box.width, height: box.height)
            storeNotes()
            return [.saveSoon]
        default:
            return []
        }
    }
}
