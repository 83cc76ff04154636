import ISPCore
import ISPFiles
import Messages
import TerminalUI

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The screens of the wizard. Step and prompt are indexes into `guide.steps` and a step's prompts.
public enum Screen: Equatable, Sendable {
    case setup
    /// The workshop's participants (workshop mode only).
    case participants
    case map
    case stepIntro(step: Int)
    case question(step: Int, prompt: Int)
    /// What the partners write down in a step, after its questions.
    case worksheet(step: Int)
    case summary

    /// The step a screen belongs to, if any.
    var step: Int? {
        switch self {
        case .stepIntro(let step), .question(let step, _), .worksheet(let step): step
        default: nil
        }
    }
}

/// Everything the wizard shows: the session being answered and where the user is in it.
public struct WizardState: Equatable, Sendable {
    public let guide: Guide
    public internal(set) var session: Session
    public internal(set) var size: Size
    public internal(set) var screen: Screen
    /// The focused field of a question screen, an index into `focusableFields`.
    public internal(set) var focus = 0
    /// The notes of the question on screen: the group's notes.
    public internal(set) var notes = TextEditor()
    /// The session details as a form; rebuilt from the session when the setup screen opens or the mode changes.
    public internal(set) var setupForm = Form(fields: [])
    /// The participant highlighted on the participants screen.
    public internal(set) var participantSelection = 0
    /// The highlighted participant's fields, while they are being edited.
    public internal(set) var participantForm: Form?
    /// A participant with ratings waiting for the user to confirm their removal.
    public internal(set) var pendingRemoval: Int?
    /// On a question screen with participants: the focused row, a participant's or (after the last) the group's.
    public internal(set) var ratingRow = 0
    /// The note of the focused row (or the group's reason), while it is being edited.
    public internal(set) var rowEditor: TextEditor?
    public internal(set) var mapSelection = 0
    /// Where the step map returns to on Esc or Ctrl-P.
    public internal(set) var mapReturn: Screen = .setup
    public internal(set) var summaryScroll = 0
    /// The summary on screen, laid out to its width (`layOutSummary`).
    public internal(set) var summaryLines: [SummaryLine] = []
    /// Whether the summary screen waits for the letter of what to export (after `x`).
    public internal(set) var isChoosingExport = false
    public internal(set) var isShowingHelp = false
    /// Whether the box of a question's hint and its step's guidance is open (F3).
    public internal(set) var isShowingGuideHint = false
    /// Whether the box of a translated question's English original is open (F2).
    public internal(set) var isShowingOriginal = false
    /// How many of the help's key lines are scrolled past.
    public internal(set) var helpScroll = 0
    /// What the title bar reports of the last save or export, until the next key.
    public internal(set) var status: Status?
    /// How many changes to the session asked to be saved so far: a save comes back with the revision it wrote.
    public internal(set) var revision = 0
    /// The last save's failure, shown on a line of its own until a save succeeds.
    public internal(set) var saveFailure: FileError?
    /// Where the user is on a worksheet.
    public internal(set) var sheet = SheetState()
    /// The changes to undo and redo, while the session is open.
    var history = History()
    /// Why this session cannot be changed, when it is open read-only; nothing is then edited or saved.
    public let readOnlyReason: ReadOnlyReason?
    /// The language everything the wizard says is rendered in; the session itself does not change with it.
    public let language: Language
    /// The ballot server, once a ballot asked for it.
    public internal(set) var ballotLink = BallotLink.off
    /// The ballot open on the question screen while the room votes from phones.
    public internal(set) var ballot: OpenBallot?
    /// What the wizard asks before a ballot opens.
    public internal(set) var ballotAsking: BallotAsking?
    /// The cards the room holds up, while the facilitator counts them.
    public internal(set) var cardsTally: CardsTally?
    /// Whether the room view is on screen (`v`): what to project, without keys or rows.
    public internal(set) var isShowingRoomView = false
    /// What the ballot server's start or stop means, on two lines of its own until the next key: longer than the
    /// status line holds (a port in use, and what to do).
    public internal(set) var ballotNotice: String?

    /// The smallest terminal the wizard lays out in; below it a notice asks for a larger one.
    public static let minimumSize = Size(rows: 20, columns: 60)

