import Foundation
import ISPTestSupport
import Messages
import Testing

@testable import ISPCore

/// What is wrong inside a session or a guide file is said in the reader's language, as the sentence around it is:
/// in the pseudo-language (`en-XA`) only the file's name, its place as JSON keys and its ids stay plain.
@Suite struct FileProblemLanguageTests {
    @Test func aSessionsProblemIsSaidInThePseudoLanguage() throws {
        var session = Workshop.session
        session.participants[1].id = session.participants[0].id
        let data = try SessionFile.encoded(session, for: "workshop.isp.json")
        let sentence = try refusal { () throws(FileError) in
            _ = try SessionFile.decode(data, file: "workshop.isp.json")
        }
        #expect(sentence.english
                == #"workshop.isp.json is not a valid session: participants[1].id "ana" is used twice."#)
        let pseudo = render(sentence, in: .pseudo)
        #expect(pseudo.contains(#"participants[1].id "ana""#))
        #expect(englishRuns(in: pseudo, keeping: []) == [])
    }

    @Test func aGuidesProblemIsSaidInThePseudoLanguage() throws {
        var guide = Guide.builtIn
        guide.phases[2].steps[1].prompts = []
        let sentence = try refusal { () throws(FileError) in
            _ = try Guide.decode(guide.jsonData(), file: "guide.json")
        }
        #expect(sentence.english == "guide.json is not a valid guide: phases[2].steps[1] (s7) has no prompts.")
        let pseudo = render(sentence, in: .pseudo)
        #expect(pseudo.contains("phases[2].steps[1] (s7)"))
        #expect(englishRuns(in: pseudo, keeping: []) == [])
    }
}

/// The sentence of the `FileError` that `decode` throws.
private func refusal(_ decode: () throws(FileError) -> Void) throws -> Message {
    do {
        try decode()
    } catch {
        return error.sentence
    }
    throw NoError()
}

private struct NoError: Error {}
