#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A built-in guide's translation as the wizard reads it: the guide file of `Catalog/<code>/builtin-guide.json`
/// (the English guide with `"text::fr"` beside each text) resolved to that one language at generation time, so that
/// the wizard decodes one plain guide file at start rather than every language's texts.
enum GuideTranslation {
    /// What separates a text's key from a language code, as guide files write it.
    static let separator = "::"

    /// The file's guide in `code`: each text replaced by its translation into `code`, the other translations left
    /// out, and `language` set to `code`; JSON with sorted keys, a line a value, so that changes read as diffs.
    static func resolved(_ json: String, to code: String) throws -> String {
        guard case .object(var fields) = resolve(try JSONDecoder().decode(JSON.self, from: Data(json.utf8)), to: code)
        else { throw GuideTranslationError.notAnObject }
        fields["language"] = .string(code)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(JSON.object(fields)), as: UTF8.self)
    }

    /// The rule of ISPCore's `TranslatedGuideFile`, which this tool cannot link: it must build before the messages
    /// it generates exist. GuideTranslationTests check that both give the same guide.
    private static func resolve(_ value: JSON, to code: String) -> JSON {
        switch value {
        case .array(let items):
            return .array(items.map { resolve($0, to: code) })
        case .object(let fields):
            var resolved: [String: JSON] = [:]
            for (key, field) in fields {
                guard let range = key.firstRange(of: separator) else {
                    // A translation already put here stays.
                    if resolved[key] == nil { resolved[key] = resolve(field, to: code) }
                    continue
                }
                if key[range.upperBound...] == code { resolved[String(key[..<range.lowerBound])] = field }
            }
            return .object(resolved)
        default:
            return value
        }
    }

    /// Any JSON value, numbers that are whole kept whole.
    private enum JSON: Codable {
        case string(String), integer(Int), number(Double), bool(Bool), null
        case array([JSON]), object([String: JSON])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let bool = try? container.decode(Bool.self) {
                self = .bool(bool)
            } else if let integer = try? container.decode(Int.self) {
                self = .integer(integer)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let string = try? container.decode(String.self) {
                self = .string(string)
            } else if let array = try? container.decode([JSON].self) {
                self = .array(array)
            } else {
                self = .object(try container.decode([String: JSON].self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let text): try container.encode(text)
            case .integer(let integer): try container.encode(integer)
            case .number(let number): try container.encode(number)
            case .bool(let bool): try container.encode(bool)
            case .null: try container.encodeNil()
            case .array(let items): try container.encode(items)
            case .object(let fields): try container.encode(fields)
            }
        }
    }
}

/// A translation of the built-in guide that is no guide file.
enum GuideTranslationError: Error {
    case notAnObject
}