    public init(guide: Guide, session: Session, size: Size, language: Language = .english,
                readOnlyReason: ReadOnlyReason? = nil) {
        self.guide = guide
        self.language = language
        self.session = session
        // Rows that a file holds without ids of their own are given them, so that each is edited on its own.
        self.session.identifyRows(in: guide)
        self.size = size
        self.readOnlyReason = readOnlyReason
        self.screen = .setup
        open(Self.screen(for: session.position, in: guide))
    }

    /// Shows a sentence of the front end's own on the status line until the next key.
    public mutating func say(_ note: String) {
        status = .note(note)
    }

    /// The session as it is saved: with where the user is, stamped with the time of the save.
    public func sessionToSave(at now: Date) -> Session {
        var saved = session
        saved.position = position
        saved.updatedAt = now
        return saved
    }

    public var isTooSmall: Bool {
        size.rows < Self.minimumSize.rows || size.columns < Self.minimumSize.columns
    }

    /// The screen a saved position names, or the setup screen when it names nothing in this guide.
    static func screen(for position: Position?, in guide: Guide) -> Screen {
        guard let position else { return .setup }
        let stepIndex = position.stepID.flatMap { id in guide.steps.firstIndex { $0.id == id } }
        switch position.screen {
        case .setup: return .setup
        case .participants: return .participants
        case .map: return .map
        case .summary: return .summary
        case .stepIntro:
            guard let stepIndex else { return .setup }
            return position.worksheet == true && guide.steps[stepIndex].worksheet != nil
                ? .worksheet(step: stepIndex) : .stepIntro(step: stepIndex)
        case .question:
            guard let promptID = position.promptID, let place = guide.locate(promptID: promptID) else {
                return stepIndex.map { .stepIntro(step: $0) } ?? .setup
            }
            return .question(step: place.step, prompt: place.prompt)
        }
    }

    /// Where the user is, as saved in the session file.
    public var position: Position {
        let steps = guide.steps
        switch screen {
        case .setup: return Position(screen: .setup)
        case .participants: return Position(screen: .participants)
        case .map: return Position(screen: .map)
        case .summary: return Position(screen: .summary)
        case .stepIntro(let step): return Position(screen: .stepIntro, stepID: steps[step].id)
        case .question(let step, let prompt):
            return Position(screen: .question, stepID: steps[step].id, promptID: steps[step].prompts[prompt].id)
        case .worksheet(let step): return Position(screen: .stepIntro, stepID: steps[step].id, worksheet: true)
        }
    }

    /// The screens in the order Ctrl-N walks them: setup, a workshop's participants, each step's intro,
    /// questions and worksheet, the summary.
    var sequence: [Screen] {
        var screens: [Screen] = session.mode == .workshop ? [.setup, .participants] : [.setup]
        for (stepIndex, step) in guide.steps.enumerated() {
            screens.append(.stepIntro(step: stepIndex))
            screens += step.prompts.indices.map { .question(step: stepIndex, prompt: $0) }
            if step.worksheet != nil { screens.append(.worksheet(step: stepIndex)) }
        }
        screens.append(.summary)
        return screens
    }

    /// Shows a screen with its first field focused and its fields filled from the session.
    mutating func open(_ newScreen: Screen) {
        if newScreen == .map {
            mapReturn = screen == .map ? mapReturn : screen
            mapSelection = StepMapItem.index(for: screen, in: guide, mode: session.mode)
        }
        screen = newScreen
        focus = 0
        summaryScroll = 0
        isChoosingExport = false
        isShowingGuideHint = false
        isShowingOriginal = false
        participantForm = nil
        pendingRemoval = nil
        ratingRow = 0
        rowEditor = nil
        sheet = SheetState()
        switch newScreen {
        case .setup:
            setupForm = Form(fields: setupBindings.map { $0.field(session) })
        case .participants:
            participantSelection = min(participantSelection, max(session.participants.count - 1, 0))
        case .question(let step, let prompt):
            notes = TextEditor(text: session.answer(for: guide.steps[step].prompts[prompt].id).notes)
            layOutNotes()
        case .summary:
            layOutSummary()
        case .worksheet:
            focusEntry(0)
            // A worksheet that is one list, or that starts with the register, opens on the list; Esc shows its page.
            if let first = sheetEntries.first, case .rows(let address) = first.input,
                sheetEntries.count == 1 || address == guide.participantRegister
            {
                openList(address)
            }
        default:
            break
        }
    }

