import Foundation
import ISPFiles
import ISPTestSupport
import Testing

@testable import ISPCore

/// Guide files in several languages (format 3, `"title::fr"` beside `"title"`), and files of formats 1 and 2 still
/// loading as they did.
@Suite struct GuideLanguageTests {
    let probe = GuideFileProbe()

    func guideFile(_ name: String) throws -> GuideFile {
        try GuideFile.load(from: fixture("guides/\(name)").path)
    }

    var twoLanguages: GuideFile {
        get throws { try guideFile("water-partnership-en-fr-format-3.json") }
    }

    /// Every text a reader sees of the fixture's one step, in order.
    func texts(_ guide: Guide) throws -> [String] {
        let step = try #require(guide.steps.first)
        let prompt = try #require(step.prompts.first)
        let worksheet = try #require(step.worksheet)
        var texts = [guide.title, guide.source, guide.phases[0].title, step.title, step.guidance, prompt.text,
                     prompt.hint ?? "", prompt.scale ?? "", worksheet.title, worksheet.intro ?? ""]
        for field in worksheet.fields {
            texts += [field.label] + (field.hint.map { [$0] } ?? [])
            switch field.kind {
            case .choice(let choices): texts += choices.map(\.label)
            case .checklist(let items, let marks):
                texts += items.flatMap { [$0.label, $0.group] } + marks.map(\.label)
            case .rows(let columns, let defaults, _):
                texts += columns.map(\.label) + defaults.compactMap(\.cells["rule"])
            default: break
            }
        }
        return texts
    }

