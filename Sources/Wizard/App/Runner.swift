import BallotWire
import ISPCore
import ISPFiles
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

/// How the run loop starts the ballot server: the program and its options.
public struct BallotServerLaunch: Sendable {
    public var executable: String
    public var arguments: [String]

    /// `isp-ballot` beside this program, with its options (`--port 8470`, `--address …`).
    public init(executable: String = BallotProcess.besideThisProgram, arguments: [String] = []) {
        self.executable = executable
        self.arguments = arguments
    }
}

/// The run loop: reads events, applies them, saves as the effects ask (off the loop's thread), and redraws.
public final class WizardRunner {
    public private(set) var state: WizardState
    private let backend: any TerminalBackend
    private let store: any SessionStore
    private let saves: SaveQueue
    private let clock = ContinuousClock()
    /// When typing pauses this long, what was typed is saved.
    private let typingPause: Duration
    /// Typing that never pauses is still saved this often.
    private let longestUnsavedTyping: Duration
    private var saveDue: ContinuousClock.Instant?
    /// When the oldest typing not yet saved happened.
    private var unsavedSince: ContinuousClock.Instant?
    private let ballotLaunch: BallotServerLaunch
    /// The ballot server, from the first ballot until ballots end or the wizard quits.
    private var ballotServer: BallotProcess?

    /// `savesInBackground` false saves on the loop's own thread, so that a test knows what each frame shows.
    public init(state: WizardState, backend: any TerminalBackend, store: any SessionStore,
                typingPause: Duration = .milliseconds(800), longestUnsavedTyping: Duration = .seconds(3),
                savesInBackground: Bool = true, ballotLaunch: BallotServerLaunch = BallotServerLaunch()) {
        self.state = state
        self.ballotLaunch = ballotLaunch
        self.backend = backend
        self.store = store
        self.saves = savesInBackground ? .background(store) : .immediate(store)
        self.typingPause = typingPause
        self.longestUnsavedTyping = longestUnsavedTyping
    }

    /// Runs until the user quits or a signal stops it, saving before it returns; the ballot server, if one runs,
    /// stops with it.
    public func run() -> RunOutcome {
        defer { stopBallots() }
        backend.draw(state.view())
        while true {
            // While a save is under way, look for its end more often, to say "Saved" soon after it; while a ballot
            // server runs, to show each vote's count as it comes.
            let event = backend.nextEvent(timeoutMilliseconds: saves.isBusy ? 20 : ballotServer == nil ? 100 : 50)
            // Both, every turn: a finished save must not hold back the votes' count.
            let saved = takeFinishedSaves()
            let heard = takeBallotEvents()
            var needsDrawing = saved || heard
            if let event {
                let effects = state.handle(event)
                perform(effects)
                if effects.contains(.quit) {
                    saveBeforeLeaving(effects.contains(.save))
                    if case .stop(let signal) = event { return .stopped(signal) }
                    return .quit
                }
                needsDrawing = true
            }
            // The key is drawn first; a save that is due starts once the one under way has ended.
            if needsDrawing { backend.draw(state.view()) }
            if let due = saveDue, clock.now >= due, !saves.isBusy {
                startSave()
                if takeFinishedSaves() { backend.draw(state.view()) }
            }
        }
    }

    /// Starts the ballot server now, as `--ballot` asks, so that its address is ready before the first ballot.
    public func startBallotServer() {
        guard ballotServer == nil else { return }
        state.expectBallotServer()
        send(nil)
    }

    /// Does what the update asked beyond quitting: saves, exports, the bell, the ballot server's commands.
    private func perform(_ effects: [Effect]) {
        if effects.contains(.saveSoon) { scheduleSave() }
        if effects.contains(.save) { saveDue = clock.now }
        for case .export(let exports) in effects { export(exports) }
        for case .ballot(let command) in effects { send(command) }
        if effects.contains(.stopBallots) { stopBallots() }
        if effects.contains(.bell) { backend.bell() }
    }

    /// Sends a command to the ballot server, starting it first when none runs; a failure is the update's to tell.
    private func send(_ command: BallotCommand?) {
        do throws(BallotProcessFailure) {
            let server: BallotProcess
            if let running = ballotServer {
                server = running
            } else {
                server = try BallotProcess(executable: ballotLaunch.executable, arguments: ballotLaunch.arguments)
            }
            ballotServer = server
            if let command { try server.send(command) }
        } catch {
            ballotServer = nil
            perform(state.handle(.failed(error.message)))
        }
    }

    /// Takes in what the ballot server said since the last look; returns whether it said anything.
    private func takeBallotEvents() -> Bool {
        guard let server = ballotServer else { return false }
        do throws(BallotProcessFailure) {
            let events = try server.receivedEvents()
            for event in events { perform(state.handle(.event(event))) }
            return !events.isEmpty
        } catch {
            ballotServer = nil
            perform(state.handle(.failed(error.message)))
            return true
        }
    }

    private func stopBallots() {
        ballotServer?.end()
        ballotServer = nil
    }

    /// Saves after a pause in typing, but never later than `longestUnsavedTyping` after the first unsaved key.
    private func scheduleSave() {
        let now = clock.now
        let since = unsavedSince ?? now
        unsavedSince = since
        saveDue = min(now + typingPause, since + longestUnsavedTyping)
    }

    private func startSave() {
        saveDue = nil
        unsavedSince = nil
        saves.start(state.sessionToSave(at: Date()), revision: state.revision)
    }

    /// Waits for the save under way, then saves what came after it (when asked to, or when typing was waiting
    /// for its pause), so that nothing typed is lost.
    private func saveBeforeLeaving(_ asked: Bool) {
        saves.waitUntilIdle()
        _ = takeFinishedSaves()
        guard asked || saveDue != nil else { return }
        startSave()
        saves.waitUntilIdle()
        _ = takeFinishedSaves()
    }

    /// Takes in the saves that ended; returns whether any did.
    private func takeFinishedSaves() -> Bool {
        let outcomes = saves.takeFinished()
        for outcome in outcomes { report(outcome) }
        return !outcomes.isEmpty
    }

    /// Writes each report in turn, once no save is under way; the first failure stops the rest and is reported.
    private func export(_ exports: [ReportExport]) {
        saves.waitUntilIdle()
        var paths: [String] = []
        do throws(FileError) {
            for export in exports {
                paths.append(try store.export(export, contents: export.contents(guide: state.guide,
                                                                                  session: state.session,
                                                                                  language: state.language)))
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