    /// The prompt on screen, if it is a question screen.
    var currentPrompt: Prompt? {
        guard case .question(let step, let prompt) = screen else { return nil }
        return guide.steps[step].prompts[prompt]
    }

    /// The step of the screen on view, if any.
    var currentStep: Int? { screen.step }
}

/// What the title bar reports at its right, until the next key.
public enum Status: Equatable, Sendable {
    case saved
    /// Reports were written to these paths, in order.
    case exported([ReportExport], paths: [String])
    case notExported(FileError)
    /// A key tried to change a session that is open read-only.
    case readOnly
    /// A paste was not taken, since the session would grow larger than isp-wizard opens.
    case pasteTooLarge
    /// These participants' organisations were added to the register.
    case organisationsAdded([String])
    /// Another convener was named: the sectors' answers about the one before were cleared.
    case acceptanceCleared
    /// A change the session's rules refused, for the reason the message gives (a ballot's votes over a question's
    /// other votes not yet confirmed).
    case refused(Message)
    /// A sentence of the front end's own, such as which session the bare command opened.
    case note(String)
    /// An answer carried over from the last round was confirmed as it is.
    case confirmed
    /// What Ctrl-Z or `:u` put back, and what Ctrl-Y or `:r` made again, as `WizardState.describe(_:)` names it.
    case undone(Message), redone(Message)
    case nothingToUndo, nothingToRedo
    /// What a key on a list changed ("Deleted AFD"), which Ctrl-Z undoes.
    case changedRow(Message)
    /// A key a list does not bind.
    case notAListKey

    /// Whether the text ends with a path, whose file name matters more than the folders before it.
    var namesAPath: Bool {
        switch self {
        case .exported, .note: true
        default: false
        }
    }

    func text(in language: Language) -> String {
        switch self {
        case .saved: return language.text(.wizardStatusSaved)
        case .exported(let exports, let paths):
            if exports.count == 1, let export = exports.first, let path = paths.first {
                let id: MessageID = switch export {
                case .summary: .wizardStatusSummarySaved
                case .record: .wizardStatusRecordSaved
                case .handout: .handoutSaved
                }
                return language.text(id, ["path": .text(path)])
            } else if let export = exports.first, let path = paths.first {
                // Every file has the same name before its suffix: say it once.
                let stem = String(path.dropLast(export.fileSuffix.count))
                return language.text(.wizardStatusAllSaved, ["path": .text(stem)])
            } else {
                return language.text(.wizardStatusNothingSaved)
            }
        case .notExported(let error):
            return language.text(.wizardStatusNotExported, ["reason": .message(error.sentence)])
        case .readOnly: return language.text(.wizardStatusReadOnly)
        case .pasteTooLarge: return language.text(.wizardStatusPasteTooLarge)
        case .organisationsAdded(let names) where names.isEmpty:
            return language.text(.wizardStatusOrganisationsInRegister)
        case .organisationsAdded(let names):
            return language.text(.wizardStatusOrganisationsAdded, [
                "count": .integer(names.count), "names": .text(names.joined(separator: ", ")),
            ])
        case .acceptanceCleared: return language.text(.wizardStatusAcceptanceCleared)
        case .refused(let reason): return language.text(reason)
        case .note(let text): return text.visibleControls
        case .confirmed: return language.text(.wizardStatusConfirmed)
        case .undone(let step):
            return language.text(.wizardStatusUndone, ["change": .text(language.text(step).visibleControls)])
        case .redone(let step):
            return language.text(.wizardStatusRedone, ["change": .text(language.text(step).visibleControls)])
        case .nothingToUndo: return language.text(.wizardStatusNothingToUndo)
        case .nothingToRedo: return language.text(.wizardStatusNothingToRedo)
        case .changedRow(let step):
            let change = language.text(step).visibleControls.capitalizingFirstLetter
            return language.text(.wizardStatusChangedRow, ["change": .text(change)])
        case .notAListKey: return language.text(.wizardStatusNotAListKey)
        }
    }
}

private extension String {
    /// "Deleted AFD" for "deleted AFD".
    var capitalizingFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}

/// The result of a write the run loop did for the update, sent back to it as an event.
public enum WriteOutcome: Equatable, Sendable {
    /// The session of this revision was saved, as `sessionToSave(at:)` gave it at this time.
    case saved(revision: Int, at: Date)
    case saveFailed(FileError)
    case exported([ReportExport], paths: [String])
    case exportFailed(FileError)
}

