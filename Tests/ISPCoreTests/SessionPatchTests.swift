@testable import ISPCore
import Testing

/// A workshop of many participants, as a facilitator's patch sees it.
private func crowd(_ count: Int) -> Session {
    var session = Session(guide: .builtIn, name: "Agua")
    session.participants = (1...count).map { Participant(id: "p\($0)", name: "Person \($0)") }
    return session
}

@Suite struct SessionPatchTests {
    @Test func aParticipantsEditKeepsThatParticipantOnlyAndIsUndoneAndRedone() {
        var session = crowd(1_000)
        let before = session
        var edited = session.participants[500]
        edited.name = "Ana"
        let patch = session.applyRecording(.updateParticipant(500, edited), guide: .builtIn).patch
        #expect(patch == SessionPatch([.participant(index: 500)], before: [.participant(before.participants[500])],
                                      after: [.participant(edited)]))
        let after = session
        session.undo(patch)
        #expect(session == before)
        session.redo(patch)
        #expect(session == after)
    }

    /// One step that edits participants and adds, removes or moves them, in either order, is undone and redone whole.
    @Test func editsAndMovesOfParticipantsInOneStepAreUndoneAndRedoneTogether() {
        var first = crowd(3).participants[0]
        first.name = "Ana"
        var third = crowd(3).participants[2]
        third.organisation = "AFD"
        let steps: [[SessionChange]] = [
            [.updateParticipant(0, first), .removeParticipant(0), .updateParticipant(1, third)],
            [.addParticipant(Participant(id: "p4")), .updateParticipant(3, first), .moveParticipant(from: 3, to: 0)],
            [.moveParticipant(from: 0, to: 2), .updateParticipant(0, third), .updateParticipant(2, first)],
        ]
        for changes in steps {
            var session = crowd(3)
            let before = session
            var patch = SessionPatch()
            for change in changes { patch.append(session.applyRecording(change, guide: .builtIn).patch) }
            let after = session
            session.undo(patch)
            #expect(session == before, "undoing \(changes)")
            session.redo(patch)
            #expect(session == after, "redoing \(changes)")
        }
    }
}
