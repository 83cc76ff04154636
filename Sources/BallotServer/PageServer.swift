import FlyingSocks
import FoundationEssentials
import Glibc

/// The phones' side of isp-ballot: a small HTTP/1.1 server on FlyingSocks that reads one request per connection
/// within `HTTPLimits`, hands it to `respond` and closes the connection after the answer.
///
/// A request beyond the limits is answered by `respond` as an `HTTPRefusal` without reading the rest of it; so is a
/// connection beyond those served at once, in all or from its address (503), within a bound of its own.
public actor PageServer {
    public typealias Responder = @Sendable (Result<HTTPRequest, HTTPRefusal>) async -> HTTPResponse

    private let socket: Socket
    private let limits: HTTPLimits
    private let respond: Responder
    /// Connections being served, by the client's address.
    private var served: [String: Int] = [:]
    private var servedCount = 0
    /// Connections being answered 503.
    private var refusing = 0

    /// What is done with a new connection.
    private enum Admission {
        case serve, refuse, drop
    }

    /// Listens on `address`; throws a `SocketError` when it cannot (the port is taken, the address is not this
    /// machine's).
    public init(listeningOn address: sockaddr_in, limits: HTTPLimits = .standard,
                respond: @escaping Responder) throws {
        socket = try Socket(domain: AF_INET, type: .stream)
        do {
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
            try socket.listen()
        } catch {
            try? socket.close()
            throw error
        }
        self.limits = limits
        self.respond = respond
    }

    /// The port listened on, the one the system chose when asked for port 0.
    public nonisolated var port: Int? {
        guard case .ip4(_, let port)? = try? socket.sockname() else { return nil }
        return Int(port)
    }

    /// Accepts and answers connections until the process ends or the socket fails.
    public func run() async throws {
        let pool: some AsyncSocketPool = .make()
        try await pool.prepare()
        let listener = try AsyncSocket(socket: socket, pool: pool)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await pool.run() }
            while true {
                let connection: AsyncSocket
                do {
                    connection = try await listener.accept()
                } catch SocketError.failed(_, let code, _) where Self.passingAcceptFailures.contains(code) {
                    // A client that gave up before it was taken, or no descriptors left for a moment: later ones
                    // may do.
                    try await Task.sleep(for: .milliseconds(50))
                    continue
                }
                let client = Self.host(of: connection)
                let limits = limits
                let respond = respond
                switch admit(client) {
                case .serve:
                    group.addTask {
                        await Self.serve(connection, for: limits.timeout) {
                            try await Self.exchange(on: $0, within: limits, respond: respond)
                        }
                        await self.leave(client)
                    }
                case .refuse:
                    group.addTask {
                        await Self.serve(connection, for: limits.headTimeout) {
                            let busy = await respond(.failure(HTTPRefusal(status: .serviceUnavailable)))
                            try await Self.answer(busy, refusing: true, on: $0, within: limits)
                        }
                        await self.endRefusal()
                    }
                case .drop:
                    try? connection.close()
                }
            }
        }
    }

    /// Why `accept` may fail without the listening socket being broken.
    private static let passingAcceptFailures = [ECONNABORTED, EPROTO, EINTR, EMFILE, ENFILE, ENOBUFS, ENOMEM]

    /// The client's address without its port, the same for every connection it opens.
    private static func host(of connection: AsyncSocket) -> String {
        switch try? connection.socket.remotePeer() {
        case .ip4(let host, _), .ip6(let host, _): host
        case .unix(let path): path
        case nil: ""
        }
    }

    /// Serves a connection while fewer than `limits.connections` are, and fewer than
    /// `limits.connectionsPerAddress` from its client; else answers it 503 while fewer than `limits.refusals`
    /// are being, and drops it beyond.
    private func admit(_ client: String) -> Admission {
        if servedCount < limits.connections && served[client, default: 0] < limits.connectionsPerAddress {
            servedCount += 1
            served[client, default: 0] += 1
            return .serve
        }
        guard refusing < limits.refusals else { return .drop }
        refusing += 1
        return .refuse
    }

    private func leave(_ client: String) {
        servedCount -= 1
        served[client, default: 1] -= 1
        if served[client] == 0 { served[client] = nil }
    }

    private func endRefusal() {
        refusing -= 1
    }

    /// Does `work` on the connection, then closes it; closes it sooner when `work` has not ended within `duration`.
    private static func serve(_ connection: AsyncSocket, for duration: Duration,
                              _ work: @escaping @Sendable (AsyncSocket) async throws -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await work(connection) }
            group.addTask { try? await Task.sleep(for: duration) }
            // Whichever ends first ends the other: the sleep is cut short, or the reads and writes are cancelled.
            await group.next()
            group.cancelAll()
        }
        try? connection.close()
    }

    /// Reads the request and answers it; a client that sent nothing before the head's deadline is not answered.
    private static func exchange(on connection: AsyncSocket, within limits: HTTPLimits,
                                 respond: Responder) async throws {
        guard let reading = try await read(from: connection, within: limits) else { return }
        let refused = if case .failure = reading { true } else { false }
        try await answer(await respond(reading), refusing: refused, on: connection, within: limits)
    }

    /// Writes the answer; after a refusal, says that nothing more comes and drops what the client still sends
    /// until it closes, so that the refusal is read rather than lost to a reset.
    private static func answer(_ response: HTTPResponse, refusing: Bool, on connection: AsyncSocket,
                               within limits: HTTPLimits) async throws {
        try await connection.write(Data(response.bytes))
        guard refusing else { return }
        shutdown(connection.socket.file.rawValue, Int32(SHUT_WR))
        var discarded = 0
        while discarded < limits.discardBytes {
            discarded += try await connection.read(atMost: 4_096).count
        }
    }

    /// What came of reading a request's head.
    private enum HeadReading: Sendable {
        /// The head, up to its blank line, and the bytes of the body read with it.
        case head(ArraySlice<UInt8>, early: ArraySlice<UInt8>)
        case tooLarge
        /// The client closed the connection, or the deadline came, after `received` bytes.
        case unfinished(received: Int)
    }

    /// Reads one request: its head up to the blank line within `limits.headTimeout`, then as many body bytes as it
    /// says, within the limits. Nil when the client sent nothing in time; a refusal of 408 when it sent part of a
    /// head.
    static func read(from connection: AsyncSocket, within limits: HTTPLimits) async throws
        -> Result<HTTPRequest, HTTPRefusal>?
    {
        let reading = await withTaskGroup(of: HeadReading?.self) { group in
            group.addTask { await readHead(from: connection, within: limits) }
            group.addTask {
                try? await Task.sleep(for: limits.headTimeout)
                return nil
            }
            // The deadline cancels the reading, which then says how much it had; a head read cancels the deadline.
            var reading = HeadReading.unfinished(received: 0)
            for await finished in group {
                group.cancelAll()
                if let finished {
                    reading = finished
                    break
                }
            }
            return reading
        }
        switch reading {
        case .head(let head, let early):
            return try await readBody(after: head, early, from: connection, within: limits)
        case .tooLarge: return .failure(HTTPRefusal(status: .headerFieldsTooLarge))
        case .unfinished(let received): return received == 0 ? nil : .failure(HTTPRefusal(status: .requestTimeout))
        }
    }

    /// Reads up to the blank line that ends the head, and no more than `limits.headBytes` bytes in all.
    private static func readHead(from connection: AsyncSocket, within limits: HTTPLimits) async -> HeadReading {
        var received: [UInt8] = []
        do {
            while received.count < limits.headBytes {
                received += try await connection.read(atMost: limits.headBytes - received.count)
                if let end = received.firstRange(of: RequestHead.end) {
                    return .head(received[..<end.lowerBound], early: received[end.upperBound...])
                }
            }
            return .tooLarge
        } catch {
            return .unfinished(received: received.count)
        }
    }

    private static func readBody(after head: ArraySlice<UInt8>, _ early: ArraySlice<UInt8>,
                                 from connection: AsyncSocket, within limits: HTTPLimits) async throws
        -> Result<HTTPRequest, HTTPRefusal>
    {
        let parsed: RequestHead
        do {
            parsed = try RequestHead(head)
        } catch {
            return .failure(error)
        }
        guard parsed.contentLength <= limits.bodyBytes else {
            return .failure(HTTPRefusal(status: .contentTooLarge, headers: parsed.headers))
        }
        var body = Array(early.prefix(parsed.contentLength))
        body += try await connection.read(bytes: parsed.contentLength - body.count)
        return .success(HTTPRequest(method: parsed.method, path: parsed.path, headers: parsed.headers, body: body))
    }
}
