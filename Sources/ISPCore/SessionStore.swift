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

    public init(path: String) {
        self.path = path
    }

    public func save(_ session: Session) throws(FileError) {
        try SessionFile.save(session, to: path)
    }

    public var summaryPath: String {
        let base = path.hasSuffix(".isp.json") ? String(path.dropLast(".isp.json".count))
            : path.hasSuffix(".json") ? String(path.dropLast(".json".count)) : path
        return base + ".summary.txt"
    }

    public func exportSummary(_ report: SummaryReport) throws(FileError) -> String {
        try writeAtomically(Data(report.text(width: 80).utf8), to: summaryPath)
        return summaryPath
    }
}
