#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Any JSON value, kept as it was read: for parts of a file that this version passes on without reading.
public enum JSONValue: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number with a fraction, or a whole number of more than 38 digits.
    case number(Double)
    /// A whole number of up to 38 digits, kept exactly: a Double would round an id such as 9007199254740993 on
    /// the way through.
    case integer(Decimal)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Tries the kinds records hold most first (strings, then objects), since each wrong guess costs a thrown
    /// error: a register of a thousand rows holds eight thousand strings.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(Decimal(value))
        } else if let value = try? container.decode(Decimal.self), value.isWholeOfAtMost38Digits {
            self = .integer(value)
        } else {
            self = .number(try container.decode(Double.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension Decimal {
    /// Whether the number is whole and shorter than 39 digits, so that it holds every digit it was read with:
    /// a Decimal keeps 38 digits and turns the ones after them into zeros.
    fileprivate var isWholeOfAtMost38Digits: Bool {
        exponent >= 0 && magnitude < Self.thirtyNineDigits
    }

    private static let thirtyNineDigits = Decimal(sign: .plus, exponent: 38, significand: 1)
}

extension JSONValue {
    /// The bytes of the text in the value, keys included: what it adds to a session file, less the JSON around it.
    var textSize: Int {
        switch self {
        case .string(let text): text.sizeInJSON
        case .array(let items): items.reduce(0) { $0 + $1.textSize }
        case .object(let fields): fields.reduce(0) { $0 + $1.key.sizeInJSON + $1.value.textSize }
        case .null, .bool, .number, .integer: 0
        }
    }
}
