import ISPCore
import TerminalUI

/// What the run loop must do after an event; the update itself never touches a file or the terminal.
public enum Effect: Equatable, Sendable {
    /// Save the session now: a rating was chosen, a field or screen was left.
    case save
    /// Save after a short pause in typing.
    case saveSoon
    /// Write the readiness summary as a file to hand out.
    case exportSummary
    /// Ring the terminal's bell: a save has just started to fail.
    case bell
    case quit
}

/// A field that can hold the focus.
enum Field: Equatable {
    case rating, notes, text(SetupField), mode, sector
}

extension WizardState {
    /// Applies one event and says what the run loop must do.
    ///
    /// A read-only session is never changed or saved: a key that would change it is undone and said so.
    public mutating func handle(_ event: Event) -> [Effect] {
        guard readOnlyReason != nil else { return apply(event) }
        let before = self
        let effects = apply(event).filter { $0 != .save && $0 != .saveSoon }
        if session != before.session {
            self = before
            status = .readOnly
        }
        return effects
    }

    /// Takes in the result of a save or an export the run loop did.
    public mutating func handle(_ outcome: WriteOutcome) -> [Effect] {
        switch outcome {
        case .saved(let saved):
            session = saved
            saveFailure = nil
            // An export's outcome stays in view until the next key; anything else gives way to "Saved".
            switch status {
            case .exported?, .notExported?: break
            default: status = .saved
            }
            return []
        case .saveFailed(let error):
            let isNew = saveFailure == nil
            saveFailure = error
            return isNew ? [.bell] : []
        case .exported(let path):
            status = .exported(path: path)
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
            return []
        case .stop:
            return [.save, .quit]
        case .paste(let text):
            return isTooSmall || isShowingHelp ? [] : paste(text)
        case .key(let key):
            return handle(key)
        }
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        status = nil
        switch key {
        case .control("q"), .control("c"), .function(10):
            return [.save, .quit]
        default:
            break
        }
        if isTooSmall { return [] }
        if isShowingHelp {
            isShowingHelp = false
            return []
        }
        switch key {
        case .function(1):
            isShowingHelp = true
            return []
        case .control("s"):
            return [.save]
        case .escape:
            return screen == .map ? go(to: mapReturn) : go(to: .map)
        case .control("n"):
            return goForward()
        case .control("p"):
            return goBack()
        case .tab:
            return moveFocus(by: 1)
        case .backTab:
            return moveFocus(by: -1)
        default:
            break
        }
        let effects: [Effect]? =
            switch screen {
            case .setup: handleSetupKey(key)
            case .map: handleMapKey(key)
            case .stepIntro: handleStepIntroKey(key)
            case .question: handleQuestionKey(key)
            case .summary: handleSummaryKey(key)
            }
        if let effects { return effects }
        switch key {
        case .pageDown: return goForward()
        case .pageUp: return goBack()
        default: return []
        }
    }

    /// How large the session's text may grow through pasting: half of the largest session file isp-wizard
    /// opens, leaving room for the JSON around the text and for what is typed later.
    static let largestPastedSession = SessionFile.maximumSize / 2

    /// The fields of the screen on view, in Tab order.
    var focusableFields: [Field] {
        switch screen {
        case .question:
            return [.rating, .notes]
        case .setup:
            switch session.mode {
            case .workshop: return [.text(.name), .text(.focalIssue), .mode, .text(.facilitator)]
            case .selfAssessment: return [.text(.name), .text(.focalIssue), .mode, .text(.organisation), .sector]
            }
        case .map, .stepIntro, .summary:
            return []
        }
    }

    var focusedField: Field? {
        let fields = focusableFields
        return fields.indices.contains(focus) ? fields[focus] : nil
    }

    mutating func moveFocus(by offset: Int) -> [Effect] {
        let count = focusableFields.count
        guard count > 0 else { return [] }
        focus = (focus + offset + count) % count
        return [.save]
    }

    /// Ctrl-N: the next screen in order; from the map, the highlighted item.
    mutating func goForward() -> [Effect] {
        if screen == .map { return go(to: StepMapItem.all(in: guide)[mapSelection].screen) }
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
        if session.textSize + text.utf8.count > Self.largestPastedSession {
            status = .pasteTooLarge
            return [.bell]
        }
        switch focusedField {
        case .notes:
            let box = questionLayout.notesBox
            notes.insert(text, width: box.width, height: box.height)
            storeNotes()
            return [.saveSoon]
        case .text(let field):
            setupEditors[field, default: TextEditor(singleLine: true)].insert(
                text, width: setupFieldWidth, height: 1)
            storeSetupField(field)
            return [.saveSoon]
        default:
            return []
        }
    }
}
