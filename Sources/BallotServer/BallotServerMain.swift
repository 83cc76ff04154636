import BallotWire
import FlyingSocks
import FoundationEssentials
import Glibc
import Messages

/// `isp-ballot [--port N] [--address HOST] [--bind IP] [--timeout SECONDS] [--head-timeout SECONDS]`: the ballot
/// server the wizard starts and talks to on its standard input and output, one protocol line each way (see
/// `BallotCommand` and `BallotEvent`).
///
/// `--port` is the port to listen on (`BallotAddress.defaultPort`; 0 picks a free one), `--address` the host the URL
/// names instead of this machine's own address, `--bind` the IPv4 address to listen on (all of them, `0.0.0.0`,
/// unless told; the tests listen on `127.0.0.1` only), `--timeout` the seconds a phone's connection may last and
/// `--head-timeout` those it may take to send a request's head (`HTTPLimits.standard`'s unless told). It says
/// `ready` or `failed` first, then answers the phones until it reads `end` or its input closes. `--help` says all
/// this in the reader's language.
public enum BallotServerMain {
    public static func run(_ arguments: [String]) async -> Int32 {
        let language = (try? LanguageChoice.choose(flag: nil, environment: ProcessInfo.processInfo.environment))?
            .language ?? .english
        let options: Options
        switch Options.parse(arguments) {
        case .run(let parsed): options = parsed
        case .help:
            write(help(in: language), to: 1)
            return 0
        case .refused(let why):
            write(language.text(why) + "\n", to: 2)
            return 2
        }
        // A wizard that has gone closes the socket: writing to it must fail, not end the server with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let token = BallotAddress.randomToken()
        let desk = BallotDesk(token: token, language: language, report: emit)
        guard let address = try? sockaddr_in.inet(ip4: options.bind, port: UInt16(options.port)) else {
            write(language.text(.ballotOptionsBadBind) + "\n", to: 2)
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
                    write("isp-ballot cannot read: \(String(decoding: line.prefix(200), as: UTF8.self))\n", to: 2)
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
            let count = line[written...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { exit(0) }
            written += count
        }
    }

    private static func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }

    private static func seconds(_ duration: Duration) -> [String: MessageArgument] {
        [Message.countArgument: .integer(Int(duration.components.seconds))]
    }

    /// The options as `--help` lists them, each with what it does.
    private static func help(in language: Language) -> String {
        let limits = HTTPLimits.standard
        let options: [(String, String)] = [
            ("--port N", language.text(.ballotHelpPort, ["port": .integer(BallotAddress.defaultPort)])),
            ("--address HOST", language.text(.ballotHelpAddress)),
            ("--bind IPV4", language.text(.ballotHelpBind)),
            ("--timeout SECONDS", language.text(.ballotHelpTimeout, seconds(limits.timeout))),
            ("--head-timeout SECONDS", language.text(.ballotHelpHeadTimeout, seconds(limits.headTimeout))),
            ("-h, --help", language.text(.ballotHelpHelp)),
        ]
        let lines = [
            language.text(.ballotHelpAbout), language.text(.ballotHelpProtocol), "",
            language.text(.ballotHelpUsage),
            "  isp-ballot [--port N] [--address HOST] [--bind IPV4] [--timeout SECONDS] [--head-timeout SECONDS]", "",
            language.text(.ballotHelpOptions),
        ] + options.map { name, text in "  " + name + String(repeating: " ", count: 26 - name.count) + text }
        return lines.joined(separator: "\n") + "\n"
    }

    struct Options {
        var port = BallotAddress.defaultPort
        var address: String?
        var bind = "0.0.0.0"
        var limits = HTTPLimits.standard

        /// What the command line asks for.
        enum Parsed {
            case run(Options)
            case help
            /// An option the server does not take, or a value it cannot: why, in a sentence.
            case refused(Message)
        }

        static let names = ["--port", "--address", "--bind", "--timeout", "--head-timeout"]

        static func parse(_ arguments: [String]) -> Parsed {
            var options = Options()
            var rest = arguments[...]
            while let option = rest.popFirst() {
                if option == "--help" || option == "-h" { return .help }
                // What was typed is not repeated: it may hold control characters.
                guard names.contains(option) else {
                    return .refused(Message(.ballotOptionsUnknown, ["options": .list(names)]))
                }
                guard let value = rest.popFirst() else {
                    return .refused(Message(.ballotOptionsMissingValue, ["option": .text(option)]))
                }
                switch option {
                case "--port":
                    guard let port = Int(value), (0...65_535).contains(port) else {
                        return .refused(Message(.ballotOptionsBadPort))
                    }
                    options.port = port
                case "--address": options.address = value
                case "--bind": options.bind = value
                default:
                    guard let seconds = Int(value), (1...3_600).contains(seconds) else {
                        return .refused(Message(.ballotOptionsBadSeconds, ["option": .text(option)]))
                    }
                    if option == "--timeout" {
                        options.limits.timeout = .seconds(seconds)
                    } else {
                        options.limits.headTimeout = .seconds(seconds)
                    }
                }
            }
            return .run(options)
        }
    }
}
