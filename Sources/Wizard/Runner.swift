import ISPCore
import TerminalUI

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How a run of the wizard ended.
public enum RunOutcome: Equatable, Sendable {
    case quit
    case stopped(StopSignal)
}

/// The run loop: reads events, applies them, saves as the effects ask, and redraws.
public final class WizardRunner {
    public private(set) var state: WizardState
    private let backend: any TerminalBackend
    private let store: any SessionStore
    private let clock = ContinuousClock()
    /// When typing pauses this long, what was typed is saved.
    private let typingPause: Duration
    private var saveDue: ContinuousClock.Instant?
    /// The last save that failed, reported when the run ends.
    public private(set) var saveError: FileError?

    public init(state: WizardState, backend: any TerminalBackend, store: any SessionStore,
                typingPause: Duration = .milliseconds(800)) {
        self.state = state
        self.backend = backend
        self.store = store
        self.typingPause = typingPause
    }

    /// Runs until the user quits or a signal stops it, saving before it returns.
    public func run() -> RunOutcome {
        backend.draw(state.view())
        while true {
            guard let event = backend.nextEvent(timeoutMilliseconds: 100) else {
                if let due = saveDue, clock.now >= due {
                    saveNow()
                    backend.draw(state.view())  // a failed save shows in the title bar
                }
                continue
            }
            let effects = state.handle(event)
            if effects.contains(.save) {
                saveNow()
            } else if effects.contains(.saveSoon) {
                saveDue = clock.now + typingPause
            }
            if effects.contains(.exportSummary) { exportSummary() }
            if effects.contains(.quit) {
                if case .stop(let signal) = event { return .stopped(signal) }
                return .quit
            }
            backend.draw(state.view())
        }
    }

    private func saveNow() {
        saveDue = nil
        var session = state.session
        session.position = state.position
        session.updatedAt = Date()
        do throws(FileError) {
            try store.save(session)
            state.session = session
            saveError = nil
            // An export's outcome stays in view until the next key; anything else gives way to "Saved".
            switch state.status {
            case .exported?, .notExported?: break
            default: state.status = .saved
            }
        } catch {
            saveError = error
            state.status = .notSaved(error)
        }
    }

    private func exportSummary() {
        do throws(FileError) {
            let path = try store.exportSummary(SummaryReport(guide: state.guide, session: state.session))
            state.status = .exported(path: path)
        } catch {
            state.status = .notExported(error)
        }
    }
}
