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
    /// Typing that never pauses is still saved this often.
    private let longestUnsavedTyping: Duration
    private var saveDue: ContinuousClock.Instant?
    /// When the oldest typing not yet saved happened.
    private var unsavedSince: ContinuousClock.Instant?

    public init(state: WizardState, backend: any TerminalBackend, store: any SessionStore,
                typingPause: Duration = .milliseconds(800), longestUnsavedTyping: Duration = .seconds(3)) {
        self.state = state
        self.backend = backend
        self.store = store
        self.typingPause = typingPause
        self.longestUnsavedTyping = longestUnsavedTyping
    }

    /// Runs until the user quits or a signal stops it, saving before it returns.
    public func run() -> RunOutcome {
        backend.draw(state.view())
        while true {
            guard let event = backend.nextEvent(timeoutMilliseconds: 100) else {
                if let due = saveDue, clock.now >= due {
                    saveNow()
                    backend.draw(state.view())
                }
                continue
            }
            let effects = state.handle(event)
            if effects.contains(.saveSoon) { scheduleSave() }
            for case .export(let exports) in effects { export(exports) }
            if effects.contains(.bell) { backend.bell() }
            if effects.contains(.quit) {
                if effects.contains(.save) { saveNow() }
                if case .stop(let signal) = event { return .stopped(signal) }
                return .quit
            }
            backend.draw(state.view())
            // A save waits until the key is on screen (a large session takes some milliseconds to write), then
            // shows it was saved: one the key asked for, or one that long typing made due.
            if effects.contains(.save) || saveDue.map({ clock.now >= $0 }) == true {
                saveNow()
                backend.draw(state.view())
            }
        }
    }

    /// Saves after a pause in typing, but never later than `longestUnsavedTyping` after the first unsaved key.
    private func scheduleSave() {
        let now = clock.now
        let since = unsavedSince ?? now
        unsavedSince = since
        saveDue = min(now + typingPause, since + longestUnsavedTyping)
    }

    private func saveNow() {
        saveDue = nil
        unsavedSince = nil
        let session = state.sessionToSave(at: Date())
        do throws(FileError) {
            try store.save(session)
            report(.saved(session))
        } catch {
            report(.saveFailed(error))
        }
    }

    /// Writes each report in turn; the first failure stops the rest and is reported.
    private func export(_ exports: [ReportExport]) {
        var paths: [String] = []
        do throws(FileError) {
            for export in exports {
                paths.append(try store.export(export, contents: export.contents(guide: state.guide,
                                                                                  session: state.session)))
            }
            report(.exported(exports, paths: paths))
        } catch {
            report(.exportFailed(error))
        }
    }

    private func report(_ outcome: WriteOutcome) {
        if state.handle(outcome).contains(.bell) { backend.bell() }
    }
}