    @Test func aGuideFileWithFrenchLabelsLoadsInFrenchWithFrAndInEnglishWithout() throws {
        let file = try twoLanguages
        #expect(file.languages == ["en", "fr"])
        let french = file.guide(in: "fr")
        #expect(try texts(french) == [
            "Lancer un partenariat de l'eau", "Écrit pour les tests d'isp-wizard.", "Préparer le terrain",
            "S'accorder sur le but", "Dites ce que chaque partenaire attend du partenariat.",
            "Le but est-il partagé ?", "Chacun peut le dire en une phrase.",
            "0 : pas encore de but · 4 : écrit et accepté", "Le but",
            "Écrivez le but tel que les partenaires l'acceptent.", "But", "Une ou deux phrases.", "Accepté par tous ?",
            "Oui", "Pas encore", "Ce que chaque secteur apporte", "Canalisations", "Gouvernement", "L'apporte",
            "Règles de base", "Règle", "Honnêteté", "Le droit de dire non",
        ])
        let english = file.guide(in: nil)
        #expect(try texts(english) == [
            "Starting a water partnership", "Written for the tests of isp-wizard.", "Preparing the ground",
            "Agree on the goal", "Say what each partner wants from the partnership.", "Is the goal shared?",
            "Everyone can say it in a sentence.", "0: no goal yet · 4: written and agreed", "The goal",
            "Write the goal down as the partners agree it.", "Goal", "One or two sentences.", "Agreed by all?",
            "Yes", "Not yet", "What each sector brings", "Pipes", "Government", "Brings it",
            "Ground rules", "Rule", "Honesty", "The right to say no",
        ])
        #expect(file.guide(in: "en") == english && file.guide(in: "de") == english)
        #expect(english.language == "en" && french.language == "fr" && french.languages == ["en", "fr"])
        // What a session remembers and a merge compares is the same in both languages, and so is every id.
        #expect(french.id == english.id && french.edition == english.edition)
        #expect(Session(guide: french, mode: .workshop, name: "Agua").guide
            == Session(guide: english, mode: .workshop, name: "Agua").guide)
        #expect(french.steps.flatMap(\.prompts).map(\.id) == english.steps.flatMap(\.prompts).map(\.id))
        #expect(french.steps.map(\.prompts[0].critical) == [true])
    }

    @Test func sessionsAnsweredInTwoLanguagesOfOneGuideMergeAsOne() throws {
        let file = try twoLanguages
        let english = file.guide(in: nil)
        let french = file.guide(in: "fr")
        var workshop = Session(guide: english, mode: .workshop, name: "Agua")
        workshop.answers["w1.q1"] = Answer(rating: .stage(.partial), notes: "Almost")
        var partner = Session(selfAssessmentFor: workshop, organisation: "Mairie", sector: .government)
        partner.answers["w1.q1"] = Answer(rating: .stage(.inPlace), notes: "Oui, écrit")
        let inputs = [workshop, partner].enumerated().map { index, session in
            MergeInput(path: "s\(index)", contents: .success(SessionFileContents(session: session, version: 2,
                                                                                 olderOriginal: nil)))
        }
        let merged = try #require(try SessionMerge.merge(inputs, guide: french).output)
        #expect(merged.participants.map(\.organisation) == ["Mairie"])
        #expect(merged.answers["w1.q1"]?.voices.values.map(\.note) == ["Oui, écrit"])
    }

    @Test func aGuideFileOfFormatOneOrTwoLoadsAsBeforeSayingNoLanguage() throws {
        let formatOne = try guideFile("usaid-isp-startup-edition-1.json")
        let formatTwo = try guideFile("usaid-isp-startup-edition-2-format-2.json")
        #expect(formatOne.languages == [] && formatTwo.languages == [])
        let one = formatOne.guide(in: "fr")
        let two = formatTwo.guide(in: "fr")
        #expect(one.language == nil && one.edition == "1" && one.worksheets == Guide.builtIn.worksheets)
        #expect(two.language == nil && two.edition == "2")
        #expect(two.title == Guide.builtIn.title && two.source == Guide.builtIn.source)
        // Edition 2 of the built-in guide: the same prompts as edition 3, which rewords and adds worksheet fields.
        #expect(two.steps.map { $0.prompts.map(\.id) } == Guide.builtIn.steps.map { $0.prompts.map(\.id) })
        #expect(two.worksheet("s4")?.field("acceptance") != Guide.builtIn.worksheet("s4")?.field("acceptance"))
    }

    @Test func theGuidePrintedIsOfFormatThreeInItsLanguageAndReadsBack() throws {
        let printed = String(decoding: Guide.builtIn.jsonData(), as: UTF8.self)
        #expect(printed.contains("\"version\" : 3") && printed.contains("\"language\" : \"en\""))
        let french = try twoLanguages.guide(in: "fr")
        let reread = try probe.load(String(decoding: french.jsonData(), as: UTF8.self))
        #expect(try texts(reread) == texts(french))
        #expect(reread.language == "fr" && reread.languages == ["fr"])
    }

    @Test func aTranslationMayNotChangeAnIdOrAType() throws {
        let data = try Data(contentsOf: fixture("guides/water-partnership-en-fr-format-3.json"))
        let id = try GuideFileProbe.edited(data) { $0.set("p1", at: "phases.0.steps.0.prompts.0.id::fr") }
        #expect(try probe.loadError(id) == "FILE is not a valid guide: phases[0].steps[0].prompts[0].id::fr "
            + "translates \"id\", which is no text: ids, types and marks are the same in every language.")
        let type = try GuideFileProbe.edited(data) {
            $0.set("text", at: "phases.0.steps.0.worksheet.fields.1.type::fr")
        }
        #expect(try probe.loadError(type) == "FILE is not a valid guide: phases[0].steps[0].worksheet.fields[1]"
            + ".type::fr translates \"type\", which is no text: ids, types and marks are the same in every language.")
    }

    @Test func aTranslationNamesALanguageAndHoldsText() throws {
        let data = try Data(contentsOf: fixture("guides/water-partnership-en-fr-format-3.json"))
        let noCode = try GuideFileProbe.edited(data) { $0.set("Titre", at: "title::") }
        #expect(try probe.loadError(noCode) == "FILE is not a valid guide: title:: names no language code after "
            + "\"::\" (such as \"fr\" or \"pt-BR\").")
        let number = try GuideFileProbe.edited(data) { $0.set(3, at: "phases.0.title::de") }
        #expect(try probe.loadError(number) == "FILE is not a valid guide: phases[0].title::de has the wrong type.")
        let blank = try GuideFileProbe.edited(data) { $0.set(" ", at: "phases.0.steps.0.prompts.0.text::fr") }
        #expect(try probe.loadError(blank)
            == "FILE is not a valid guide in fr: phases[0].steps[0].prompts[0] (w1.q1) has no text.")
    }
}
