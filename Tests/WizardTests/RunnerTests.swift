import ISPCore
import TerminalUI
import Testing

@testable import Wizard

/// Records what the runner saves and exports, or fails every write.
final class SaveRecorder: SessionStore {
    var saved: [Session] = []
    var exported: [String] = []
    var failure: FileError?

    func save(_ session: Session) throws(FileError) {
        if let failure { throw failure }
        saved.append(session)
    }

    func exportSummary(_ report: SummaryReport) throws(FileError) -> String {
        if let failure { throw failure }
        exported.append(report.text())
        return "/shared/water.summary.txt"
    }
}

@Suite struct RunnerTests {
    /// Keys to the notes of step 1, question 1.
    let toFirstNotes: [Event?] = [.key(.control("n")), .key(.enter), .key(.tab)]

    func run(_ script: [Event?], recorder: SaveRecorder) -> (WizardRunner, MemoryBackend, RunOutcome) {
        let backend = MemoryBackend(size: standardSize, script: script)
        let runner = WizardRunner(state: makeState(), backend: backend, store: recorder, typingPause: .zero)
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

    @Test func redrawsAtTheNewSizeAfterAResize() {
        let recorder = SaveRecorder()
        let (_, backend, _) = run([.resize(Size(rows: 30, columns: 100)), .key(.control("q"))], recorder: recorder)
        #expect(backend.screen?.size == Size(rows: 30, columns: 100))
    }

    @Test func aFailedSaveIsShownAndReportedWithoutLosingTheAnswers() {
        let recorder = SaveRecorder()
        recorder.failure = FileError("Could not save /x: No space left on device.")
        let (runner, backend, _) = run(toFirstNotes + [.key(.character("a")), nil], recorder: recorder)
        #expect(runner.saveError == recorder.failure)
        #expect(backend.screen?.rowText(0).contains("Not saved: Could not save /x") == true)
        #expect(runner.state.session.answers["s1.q1"]?.notes == "a")
    }

    @Test func exportsTheSummaryFromTheSummaryScreenAndSaysWhere() {
        let recorder = SaveRecorder()
        let (_, backend, _) = run([.key(.escape), .key(.character("s")), .key(.character("x")), .key(.control("q"))],
                                  recorder: recorder)
        #expect(recorder.exported.count == 1)
        #expect(recorder.exported.first?.hasPrefix("Readiness summary: Água para Todos 水\n") == true)
        #expect(backend.frames.last?.rowText(0).hasSuffix("Summary saved to /shared/water.summary.txt") == true)
    }

    @Test func ctrlSSavesAtOnceAndSaysSo() {
        let recorder = SaveRecorder()
        let (_, backend, _) = run(toFirstNotes + [.key(.character("a")), .key(.control("s"))], recorder: recorder)
        #expect(recorder.saved.dropLast().last?.answers["s1.q1"]?.notes == "a")
        #expect(backend.frames.last?.rowText(0).hasSuffix("Saved") == true)
    }
}
