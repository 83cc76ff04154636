import FlyingSocks
import FoundationEssentials
import Glibc

/// The phones' side of isp-ballot: a small HTTP/1.1 server on FlyingSocks that reads one request per connection
/// within `HTTPLimits`, hands it to `respond` and closes the connection after the answer.
///
/// A request beyond the limits is answered by `respond` as an `HTTPRefusal` without reading the rest of it.
public actor PageServer {
    public typealias Responder = @Sendable (Result<HTTPRequest, HTTPRefusal>) async -> HTTPResponse

    private let socket: Socket
    private let limits: HTTPLimits
    private let respond: Responder
    private var openConnections = 0
    /// The accept loop, waiting for a connection to end when `limits.connections` are open.
    private var waitingForSlot: CheckedContinuation<Void, Never>?

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
                await takeSlot()
                let connection: AsyncSocket
                do {
                    connection = try await listener.accept()
                } catch SocketError.failed(_, let code, _) where Self.passingAcceptFailures.contains(code) {
                    // A client that gave up before it was taken, or no descriptors left for a moment: later ones
                    // may do.
                    freeSlot()
                    try await Task.sleep(for: .milliseconds(50))
                    continue
                }
                group.addTask {
                    await Self.serve(connection, within: self.limits, respond: self.respond)
                    await self.freeSlot()
                }
            }
        }
    }

    /// Why `accept` may fail without the listening socket being broken.
    private static let passingAcceptFailures = [ECONNABORTED, EPROTO, EINTR, EMFILE, ENFILE, ENOBUFS, ENOMEM]

    private func takeSlot() async {
        while openConnections >= limits.connections {
            await withCheckedContinuation { waitingForSlot = $0 }
        }
        openConnections += 1
    }

    private func freeSlot() {
        openConnections -= 1
        waitingForSlot?.resume()
        waitingForSlot = nil
    }

    /// Answers the connection's request, or closes it when the client has not sent it and read the answer within
    /// `limits.timeout`.
    private static func serve(_ connection: AsyncSocket, within limits: HTTPLimits,
                              respond: @escaping Responder) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await exchange(on: connection, within: limits, respond: respond) }
            group.addTask { try? await Task.sleep(for: limits.timeout) }
            // Whichever ends first ends the other: the sleep is cut short, or the reads and writes are cancelled.
            await group.next()
            group.cancelAll()
        }
        try? connection.close()
    }

    private static func exchange(on connection: AsyncSocket, within limits: HTTPLimits,
                                 respond: Responder) async throws {
        let reading = try await read(from: connection, within: limits)
        let response = await respond(reading)
        try await connection.write(Data(response.bytes))
        guard case .failure = reading else { return }
        // The client may still be sending what was refused: say that nothing more comes, then drop what arrives
        // until it closes, so that the refusal is read rather than lost to a reset.
        shutdown(connection.socket.file.rawValue, Int32(SHUT_WR))
        var discarded = 0
        while discarded < limits.discardBytes {
            discarded += try await connection.read(atMost: 4_096).count
        }
    }

    /// Reads one request: its head up to the blank line, then as many body bytes as it says, within the limits.
    static func read(from connection: AsyncSocket, within limits: HTTPLimits) async throws
        -> Result<HTTPRequest, HTTPRefusal>
    {
        var received: [UInt8] = []
        while true {
            if let end = received.firstRange(of: RequestHead.end) {
                guard end.lowerBound <= limits.headBytes else { break }
                return try await readBody(after: received[..<end.lowerBound], received[end.upperBound...],
                                          from: connection, within: limits)
            }
            guard received.count < limits.headBytes + RequestHead.end.count else { break }
            received += try await connection.read(atMost: limits.headBytes + RequestHead.end.count - received.count)
        }
        return .failure(HTTPRefusal(status: .headerFieldsTooLarge))
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
