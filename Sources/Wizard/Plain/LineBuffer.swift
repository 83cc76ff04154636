/// Lines cut from input that arrives in blocks. A line longer than `longestLine` bytes keeps only its first
/// `longestLine + 1` (so that it is still seen to be too long) and the rest is dropped as it arrives: a 10 MB line
/// costs no more memory than the limit.
public struct LineBuffer {
    private let longestLine: Int
    private var completed: [String] = []
    /// Where the next line to give starts in `completed`.
    private var nextCompleted = 0
    /// The line being read, up to its limit.
    private var current: [UInt8] = []

    public init(longestLine: Int) {
        self.longestLine = longestLine
    }

    /// Takes the bytes read next.
    public mutating func append(_ bytes: ArraySlice<UInt8>) {
        var rest = bytes
        while let newline = rest.firstIndex(of: UInt8(ascii: "\n")) {
            keep(rest[..<newline])
            if current.last == UInt8(ascii: "\r") { current.removeLast() }
            completed.append(String(decoding: current, as: UTF8.self))
            current = []
            rest = rest[(newline + 1)...]
        }
        keep(rest)
    }

    private mutating func keep(_ bytes: ArraySlice<UInt8>) {
        current += bytes.prefix(max(0, longestLine + 1 - current.count))
    }

    /// The next whole line, without its line end (LF or CR LF), if one has arrived.
    public mutating func nextLine() -> String? {
        guard nextCompleted < completed.count else { return nil }
        defer {
            nextCompleted += 1
            if nextCompleted == completed.count {
                completed = []
                nextCompleted = 0
            }
        }
        return completed[nextCompleted]
    }

    /// At the end of the input: the next line, or what is left after the last line end as a line of its own.
    public mutating func nextLineAtEnd() -> String? {
        if let line = nextLine() { return line }
        guard !current.isEmpty else { return nil }
        defer { current = [] }
        return String(decoding: current, as: UTF8.self)
    }
}
