import BallotWire
import Foundation
import Testing

/// `isp-ballot`'s own command line: its help, and one sentence for an option it does not take.
@Suite struct ServerOptionsTests {
    /// Runs the real `isp-ballot` with these arguments, in English, and gives its status and what it wrote.
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BallotProcess.besideThisProgram)
        process.arguments = arguments
        process.environment = ["LC_ALL": "C"]
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let written = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: written, as: UTF8.self),
                String(decoding: complaint, as: UTF8.self))
    }

    @Test func helpSaysWhatTheServerIsAndEachOption() throws {
        for flag in ["--help", "-h"] {
            let help = try run([flag])
            #expect(help.status == 0)
            #expect(help.error.isEmpty)
            #expect(help.output == """
                isp-ballot is the ballot server that isp-wizard starts for a secret ballot: phones on the room's \
                network vote on its page.
                It reads the wizard's commands on its standard input and writes its events on its standard output, \
                one JSON line each, until the command end or the end of its input.

                Usage:
                  isp-ballot [--port N] [--address HOST] [--bind IPV4] [--timeout SECONDS] [--head-timeout SECONDS]

                Options:
                  --port N                  The port to listen on, 8470 unless given; 0 picks a free one.
                  --address HOST            The host named in the address shown to phones, this machine's \
                address on the room's network unless given.
                  --bind IPV4               The IPv4 address to listen on, every one of this machine's \
                (0.0.0.0) unless given.
                  --timeout SECONDS         The most time a phone's connection may take, 10 seconds unless given.
                  --head-timeout SECONDS    The most time a phone may take to send a request's head, 5 seconds \
                unless given; a slower one is answered 408.
                  -h, --help                Shows this help.

                """)
        }
    }

    @Test func aWrongOptionIsOneSentenceAndStatus2() throws {
        let cases: [([String], String)] = [
            (["--verbose"], "isp-ballot has no such option; its options are --port, --address, --bind, --timeout "
                + "and --head-timeout (see isp-ballot --help)."),
            (["--port"], "--port needs a value after it; see isp-ballot --help."),
            (["--port", "70000"], "--port takes a number from 0 to 65535, 0 for any free port."),
            (["--head-timeout", "0"], "--head-timeout takes a whole number of seconds from 1 to 3600."),
            (["--bind", "everywhere"], "--bind takes an IPv4 address of this machine, such as 0.0.0.0 or 127.0.0.1."),
        ]
        for (arguments, sentence) in cases {
            let refused = try run(arguments)
            #expect(refused.status == 2, "\(arguments)")
            #expect(refused.output.isEmpty, "\(arguments)")
            #expect(refused.error == sentence + "\n", "\(arguments)")
        }
    }
}
