import ISPCore

extension GuideFile {
    /// Reads and validates a guide file in every language it has; every problem is one sentence naming the file
    /// and the place.
    public static func load(from path: String) throws(FileError) -> GuideFile {
        try decode(readFile(at: path, kind: .guide, maximumSize: Guide.maximumFileSize), file: path.pathInMessage)
    }
}

extension Guide {
    /// The largest guide file read: the built-in guide is 12 KB. Texts are wrapped on every screen, and
    /// a 1 MB prompt already takes 0.4 s to wrap in a release build, a 4 MB one 2 s.
    public static let maximumFileSize = 1 << 20

    /// Reads and validates a guide file: the guide in the file's own language.
    public static func load(from path: String) throws(FileError) -> Guide {
        try GuideFile.load(from: path).guide(in: nil)
    }
}
