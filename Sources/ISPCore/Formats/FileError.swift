#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A problem with a file the user named, said in one sentence that names the file.
public struct FileError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String
    /// The cause in a few words (`disk full`), for places with little room; nil when there is none.
    public let reason: String?

    public init(_ message: String, reason: String? = nil) {
        self.message = message
        self.reason = reason
    }

    public var description: String { message }

    /// Errors are the same when they say the same; the short reason only follows from the message.
    public static func == (lhs: FileError, rhs: FileError) -> Bool {
        lhs.message == rhs.message
    }

    /// Turns a JSON decoding failure into a sentence naming the place in the file.
    /// JSON's decoder calls `data` invalid JSON without saying where both when it is and when it nests deeper
    /// than the decoder goes or holds a number too large or with a fraction where a whole one belongs; these say so.
    static func decoding(_ error: Error, of data: Data, file: String, kind: String) -> FileError {
        guard let decodingError = error as? DecodingError else {
            return FileError("\(file) is not a readable \(kind): it is not valid JSON.")
        }
        switch decodingError {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            if let (line, column) = placeNestedTooDeep(in: data) {
                return FileError("\(file) nests its values deeper than \(deepestNesting) levels at line \(line), "
                                     + "column \(column), so it is not a \(kind) isp-wizard can read.")
            }
            if (try? JSONDecoder().decode(JSONValue.self, from: data)) != nil {
                return FileError("\(file) is not a valid \(kind): it holds a number with a fraction or one too large "
                                     + "where a whole number belongs.")
            }
            return FileError("\(file) is corrupt or truncated: it is not valid JSON.")
        case .keyNotFound(let key, let context):
            return FileError("\(file) is not a valid \(kind): \(place(context.codingPath + [key])) is missing.")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return FileError("\(file) is not a valid \(kind): \(place(context.codingPath)) has the wrong type.")
        case .dataCorrupted(let context):
            return FileError(
                "\(file) is not a valid \(kind): \(place(context.codingPath)) "
                    + context.debugDescription.excerpt(limit: 150).lowercasedFirst)
        @unknown default:
            return FileError("\(file) is not a valid \(kind).")
        }
    }

    /// The most levels of arrays and objects inside each other that JSON's decoder reads.
    static let deepestNesting = 512

    /// The line and column (counted from 1, in characters) of the first array or object nested deeper than
    /// `deepestNesting`, or nil when there is none.
    static func placeNestedTooDeep(in data: Data) -> (line: Int, column: Int)? {
        var depth = 0
        var line = 1
        var column = 0
        var inString = false
        var escaped = false
        for byte in data {
            // Every byte but UTF-8's continuation bytes begins a character.
            if byte & 0xC0 != 0x80 { column += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > deepestNesting { return (line, column) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: "\n"):
                line += 1
                column = 0
            default: break
            }
        }
        return nil
    }

    /// `phases[1].steps[0].title` from a coding path.
    static func place(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                // Keys of the answers come from the file and can be anything.
                let name = key.stringValue.excerpt()
                text += text.isEmpty ? name : ".\(name)"
            }
        }
        return text.isEmpty ? "the top level" : text
    }
}

extension String {
    /// A path as messages name it: made visible on one line, and cut if absurdly long (a command-line
    /// argument can be 128 KB), with more room than a quoted field since the whole path usually matters.
    package var pathInMessage: String { excerpt(limit: 200) }

    package var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
