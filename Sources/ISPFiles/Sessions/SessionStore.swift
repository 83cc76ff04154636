import ISPCore
import Messages
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where the wizard keeps a session while it runs: saved after each change, its reports exported on request.
public protocol SessionStore: AnyObject {
    func save(_ session: Session) throws(FileError)
    /// Writes a report to hand out (the summary, or the meeting record in a format), and returns its path.
    func export(_ export: ReportExport, contents: Data) throws(FileError) -> String
}

/// A session in its file, with its reports exported beside it: `water.isp.json` gives `water.summary.txt`,
/// `water.record.md`, `water.record.html`, `water.record.csv` and `water.record.json`; the hand-out,
/// `water.handout.html`, goes where people can find and share it: the folder the wizard was started in.
public final class FileSessionStore: SessionStore {
    public let path: String
    /// The folder the wizard was started in, where hand-outs go while it can be written.
    public let startFolder: String
    /// Nil when the session may be saved; otherwise why not, and `save` refuses with its sentence.
    public let readOnlyReason: ReadOnlyReason?

    /// The file as an older version wrote it, kept beside it (`FILE.v1.bak`) before the first save.
    private var originalToKeep: SessionFileContents?

    /// A store for the session at `path`, which should be the real path (as `SessionFile.openForEditing`
    /// gives it), so that saving a session reached through a symbolic link keeps the link. `opened` is the
    /// file as read, whose original is kept before the first save when an older version wrote it.
    public init(path: String, readOnlyReason: ReadOnlyReason? = nil, opened: SessionFileContents? = nil,
                startFolder: String = FileManager.default.currentDirectoryPath) {
        self.path = path
        self.startFolder = startFolder
        self.readOnlyReason = readOnlyReason
        originalToKeep = opened
    }

    public func save(_ session: Session) throws(FileError) {
        // A guard only: the wizard does not try to save a read-only session.
        if let readOnlyReason { throw FileError(readOnlyReason.message) }
        if let original = originalToKeep {
            try SessionFile.keepOriginal(original, of: path)
            originalToKeep = nil
        }
        try SessionFile.save(session, to: path)
    }

    /// Beside the session, its name without `.isp.json` and then the export's suffix; for a read-only session
    /// whose folder cannot be written, in the folder the wizard was started in. A hand-out goes there first, and
    /// beside the session when that folder cannot be written.
    public func exportPath(_ export: ReportExport) -> String {
        let base = path.hasSuffix(".isp.json") ? String(path.dropLast(".isp.json".count))
            : path.hasSuffix(".json") ? String(path.dropLast(".json".count)) : path
        let beside = base + "." + export.fileSuffix
        let started = startFolder + (startFolder.hasSuffix("/") ? "" : "/") + fileName(of: beside)
        if export == .handout { return isWritable(startFolder) ? started : beside }
        guard readOnlyReason != nil, !isWritable(parentFolder(of: path)) else { return beside }
        return started
    }

    public func export(_ export: ReportExport, contents: Data) throws(FileError) -> String {
        let destination = exportPath(export)
        try ReportDestination(path: destination).write(contents)
        return destination
    }
}
