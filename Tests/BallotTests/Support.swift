import BallotWire
import Foundation
import Glibc
import Testing

/// The real `isp-ballot` beside the test bundle, listening on 127.0.0.1 only, on a free port.
final class RunningBallotServer {
    let process: BallotProcess
    let url: String
    let qrCode: QRModules
    let port: UInt16
    /// The ballot's path, `/` and the token.
    let path: String

    /// Listening on 127.0.0.1 only, on a free port, and naming that address in the URL.
    static let onLoopback = ["--bind", "127.0.0.1", "--port", "0", "--address", "127.0.0.1"]

    init(arguments: [String] = onLoopback) throws {
        process = try BallotProcess(arguments: arguments)
        var early: [BallotEvent] = []
        guard case .ready(let url, let qrCode) = try Self.nextEvent(of: process, pending: &early) else {
            throw TestFailure("the server did not say it was ready first")
        }
        self.url = url
        self.qrCode = qrCode
        let afterHost = url.split(separator: ":").last ?? ""
        port = UInt16(afterHost.split(separator: "/").first ?? "") ?? 0
        path = "/" + (afterHost.split(separator: "/").last.map(String.init) ?? "")
        pending = early
    }

    private var pending: [BallotEvent] = []

    /// The server's next event, waiting up to 5 seconds for it.
    func nextEvent() throws -> BallotEvent {
        try Self.nextEvent(of: process, pending: &pending)
    }

    private static func nextEvent(of process: BallotProcess, pending: inout [BallotEvent]) throws -> BallotEvent {
        for _ in 0..<50 {
            if !pending.isEmpty { return pending.removeFirst() }
            var descriptor = pollfd(fd: process.eventDescriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, 100)
            pending += try process.receivedEvents()
        }
        throw TestFailure("no event from the server within 5 seconds")
    }

    /// Sends a command, then asks for the page until it says `text` (commands have no answer of their own), up to
    /// 5 seconds.
    func send(_ command: BallotCommand, thenPageSays text: String) throws {
        try process.send(command)
        for _ in 0..<100 {
            if try request("GET", path).body.contains(text) { return }
            usleep(50_000)
        }
        throw TestFailure("the page never said \(text)")
    }

    /// One HTTP request to 127.0.0.1 on the server's port, answered in full.
    func request(_ method: String, _ target: String, headers: [String: String] = [:], body: [UInt8] = [])
        throws -> HTTPAnswer
    {
        try HTTPAnswer.fetch(port: port, method: method, target: target, headers: headers, body: body)
    }
}

/// A phone: a browser that keeps the ballot's cookie.
final class Phone {
    let server: RunningBallotServer
    /// The phone's address on the (loopback) network.
    let source: String
    var cookie: String?
    var language: String?

    init(_ server: RunningBallotServer, language: String? = nil, from source: String = "127.0.0.1") {
        self.server = server
        self.language = language
        self.source = source
    }

    func get() throws -> HTTPAnswer {
        try exchange(getRequest())
    }

    /// Sends the form with these fields, as a browser would encode them.
    func post(_ fields: [(String, String)]) throws -> HTTPAnswer {
        try exchange(postRequest(fields))
    }

    /// The bytes of a request for the page.
    func getRequest() -> [UInt8] {
        HTTPAnswer.request(port: server.port, method: "GET", target: server.path, headers: headers)
    }

    /// The bytes of the form sent with these fields.
    func postRequest(_ fields: [(String, String)]) -> [UInt8] {
        let body = fields.map { "\(formEncoded($0.0))=\(formEncoded($0.1))" }.joined(separator: "&")
        var headers = self.headers
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        return HTTPAnswer.request(port: server.port, method: "POST", target: server.path, headers: headers,
                                  body: Array(body.utf8))
    }

    /// Sends each phone's request on a connection of its own, all before reading any answer, so that the server
    /// has them all at once; then reads the answers and keeps the cookies they give.
    static func atOnce(_ phones: [Phone], _ request: (Phone) -> [UInt8]) throws -> [HTTPAnswer] {
        let connections = try phones.map { try RawConnection(port: $0.server.port, from: $0.source) }
        for (phone, connection) in zip(phones, connections) {
            connection.send(request(phone))
        }
        return try zip(phones, connections).map { phone, connection in try phone.keepCookie(connection.answer()) }
    }

