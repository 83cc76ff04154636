import Messages
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A problem with a file the user named, said in one sentence that names the file, as a message for the reader's
/// language.
public struct FileError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What went wrong, naming the file: `language.text(error.sentence)` where it is shown.
    public let sentence: Message
    /// The cause in a few words (`disk full`), for places with little room; nil when there is none.
    public let shortReason: Message?

    public init(_ sentence: Message, reason: Message? = nil) {
        self.sentence = sentence
        shortReason = reason
    }

    /// In English, for a debugger or a log.
    public var description: String { Language.english.text(sentence) }

    /// Errors are the same when they say the same; the short reason only follows from the sentence.
    public static func == (lhs: FileError, rhs: FileError) -> Bool {
        lhs.description == rhs.description
    }

    /// Turns a JSON decoding failure into a sentence naming the place in the file.
    /// JSON's decoder calls `data` invalid JSON without saying where both when it is and when it nests deeper
    /// than the decoder goes or holds a number too large or with a fraction where a whole one belongs; these say so.
    static func decoding(_ error: Error, of data: Data, file: String, kind: FileKind) -> FileError {
        let named: [String: MessageArgument] = ["file": .text(file)]
        guard let decodingError = error as? DecodingError else {
            return FileError(Message(kind.pick(session: .fileDecodeNotJSONSession, guide: .fileDecodeNotJSONGuide),
                                     named))
        }
        switch decodingError {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            if let (line, column) = placeNestedTooDeep(in: data) {
                return FileError(Message(kind.pick(session: .fileDecodeTooDeepSession, guide: .fileDecodeTooDeepGuide),
                                         named.merging(["levels": .integer(deepestNesting), "line": .integer(line),
                                                        "column": .integer(column)]) { $1 }))
            }
            if (try? JSONDecoder().decode(JSONValue.self, from: data)) != nil {
                return FileError(Message(kind.pick(session: .fileDecodeBadNumberSession,
                                                   guide: .fileDecodeBadNumberGuide), named))
            }
            return FileError(Message(.fileDecodeCorrupt, named))
        case .keyNotFound(let key, let context):
            return FileError(Message(kind.pick(session: .fileDecodeMissingSession, guide: .fileDecodeMissingGuide),
                                     named.merging(["place": place(context.codingPath + [key])]) { $1 }))
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return FileError(Message(kind.pick(session: .fileDecodeWrongTypeSession, guide: .fileDecodeWrongTypeGuide),
                                     named.merging(["place": place(context.codingPath)]) { $1 }))
        case .dataCorrupted(let context):
            // The decoder's own words, in English: what a value of ours refused, or what JSON found.
            let problem = context.debugDescription.excerpt(limit: 150).lowercasedFirst
            return FileError(Message(kind.pick(session: .fileDecodeInvalidValueSession,
                                               guide: .fileDecodeInvalidValueGuide),
                                     named.merging(["place": place(context.codingPath), "problem": .text(problem)]) {
                                         $1
                                     }))
        @unknown default:
            return FileError(Message(kind.pick(session: .fileDecodeInvalidSession, guide: .fileDecodeInvalidGuide),
                                     named))
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

    /// `phases[1].steps[0].title` from a coding path, or the top level.
    static func place(_ path: [any CodingKey]) -> MessageArgument {
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
        return text.isEmpty ? .message(Message(.filePlaceTopLevel)) : .text(text)
    }
}

extension FileError {
    /// An error saying `text` as it is, in every language: a sentence already rendered for the reader, or, in
    /// tests, the English one they expect.
    package init(_ text: String, reason: String? = nil) {
        self.init(Message(verbatim: text), reason: reason.map(Message.init(verbatim:)))
    }
}

extension Message {
    /// A message no catalog has, shown as `text` is: its id, with braces doubled so that none is a placeholder.
    fileprivate init(verbatim text: String) {
        self.init(MessageID(text.replacing("{", with: "{{").replacing("}", with: "}}")))
    }
}

/// What a file read is meant to be, which the sentences about it name.
package enum FileKind: Sendable {
    case session, guide

    /// The message of the two that says this kind.
    package func pick(session: MessageID, guide: MessageID) -> MessageID {
        self == .session ? session : guide
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
