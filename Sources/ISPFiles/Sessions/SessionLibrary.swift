import ISPCore
import Messages
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The folder where sessions live when no path is given: `$XDG_DATA_HOME/isp-wizard/`, by default
/// `~/.local/share/isp-wizard/`.
public struct SessionLibrary: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// The library for this user, from the environment.
    public init(environment: [String: String]) {
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            folder = dataHome + "/isp-wizard"
        } else {
            folder = (environment["HOME"] ?? ".") + "/.local/share/isp-wizard"
        }
    }

    /// Creates the folder (readable by the owner only) when it does not exist yet.
    public func prepare() throws(FileError) {
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw FileError(Message(.fileLibraryCannotCreate, ["folder": .text(folder)]))
        }
    }

    /// The session file changed most recently, if there is any.
    public func mostRecentSession() -> String? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        let sessions = names.filter { $0.hasSuffix(".isp.json") && !$0.hasPrefix(".") }.compactMap {
            name -> (path: String, modified: Date)? in
            let path = folder + "/" + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                let modified = attributes[.modificationDate] as? Date
            else { return nil }
            return (path, modified)
        }
        return sessions.max { $0.modified < $1.modified }?.path
    }

    /// A new, unused file name from the partnership's name and the date: `2026-11-28-water-for-all.isp.json`.
    public func newSessionPath(name: String, now: Date = Date()) -> String {
        let day = now.formatted(.iso8601.year().month().day())
        return Self.unusedPath(named: "\(day)-\(Self.slug(name))", in: folder)
    }

    /// A file name not taken yet from a name, in `folder` or else the current folder: `asociacion-nandu.isp.json`,
    /// then `asociacion-nandu-2.isp.json`.
    public static func unusedPath(for name: String, in folder: String? = nil) -> String {
        unusedPath(named: slug(name), in: folder)
    }

    private static func unusedPath(named stem: String, in folder: String?) -> String {
        let prefix = folder.map { "\($0)/" } ?? ""
        var candidate = "\(prefix)\(stem).isp.json"
        var counter = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = "\(prefix)\(stem)-\(counter).isp.json"
            counter += 1
        }
        return candidate
    }

    /// Lower-case ASCII letters and digits joined by hyphens, accented Latin letters without their accents
    /// (`Asociación Ñandú` gives `asociacion-nandu`); "session" when nothing is left.
    static func slug(_ name: String) -> String {
        let folded = name.unicodeScalars.map { scalar -> Character in
            let letter = scalar.isASCII ? scalar : latinBase(of: scalar)
            guard let letter, letter.properties.isAlphabetic || ("0"..."9").contains(letter) else { return "-" }
            return Character(letter)
        }
        let words = String(folded).lowercased().split(separator: "-").prefix(6)
        return words.isEmpty ? "session" : words.joined(separator: "-")
    }

    /// The ASCII letter an accented Latin letter is made from (`ñ` from `n`, `Ø` from `O`), read from its
    /// Unicode name, `LATIN SMALL LETTER N WITH TILDE`, since FoundationEssentials cannot decompose text.
    private static func latinBase(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard let name = scalar.properties.name else { return nil }
        for prefix in ["LATIN SMALL LETTER ", "LATIN CAPITAL LETTER "] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count).unicodeScalars
            guard let letter = rest.first, letter.isASCII, rest.dropFirst().first.map({ $0 == " " }) ?? true
            else { return nil }
            return letter
        }
        return nil
    }
}
