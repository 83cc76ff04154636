import Foundation
import ISPFiles
import ISPTestSupport
import Testing

@testable import ISPCore

/// Partners' self-assessments merged into one workshop: who becomes which participant, what is kept, what is refused.
@Suite struct MergeTests {
    let monday = Date(timeIntervalSince1970: 1_800_000_000)
    let tuesday = Date(timeIntervalSince1970: 1_800_086_400)
    let wednesday = Date(timeIntervalSince1970: 1_800_172_800)
    /// A workshop with a participant of its own, a consensus with its reason, group notes and a record.
    let workshop: Session

    init() {
        var session = Session(guide: .builtIn, mode: .workshop, name: "Youth Jobs", now: monday)
        session.partnership.focalIssue = "Jóvenes sin empleo"
        session.round = 2
        session.facilitator = "Ana"
        session.participants = [
            Participant(id: "ana", name: "Ana Núñez", organisation: "Municipio", sector: .government),
        ]
        session.answers["s1.q1"] = Answer(rating: .stage(.inPlace), notes: "We agreed", reason: "After a long talk",
                                          voices: ["ana": Voice(rating: .stage(.inPlace), note: "Yes")])
        session.records = ["stakeholders": .array([.string("Municipio")])]
        workshop = session
    }

    /// A partner's self-assessment of `workshop`, answered, last changed at `updated`.
    func selfAssessment(_ organisation: String, _ sector: Sector, of workshop: Session, updated: Date,
                        answers: [String: Answer]) -> Session {
        var session = Session(selfAssessmentFor: workshop, organisation: organisation, sector: sector, now: monday)
        session.answers = answers
        session.updatedAt = updated
        return session
    }

    func file(_ session: Session) -> SessionFileContents {
        SessionFileContents(session: session, version: 2, olderOriginal: nil)
    }

    func input(_ name: String, _ session: Session) -> MergeInput {
        MergeInput(path: name, contents: .success(file(session)))
    }

    /// The real version-1 self-assessment (Asociación Ñandú 合作社, civil society), changed as `edit` says.
    func versionOneSelfAssessment(in folder: TemporaryFolder, named name: String,
                                  _ edit: (inout [String: Any]) -> Void = { _ in }) throws -> MergeInput {
        let data = try Data(contentsOf: fixture("sessions/v1/v1-self-assessment.isp.json"))
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        edit(&json)
        let path = try folder.write(name, try JSONSerialization.data(withJSONObject: json))
        return MergeInput.read(path)
    }

    func actions(_ result: MergeResult) -> [MergeAction] { result.entries.map(\.action) }

