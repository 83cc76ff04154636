import BallotWire
import Foundation
import Testing

/// Two hundred phones voting at once over real HTTP on 127.0.0.1, each from an address of its own on the loopback
/// network as phones in a room have: every vote is counted and each count is told to the wizard.
@Suite struct ManyVotersTests {
    static let voters = 200
    let question = BallotQuestion(id: "s2.q1", text: "Do the partners share a goal?")

    /// The phones, each at its own address (127.0.1.1 to 127.0.1.200), each with the page and its cookie.
    private func phones(of server: RunningBallotServer) throws -> [Phone] {
        let phones = (1...Self.voters).map { Phone(server, from: "127.0.1.\($0)") }
        let pages = try Phone.atOnce(phones) { $0.getRequest() }
        #expect(pages.allSatisfy { $0.status == 200 })
        #expect(phones.allSatisfy { $0.cookie != nil })
        return phones
    }

    /// The count events of `voters` votes, in the order the server counts them: 1 to 200, a named ballot's with
    /// who has voted so far (in whatever order the phones came), an anonymous one's with nobody.
    private func expectCounts(of server: RunningBallotServer, of participants: Int?) throws {
        var counts: [Int] = []
        var voters: [String] = []
        for _ in 1...Self.voters {
            guard case .count("s2.q1", let votes, participants, let voter, []) = try server.nextEvent() else {
                Issue.record("not a count of s2.q1 of \(participants.map(String.init) ?? "anyone")")
                return
            }
            counts.append(votes)
            if let voter { voters.append(voter) }
        }
        #expect(counts == Array(1...Self.voters))
        #expect(Set(voters) == (participants == nil ? [] : Set((1...Self.voters).map { "p\($0)" })))
    }

    @Test(.timeLimit(.minutes(1))) func twoHundredNamedParticipantsVoteAtOnce() throws {
        let server = try RunningBallotServer()
        let participants = (1...Self.voters).map { BallotParticipant(id: "p\($0)", name: "Participant \($0)") }
        try server.send(.open(BallotOpening(question: question, scale: englishScale, voters: .named(participants))),
                        thenPageSays: "Who are you?")
        let phones = try phones(of: server)
        let answers = try Phone.atOnce(phones) { phone in
            let number = phone.source.split(separator: ".").last.map(String.init) ?? ""
            return phone.postRequest([("ballot", "1"), ("participant", "p\(number)"),
                                      ("rating", String(Int(number).map { $0 % 5 } ?? 0)), ("note", "n\(number)")])
        }
        #expect(answers.allSatisfy { $0.status == 200 && $0.mainText.hasPrefix("Thank you, your vote is counted.") })
        try expectCounts(of: server, of: Self.voters)
        try server.process.send(.reveal)
        let expected = (1...Self.voters).map {
            BallotVote(participant: "p\($0)", rating: .stage($0 % 5), note: "n\($0)")
        }
        #expect(try server.nextEvent() == .revealed(question: "s2.q1", votes: expected))
    }

    @Test(.timeLimit(.minutes(1))) func twoHundredAnonymousPhonesVoteAtOnce() throws {
        let server = try RunningBallotServer()
        let sectors = [BallotSector(id: "government", name: "Government")]
        try server.send(.open(BallotOpening(question: question, scale: englishScale,
                                            voters: .anonymous(sectors: sectors), mostVotes: Self.voters)),
                        thenPageSays: "This vote is anonymous: nobody sees who gave it.")
        let phones = try phones(of: server)
        let answers = try Phone.atOnce(phones) { phone in
            phone.postRequest([("ballot", "1"), ("sector", "government"), ("rating", "n/a")])
        }
        #expect(answers.allSatisfy { $0.status == 200 && $0.mainText.hasPrefix("Thank you, your vote is counted.") })
        try expectCounts(of: server, of: nil)
        try server.process.send(.reveal)
        #expect(try server.nextEvent() == .revealed(
            question: "s2.q1",
            votes: Array(repeating: BallotVote(sector: "government", rating: .notApplicable), count: Self.voters)))
    }
}
