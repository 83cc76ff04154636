import FoundationEssentials

/// The keys of a protocol line: its version and type, then the type's own fields beside them.
private enum LineKey: String, CodingKey {
    case version, type
    case opening, participant
    case url, qrCode, question, votes, of, voter, withdrawn, problem, port
}

extension BallotCommand: Codable {
    private var typeName: String {
        switch self {
        case .open: "open"
        case .close: "close"
        case .reveal: "reveal"
        case .release: "release"
        case .end: "end"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try versionedContainer(decoder)
        switch try container.decode(String.self, forKey: .type) {
        case "open": self = .open(try container.decode(BallotOpening.self, forKey: .opening))
        case "close": self = .close
        case "reveal": self = .reveal
        case "release": self = .release(participant: try container.decode(String.self, forKey: .participant))
        case "end": self = .end
        case let other: throw unknownType(other, in: container)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: LineKey.self)
        try container.encode(BallotWireVersion.current, forKey: .version)
        try container.encode(typeName, forKey: .type)
        switch self {
        case .open(let opening): try container.encode(opening, forKey: .opening)
        case .release(let participant): try container.encode(participant, forKey: .participant)
        case .close, .reveal, .end: break
        }
    }
}

extension BallotEvent: Codable {
    private var typeName: String {
        switch self {
        case .ready: "ready"
        case .count: "count"
        case .revealed: "revealed"
        case .failed: "failed"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try versionedContainer(decoder)
        switch try container.decode(String.self, forKey: .type) {
        case "ready":
            self = .ready(url: try container.decode(String.self, forKey: .url),
                          qrCode: try container.decode(QRModules.self, forKey: .qrCode))
        case "count":
            self = .count(question: try container.decode(String.self, forKey: .question),
                          votes: try container.decode(Int.self, forKey: .votes),
                          of: try container.decodeIfPresent(Int.self, forKey: .of),
                          voter: try container.decodeIfPresent(String.self, forKey: .voter),
                          withdrawn: try container.decodeIfPresent([String].self, forKey: .withdrawn) ?? [])
        case "revealed":
            self = .revealed(question: try container.decode(String.self, forKey: .question),
                             votes: try container.decode([BallotVote].self, forKey: .votes))
        case "failed":
            self = .failed(try container.decode(BallotServerProblem.self, forKey: .problem),
                           port: try container.decode(Int.self, forKey: .port))
        case let other: throw unknownType(other, in: container)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: LineKey.self)
        try container.encode(BallotWireVersion.current, forKey: .version)
        try container.encode(typeName, forKey: .type)
        switch self {
        case .ready(let url, let qrCode):
            try container.encode(url, forKey: .url)
            try container.encode(qrCode, forKey: .qrCode)
        case .count(let question, let votes, let of, let voter, let withdrawn):
            try container.encode(question, forKey: .question)
            try container.encode(votes, forKey: .votes)
            try container.encodeIfPresent(of, forKey: .of)
            try container.encodeIfPresent(voter, forKey: .voter)
            if !withdrawn.isEmpty { try container.encode(withdrawn, forKey: .withdrawn) }
        case .revealed(let question, let votes):
            try container.encode(question, forKey: .question)
            try container.encode(votes, forKey: .votes)
        case .failed(let problem, let port):
            try container.encode(problem, forKey: .problem)
            try container.encode(port, forKey: .port)
        }
    }
}

/// The line's fields, once its version is known to be this one.
private func versionedContainer(_ decoder: any Decoder) throws -> KeyedDecodingContainer<LineKey> {
    let container = try decoder.container(keyedBy: LineKey.self)
    let version = try container.decode(Int.self, forKey: .version)
    guard version == BallotWireVersion.current else { throw BallotWireError.otherVersion(version) }
    return container
}

private func unknownType(_ type: String, in container: KeyedDecodingContainer<LineKey>) -> any Error {
    DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown type \(type)")
}

/// Turns messages into protocol lines and back.
public enum BallotLine {
    /// The message as one line of JSON, ending in a newline.
    public static func encode(_ message: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every message is plain strings, numbers and arrays: encoding it cannot fail.
        var line = (try? encoder.encode(message)) ?? Data("{}".utf8)
        line.append(UInt8(ascii: "\n"))
        return line
    }

    /// The message a line holds (without its newline).
    public static func decode<Message: Decodable>(_ type: Message.Type, from line: some DataProtocol)
        throws(BallotWireError) -> Message
    {
        do {
            return try JSONDecoder().decode(type, from: Data(line))
        } catch let error as BallotWireError {
            throw error
        } catch {
            throw .unreadable(String(decoding: Data(line).prefix(200), as: UTF8.self))
        }
    }
}

/// Cuts a stream of bytes into lines, keeping a line that has not ended yet for the next bytes.
public struct LineBuffer: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    /// The lines that `bytes` complete, without their newlines.
    public mutating func append(_ bytes: some Sequence<UInt8>) -> [[UInt8]] {
        pending.append(contentsOf: bytes)
        var lines: [[UInt8]] = []
        while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(Array(pending[..<end]))
            pending.removeSubrange(...end)
        }
        return lines
    }

    /// Bytes received since the last newline.
    public var hasPartialLine: Bool { !pending.isEmpty }
}