    @Test func aMergeSaysWhichQuestionsChangedStatusAndWhichStepsMoved() throws {
        var base = workshop
        base.answers["s7.d1"] = Answer(voices: ["ana": Voice(rating: .notApplicable)])
        base.answers["s7.d2"] = Answer(voices: ["ana": Voice(rating: .dontKnow)])
        let partner = selfAssessment("Banco Sol", .business, of: base, updated: tuesday, answers: [
            "s7.d1": Answer(rating: .stage(.inPlace)), "s7.d2": Answer(rating: .stage(.partial)),
            "s7.d3": Answer(rating: .stage(.emerging)), "s7.d6": Answer(rating: .stage(.partial)),
        ])
        let result = try SessionMerge.merge([input("w.isp.json", base), input("sol.isp.json", partner)],
                                            guide: .builtIn, now: wednesday)
        #expect(result.readinessLines(in: .english) == [
            "What the merge changed in the readiness:",
            "  Step 7 Q1: n/a Not applicable → 3, 1 of 2 rated, no consensus yet: How will the partnership continue "
                + "after outside resources ha…",
            "  Step 7 Q2: ? Don't know → 2, 1 of 2 rated, no consensus yet: What new resources and wider "
                + "participation would continuing …",
            "  Step 7 Institutionalize and/or Expand Successful ISPs: Insufficient answers, 0 of 5 rated → 2.0 "
                + "Developing, 4 of 6 rated",
        ])
        // Without a workshop to start from, nothing was there to change.
        let fresh = try SessionMerge.merge([input("sol.isp.json", partner)], guide: .builtIn, now: wednesday)
        #expect(fresh.output != nil && fresh.readinessLines(in: .english).isEmpty)
        // Merged again, the same file changes nothing.
        let again = try SessionMerge.merge([input("sol.isp.json", partner)],
                                           updating: ("w.isp.json", file(try #require(result.output))),
                                           guide: .builtIn, now: wednesday)
        #expect(again.readinessLines(in: .english).isEmpty)
    }

    @Test func aSelfAssessmentForAWorkshopSharesItsPartnershipAndGuideWithAnIdOfItsOwn() {
        let base = workshop
        let partner = Session(selfAssessmentFor: base, organisation: "Banco Sol", sector: .business, now: tuesday)
        #expect(partner.mode == .selfAssessment)
        #expect(partner.partnershipID == base.partnershipID && partner.round == 2)
        #expect(partner.partnership == base.partnership && partner.guide == base.guide)
        #expect(partner.organisation == "Banco Sol" && partner.sector == .business)
        #expect(partner.participantID != base.participantID)
        #expect(partner.answers.isEmpty && partner.participants.isEmpty && partner.records.isEmpty)
        #expect(partner.createdAt == tuesday)
    }

    @Test func eachSelfAssessmentBecomesAParticipantWithItsIdOrganisationSectorRatingsAndNotes() throws {
        let nandu = selfAssessment("Asociación Ñandú", .civilSociety, of: workshop, updated: monday, answers: [
            "s1.q1": Answer(rating: .stage(.partial), notes: "Vemos avances"), "s1.q2": Answer(rating: .dontKnow),
            "s1.q3": Answer(),
        ])
        let banco = selfAssessment("Banco Sol", .business, of: workshop, updated: monday,
                                   answers: ["s1.q1": Answer(rating: .stage(.institutionalised), notes: "Listo")])
        let result = try SessionMerge.merge([input("nandu", nandu), input("banco", banco)], guide: .builtIn,
                                            now: wednesday)
        let output = try #require(result.output)
        let expected = [
            Participant(id: nandu.participantID, organisation: "Asociación Ñandú", sector: .civilSociety,
                        selfAssessmentUpdatedAt: monday),
            Participant(id: banco.participantID, organisation: "Banco Sol", sector: .business,
                        selfAssessmentUpdatedAt: monday),
        ]
        #expect(output.participants == expected)
        #expect(actions(result) == expected.map(MergeAction.added))
        #expect(result.entries.map { $0.line(in: .english) } == [
            "Merged nandu as a new participant: Asociación Ñandú (Civil society).",
            "Merged banco as a new participant: Banco Sol (Business).",
        ])
        // A new workshop of the first file's partnership: no consensus, only voices; an empty answer is no voice.
        #expect(output.mode == .workshop && output.partnershipID == nandu.partnershipID && output.round == 2)
        #expect(output.partnership == nandu.partnership && output.guide == nandu.guide)
        #expect(output.updatedAt == wednesday)
        #expect(output.answers == [
            "s1.q1": Answer(voices: [nandu.participantID: Voice(rating: .stage(.partial), note: "Vemos avances"),
                                     banco.participantID: Voice(rating: .stage(.institutionalised), note: "Listo")]),
            "s1.q2": Answer(voices: [nandu.participantID: Voice(rating: .dontKnow)]),
        ])
    }

    @Test func theWorkshopBasesConsensusNotesRecordsAndOtherParticipantsAreKept() throws {
        let base = workshop
        let banco = selfAssessment("Banco Sol", .business, of: base, updated: monday,
                                   answers: ["s1.q1": Answer(rating: .stage(.emerging), notes: "No")])
        let result = try SessionMerge.merge([input("banco", banco), input("workshop", base)], guide: .builtIn,
                                            now: wednesday)
        #expect(result.entries.map { $0.line(in: .english) } == [
            "Merged banco as a new participant: Banco Sol (Business).",
            "Base: workshop, a workshop with 1 participant.",
        ])
        var expected = base
        expected.participants.append(Participant(id: banco.participantID, organisation: "Banco Sol", sector: .business,
                                                 selfAssessmentUpdatedAt: monday))
        expected.answers["s1.q1"]?.voices[banco.participantID] = Voice(rating: .stage(.emerging), note: "No")
        expected.updatedAt = wednesday
        #expect(result.output == expected)
    }

    @Test func aPartnerOfAnOrganisationAlreadyInTheRoomIsASecondVoiceAndTheLineSaysSo() throws {
        let municipio = selfAssessment("MUNICIPIO", .government, of: workshop, updated: monday,
                                       answers: ["s1.q1": Answer(rating: .stage(.partial))])
        let result = try SessionMerge.merge([input("workshop", workshop), input("municipio", municipio)],
                                            guide: .builtIn, now: wednesday)
        #expect(result.entries.last?.line(in: .english)
            == "Merged municipio as a new participant: MUNICIPIO (Government). The "
                + "workshop already has Ana Núñez (Government) of the same organisation: both are kept, as two voices.")
        #expect(result.output?.participants.count == 2)
    }

    @Test func mergingTheSameFileAgainReplacesItsAnswersWhenNewerAndNeverAddsASecondCopy() throws {
        let base = workshop
        var nandu = selfAssessment("Asociación Ñandú", .civilSociety, of: base, updated: monday, answers: [
            "s1.q1": Answer(rating: .stage(.partial), notes: "Vemos avances"),
            "s2.q1": Answer(rating: .stage(.emerging)),
        ])
        let first = try #require(try SessionMerge.merge([input("w", base), input("nandu", nandu)], guide: .builtIn)
            .output)
        nandu.answers = ["s1.q1": Answer(rating: .stage(.inPlace), notes: "Mejor")]
        nandu.updatedAt = tuesday
        let result = try SessionMerge.merge([input("nandu", nandu)], updating: ("w", file(first)), guide: .builtIn)
        let output = try #require(result.output)
        let participant = Participant(id: nandu.participantID, organisation: "Asociación Ñandú", sector: .civilSociety,
                                      selfAssessmentUpdatedAt: tuesday)
        #expect(actions(result) == [.replaced(participant)])
        #expect(result.entries[0].line(in: .english)
            == "Replaced the answers of Asociación Ñandú (Civil society) with nandu, which is newer.")
        #expect(output.participants == base.participants + [participant])
        #expect(output.answers["s1.q1"]?.voices[nandu.participantID] == Voice(rating: .stage(.inPlace), note: "Mejor"))
        // The answer it no longer gives is gone, and with it the prompt's entry, which held nothing else.
        #expect(output.answers["s2.q1"] == nil)
        #expect(output.answers["s1.q1"]?.voices["ana"] == base.answers["s1.q1"]?.voices["ana"])
        #expect(output.answers["s1.q1"]?.rating == .stage(.inPlace) && output.answers["s1.q1"]?.notes == "We agreed")
    }

    @Test func aPartnersNewerAnswersInTheNextRoundAreItsVoicesAsIfTypedAndNoLongerCarriedOver() throws {
        var lastRound = workshop
        lastRound.participants.append(Participant(id: "sol", organisation: "Banco Sol", sector: .business,
                                                  selfAssessmentUpdatedAt: monday))
        lastRound.answers["s1.q1"]?.voices["sol"] = Voice(rating: .stage(.partial))
        lastRound.answers["s1.q2"] = Answer(rating: .stage(.emerging),
                                            voices: ["sol": Voice(rating: .stage(.emerging), note: "Poco")])
        lastRound.answers["s1.q3"] = Answer(rating: .stage(.partial))
        lastRound.answers["s1.q4"] = Answer(rating: .stage(.inPlace))
        let base = Session(nextRoundOf: lastRound, now: tuesday)
        var sol = selfAssessment("Banco Sol", .business, of: base, updated: wednesday, answers: [
            "s1.q1": Answer(rating: .stage(.inPlace), notes: "Mejor"),
            "s1.q3": Answer(rating: .stage(.emerging)),
            "s2.q1": Answer(reason: "Nothing a voice keeps"),
        ])
        sol.participantID = "sol"
        let output = try #require(try SessionMerge.merge([input("sol", sol)], updating: ("w", file(base)),
                                                         guide: .builtIn).output)

        // The same voices given by keys: changed, rated, and cleared where the newer file no longer answers.
        var typed = base
        let changes: [SessionChange] = [
            .rateVoice(promptID: "s1.q1", participantID: "sol", .stage(.inPlace)),
            .setVoiceNote(promptID: "s1.q1", participantID: "sol", "Mejor"),
            .rateVoice(promptID: "s1.q2", participantID: "sol", nil),
            .setVoiceNote(promptID: "s1.q2", participantID: "sol", ""),
            .rateVoice(promptID: "s1.q3", participantID: "sol", .stage(.emerging)),
        ]
        for change in changes { typed.apply(change, guide: .builtIn) }
        #expect(output.answers == typed.answers)
        #expect(output.answers["s1.q2"] == Answer(rating: .stage(.emerging)))
        #expect(output.answers["s2.q1"] == nil)
        // The one answer no partner touched is still to be confirmed.
        #expect(output.answers.filter(\.value.isCarriedOver).map(\.key) == ["s1.q4"])
    }

    @Test func anOlderOrUnchangedFileIsSkippedAndNothingIsWrittenForIt() throws {
        let base = workshop
        var nandu = selfAssessment("Asociación Ñandú", .civilSociety, of: base, updated: tuesday,
                                   answers: ["s1.q1": Answer(rating: .stage(.partial))])
        let first = try #require(try SessionMerge.merge([input("w", base), input("nandu", nandu)], guide: .builtIn)
            .output)
        let same = try SessionMerge.merge([input("nandu", nandu)], updating: ("w", file(first)), guide: .builtIn)
        nandu.updatedAt = monday
        nandu.answers = [:]
        let older = try SessionMerge.merge([input("old", nandu)], updating: ("w", file(first)), guide: .builtIn)
        for result in [same, older] {
            #expect(result.output == nil)
            guard case .skipped(let participant) = result.entries[0].action else {
                Issue.record("not skipped: \(result.entries)")
                continue
            }
            #expect(participant.id == nandu.participantID && participant.selfAssessmentUpdatedAt == tuesday)
        }
        #expect(older.entries[0].line(in: .english)
            == "Skipped old: it is not newer than the answers of Asociación Ñandú "
            + "(Civil society) merged before.")
    }

    @Test func theNewerOfTwoCopiesInOneMergeWinsWhicheverComesFirst() throws {
        var older = selfAssessment("Banco Sol", .business, of: workshop, updated: monday,
                                   answers: ["s1.q1": Answer(rating: .stage(.emerging))])
        var newer = older
        newer.updatedAt = tuesday
        newer.answers = ["s1.q1": Answer(rating: .stage(.inPlace))]
        for inputs in [[input("old", older), input("new", newer)], [input("new", newer), input("old", older)]] {
            let output = try #require(try SessionMerge.merge(inputs, guide: .builtIn).output)
            #expect(output.participants.count == 1)
            #expect(output.answers["s1.q1"]?.voices[newer.participantID]?.rating == .stage(.inPlace))
        }
        older.participantID = "another"
        #expect(try SessionMerge.merge([input("old", older), input("new", newer)], guide: .builtIn).output?
            .participants.count == 2)
    }

    @Test func aPartnerFileUnderTheIdOfSomeoneInTheRoomIsRefusedAndWithForceAddedUnderANewId() throws {
        var banco = selfAssessment("Banco Sol", .business, of: workshop, updated: monday,
                                   answers: ["s1.q1": Answer(rating: .stage(.emerging), notes: "No")])
        banco.participantID = "ana"
        let inputs = [input("w", workshop), input("banco", banco)]
        let refused = try SessionMerge.merge(inputs, guide: .builtIn)
        #expect(refused.output == nil)
        #expect(refused.entries.map { $0.line(in: .english) } == [
            "Base: w, a workshop with 1 participant.",
            "Refused: banco, Banco Sol (Business), has the participant id of Ana Núñez (Government), who came from no "
                + "self-assessment; add --force to merge it as a new participant.",
        ])

        let forced = try SessionMerge.merge(inputs, guide: .builtIn, force: true, now: wednesday)
        let output = try #require(forced.output)
        let added = try #require(output.participants.last)
        try #require(added.id != "ana")
        #expect(output.participants == workshop.participants + [
            Participant(id: added.id, organisation: "Banco Sol", sector: .business, selfAssessmentUpdatedAt: monday),
        ])
        #expect(forced.entries[1].forced.map(\.english) == ["under the participant id of Ana Núñez (Government)"])
        #expect(forced.entries[1].line(in: .english)
            == "Merged banco as a new participant: Banco Sol (Business). Merged with "
            + "--force, though it is under the participant id of Ana Núñez (Government); it has a new id.")
        // Ana keeps her own rating and note; Banco Sol's are its own.
        #expect(output.answers["s1.q1"]?.voices == ["ana": Voice(rating: .stage(.inPlace), note: "Yes"),
                                                    added.id: Voice(rating: .stage(.emerging), note: "No")])
        // Merged again with --force, the file finds the participant it became.
        let again = try SessionMerge.merge([input("banco", banco)], updating: ("w", file(output)), guide: .builtIn,
                                           force: true)
        #expect(actions(again) == [.skipped(added)])
    }

    @Test func aFileSharingAPartnersIdIsRefusedWhenOfAnotherOrganisationOrSectorAndWithForceAddedUnderANewId() throws {
        let nandu = selfAssessment("Asociación Ñandú", .civilSociety, of: workshop, updated: monday,
                                   answers: ["s1.q1": Answer(rating: .stage(.partial))])
        // Copies of Ñandú's file, answered by other partners instead of files made with `new --for`.
        var copy = nandu
        copy.organisation = "Banco Sol"
        copy.sector = .business
        copy.updatedAt = tuesday
        copy.answers = ["s1.q1": Answer(rating: .stage(.emerging))]
        var donor = nandu
        donor.sector = .donor
        donor.updatedAt = tuesday
        let inputs = [input("nandu", nandu), input("copy", copy), input("donor", donor)]
        let refused = try SessionMerge.merge(inputs, guide: .builtIn)
        #expect(refused.entries.map { $0.line(in: .english) } == [
            "Merged nandu as a new participant: Asociación Ñandú (Civil society).",
            "Refused: copy, Banco Sol (Business), has the participant id of Asociación Ñandú (Civil society), of "
                + "another organisation; add --force to merge it as a new participant.",
            "Refused: donor, Asociación Ñandú (Donor), has the participant id of Asociación Ñandú (Civil society), of "
                + "another sector; add --force to merge it as a new participant.",
        ])
        #expect(refused.output?.participants.count == 1)
        #expect(refused.output?.answers["s1.q1"]?.voices == [nandu.participantID: Voice(rating: .stage(.partial))])

        let forced = try SessionMerge.merge(inputs, guide: .builtIn, force: true)
        let output = try #require(forced.output)
        #expect(output.participants.map(\.organisation) == ["Asociación Ñandú", "Banco Sol", "Asociación Ñandú"])
        #expect(output.participants.map(\.sector) == [.civilSociety, .business, .donor])
        #expect(output.participants[0].id == nandu.participantID && Set(output.participants.map(\.id)).count == 3)
        #expect(output.answers["s1.q1"]?.voices[nandu.participantID] == Voice(rating: .stage(.partial)))
        #expect(forced.entries[1].line(in: .english)
            == "Merged copy as a new participant: Banco Sol (Business). Merged with "
            + "--force, though it is under the participant id of Asociación Ñandú (Civil society); it has a new id.")

        // The same organisation with other case, accents and spaces is the same partner, as in the register.
        var respelled = nandu
        respelled.organisation = "ASOCIACION  nandu"
        respelled.updatedAt = tuesday
        let replaced = try SessionMerge.merge([input("nandu", nandu), input("respelled", respelled)], guide: .builtIn)
        #expect(replaced.entries.last?.line(in: .english)
            == "Replaced the answers of Asociación Ñandú (Civil society) with respelled, which is newer.")
    }

    @Test func theRefusalOfAFileUnderAnothersIdShowsBothNamesControlCharactersVisibly() throws {
        var base = workshop
        base.participants[0].name = "Ana\u{1B}]0;owned\u{07}"
        var banco = selfAssessment("Banco\u{1B}[2J Sol", .business, of: base, updated: monday, answers: [:])
        banco.participantID = "ana"
        let result = try SessionMerge.merge([input("w", base), input("banco", banco)], guide: .builtIn)
        #expect(result.entries.last?.line(in: .english)
            == "Refused: banco, Banco^[[2J Sol (Business), has the participant id of "
            + "Ana^[]0;owned^G (Government), who came from no self-assessment; add --force to merge it as a new "
            + "participant.")
    }

    @Test func versionOneFilesKeepTheirDerivedIdAndAreMatchedByOrganisationAndSectorIgnoringCaseAndSpaces() throws {
        let folder = TemporaryFolder()
        let original = try versionOneSelfAssessment(in: folder, named: "v1.isp.json")
        let contents = try original.contents.get()
        // A workshop of another id: a version-1 file, which has none, is matched by the partnership's name.
        var base = workshop
        base.partnership.name = "青年就业伙伴关系  youth JOBS"
        let first = try SessionMerge.merge([original], updating: ("w", file(base)), guide: .builtIn, now: wednesday)
        let merged = try #require(first.output)
        let participant = try #require(merged.participants.last)
        #expect(participant == Participant(id: contents.session.participantID, organisation: "Asociación Ñandú 合作社",
                                           sector: .civilSociety, selfAssessmentUpdatedAt: contents.session.updatedAt))
        #expect(merged.answers["s1.q1"]?.voices[participant.id]?.note == contents.session.answers["s1.q1"]?.notes)

        // Another file of the same organisation, started anew (so another derived id), written later.
        let again = try versionOneSelfAssessment(in: folder, named: "again.isp.json") { json in
            json["organisation"] = "  asociación ñandú合作社 "
            json["createdAt"] = "2026-12-01T00:00:00Z"
            json["updatedAt"] = "2026-12-02T00:00:00Z"
            json["answers"] = ["s7.d1": ["rating": "3", "notes": "新"]]
        }
        #expect(try again.contents.get().session.participantID != participant.id)
        let second = try SessionMerge.merge([again], updating: ("w", file(merged)), guide: .builtIn)
        let output = try #require(second.output)
        #expect(output.participants.count == merged.participants.count)
        #expect(output.answers["s7.d1"]?.voices == [participant.id: Voice(rating: .stage(.inPlace), note: "新")])
        #expect(output.answers["s1.q1"]?.voices[participant.id] == nil)

        // The same organisation in another sector is another participant.
        let donor = try versionOneSelfAssessment(in: folder, named: "donor.isp.json") { json in
            json["sector"] = "donor"
            json["createdAt"] = "2026-12-03T00:00:00Z"
        }
        let third = try SessionMerge.merge([donor], updating: ("w", file(output)), guide: .builtIn)
        #expect(third.output?.participants.count == output.participants.count + 1)
    }

    @Test func anotherPartnershipIsRefusedUnlessForced() throws {
        let folder = TemporaryFolder()
        let base = workshop
        var stranger = selfAssessment("Banco Sol", .business, of: base, updated: monday,
                                      answers: ["s1.q1": Answer(rating: .stage(.partial))])
        stranger.partnershipID = "another"
        let versionOne = try versionOneSelfAssessment(in: folder, named: "v1.isp.json")
        let inputs = [input("w", base), input("stranger", stranger), versionOne]
        let refused = try SessionMerge.merge(inputs, guide: .builtIn)
        #expect(refused.output == nil)
        #expect(refused.entries.map { $0.line(in: .english) } == [
            "Base: w, a workshop with 1 participant.",
            "Refused: stranger belongs to another partnership than w (both are named \"Youth Jobs\", but their ids "
                + "differ); add --force to merge it anyway.",
            "Refused: \(versionOne.path) belongs to another partnership than w (\"青年就业伙伴关系 Youth Jobs\", not "
                + "\"Youth Jobs\"); add --force to merge it anyway.",
        ])
        let forced = try SessionMerge.merge(inputs, guide: .builtIn, force: true)
        #expect(forced.output?.participants.count == 3)
        #expect(forced.entries[1].forced.map(\.english) == ["of another partnership"])
        #expect(forced.entries[1].line(in: .english)
            == "Merged stranger as a new participant: Banco Sol (Business). Merged with "
            + "--force, though it is of another partnership.")
    }

    @Test func anotherGuideIsRefusedUnlessForcedAndAnotherEditionIsMergedKeepingAndListingUnknownPrompts() throws {
        let base = workshop
        var otherGuide = selfAssessment("Banco Sol", .business, of: base, updated: monday,
                                        answers: ["x.q1": Answer(rating: .stage(.partial))])
        otherGuide.guide = GuideReference(id: "another-guide", edition: "1")
        var nextEdition = selfAssessment("Asociación Ñandú", .civilSociety, of: base, updated: monday, answers: [
            "s1.q1": Answer(rating: .stage(.partial)), "s8.q2": Answer(notes: "nuevo"),
            "s8.q1": Answer(rating: .dontKnow),
        ])
        nextEdition.guide.edition = "2"
        let inputs = [input("w", base), input("other", otherGuide), input("next", nextEdition)]
        let result = try SessionMerge.merge(inputs, guide: .builtIn)
        #expect(result.entries[1].line(in: .english)
            == "Refused: other was answered with another guide than w (\"another-guide\", "
            + "not \"usaid-isp-startup\"); add --force to merge it anyway.")
        #expect(result.entries[2].unknownPrompts == ["s8.q1", "s8.q2"])
        #expect(result.entries[2].line(in: .english)
            == "Merged next as a new participant: Asociación Ñandú (Civil society). Kept "
            + "its answers to 2 prompts the guide lacks: s8.q1, s8.q2.")
        #expect(result.output?.answers["s8.q2"]?.voices[nextEdition.participantID]?.note == "nuevo")
        #expect(result.output?.guide == base.guide)

        let forced = try SessionMerge.merge(inputs, guide: .builtIn, force: true)
        #expect(forced.entries[1].forced.map(\.english) == ["answered with another guide"])
        #expect(forced.entries[1].line(in: .english)
            == "Merged other as a new participant: Banco Sol (Business). Merged with "
            + "--force, though it is answered with another guide. Kept its answer to 1 prompt the guide lacks: x.q1.")
    }

    @Test func aSecondWorkshopAndUnreadableFilesAreRefusedInTheirPlace() throws {
        let base = workshop
        var second = workshop
        second.participants = []
        let banco = selfAssessment("Banco Sol", .business, of: base, updated: monday,
                                   answers: ["s1.q1": Answer(rating: .stage(.partial))])
        let broken = MergeInput(path: "broken", contents: .failure(FileError("broken is corrupt or truncated.")))
        let result = try SessionMerge.merge([broken, input("w", base), input("w2", second), input("banco", banco)],
                                            guide: .builtIn)
        #expect(result.entries.map { $0.line(in: .english) } == [
            "Refused: broken is corrupt or truncated.",
            "Base: w, a workshop with 1 participant.",
            "Refused: w2 is a second workshop file; a merge takes one workshop, w, and self-assessments.",
            "Merged banco as a new participant: Banco Sol (Business).",
        ])
        let nothing = try SessionMerge.merge([broken], guide: .builtIn)
        #expect(nothing.output == nil)
        #expect(nothing.entries.map { entry -> String? in
            if case .refused(let reason) = entry.action { reason.english } else { nil }
        } == ["broken is corrupt or truncated."])
    }

    @Test func theBaseMustBeAWorkshopAnsweredWithTheGuideInUse() throws {
        let banco = selfAssessment("Banco Sol", .business, of: workshop, updated: monday, answers: [:])
        #expect(throws: FileError("banco is a self-assessment, not a workshop, so it cannot be updated with merged "
                                      + "partners; give a new file to --output instead.")) {
            try SessionMerge.merge([input("w", workshop)], updating: ("banco", file(banco)), guide: .builtIn)
        }
        var translated = Guide.builtIn
        translated.id = "traduccion"
        #expect(throws: FileError("w was answered with the guide \"usaid-isp-startup\", not \"traduccion\" in use; "
                                      + "give its guide with --guide FILE, or add --force.")) {
            try SessionMerge.merge([input("w", workshop), input("banco", banco)], guide: translated)
        }
        #expect(try SessionMerge.merge([input("w", workshop)], guide: translated, force: true).output == nil)
    }
}
