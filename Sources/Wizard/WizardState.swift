import ISPCore
import TerminalUI

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The screens of the wizard. Step and prompt are indexes into `guide.steps` and a step's prompts.
public enum Screen: Equatable, Sendable {
    case setup
    case map
    case stepIntro(step: Int)
    case question(step: Int, prompt: Int)
    case summary
}

/// Everything the wizard shows: the session being answered and where the user is in it.
public struct WizardState: Equatable, Sendable {
    public let guide: Guide
    public internal(set) var session: Session
    public internal(set) var size: Size
    public internal(set) var screen: Screen
    /// The focused field, an index into `focusableFields`.
    public internal(set) var focus = 0
    /// The notes of the question on screen.
    public internal(set) var notes = TextEditor()
    /// The one-line fields of the setup screen.
    public internal(set) var setupEditors: [SetupField: TextEditor]
    public internal(set) var mapSelection = 0
    /// Where the step map returns to on Esc or Ctrl-P.
    public internal(set) var mapReturn: Screen = .setup
    public internal(set) var summaryScroll = 0
    public internal(set) var isShowingHelp = false
    /// What the title bar reports of the last save or export, until the next key.
    public internal(set) var status: Status?
    /// The last save's failure, shown on a line of its own until a save succeeds.
    public internal(set) var saveFailure: FileError?
    /// Why this session cannot be changed (one sentence), when it is open read-only; nothing is then edited or
    /// saved.
    public let readOnlyReason: String?

    /// The smallest terminal the wizard lays out in; below it a notice asks for a larger one.
    public static let minimumSize = Size(rows: 20, columns: 60)

    public init(guide: Guide, session: Session, size: Size, readOnlyReason: String? = nil) {
        self.guide = guide
        self.session = session
        self.size = size
        self.readOnlyReason = readOnlyReason
        self.setupEditors = [
            .name: TextEditor(text: session.partnership.name, singleLine: true),
            .focalIssue: TextEditor(text: session.partnership.focalIssue, singleLine: true),
            .facilitator: TextEditor(text: session.facilitator, singleLine: true),
            .organisation: TextEditor(text: session.organisation, singleLine: true),
        ]
        self.screen = .setup
        open(Self.screen(for: session.position, in: guide))
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
        case .map: return .map
        case .summary: return .summary
        case .stepIntro: return stepIndex.map { .stepIntro(step: $0) } ?? .setup
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
        case .map: return Position(screen: .map)
        case .summary: return Position(screen: .summary)
        case .stepIntro(let step): return Position(screen: .stepIntro, stepID: steps[step].id)
        case .question(let step, let prompt):
            return Position(screen: .question, stepID: steps[step].id, promptID: steps[step].prompts[prompt].id)
        }
    }

    /// The screens in the order Ctrl-N walks them: setup, each step's intro and questions, the summary.
    var sequence: [Screen] {
        var screens: [Screen] = [.setup]
        for (stepIndex, step) in guide.steps.enumerated() {
            screens.append(.stepIntro(step: stepIndex))
            screens += step.prompts.indices.map { .question(step: stepIndex, prompt: $0) }
        }
        screens.append(.summary)
        return screens
    }

    /// Shows a screen with its first field focused and its fields filled from the session.
    mutating func open(_ newScreen: Screen) {
        if newScreen == .map {
            mapReturn = screen == .map ? mapReturn : screen
            mapSelection = StepMapItem.index(for: screen, in: guide)
        }
        screen = newScreen
        focus = 0
        summaryScroll = 0
        if case .question(let step, let prompt) = newScreen {
            notes = TextEditor(text: session.answer(for: guide.steps[step].prompts[prompt].id).notes)
        }
    }

    /// The prompt on screen, if it is a question screen.
    var currentPrompt: Prompt? {
        guard case .question(let step, let prompt) = screen else { return nil }
        return guide.steps[step].prompts[prompt]
    }

    /// The step a screen belongs to, if any.
    var currentStep: Int? {
        switch screen {
        case .stepIntro(let step), .question(let step, _): step
        default: nil
        }
    }
}

/// What the title bar reports at its right, until the next key.
public enum Status: Equatable, Sendable {
    case saved
    case exported(path: String)
    case notExported(FileError)
    /// A key tried to change a session that is open read-only.
    case readOnly
    /// A paste was not taken, since the session would grow larger than isp-wizard opens.
    case pasteTooLarge

    var text: String {
        switch self {
        case .saved: "Saved"
        case .exported(let path): "Summary saved to \(path)"
        case .notExported(let error): "Not exported: \(error.message)"
        case .readOnly: "Read-only: not changed"
        case .pasteTooLarge: "Paste too large: not taken"
        }
    }
}

/// The result of a write the run loop did for the update, sent back to it as an event.
public enum WriteOutcome: Equatable, Sendable {
    /// The session was saved as `sessionToSave(at:)` gave it.
    case saved(Session)
    case saveFailed(FileError)
    case exported(path: String)
    case exportFailed(FileError)
}

/// The one-line text fields of the setup screen.
public enum SetupField: Hashable, Sendable {
    case name, focalIssue, facilitator, organisation
}
