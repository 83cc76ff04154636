import Foundation
import Messages
import Testing

@testable import ISPCore

/// A workshop session of the built-in guide whose records are the JSON given, by worksheet id.
func session(records json: String, ratings: [String: String] = [:]) throws -> Session {
    var session = Session(guide: .builtIn, name: "Agua")
    session.records = try JSONDecoder().decode([String: JSONValue].self, from: Data(json.utf8))
    for (promptID, code) in ratings { session.answers[promptID] = Answer(rating: Rating(code: code)) }
    return session
}

/// The readiness model's "Records and their flags", at their edges.
@Suite struct RecordFlagsTests {
    let today = CalendarDate(year: 2027, month: 3, day: 10)!

    func flags(_ json: String, ratings: [String: String] = [:], guide: Guide = .builtIn) throws -> [RecordFlag] {
        PartnershipRecords(guide: guide, session: try session(records: json, ratings: ratings)).flags(today: today)
    }

    func messages(_ json: String, ratings: [String: String] = [:]) throws -> [String] {
        try flags(json, ratings: ratings).map { Language.english.text($0.statement) }
    }

    /// An action plan of one action with these cells besides its text.
    func plan(_ cells: String) -> String {
        #"{"s6": {"actions": [{"id": "a1", "action": "Survey the wells", \#(cells)}]}}"#
    }

    let owned = #""ownerPerson": "Ana""#

