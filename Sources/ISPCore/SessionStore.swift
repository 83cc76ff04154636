#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where the wizard keeps a session while it runs: saved after each change, its summary exported on request.
public protocol SessionStore: AnyObject {
    func save(_ session: Session) throws(FileError)
    /// Writes the readiness summary as a text file to hand out, and returns its path.
    func exportSummary(_ report: SummaryReport) throws(FileError) -> String
}

/// A session in its file, with its summary exported beside it (`water.isp.json` → `water.summary.txt`).
public final class FileSessionStore: SessionStore {
    public let path: String
    /// Nil when the session may be saved; otherwise why not, and `save` refuses with this sentence.
    public let readOnlyReason: String?

    /// The file as an older version wrote it, kept beside it (`FILE.v1.bak`) before the first save.
    private var originalToKeep: SessionFileContents?

    /// A store for the session at `path`, which should be the real path (as `SessionFile.openForEditing`
    /// gives it), so that saving a session reached through a symbolic link keeps the link. `opened` is the
    /// file as read, whose original is kept before the first save when an older version wrote it.
    public init(path: String, readOnlyReason: String? = nil, opened: SessionFileContents? = nil) {
        self.path = path
        self.readOnlyReason = readOnlyReason
        originalToKeep = opened
    }

    public func save(_ session: Session) throws(FileError) {
        // A guard only: the wizard does not try to save a read-only session.
        if let readOnlyReason { throw FileError(readOnlyReason) }
        if let original = originalToKeep {
            try SessionFile.keepOriginal(original, of: path)
            originalToKeep = nil
        }
        try SessionFile.save(session, to: path)
    }

    /// Beside the session; for a read-only session whose folder cannot be written, in the current folder.
    public var summaryPath: String {
        let base = path.hasSuffix(".isp.json") ? String(path.dropLast(".isp.json".count))
            : path.hasSuffix(".json") ? String(path.dropLast(".json".count)) : path
        let beside = base + ".summary.txt"
        guard readOnlyReason != nil, !isWritable(parentFolder(of: path)) else { return beside }
        return FileManager.default.currentDirectoryPath + "/" + fileName(of: beside)
    }

    public func exportSummary(_ report: SummaryReport) throws(FileError) -> String {
        let destination = summaryPath
        try writeAtomically(Data(report.text(width: 80).utf8), to: destination)
        return destination
    }
}
