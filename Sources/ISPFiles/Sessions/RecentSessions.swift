import ISPCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The sessions opened last, wherever they are, most recent first: the bare command opens the first that is still
/// there. Kept in `$XDG_STATE_HOME/isp-wizard/recent` (by default `~/.local/state/isp-wizard/recent`), a real
/// path a line, written atomically and readable by its owner only.
public struct RecentSessions: Sendable {
    /// How many sessions are remembered.
    public static let length = 10
    /// The list's file; nil when there is no home to keep it in.
    let file: String?

    public init(environment: [String: String]) {
        file = stateHome(environment).map { $0 + "/recent" }
    }

    init(file: String) {
        self.file = file
    }

    /// The sessions remembered, most recent first, whether or not they are still there.
    public var paths: [String] {
        guard let file, let data = FileManager.default.contents(atPath: file) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix("/") }
    }

    /// The session opened last that is still a file where it was.
    public func mostRecent() -> String? {
        paths.first(where: isRegularFile)
    }

    /// Puts the session at `path` first, dropping sessions that are gone. The list is a convenience: when it
    /// cannot be written, nothing else fails.
    public func remember(_ path: String) {
        guard let file, let real = resolvedPath(path), !real.contains("\n") else { return }
        let list = [real] + paths.filter { $0 != real && isRegularFile($0) }
        try? RescueFile.createFolders(parentFolder(of: file))
        try? writeAtomically(Data((list.prefix(Self.length).joined(separator: "\n") + "\n").utf8), to: file)
    }
}

/// `$XDG_STATE_HOME/isp-wizard`, or `~/.local/state/isp-wizard`: what isp-wizard keeps for its user (rescue copies,
/// the sessions opened last); nil without a home.
func stateHome(_ environment: [String: String]) -> String? {
    if let stateHome = environment["XDG_STATE_HOME"], stateHome.hasPrefix("/") {
        return stateHome + "/isp-wizard"
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return home + "/.local/state/isp-wizard"
}

private func isRegularFile(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
}