    private func exchange(_ request: [UInt8]) throws -> HTTPAnswer {
        let connection = try RawConnection(port: server.port, from: source)
        connection.send(request)
        return try keepCookie(connection.answer())
    }

    private var headers: [String: String] {
        var headers: [String: String] = [:]
        if let cookie { headers["Cookie"] = cookie }
        if let language { headers["Accept-Language"] = language }
        return headers
    }

    private func keepCookie(_ answer: HTTPAnswer) -> HTTPAnswer {
        if let setCookie = answer.headers["set-cookie"] {
            cookie = setCookie.split(separator: ";").first.map(String.init)
        }
        return answer
    }

    private func formEncoded(_ text: String) -> String {
        text.utf8.map { byte -> String in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"): String(UnicodeScalar(byte))
            case UInt8(ascii: " "): "+"
            default: "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }.joined()
    }
}

/// A connection to 127.0.0.1 that sends what a test gives it byte for byte, for requests a browser would not send.
final class RawConnection {
    let socket: Int32

    /// Connects to the port on 127.0.0.1 from `source`, another address of the loopback network (127.0.0.0/8 on
    /// Linux) when a test needs phones the server tells apart; each send and receive gives up after 5 seconds.
    init(port: UInt16, from source: String = "127.0.0.1") throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw TestFailure("no socket") }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var local = Self.address(source, port: 0)
        var remote = Self.address("127.0.0.1", port: port)
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        let connected = bound == 0 && withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        } == 0
        guard connected else {
            close(socket)
            throw TestFailure("cannot connect to 127.0.0.1:\(port) from \(source)")
        }
    }

    private static func address(_ ipv4: String, port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr(ipv4)
        return address
    }

    deinit {
        close(socket)
    }

    /// Sends all of `bytes`; false when the server has closed the connection.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// Whether an answer, or the connection's end, arrives within `milliseconds`.
    func hears(within milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0
    }

    /// Everything the server sends until it closes the connection (5 seconds at most between bytes).
    func received() -> [UInt8] {
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { return answer }
            answer += buffer[..<count]
        }
    }

    /// The server's answer, read until it closes the connection.
    func answer() throws -> HTTPAnswer {
        try HTTPAnswer.parse(received())
    }
}

/// An HTTP response as read off the socket.
struct HTTPAnswer {
    var status: Int
    /// Header names in lower case.
    var headers: [String: String]
    var body: String

    /// Sends one request with `Connection: close` and reads the whole answer, giving up after 5 seconds.
    static func fetch(port: UInt16, method: String, target: String, headers: [String: String], body: [UInt8])
        throws -> HTTPAnswer
    {
        let connection = try RawConnection(port: port)
        connection.send(request(port: port, method: method, target: target, headers: headers, body: body))
        return try connection.answer()
    }

    /// The bytes of a request as a browser sends it, with `Connection: close`.
    static func request(port: UInt16, method: String, target: String, headers: [String: String] = [:],
                        body: [UInt8] = []) -> [UInt8] {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        return Array((head + "\r\n").utf8) + body
    }

    static func parse(_ bytes: [UInt8]) throws -> HTTPAnswer {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw TestFailure("no complete answer: \(text)") }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return HTTPAnswer(status: status, headers: headers, body: String(text[split.upperBound...]))
    }

    /// The text of the page's main part, tags dropped and entities left as they are: what a test compares.
    var mainText: String {
        guard let start = body.range(of: "<main>"), let end = body.range(of: "</main>") else { return "" }
        return body[start.upperBound..<end.lowerBound]
            .replacing(/<[^>]*>/, with: "").split(separator: "\n").map(String.init).joined(separator: "\n")
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

/// The scale as the wizard sends it in English.
let englishScale = BallotScale(
    stages: ["Not started", "Emerging", "Partial", "Substantial", "Established"],
    notApplicable: "Not applicable", dontKnow: "Don't know")