    @Test func anActionDueTodayIsNotOverdueOneDueYesterdayIs() throws {
        #expect(try messages(plan(#"\#(owned), "due": "2027-03-10", "status": "planned""#)) == [])
        #expect(try messages(plan(#"\#(owned), "due": "2027-03-11", "status": "planned""#)) == [])
        #expect(try messages(plan(#"\#(owned), "due": "2027-03-09", "status": "in-progress""#)) == [
            "Action 1, “Survey the wells”, was due on 2027-03-09 and is neither done nor dropped "
                + "(status: In progress).",
        ])
        let flag = try #require(try flags(plan(#"\#(owned), "due": "2026-12-31""#)).first)
        #expect(flag.kind == .actionOverdue && flag.actionID == "a1")
        #expect(Language.english.text(flag.statement)
                    == "Action 1, “Survey the wells”, was due on 2026-12-31 and is neither done nor dropped "
                    + "(no status).")
    }

    @Test func aDoneOrDroppedActionIsNeverOverdue() throws {
        for status in ["done", "dropped"] {
            #expect(try messages(plan(#"\#(owned), "due": "2020-01-01", "status": "\#(status)""#)) == [])
        }
    }

    @Test func aDateThatIsNotADateCountsAsNoDueDateAndSaysSoAndIsNeverOverdue() throws {
        let invalid = try flags(plan(#"\#(owned), "due": {"typed": "2027-02-30"}, "status": "planned""#))
        #expect(invalid.map { Language.english.text($0.statement) } == [
            "Action 1, “Survey the wells”, has no due date: “2027-02-30” is not a date.",
        ])
        #expect(invalid.first?.kind == .actionIncomplete && invalid.first?.missing == ["due-date"])
        #expect(try messages(plan(owned)) == ["Action 1, “Survey the wells”, has no due date."])
    }

    @Test func anOwnerPersonAloneOrAnOwnerOrganisationAloneIsAnOwner() throws {
        #expect(try messages(plan(#""ownerPerson": "Ana", "due": "2027-04-01""#)) == [])
        #expect(try messages(plan(#""ownerOrganisation": {"name": "Municipio"}, "due": "2027-04-01""#)) == [])
        // A reference to a register row that is gone still names its copy.
        let gone = plan(#""ownerOrganisation": {"id": "gone", "name": "Banco"}, "due": "2027-04-01""#)
        #expect(try messages(gone) == [])
        // Blank names are no owner.
        let blank = try flags(plan(#""ownerPerson": "  ", "ownerOrganisation": {"name": ""}, "due": "2027-04-01""#))
        #expect(blank.map { Language.english.text($0.statement) } == [
            "Action 1, “Survey the wells”, has no owner: neither an organisation nor a person.",
        ])
        #expect(blank.first?.missing == ["owner"])
    }

    @Test func anActionWithNothingButItsTextLacksBothInOneFlag() throws {
        #expect(try messages(plan(#""status": "planned""#)) == [
            "Action 1, “Survey the wells”, has no owner and no due date.",
        ])
        #expect(try messages(plan(#""due": {"typed": "soon"}"#)) == [
            "Action 1, “Survey the wells”, has no owner and no due date (neither an organisation nor a person; "
                + "“soon” is not a date).",
        ])
        #expect(try messages(#"{"s6": {"actions": [{"id": "a1"}, {"id": "a2", "action": "Print"}]}}"#) == [
            "Action 1 (no text yet) has no owner and no due date.",
            "Action 2, “Print”, has no owner and no due date.",
        ])
    }

    @Test func aConvenerASectorRefusesOrWasNotAskedIsFlaggedNamingTheSectors() throws {
        let register = #""s2": {"register": [{"id": "r1", "organisation": "Municipio de Cochabamba"}]}"#
        let refused = try flags(#"""
            {\#(register), "s4": {"convener": {"id": "r1", "name": "Municipio"},
             "acceptance": {"government": "yes", "business": "no", "civil-society": "no"}}}
            """#).filter { $0.kind != .sectorMissing }
        #expect(refused.map { Language.english.text($0.statement) } == [
            "Business and Civil society do not accept the convener, Municipio de Cochabamba.",
        ])
        #expect(refused.first?.kind == .convenerNotAccepted && refused.first?.sectors == ["business", "civil-society"])
        let unasked = try flags(#"""
            {"s4": {"convener": "Padre Luis", "acceptance": {"government": "not-asked", "business": "no"}}}
            """#)
        #expect(unasked.map { Language.english.text($0.statement) } == [
            "Business does not accept the convener, Padre Luis.",
            "Government and Civil society have not been asked yet whether they accept the convener, Padre Luis.",
        ])
        #expect(unasked.map(\.kind) == [.convenerNotAccepted, .convenerNotAsked])
        let oneUnasked = try messages(#"""
            {"s4": {"convener": "Padre Luis", "acceptance": {"government": "yes", "business": "yes"}}}
            """#)
        #expect(oneUnasked == ["Civil society has not been asked yet whether it accepts the convener, Padre Luis."])
        #expect(try messages(#"""
            {"s4": {"convener": "Padre Luis",
             "acceptance": {"government": "yes", "business": "yes", "civil-society": "yes"}}}
            """#) == [])
    }

    @Test func withoutANamedConvenerTheAcceptanceIsNotFlagged() throws {
        #expect(try messages(#"{"s4": {"acceptance": {"business": "no"}, "venue": "Casa"}}"#) == [])
        #expect(try messages(#"{"s4": {"convener": {"name": " "}, "acceptance": {"business": "no"}}}"#) == [])
    }

    @Test func aFlagNamesTheSectorsOfTheBuiltInGuideInTheReadersLanguage() throws {
        let flag = try #require(try flags(#"{"s2": {"register": [{"id": "r1", "sector": "government"}]}}"#).first)
        let sectors = Language.pseudo.list([Sector.business, .civilSociety].map { Language.pseudo.text($0.message) },
                                           .or)
        #expect(Language.pseudo.text(flag.statement).contains(sectors))
    }

    @Test func aSectorMissingFromARegisterWithRowsIsFlaggedAnEmptyRegisterIsNot() throws {
        #expect(try messages(#"{"s2": {"register": []}}"#) == [])
        let government = try flags(#"""
            {"s2": {"register": [{"id": "r1", "organisation": "Municipio", "sector": "government"},
             {"id": "r2", "organisation": "USAID", "sector": "donor"}]}}
            """#)
        #expect(government.map { Language.english.text($0.statement) } == [
            "The stakeholder register has no organisation from Business or Civil society.",
        ])
        #expect(government.first?.sectors == ["business", "civil-society"] && government.first?.kind == .sectorMissing)
        #expect(try messages(#"{"s2": {"register": [{"id": "r1"}]}}"#) == [
            "The stakeholder register has no organisation from Government, Business or Civil society.",
        ])
        #expect(try messages(#"""
            {"s2": {"register": [{"id": "r1", "sector": "government"}, {"id": "r2", "sector": "business"},
             {"id": "r3", "sector": "civil-society"}]}}
            """#) == [])
    }

    @Test func stepSixRatedWithNoGroundRuleAgreedIsFlaggedOnceOneIsAgreedItIsNot() throws {
        let message = "Step 6 is rated, but no ground rule is agreed yet."
        // The guide's four rules, never changed, are not agreed.
        #expect(try messages("{}", ratings: ["s6.q2": "3"]) == [message])
        #expect(try messages("{}") == [])
        // Not applicable and Don't know give no stage: the step is not rated.
        #expect(try messages("{}", ratings: ["s6.q1": "n/a", "s6.q2": "?"]) == [])
        let oneAgreed = #"""
            {"s6": {"groundRules": [{"id": "g1", "rule": "Honesty", "agreed": "agreed"}, {"id": "g2", "rule": "No"}]}}
            """#
        #expect(try messages(oneAgreed, ratings: ["s6.q1": "1"]) == [])
        let noneAgreed = #"{"s6": {"groundRules": [{"id": "g1", "rule": "Honesty", "agreed": "not-agreed"}]}}"#
        #expect(try messages(noneAgreed, ratings: ["s6.q1": "0"]) == [message])
        #expect(try messages(#"{"s6": {"groundRules": []}}"#, ratings: ["s6.q2": "4"]) == [message])
    }

    @Test func theGroundRulesFlagDoesNotFireInASelfAssessment() throws {
        var assessment = try session(records: "{}", ratings: ["s6.q2": "3"])
        assessment.mode = .selfAssessment
        #expect(PartnershipRecords(guide: .builtIn, session: assessment).flags(today: today).isEmpty)
    }

    /// The rating flags only, by prompt id and message.
    func ratingFlags(_ json: String, _ ratings: [String: String]) throws -> [String] {
        try flags(json, ratings: ratings).filter { $0.kind == .ratingAgainstRecords }
            .map { "\($0.promptID ?? ""): \(Language.english.text($0.statement))" }
    }

    @Test func whoConvenesRatedThreeOrMoreIsHeldAgainstTheConvenersAcceptance() throws {
        #expect(try ratingFlags("{}", ["s4.q1": "3"]) == [
            "s4.q1: Step 4 Q1, “Who convenes?”, is rated 3, yet no convener is named.",
        ])
        #expect(try ratingFlags(#"{"s4": {"convener": "Luis", "acceptance": {"government": "yes"}}}"#,
                                ["s4.q1": "4"]) == [
            "s4.q1: Step 4 Q1, “Who convenes?”, is rated 4, yet Business and Civil society have not been asked "
                + "whether they accept the convener.",
        ])
        let everyone = #"""
            {"s4": {"convener": "Luis",
             "acceptance": {"government": "yes", "business": "yes", "civil-society": "yes"}}}
            """#
        #expect(try ratingFlags(everyone, ["s4.q1": "4"]).isEmpty)
        #expect(try ratingFlags("{}", ["s4.q1": "2"]).isEmpty)
    }

    @Test func whoConvenesHeldAgainstTheAcceptanceSaysWhoRefusedAndWhoWasNotAskedEachAsItIs() throws {
        func fact(_ acceptance: String, _ stakeholders: String = "[]") throws -> [String] {
            let records = #"{"s4": {"convener": "Luis", "acceptance": {\#(acceptance)}, "#
                + #""stakeholderAcceptance": \#(stakeholders)}}"#
            let flag = "s4.q1: Step 4 Q1, “Who convenes?”, is rated 3, yet "
            return try ratingFlags(records, ["s4.q1": "3"]).map { $0.replacing(flag, with: "") }
        }
        let asked = #""government": "yes", "civil-society": "yes""#
        #expect(try fact(asked + #", "business": "no""#) == ["Business does not accept the convener."])
        #expect(try fact(#""government": "no", "business": "no", "civil-society": "yes""#)
                    == ["Government and Business do not accept the convener."])
        #expect(try fact(asked + #", "business": "not-asked""#)
                    == ["Business has not been asked whether it accepts the convener."])
        let bank = #"[{"id": "s1", "stakeholder": "Banco", "accepts": "no"}]"#
        let bankAndChurch = #"[{"id": "s1", "stakeholder": "Banco", "accepts": "no"}, {"id": "s2", "stakeholder": "#
            + #""Iglesia", "accepts": "no"}]"#
        #expect(try fact(asked, bank) == ["Banco does not accept the convener and Business has not been asked."])
        #expect(try fact(#""government": "yes""#, bank)
                    == ["Banco does not accept the convener and Business and Civil society have not been asked."])
        #expect(try fact(asked, bankAndChurch)
                    == ["Banco and Iglesia do not accept the convener and Business has not been asked."])
        #expect(try fact(#""government": "yes""#, bankAndChurch)
                    == ["Banco and Iglesia do not accept the convener and Business and Civil society have not been "
                            + "asked."])
    }

    @Test func keyOrganisationsRatedThreeOrMoreIsHeldAgainstTheRegister() throws {
        #expect(try ratingFlags(#"{"s2": {"register": [{"id": "r1", "sector": "government"}]}}"#, ["s2.q3": "3"])
                    == ["s2.q3: Step 2 Q3, “What are the key organizations and who are the key players i…”, is "
                            + "rated 3, yet the register has no organisation from Business or Civil society."])
        let all = #"""
            {"s2": {"register": [{"id": "r1", "sector": "government"}, {"id": "r2", "sector": "business"},
             {"id": "r3", "sector": "civil-society"}]}}
            """#
        #expect(try ratingFlags(all, ["s2.q3": "4"]).isEmpty)
    }

    @Test func theFirstKeyQuestionRatedThreeOrMoreWantsAnAction() throws {
        #expect(try ratingFlags("{}", ["s6.q1": "3"]).count == 1)
        #expect(try ratingFlags(plan(owned), ["s6.q1": "3"]).isEmpty)
    }

    @Test func theAgreedProblemRatedThreeOrMoreWantsItsStatement() throws {
        #expect(try ratingFlags("{}", ["s5.d2": "3"]).map { $0.hasSuffix("the agreed problem statement is empty.") }
                    == [true])
        #expect(try ratingFlags(#"{"s5": {"problem": "Wells run dry in May."}}"#, ["s5.d2": "3"]).isEmpty)
    }

    @Test func aDontKnowMajorityIsNotCrossChecked() throws {
        var room = try session(records: "{}")
        room.participants = (0..<3).map { Participant(id: "p\($0)") }
        room.answers["s4.q1"] = Answer(voices: ["p0": Voice(rating: .stage(.institutionalised)),
                                                "p1": Voice(rating: .dontKnow), "p2": Voice(rating: .dontKnow)])
        #expect(PartnershipRecords(guide: .builtIn, session: room).flags(today: today).isEmpty)
    }

    @Test func anOrganisationNotCommittedAndAFirstMeetingWithoutTrustAreFactsToDiscuss() throws {
        let json = #"""
            {"s2": {"register": [{"id": "r1", "organisation": "AquaPlus", "sector": "business"}]},
             "s4": {"outcome": "no"}, "s5": {"commitments": {"r1": "not-committed"}}}
            """#
        let found = try flags(json).filter { $0.kind != .sectorMissing }
        #expect(found.map { Language.english.text($0.statement) } == [
            "The first meeting's outcome is No: not enough trust and commitment to meet again.",
            "AquaPlus is not committed (step 5).",
        ])
        let committed = #"""
            {"s2": {"register": [{"id": "r1", "organisation": "AquaPlus", "sector": "business"}]},
             "s4": {"outcome": "not-yet"}, "s5": {"commitments": {"r1": "committed"}}}
            """#
        #expect(try flags(committed).filter { $0.kind != .sectorMissing }.isEmpty)
    }

    @Test func aParticipantsMeanRatesTheStepToo() throws {
        var session = try session(records: "{}")
        session.participants = [Participant(id: "p1", name: "Ana")]
        session.answers["s6.q3"] = Answer(voices: ["p1": Voice(rating: .stage(.partial))])
        #expect(PartnershipRecords(guide: .builtIn, session: session).flags(today: today).map(\.kind)
                    == [.groundRulesNotAgreed])
    }

    @Test func theFlagsComeInStepOrder() throws {
        let kinds = try flags(#"""
            {"s2": {"register": [{"id": "r1", "sector": "government"}]},
             "s4": {"convener": "Luis", "acceptance": {"business": "no"}},
             "s6": {"actions": [{"id": "a1", "action": "Meet", "due": "2027-01-01"}]}}
            """#, ratings: ["s6.q1": "2"]).map(\.kind)
        #expect(kinds == [.sectorMissing, .convenerNotAccepted, .convenerNotAsked, .groundRulesNotAgreed,
                          .actionIncomplete, .actionOverdue])
    }

    @Test func aGuideWithoutTheseWorksheetsGivesNoFlags() throws {
        var guide = Guide.builtIn
        for phase in guide.phases.indices {
            for step in guide.phases[phase].steps.indices { guide.phases[phase].steps[step].worksheet = nil }
        }
        let records = #"""
            {"s2": {"register": [{"id": "r1", "sector": "government"}]},
             "s4": {"convener": "Luis", "acceptance": {"business": "no"}},
             "s6": {"actions": [{"id": "a1", "action": "Meet"}]}}
            """#
        #expect(try flags(records, ratings: ["s6.q1": "2"], guide: guide) == [])
        #expect(try flags(records, ratings: ["s6.q1": "2"]).count == 5)
    }
}

/// The cross-checks of edition 3's fields: the mediator, the partners' contributions, and the donor's and the
/// other major stakeholders' acceptance of the convener.
@Suite struct GuideDecisionFlagsTests {
    let today = CalendarDate(year: 2027, month: 3, day: 10)!

    func flags(_ json: String, ratings: [String: String] = [:]) throws -> [RecordFlag] {
        PartnershipRecords(guide: .builtIn, session: try session(records: json, ratings: ratings)).flags(today: today)
    }

    /// The statements of the flags, in English.
    func statements(_ json: String, ratings: [String: String] = [:]) throws -> [String] {
        try flags(json, ratings: ratings).map { Language.english.text($0.statement) }
    }

    /// Every sector accepts Luis as convener, with a register of the three sectors and `more` after them.
    func convened(_ more: String = "", stakeholders: String = "[]", donor: String? = nil) -> String {
        let donorAnswer = donor.map { #", "donor": "\#($0)""# } ?? ""
        return #"""
            {"s2": {"register": [{"id": "r1", "organisation": "Municipio", "sector": "government"},
              {"id": "r2", "organisation": "Banco Sol", "sector": "business"},
              {"id": "r3", "organisation": "Red de Mujeres", "sector": "civil-society"}\#(more)]},
             "s4": {"convener": {"id": "r1", "name": "Municipio"},
                    "acceptance": {"government": "yes", "business": "yes", "civil-society": "yes"\#(donorAnswer)},
                    "stakeholderAcceptance": \#(stakeholders)}}
            """#
    }

    let donorRow = #", {"id": "r4", "organisation": "USAID", "sector": "donor"}"#

    @Test func whoMediatesRatedThreeOrMoreWantsAMediatorNamed() throws {
        let said = try statements("{}", ratings: ["s6.q3": "3"])
        #expect(said.last == "Step 6 Q3, “Who will mediate the inevitable "
                    + "tensions and conflicts that …”, is rated 3, yet no mediator is named.")
        #expect(try flags("{}", ratings: ["s6.q3": "3"]).last?.promptID == "s6.q3")
        #expect(try flags(#"{"s6": {"mediator": "Padre Luis"}}"#, ratings: ["s6.q3": "4"])
                    .filter { $0.kind == .ratingAgainstRecords }.isEmpty)
        #expect(try flags(#"{"s6": {"mediator": {"name": " "}}}"#, ratings: ["s6.q3": "3"]).last?.promptID == "s6.q3")
        #expect(try flags("{}", ratings: ["s6.q3": "2"]).filter { $0.kind == .ratingAgainstRecords }.isEmpty)
    }

    @Test func resourceSharingRatedThreeOrMoreWantsAContribution() throws {
        #expect(try statements("{}", ratings: ["s6.q5": "3"]).last == "Step 6 Q5, “How will resource sharing take "
                    + "place?”, is rated 3, yet no partner's contribution is recorded.")
        // A row with nothing in it is no contribution.
        #expect(try flags(#"{"s6": {"contributions": [{"id": "c1"}]}}"#, ratings: ["s6.q5": "4"]).last?.promptID
                    == "s6.q5")
        let given = #"{"s6": {"contributions": [{"id": "c1", "contribution": "Meter loans"}]}}"#
        #expect(try flags(given, ratings: ["s6.q5": "3"]).filter { $0.kind == .ratingAgainstRecords }.isEmpty)
        #expect(try flags("{}", ratings: ["s6.q5": "2"]).filter { $0.kind == .ratingAgainstRecords }.isEmpty)
    }

    @Test func theDonorIsAskedAboutTheConvenerOnceTheRegisterHasADonor() throws {
        #expect(try statements(convened()) == [])
        #expect(try statements(convened(donorRow)) == [
            "Donor has not been asked yet whether it accepts the convener, Municipio.",
        ])
        #expect(try flags(convened(donorRow)).first?.sectors == ["donor"])
        #expect(try statements(convened(donor: "no")) == ["Donor does not accept the convener, Municipio."])
        #expect(try statements(convened(donor: "not-asked")) == [
            "Donor has not been asked yet whether it accepts the convener, Municipio.",
        ])
        #expect(try statements(convened(donorRow, donor: "yes")) == [])
        #expect(try statements(convened(donorRow), ratings: ["s4.q1": "3"]).last == "Step 4 Q1, “Who convenes?”, is "
                    + "rated 3, yet Donor has not been asked whether it accepts the convener.")
    }

    @Test func aMajorStakeholderIsAskedAboutTheConvenerAsASectorIs() throws {
        let stakeholders = #"""
            [{"id": "s1", "stakeholder": {"id": "r2", "name": "Banco"}, "accepts": "no"},
             {"id": "s2", "stakeholder": "Iglesia", "accepts": "not-asked"}, {"id": "s3", "stakeholder": "Radio"},
             {"id": "s4", "stakeholder": "Cámara", "accepts": "yes"}, {"id": "s5", "accepts": "no"}]
            """#
        let found = try flags(convened(stakeholders: stakeholders), ratings: ["s4.q1": "4"])
        #expect(found.map { Language.english.text($0.statement) } == [
            "Banco Sol does not accept the convener, Municipio.",
            "Iglesia and Radio have not been asked yet whether they accept the convener, Municipio.",
            "Step 4 Q1, “Who convenes?”, is rated 4, yet Banco Sol does not accept the convener and Iglesia and "
                + "Radio have not been asked.",
        ])
        #expect(found.map(\.sectors) == [[], [], []])
        let everyone = #"[{"id": "s1", "stakeholder": "Cámara", "accepts": "yes"}]"#
        #expect(try flags(convened(stakeholders: everyone), ratings: ["s4.q1": "4"]).isEmpty)
    }

    @Test func anotherConvenerClearsTheStakeholdersAnswersButKeepsThemListed() throws {
        var session = try session(records: convened(stakeholders: #"""
            [{"id": "s1", "stakeholder": "Iglesia", "accepts": "yes"}, {"id": "s2", "stakeholder": "Radio"}]
            """#))
        let worksheet = try #require(Guide.builtIn.worksheet("s4"))
        let convener = try #require(session.entries(of: worksheet, in: .builtIn)
            .first { $0.path == PartnershipRecords.convener.path })
        #expect(session.apply(.storeTyped(convener, "Municipio"), guide: .builtIn) == nil)
        #expect(session.apply(.storeTyped(convener, "Padre Luis"), guide: .builtIn) == .acceptanceCleared)
        #expect(session.record(at: PartnershipRecords.acceptance.path) == nil)
        #expect(session.rows(of: PartnershipRecords.stakeholderAcceptance, in: .builtIn).map(\.cells) == [
            ["stakeholder": .string("Iglesia")], ["stakeholder": .string("Radio")],
        ])
    }

    @Test func aDeletedOrganisationKeepsItsNameInTheNewReferencesThatCountedIt() throws {
        var session = try session(records: #"""
            {"s2": {"register": [{"id": "r1", "organisation": "Universidad"}]},
             "s6": {"mediator": {"id": "r1", "name": "Universidad"},
                    "contributions": [{"id": "c1", "partner": {"id": "r1", "name": "Universidad"}}]},
             "s7": {"host": {"id": "r1", "name": "Universidad"}}}
            """#)
        #expect(session.referenceCount(to: "r1") == 3)
        session.apply(.deleteRow(id: "r1", of: PartnershipRecords.register), guide: .builtIn)
        let records = PartnershipRecords(guide: .builtIn, session: session)
        #expect(records.mediatorName == "Universidad" && records.hasContribution == true)
    }
}
