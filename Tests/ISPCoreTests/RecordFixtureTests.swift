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

    @Test func savingItAgainKeepsEveryRecord() throws {
        let session = try load()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID()).isp.json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SessionFile.save(session, to: path)
        #expect(try SessionFile.load(from: path).records == session.records)
    }
}
