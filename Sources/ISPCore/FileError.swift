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
    static func decoding(_ error: Error, file: String, kind: String) -> FileError {
        guard let decodingError = error as? DecodingError else {
            return FileError("\(file) is not a readable \(kind): it is not valid JSON.")
        }
        switch decodingError {
        case .keyNotFound(let key, let context):
            return FileError("\(file) is not a valid \(kind): \(place(context.codingPath + [key])) is missing.")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return FileError("\(file) is not a valid \(kind): \(place(context.codingPath)) has the wrong type.")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return FileError("\(file) is corrupt or truncated: it is not valid JSON.")
        case .dataCorrupted(let context):
            return FileError(
                "\(file) is not a valid \(kind): \(place(context.codingPath)) "
                    + context.debugDescription.excerpt(limit: 150).lowercasedFirst)
        @unknown default:
            return FileError("\(file) is not a valid \(kind).")
        }
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
    var pathInMessage: String { excerpt(limit: 200) }

    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
