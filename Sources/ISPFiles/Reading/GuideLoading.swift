import ISPCore

extension Guide {
    /// The largest guide file read: the built-in guide is 12 KB. Texts are wrapped on every screen, and
    /// a 1 MB prompt already takes 0.4 s to wrap in a release build, a 4 MB one 2 s.
    public static let maximumFileSize = 1 << 20

    /// Reads and validates a guide file; every problem is one sentence naming the file and the place.
    public static func load(from path: String) throws(FileError) -> Guide {
        try decode(readFile(at: path, kind: .guide, maximumSize: maximumFileSize), file: path.pathInMessage)
    }
}
