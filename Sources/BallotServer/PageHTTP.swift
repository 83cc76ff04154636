/// How much a phone's request may ask of the ballot server: enough for the page and a vote, and no more.
public struct HTTPLimits: Sendable {
    /// The request line and headers, blank line included; a browser's are well under 2 KiB.
    public var headBytes = 8_192
    /// The body: a vote's form with a long note in escaped UTF-8 is well under it.
    public var bodyBytes = 8_192
    /// How long a client may take from connecting to the end of its request's head: a phone sends it at once, so
    /// that one sending it a byte at a time to hold the connection (a slow loris) is answered 408 and let go.
    public var headTimeout: Duration = .seconds(5)
    /// How long a connection may last from its start to its answer, so that a slow or silent client lets go.
    public var timeout: Duration = .seconds(10)
    /// Connections served at once, more than a room's phones (each opens one per page and closes it after the
    /// answer); one more is answered 503.
    public var connections = 256
    /// Connections served at once from one address: a phone needs one or two, so that one client cannot take
    /// every connection; one more from that address is answered 503.
    public var connectionsPerAddress = 8
    /// Connections answered 503 at once; beyond them a connection is closed unanswered, so that a flood of
    /// connections costs the server no more than these.
    public var refusals = 32
    /// What is read and dropped after refusing a request, so that the refusal reaches the client before the
    /// connection closes (closing on unread bytes would reset it).
    public var discardBytes = 262_144

    public static let standard = HTTPLimits()

    public init() {}
}

/// The statuses the ballot server answers with.
public enum HTTPStatus: Int, Sendable {
    case ok = 200
    case badRequest = 400
    case notFound = 404
    case methodNotAllowed = 405
    case requestTimeout = 408
    case contentTooLarge = 413
    case headerFieldsTooLarge = 431
    case serviceUnavailable = 503

    var reason: String {
        switch self {
        case .ok: "OK"
        case .badRequest: "Bad Request"
        case .notFound: "Not Found"
        case .methodNotAllowed: "Method Not Allowed"
        case .requestTimeout: "Request Timeout"
        case .contentTooLarge: "Content Too Large"
        case .headerFieldsTooLarge: "Request Header Fields Too Large"
        case .serviceUnavailable: "Service Unavailable"
        }
    }
}

/// A phone's request, read whole.
public struct HTTPRequest: Sendable, Equatable {
    /// `GET`, `POST`, as sent.
    public var method: String
    /// The target's path, without its query.
    public var path: String
    /// Values by lower-case name; a repeated header's values are joined (cookies with `; `, others with `, `).
    public var headers: [String: String]
    public var body: [UInt8] = []
}

/// A request the server answers without handing it on: it is malformed, larger than the limits allow or too slow,
/// or the server serves as many connections as it may.
public struct HTTPRefusal: Error, Sendable, Equatable {
    public var status: HTTPStatus
    /// The request's headers when they could be read (for the page's language), else none.
    public var headers: [String: String] = [:]
}

/// An answer, always the last on its connection.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    /// Names and values in the order written; `Content-Length` and `Connection` are added when sent.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    /// The bytes sent: status line, headers, the body's length, `Connection: close`, then the body.
    var bytes: [UInt8] {
        var head = "HTTP/1.1 \(status.rawValue) \(status.reason)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + body
    }
}

/// The head of a request, read from its bytes up to the blank line.
struct RequestHead: Equatable {
    var method: String
    var path: String
    var headers: [String: String]
    /// The body's length as `Content-Length` gives it, 0 without one.
    var contentLength: Int

    /// The bytes that end a request's head.
    static let end: [UInt8] = Array("\r\n\r\n".utf8)

    /// Reads `GET /PATH HTTP/1.1` and the header lines after it (without the blank line); a request line or header
    /// that breaks HTTP/1.1's grammar, a body sent in chunks or two different lengths is a bad request.
    init(_ bytes: ArraySlice<UInt8>) throws(HTTPRefusal) {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            String(decoding: $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0, as: UTF8.self)
        }
        let requestLine = lines.first?.split(separator: " ", omittingEmptySubsequences: false) ?? []
        guard requestLine.count == 3, let method = requestLine.first, !method.isEmpty,
              method.allSatisfy({ $0.isASCII && $0.isUppercase }),
              requestLine[1].first == "/", ["HTTP/1.1", "HTTP/1.0"].contains(requestLine[2]) else {
            throw HTTPRefusal(status: .badRequest)
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            // A name is a token: no spaces, so folded continuation lines (obsolete) are refused too.
            guard parts.count == 2, parts[0].allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "\"" }) else {
                throw HTTPRefusal(status: .badRequest, headers: headers)
            }
            let name = parts[0].lowercased()
            let value = String(parts[1].trimmingSpaces)
            headers[name] = headers[name].map { $0 + (name == "cookie" ? "; " : ", ") + value } ?? value
        }
        guard headers["transfer-encoding"] == nil else { throw HTTPRefusal(status: .badRequest, headers: headers) }
        let length = headers["content-length"] ?? "0"
        guard !length.isEmpty, length.count <= 18, length.allSatisfy({ $0.isASCII && $0.isNumber }),
              let contentLength = Int(length) else {
            throw HTTPRefusal(status: .badRequest, headers: headers)
        }
        self.method = String(method)
        path = String(requestLine[1].prefix { $0 != "?" })
        self.headers = headers
        self.contentLength = contentLength
    }
}
