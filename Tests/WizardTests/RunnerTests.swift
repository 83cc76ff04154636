import Foundation
import ISPCore
import ISPFiles
import Synchronization
import TerminalUI
import Testing

@testable import Wizard

/// Records what the runner saves and exports, or fails writes: every one, or the first few saves.
final class SaveRecorder: SessionStore {
    var saved: [Session] = []
    /// What was exported, with its contents as text.
    var exported: [(export: ReportExport, text: String)] = []
    var failure: FileError?
    /// How many saves fail with `failure` before saves work again; nil for all of them.
    var failingSaves: Int?

    func save(_ session: Session) throws(FileError) {
        if let failure, failingSaves ?? 1 > 0 {
            failingSaves = failingSaves.map { $0 - 1 }
            throw failure
        }
        saved.append(session)
    }

    func export(_ export: ReportExport, contents: Data) throws(FileError) -> String {
        if let failure { throw failure }
        exported.append((export, String(decoding: contents, as: UTF8.self)))
        return "/shared/water." + export.fileSuffix
    }
}

/// A store whose saves take a while and may come from another thread.
final class SlowStore: SessionStore, @unchecked Sendable {
    private let delay: Duration
    private let sessions = Mutex<[Session]>([])

    init(delay: Duration) {
        self.delay = delay
    }

    var saved: [Session] { sessions.withLock { $0 } }

    func save(_ session: Session) throws(FileError) {
        Thread.sleep(forTimeInterval: Double(delay.components.attoseconds) / 1e18)
        sessions.withLock { $0.append(session) }
    }

    func export(_ export: ReportExport, contents: Data) throws(FileError) -> String { "" }
}

@Suite struct RunnerTests {
    /// Keys to the notes of step 1, question 1.
    let toFirstNotes: [Event?] = [.key(.control("n")), .key(.control("n")), .key(.enter), .key(.tab)]

    func run(_ script: [Event?], recorder: SaveRecorder, size: Size = standardSize, typingPause: Duration = .zero,
             longestUnsavedTyping: Duration = .seconds(3), store: (any SessionStore)? = nil,
             savesInBackground: Bool = false) -> (WizardRunner, MemoryBackend, RunOutcome)
    {
        let backend = MemoryBackend(size: size, script: script)
        let runner = WizardRunner(state: makeState(size: size), backend: backend, store: store ?? recorder,
                                  typingPause: typingPause, longestUnsavedTyping: longestUnsavedTyping,
                                  savesInBackground: savesInBackground)
        return (runner, backend, runner.run())
    }

    @Test func savesTypedNotesOnceTypingPauses() {
        let recorder = SaveRecorder()
        let typed: [Event?] = [.key(.character("é")), .key(.character("水"))]
        let (_, backend, outcome) = run(toFirstNotes + typed + [nil, .key(.control("q"))], recorder: recorder)
        #expect(outcome == .quit)
        let afterPause = recorder.saved.dropLast().last
        #expect(afterPause?.answers["s1.q1"]?.notes == "é水")
        #expect(afterPause?.position == Position(screen: .question, stepID: "s1", promptID: "s1.q1"))
        #expect(backend.frames.last?.rowText(0).hasSuffix("Saved") == true)
    }

    @Test func aHangupMidSentenceSavesEverythingTyped() {
        let recorder = SaveRecorder()
        let typed: [Event?] = "half a sent".map { .key(.character($0)) }
        let (_, _, outcome) = run(toFirstNotes + typed + [.stop(.hangup)], recorder: recorder)
        #expect(outcome == .stopped(.hangup))
        #expect(recorder.saved.last?.answers["s1.q1"]?.notes == "half a sent")
    }

    @Test func keysTypedWhileASlowSaveIsUnderWayAreKeptAndQuittingWaitsForIt() {
        // Each save takes 50 ms on its own thread while the keys go on: none waits for it, its end does not
        // undo them, and the last save, after the quit, holds every key.
        let store = SlowStore(delay: .milliseconds(50))
        let typed = "Los ministerios 水"
        let keys: [Event?] = [.key(.character("3")), .key(.tab)] + typed.map { .key(.character($0)) }
        let (runner, backend, outcome) = run(toFirstNotes.dropLast() + keys + [.key(.control("q"))],
                                             recorder: SaveRecorder(),
                                             store: store, savesInBackground: true)
        #expect(outcome == .quit)
        #expect(runner.state.session.answers["s1.q1"]?.notes == typed)
        let saved = store.saved
        #expect(saved.last?.answers["s1.q1"] == Answer(rating: .stage(.inPlace), notes: typed))
        // Saves were combined while one was under way, not made for each key.
        #expect(saved.count < keys.count)
        #expect(backend.frames.count > keys.count)
    }

    @Test func aSaveOfAnEarlierRevisionDoesNotSaySaved() {
        var state = makeState()
        _ = state.handle(.key(.control("n")))
        let saving = state.revision
        _ = state.handle(.key(.control("n")))
        #expect(state.revision == saving + 1)
        let time = Date(timeIntervalSince1970: 1_900_000_000)
        _ = state.handle(.saved(revision: saving, at: time))
        #expect(state.status != .saved)
        #expect(state.session.updatedAt == time)
        _ = state.handle(.saved(revision: state.revision, at: time))
        #expect(state.status == .saved)
    }

    @Test func redrawsAtTheNewSizeAfterAResize() {
        let recorder = SaveRecorder()
        let (_, backend, _) = run([.resize(Size(rows: 30, columns: 100)), .key(.control("q"))], recorder: recorder)
        #expect(backend.screen?.size == Size(rows: 30, columns: 100))
    }

