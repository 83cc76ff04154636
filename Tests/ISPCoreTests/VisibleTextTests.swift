import DisplayWidth
import Foundation
import Testing

@testable import ISPCore

/// Whether text holds anything a terminal would obey rather than show.
func hasControls(_ text: String, allowingLineBreaks: Bool = false) -> Bool {
    text.unicodeScalars.contains { scalar in
        if allowingLineBreaks, scalar == "\n" || scalar == "\t" { return false }
        return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || [0x202D, 0x202E].contains(scalar.value)
    }
}

/// Whether the bytes of a JSON file hold a raw control character (the newlines of its layout aside).
func hasRawControlBytes(_ data: Data) -> Bool {
    let bytes = [UInt8](data)
    return bytes.indices.contains { index in
        let byte = bytes[index]
        return (byte < 0x20 && byte != 0x0A) || byte == 0x7F
            || (byte == 0xC2 && index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]))
    }
}

/// A window-title escape, a clipboard write, a screen clear, a C1 CSI and a right-to-left override.
let hostile = "Water\u{1B}]0;pwned\u{07} \u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\u{9B}31m\u{202E}\u{7F}\u{08}"

@Suite struct VisibleTextTests {
    @Test func showsControlsInCaretFormAndC1AndOverridesAsCodePoints() {
        #expect(hostile.visibleControls
            == "Water^[]0;pwned^G ^[]52;c;ZXZpbA==^G^[[2J<U+009B>31m<U+202E>^?^H")
        #expect("\u{0}\u{1F}\u{80}\u{9F}\u{202D}".visibleControls == "^@^_<U+0080><U+009F><U+202D>")
    }

    @Test func leavesNewlinesTabsAndOrdinaryTextAlone() {
        let text = "Água 水 — ok\n\tnext line, 한국어 é"
        #expect(text.visibleControls == text)
    }

    @Test func anExcerptIsOneBoundedLine() {
        #expect("a\nb\tc".excerpt() == "a^Jb^Ic")
        #expect("short".excerpt() == "short")
        let long = String(repeating: "x", count: 10_000_000)
        #expect(long.excerpt() == String(repeating: "x", count: 80) + "…")
        // A mark is never cut in half.
        #expect((String(repeating: "x", count: 75) + "\u{9B}").excerpt() == String(repeating: "x", count: 75) + "…")
    }

    @Test func escapesDELAndC1InJSONWithoutChangingWhatItSays() throws {
        let data = Data(#"{"a":"x\#u{7F}\#u{85}\#u{9F}é\#u{A0}"}"#.utf8)
        let escaped = escapingControls(inJSON: data)
        #expect(String(decoding: escaped, as: UTF8.self) == #"{"a":"x\u007f\u0085\u009fé\#u{A0}"}"#)
        let decoded = try JSONDecoder().decode([String: String].self, from: escaped)
        #expect(decoded == ["a": "x\u{7F}\u{85}\u{9F}é\u{A0}"])
        let plain = Data(#"{"a":"é"}"#.utf8)
        #expect(escapingControls(inJSON: plain) == plain)
    }
}

@Suite struct HostileTextTests {
    let folder = TemporaryFolder()

    let session: Session = {
        var session = Session(guide: .builtIn, mode: .selfAssessment, name: hostile,
                              now: Date(timeIntervalSince1970: 1_800_000_000))
        session.partnership.focalIssue = "Focal\u{1B}[H\u{1B}[J issue"
        session.organisation = "Org\u{07}\u{9D}"
        session.answers["s1.q1"] = Answer(rating: .stage(.emerging), notes: "notes \u{1B}]52;c;aGk=\u{07} \u{202E}txt")
        return session
    }()

    @Test func aSessionFileHoldsNoRawControlAndLoadsBackIdentical() throws {
        let path = folder.path + "/s.isp.json"
        try SessionFile.save(session, to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(!hasRawControlBytes(bytes))
        #expect(String(decoding: bytes, as: UTF8.self).contains(#"\u001b]0;pwned\u0007"#))
        #expect(String(decoding: bytes, as: UTF8.self).contains(#"\u009b"#))
        #expect(try SessionFile.load(from: path) == session)
    }

    @Test func theSummaryShowsControlsAndKeepsItsColumns() {
        let report = SummaryReport(guide: .builtIn, session: session)
        for width in [40, 80] {
            let text = report.text(width: width)
            #expect(!hasControls(text, allowingLineBreaks: true))
            for line in text.split(separator: "\n") {
                #expect(line.displayWidth <= width, "\(line)")
            }
        }
        let text = report.text(width: 200)
        #expect(text.hasPrefix("Readiness summary: Water^[]0;pwned^G ^[]52;c;ZXZpbA==^G^[[2J<U+009B>31m<U+202E>^?^H\n"
            + "Focal issue: Focal^[[H^[[J issue\nSelf-assessment by Org^G<U+009D>\n"))
    }

    @Test func theSummaryJSONAndTheGuideJSONHoldNoRawControl() throws {
        let json = SummaryReport(guide: .builtIn, session: session).json()
        #expect(!hasRawControlBytes(json))
        let object = try #require(JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect((object["partnership"] as? [String: Any])?["name"] as? String == hostile)

        var guide = Guide.builtIn
        guide.phases[0].steps[0].prompts[0].text = hostile
        let guideJSON = guide.jsonData()
        #expect(!hasRawControlBytes(guideJSON))
        #expect(try Guide.decode(guideJSON, file: "g") == guide)
    }
}
