import Dispatch
import ISPCore
import ISPFiles
import Synchronization

/// Writes the session off the run loop's thread, one save at a time, so that a key never waits for the disk:
/// encoding and syncing a session of 1,000 voices takes longer than a frame. Each save comes back as the revision
/// of the session it wrote, never the session itself, which the keys typed meanwhile have changed.
final class SaveQueue: @unchecked Sendable {
    /// Used by one thread at a time: the save's while one is under way, else the run loop's, which waits for the
    /// save under way before it uses the store itself (hence `@unchecked Sendable`).
    private let store: any SessionStore
    private let run: (@escaping @Sendable () -> Void) -> Void
    private let saving = DispatchGroup()
    private let finished = Mutex<[WriteOutcome]>([])
    /// Whether a save is under way, or has ended without its outcome taken yet (the run loop's alone).
    private(set) var isBusy = false

    /// Saves on a thread of their own.
    static func background(_ store: any SessionStore) -> SaveQueue {
        let queue = DispatchQueue(label: "isp-wizard.save")
        return SaveQueue(store: store) { work in queue.async(execute: work) }
    }

    /// Saves at once, on the caller's thread: for tests, so that what each frame shows is known.
    static func immediate(_ store: any SessionStore) -> SaveQueue {
        SaveQueue(store: store) { work in work() }
    }

    private init(store: any SessionStore, run: @escaping (@escaping @Sendable () -> Void) -> Void) {
        self.store = store
        self.run = run
    }

    /// Starts writing `session` as `revision`; the caller starts none while `isBusy`.
    func start(_ session: Session, revision: Int) {
        isBusy = true
        saving.enter()
        run { [self] in
            let outcome: WriteOutcome
            do throws(FileError) {
                try store.save(session)
                outcome = .saved(revision: revision, at: session.updatedAt)
            } catch {
                outcome = .saveFailed(error)
            }
            finished.withLock { $0.append(outcome) }
            saving.leave()
        }
    }

    /// What the saves that ended since the last call gave.
    func takeFinished() -> [WriteOutcome] {
        let outcomes = finished.withLock { outcomes in
            defer { outcomes = [] }
            return outcomes
        }
        if !outcomes.isEmpty { isBusy = false }
        return outcomes
    }

    /// Waits for the save under way, if any (quitting, exporting); what it gave is then in `takeFinished`.
    func waitUntilIdle() {
        saving.wait()
    }
}
