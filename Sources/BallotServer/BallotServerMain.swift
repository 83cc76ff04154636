import BallotWire
import FlyingSocks
import Glibc

/// `isp-ballot [--port N] [--address HOST] [--bind IP] [--timeout SECONDS]`: the ballot server the wizard starts and
/// talks to on its standard input and output, one protocol line each way (see `BallotCommand` and `BallotEvent`).
///
/// `--port` is the port to listen on (`BallotAddress.defaultPort`; 0 picks a free one), `--address` the host the URL
/// names instead of this machine's own address, `--bind` the IPv4 address to listen on (all of them, `0.0.0.0`,
/// unless told; the tests listen on `127.0.0.1` only), `--timeout` the seconds a phone's connection may last
/// (`HTTPLimits.standard`'s unless told). It says `ready` or `failed` first, then answers the phones until it reads
/// `end` or its input closes.
public enum BallotServerMain {
    public static func run(_ arguments: [String]) async -> Int32 {
        guard let options = Options(arguments) else {
            writeError("usage: isp-ballot [--port N] [--address HOST] [--bind IPV4] [--timeout SECONDS]")
            return 2
        }
        // A wizard that has gone closes the socket: writing to it must fail, not end the server with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let token = BallotAddress.randomToken()
        let desk = BallotDesk(token: token, report: emit)
        guard let address = try? sockaddr_in.inet(ip4: options.bind, port: UInt16(options.port)) else {
            writeError("isp-ballot: --bind takes an IPv4 address such as 0.0.0.0, not \(options.bind)")
            return 2
        }
        let server: PageServer
        do {
            server = try PageServer(listeningOn: address, limits: options.limits) { await desk.respond(to: $0) }
        } catch SocketError.failed(_, let code, _) where code == EADDRINUSE {
            emit(.failed(.portInUse, port: options.port))
            return 1
        } catch {
            emit(.failed(.cannotListen, port: options.port))
            return 1
        }
        // Runs until the process exits, after the wizard's last command.
        Task {
            do {
                try await server.run()
            } catch {
                emit(.failed(.cannotListen, port: options.port))
                exit(1)
            }
        }
        let port = server.port ?? options.port
        let url = BallotAddress.url(host: options.address ?? BallotAddress.reachableHost(), port: port, token: token)
        emit(.ready(url: url, qrCode: BallotAddress.qrCode(url) ?? QRModules(rows: [])))
        await readCommands(into: desk)
        return 0
    }

    /// Carries out the wizard's commands until `end` or the end of the input.
    private static func readCommands(into desk: BallotDesk) async {
        var buffer = LineBuffer()
        var bytes = [UInt8](repeating: 0, count: 16_384)
        while true {
            // The wizard's lines are few and short: a blocking read on this thread is all the input needs.
            let count = read(0, &bytes, bytes.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            for line in buffer.append(bytes[..<count]) {
                guard let command = try? BallotLine.decode(BallotCommand.self, from: line) else {
                    writeError("isp-ballot cannot read: \(String(decoding: line.prefix(200), as: UTF8.self))")
                    continue
                }
                if command == .end { return }
                await desk.handle(command)
            }
        }
    }

    /// Writes an event line to the wizard; a wizard that has gone ends the server.
    @Sendable
    static func emit(_ event: BallotEvent) {
        let line = [UInt8](BallotLine.encode(event))
        var written = 0
        while written < line.count {
            let count = line[written...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { exit(0) }
            written += count
        }
    }

    private static func writeError(_ text: String) {
        let line = Array((text + "\n").utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    struct Options {
        var port = BallotAddress.defaultPort
        var address: String?
        var bind = "0.0.0.0"
        var limits = HTTPLimits.standard

        init?(_ arguments: [String]) {
            var rest = arguments[...]
            while let option = rest.popFirst() {
                guard let value = rest.popFirst() else { return nil }
                switch option {
                case "--port":
                    guard let port = Int(value), (0...65_535).contains(port) else { return nil }
                    self.port = port
                case "--address": address = value
                case "--bind": bind = value
                case "--timeout":
                    guard let seconds = Int(value), (1...3_600).contains(seconds) else { return nil }
                    limits.timeout = .seconds(seconds)
                default: return nil
                }
            }
        }
    }
}
