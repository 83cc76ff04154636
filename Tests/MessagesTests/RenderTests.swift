@testable import Messages
import Testing

@Suite struct RenderTests {
    @Test func scaleBandAndSectorWordsRenderInEnglishAsBefore() {
        #expect(render(Message(.stageNotStarted), in: .english) == "Not started")
        #expect(render(Message(.stageInstitutionalised), in: .english) == "Institutionalised")
        #expect(render(Message(.ratingDontKnow), in: .english) == "Don't know")
        #expect(render(Message(.bandInsufficient), in: .english) == "Insufficient answers")
        #expect(render(Message(.sectorCivilSociety), in: .english) == "Civil society")
    }

    @Test func aLanguageIsFoundByItsCodeInAnyCase() throws {
        let french = try #require(Language(code: "FR"))
        #expect(render(Message(.bandReady), in: french) == "Prête")
        #expect(Language(code: "de") == nil)
    }

    @Test func thePseudoLanguageAccentsAndLengthensEveryMessage() {
        #expect(render(Message(.stageNotStarted), in: .pseudo) == "[Ñöţ šţàŕţéð ··]")
        #expect(render(Message(.bandReady), in: .pseudo) == "[Ŕéàðý]")
        #expect(Language(code: "en-xa") == .pseudo)
        #expect(Language.all.map(\.code).contains("en-XA"))
    }

    @Test func thePseudoLanguageKeepsPlaceholdersAndRendersArgumentsUntouched() {
        let pieces = Template.pieces(of: "Saved {name} at {{noon}}")
        #expect(pieces == [.literal("Saved "), .placeholder("name"), .literal(" at {noon}")])
        #expect(Template.placeholders(in: "{count} of {total} rated, {odd brace") == ["count", "total"])
    }

    @Test func aDecimalHasOneDecimalAndTheLanguagesSeparator() {
        #expect(Language.english.decimalSeparator == ".")
        #expect(Language.pseudo.decimalSeparator == ",")
        let mean = Message(.stageNotStarted, ["ignored": .decimal(3.45)])
        #expect(render(mean, in: .english) == "Not started")
    }

    @Test func aScoreWrittenWithoutALanguageRoundsAsARenderedOne() {
        #expect(String(format1: 2.45) == "2.5")
        #expect(String(format1: -0.25) == "-0.3")
        #expect(Language.pseudo.decimal(-0.25) == "-0,3")
    }

    @Test func pluralRulesFollowCLDRForWholeNumbers() {
        let english = PluralRule(languageCode: "en")
        let french = PluralRule(languageCode: "fr")
        #expect([0, 1, 2].map { english?.category(of: $0) } == [.other, .one, .other])
        #expect([0, 1, 2].map { french?.category(of: $0) } == [.one, .one, .other])
        #expect([0, 1, 2].map { PluralRule(languageCode: "pt")?.category(of: $0) } == [.other, .one, .other])
        #expect([0, 1, 2, 1_000_000].map { PluralRule(languageCode: "es")?.category(of: $0) }
                == [.other, .one, .other, .other])
        #expect(PluralRule(languageCode: "de") == nil)
    }
}

/// The rendering of placeholders and plurals, on forms given here until the catalogs hold such messages.
@Suite struct FillTests {
    @Test func theCountChoosesThePluralFormByTheCatalogsRule() {
        let forms = ["{count} question to confirm", "{count} questions to confirm"]
        let english = { (count: Int) in
            fill(Message(.bandReady, ["count": .integer(count)]), forms: forms, rule: .oneIsSingular, in: .english)
        }
        #expect(english(0) == "0 questions to confirm")
        #expect(english(1) == "1 question to confirm")
        #expect(english(2) == "2 questions to confirm")
        let french = ["{count} question à confirmer", "{count} questions à confirmer"]
        let inFrench = { (count: Int) in
            fill(Message(.bandReady, ["count": .integer(count)]), forms: french, rule: .zeroAndOneAreSingular,
                 in: .english)
        }
        #expect(inFrench(0) == "0 question à confirmer")
        #expect(inFrench(2) == "2 questions à confirmer")
    }

    @Test func argumentsOfEveryTypeFillTheirPlaceholders() {
        let note = Message(.bandReady, ["name": .text("Ana {x}"), "mean": .decimal(3.45), "day": .date(
            year: 2026, month: 3, day: 7), "band": .message(Message(.bandNotReady))])
        let text = fill(note, forms: ["{name}: {mean} on {day}, {band}, {missing}"], rule: .oneIsSingular,
                        in: .english)
        #expect(text == "Ana {x}: 3.5 on 2026-03-07, Not ready, {missing}")
    }

    @Test func thePseudoLanguageLeavesArgumentsAndPlaceholdersUnaccented() {
        let text = fill(Message(.bandReady, ["name": .text("Ana")]), forms: ["Saved by {name}"],
                        rule: .oneIsSingular, in: .pseudo)
        #expect(text == "[Ŝàṽéð ƀý Ana ·]")
    }

    @Test func oneDecimalRoundsHalfAwayFromZeroWithTheSeparatorGiven() {
        #expect(MessageArgument.oneDecimal(3.45, separator: ",") == "3,5")
        #expect(MessageArgument.oneDecimal(2, separator: ".") == "2.0")
        #expect(MessageArgument.oneDecimal(-0.25, separator: ".") == "-0.3")
    }
}

@Suite struct ListTests {
    @Test func aListJoinsItsItemsAsTheLanguageDoes() {
        let english = Language.english
        #expect(english.list([]) == "")
        #expect(english.list(["Government"]) == "Government")
        #expect(english.list(["Government", "Business"]) == "Government and Business")
        #expect(english.list(["Government", "Business", "Civil society"]) == "Government, Business and Civil society")
        #expect(english.list(["the rating", "the notes"], .or) == "the rating or the notes")
    }
}
