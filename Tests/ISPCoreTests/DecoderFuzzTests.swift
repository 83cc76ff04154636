import Foundation
import ISPTestSupport
import Messages
import Testing

@testable import ISPCore

/// SplitMix64: a small generator whose sequence is fixed by its seed, so that a failing case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Damages valid session and guide files at random and checks that each one either loads or is refused
/// with one short, clean sentence. `FUZZ_ITERATIONS=200000 swift test --filter DecoderFuzzTests` runs
/// a long campaign; the normal run tries a few thousand cases of each.
@Suite struct DecoderFuzzTests {
    static let iterations = ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"].flatMap(Int.init) ?? 2000
    static let seed: UInt64 = 0x15B_3172_A4D0

    static var validSession: Data {
        var session = Session(guide: .builtIn, mode: .selfAssessment, name: "Água 水",
                              now: Date(timeIntervalSince1970: 1_800_000_000))
        session.partnership.focalIssue = "Clean water"
        session.organisation = "ONG"
        session.sector = .civilSociety
        session.answers["s1.q1"] = Answer(rating: .stage(.partial), notes: "Línea\n第二行 \u{1B}[1m")
        session.answers["s2.q2"] = Answer(rating: .dontKnow)
        session.answers["s3.q1"] = Answer(rating: .notApplicable, notes: "n/a")
        session.position = Position(screen: .question, stepID: "s1", promptID: "s1.q1")
        return (try? SessionFile.encoded(session, for: "FILE")) ?? Data()
    }

    /// Bytes that steer decoding somewhere new: JSON's punctuation, escapes, controls and a C1 pair.
    static let insertions: [[UInt8]] = [
        Array("\"".utf8), Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8), Array(",".utf8),
        Array(":".utf8), Array("\\".utf8), Array("\\u".utf8), Array("\\u001b".utf8), Array("9".utf8),
        Array("null".utf8), Array("-1e999".utf8), [0x00], [0x07], [0x1B], [0x7F], [0xC2, 0x9B], [0xFF],
        Array("\u{1B}]0;x\u{07}".utf8),
    ]

    /// One to four random edits of `data`: bit flips, random bytes, truncations, insertions, duplicated and
    /// deleted spans.
    static func mutate(_ data: Data, _ random: inout SplitMix64) -> Data {
        var bytes = [UInt8](data)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            guard !bytes.isEmpty else { break }
            let at = Int.random(in: 0..<bytes.count, using: &random)
            let span = at..<min(bytes.count, at + Int.random(in: 1...64, using: &random))
            switch Int.random(in: 0..<6, using: &random) {
            case 0: bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &random)
            case 1: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 2: bytes.removeSubrange(at...)
            case 3: bytes.insert(contentsOf: insertions.randomElement(using: &random) ?? [], at: at)
            case 4: bytes.insert(contentsOf: bytes[span], at: Int.random(in: 0...bytes.count, using: &random))
            default: bytes.removeSubrange(span)
            }
        }
        return Data(bytes)
    }

    /// Runs the cases and returns how many loaded; a bad message or a failed round trip is an issue.
    static func fuzz<T: Equatable>(
        _ valid: Data, seed: UInt64, decode: (Data) throws(FileError) -> T, encode: (T) -> Data
    ) -> Int {
        var random = SplitMix64(state: seed)
        var loaded = 0
        var failures = 0
        for number in 0..<iterations where failures < 10 {
            let data = mutate(valid, &random)
            do {
                let value = try decode(data)
                loaded += 1
                // What loads must save and load back the same.
                if (try? decode(encode(value))) != value {
                    failures += 1
                    Issue.record("case \(number) loaded but did not survive a save and a load")
                }
            } catch {
                let message = Language.english.text(error.sentence)
                if message.contains("\n") || message.count > 300 || hasControls(message) {
                    failures += 1
                    Issue.record("case \(number): \(message.count) characters: \(message.debugDescription)")
                }
            }
        }
        return loaded
    }

    @Test func damagedSessionsLoadOrGetOneCleanSentence() {
        let loaded = Self.fuzz(Self.validSession, seed: Self.seed, decode: { (data) throws(FileError) in
            try SessionFile.decode(data, file: "FILE")
        }, encode: { (try? SessionFile.encoded($0, for: "FILE")) ?? Data() })
        // Some damage only touches the text of notes; most must be refused.
        #expect(loaded > 0 && loaded < Self.iterations)
    }

    @Test func damagedGuidesLoadOrGetOneCleanSentence() {
        let loaded = Self.fuzz(Guide.builtIn.jsonData(), seed: Self.seed + 1, decode: { (data) throws(FileError) in
            try Guide.decode(data, file: "FILE")
        }, encode: { $0.jsonData() })
        #expect(loaded > 0 && loaded < Self.iterations)
    }
}