    @Test func aFailedSaveGetsALineOfItsOwnRingsOnceAndStaysUntilASaveSucceeds() {
        let recorder = SaveRecorder()
        recorder.failure = FileError("Could not save /x: No space left on device.", reason: "disk full")
        let (runner, backend, _) = run(toFirstNotes + [.key(.character("a")), nil], recorder: recorder)
        // Every save failed (each screen change, then the pause after typing): one bell, the line stays.
        #expect(backend.bells == 1)
        #expect(runner.state.saveFailure == recorder.failure)
        #expect(backend.frames.last?.rowText(22)
                == " NOT SAVED: disk full. Answers still held; free space, then Ctrl-S to retry.")
        #expect(runner.state.session.answers["s1.q1"]?.notes == "a")
        // Ctrl-S retries; when it works, the line gives way.
        let retrying = SaveRecorder()
        retrying.failure = recorder.failure
        retrying.failingSaves = 5
        let (retried, retriedBackend, _) = run(toFirstNotes + [.key(.character("a")), nil, .key(.control("s"))],
                                               recorder: retrying)
        #expect(retried.state.saveFailure == nil)
        #expect(retriedBackend.frames.last?.rowText(22).contains("NOT SAVED") == false)
        #expect(retriedBackend.frames.last?.rowText(0).hasSuffix("Saved") == true)
    }

    @Test func theSaveFailureLineFitsSixtyColumns() {
        let recorder = SaveRecorder()
        recorder.failure = FileError("Could not save /x: No space left on device.", reason: "disk full")
        let (_, backend, _) = run(toFirstNotes + [.key(.character("a")), nil], recorder: recorder,
                                  size: Size(rows: 20, columns: 60))
        #expect(backend.frames.last?.rowText(18) == " NOT SAVED: disk full. Answers held; free space, Ctrl-S.")
    }

    @Test func typingThatNeverPausesIsStillSavedAfterTheLongestWait() {
        let typed: [Event?] = "abc".map { .key(.character($0)) }
        // No pause ever comes; with no wait allowed, each key is saved as it is typed.
        let eager = SaveRecorder()
        _ = run(toFirstNotes + typed + [.key(.control("q"))], recorder: eager, typingPause: .seconds(100),
                longestUnsavedTyping: .zero)
        let savedNotes = eager.saved.map { $0.answers["s1.q1"]?.notes ?? "" }
        #expect(savedNotes.contains("ab"))
        // With a long wait allowed, nothing typed is saved before the quit.
        let patient = SaveRecorder()
        _ = run(toFirstNotes + typed + [.key(.control("q"))], recorder: patient, typingPause: .seconds(100),
                longestUnsavedTyping: .seconds(100))
        #expect(patient.saved.dropLast().allSatisfy { ($0.answers["s1.q1"]?.notes ?? "").isEmpty })
        #expect(patient.saved.last?.answers["s1.q1"]?.notes == "abc")
    }

    @Test func exportsTheSummaryFromTheSummaryScreenAndSaysWhere() {
        let recorder = SaveRecorder()
        let keys: [Event?] = [.key(.escape), .key(.character("s")), .key(.character("x")), .key(.character("s")),
                              .key(.control("q"))]
        let (_, backend, _) = run(keys, recorder: recorder)
        #expect(recorder.exported.map(\.export) == [.summary])
        #expect(recorder.exported.first?.text.hasPrefix("Readiness summary: Água para Todos 水\n") == true)
        #expect(backend.frames.last?.rowText(0).hasSuffix("Summary saved to /shared/water.summary.txt") == true)
    }

    @Test func xThenOExportsTheHandOutAndSaysItsFullPath() {
        let recorder = SaveRecorder()
        let keys: [Event?] = [.key(.escape), .key(.character("s")), .key(.character("x")), .key(.character("o")),
                              .key(.control("q"))]
        let (_, backend, _) = run(keys, recorder: recorder)
        #expect(recorder.exported.map(\.export) == [.handout])
        #expect(recorder.exported.first?.text.contains("<title>Hand-out: Água para Todos 水</title>") == true)
        #expect(backend.frames.last?.rowText(0).hasSuffix("Hand-out saved to /shared/water.handout.html") == true)
    }

    @Test func xThenALetterExportsTheRecordInThatFormatAndAExportsEverything() {
        let html = SaveRecorder()
        let toSummary: [Event?] = [.key(.escape), .key(.character("s")), .key(.character("x"))]
        let (_, frames, _) = run(toSummary + [.key(.character("h")), .key(.control("q"))], recorder: html)
        #expect(html.exported.map(\.export) == [.record(.html)])
        #expect(html.exported.first?.text.hasPrefix("<!DOCTYPE html>") == true)
        #expect(frames.frames.last?.rowText(0).hasSuffix("Record saved to /shared/water.record.html") == true)

        let all = SaveRecorder()
        let (_, backend, _) = run(toSummary + [.key(.character("a")), .key(.control("q"))], recorder: all)
        #expect(all.exported.map(\.export) == ReportExport.all)
        #expect(all.exported.map(\.export.fileSuffix)
            == ["summary.txt", "record.md", "record.html", "record.csv", "record.json"])
        #expect(backend.frames.last?.rowText(0).hasSuffix("Summary and record saved to /shared/water.*") == true)
    }

    @Test func ctrlSSavesAtOnceAndSaysSo() {
        let recorder = SaveRecorder()
        let (_, backend, _) = run(toFirstNotes + [.key(.character("a")), .key(.control("s"))], recorder: recorder)
        #expect(recorder.saved.dropLast().last?.answers["s1.q1"]?.notes == "a")
        #expect(backend.frames.last?.rowText(0).hasSuffix("Saved") == true)
    }
}
