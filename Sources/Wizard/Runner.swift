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
    private let save: (Session) throws(FileError) -> Void
    private let clock = ContinuousClock()
    /// When typing pauses this long, what was typed is saved.
    private let typingPause: Duration
    private var saveDue: ContinuousClock.Instant?
    /// The last save that failed, reported when the run ends.
    public private(set) var saveError: FileError?

    public init(state: WizardState, backend: any TerminalBackend, typingPause: Duration = .milliseconds(800),
                save: @escaping (Session) throws(FileError) -> Void) {
        self.state = state
        self.backend = backend
        self.typingPause = typingPause
        self.save = save
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
            if effects.contains(.quit) {
                if saveDue != nil { saveNow() }
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
            try save(session)
            state.session = session
            saveError = nil
            if state.status?.hasPrefix("Not saved") == true { state.status = nil }
        } catch {
            saveError = error
            state.status = "Not saved: \(error.message)"
        }
    }
}
