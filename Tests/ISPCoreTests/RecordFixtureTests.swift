import Foundation
import ISPFiles
import ISPTestSupport
import Messages
import Testing

@testable import ISPCore

/// A session file with records, written through the worksheet screens of the version that introduced them: a
/// register of five, the strengths checklist with a note, a convening plan with a date typed that is not one,
/// and two actions. Every later version must read it the same.
@Suite struct RecordFixtureTests {
    func load() throws -> Session {
        try SessionFile.load(from: fixture("sessions/v2/v2-records.isp.json").path)
    }

    @Test func theRegisterConvenerChecklistAndActionsReadAsTyped() throws {
        let session = try load()
        let register = session.rows(of: PartnershipRecords.register, in: .builtIn)
        #expect(register.map { $0.text("organisation") }
            == ["Ministério da Água", "Câmara de Comércio", "Rede Cidadã", "Donor Trust", "Fundação Ação Já 行动 2"])
        #expect(register.map { $0.cells["sector"]?.string }
            == ["government", "business", "civil-society", "donor", nil])
        #expect(register[0].text("alliances") == "水务局联盟")
        #expect(session.record(at: [.key("s4"), .key("convener")])
            == .object(["id": .string(register[1].id), "name": .string("Câmara de Comércio")]))
        #expect(session.record(at: [.key("s4"), .key("firstMeeting")]).flatMap(DateEntry.init)
            == .invalid("2027-02-30"))
        #expect(session.record(at: [.key("s3"), .key("traits"), .key("gov-accountability"), .key("note")])
            == .string("Seen in the 2019 flood response"))
        let actions = session.rows(of: PartnershipRecords.actions, in: .builtIn)
        #expect(actions.map { $0.text("action") } == ["Map water points", "Hire facilitator"])
        #expect(actions[0].cells["ownerOrganisation"].flatMap(RecordReference.init)?.id == register[0].id)
    }

    @Test func itsFlagsAreTheReadinessModelsFactsToDiscuss() throws {
        let session = try load()
        let flags = PartnershipRecords(guide: .builtIn, session: session)
            .flags(today: try #require(CalendarDate(year: 2026, month: 12, day: 1)))
        #expect(flags.map { Language.english.text($0.statement) } == [
            "Business does not accept the convener, Câmara de Comércio.",
            // Edition 3 asks the donor too: the register has one, so its acceptance is wanted.
            "Civil society and Donor have not been asked yet whether they accept the convener, Câmara de Comércio.",
            "Action 1, “Map water points”, was due on 2026-11-29 and is neither done nor dropped "
                + "(status: In progress).",
            "Action 2, “Hire facilitator”, has no owner and no due date.",
        ])
    }

    @Test func answeredUnderEditionTwoItReadsAsBeforeSaveTheDonorNowAskedAboutTheConvener() throws {
        let session = try load()
        #expect(session.guide.edition == "2")
        let editionTwo = try Guide.load(from: fixture("guides/usaid-isp-startup-edition-2-format-2.json").path)
        let today = try #require(CalendarDate(year: 2026, month: 12, day: 1))
        let before = SummaryReport(guide: editionTwo, session: session, today: today)
        let now = SummaryReport(guide: .builtIn, session: session, today: today)
        #expect(now.summary == before.summary)
        #expect(now.records.filledWorksheets.map(\.id) == before.records.filledWorksheets.map(\.id))
        // Its register holds a donor, whom edition 3 asks about the convener: the one flag that moved.
        let english = { (report: SummaryReport) in report.recordFlags.map { Language.english.text($0.statement) } }
        #expect(english(before).filter { !english(now).contains($0) }
                    == ["Civil society has not been asked yet whether it accepts the convener, Câmara de Comércio."])
        #expect(english(now).filter { !english(before).contains($0) }
                    == ["Civil society and Donor have not been asked yet whether they accept the convener, Câmara de "
                            + "Comércio."])
    }

    @Test func savingItAgainKeepsEveryRecord() throws {
        let session = try load()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID()).isp.json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SessionFile.save(session, to: path)
        #expect(try SessionFile.load(from: path).records == session.records)
    }
}
