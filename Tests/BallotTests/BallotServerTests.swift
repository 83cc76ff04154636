import BallotWire
import Foundation
import Glibc
import Messages
import Testing

/// The real `isp-ballot`, driven as the wizard drives it and asked over HTTP on 127.0.0.1 as phones ask it.
@Suite struct BallotServerTests {
    let trust = BallotQuestion(id: "s3.q2", text: "Do the partners trust each other?")
    let participants = [BallotParticipant(id: "p1", name: "<b>Ana</b>"), BallotParticipant(id: "p2", name: "Bo")]
    let sectors = [BallotSector(id: "government", name: "Government"), BallotSector(id: "business", name: "Business")]

    private func openNamed(_ server: RunningBallotServer) throws {
        try server.send(.open(BallotOpening(question: trust, scale: englishScale, voters: .named(participants))),
                        thenPageSays: "Who are you?")
    }

    @Test func namedVotesAreCountedAReVoteReplacesAndTheRevealNamesEachParticipant() throws {
        let server = try RunningBallotServer()
        try openNamed(server)
        let ana = Phone(server)
        let bo = Phone(server)
        _ = try ana.get()
        _ = try bo.get()

        let thanks = try ana.post([("ballot", "1"), ("participant", "p1"), ("rating", "3"), ("note", "We meet")])
        #expect(thanks.status == 200)
        #expect(thanks.mainText
            == "Thank you, your vote is counted.\nYou can change it until the facilitator shows the votes.\n"
                + "Change my vote")
        // The count says who has voted, never how.
        #expect(try server.nextEvent() == .count(question: "s3.q2", votes: 1, of: 2, voter: "p1"))

        _ = try ana.post([("ballot", "1"), ("participant", "p1"), ("rating", "2"), ("note", "Some\nof us")])
        #expect(try server.nextEvent() == .count(question: "s3.q2", votes: 1, of: 2, voter: "p1"))
        _ = try bo.post([("ballot", "1"), ("participant", "p2"), ("rating", "?")])
        #expect(try server.nextEvent() == .count(question: "s3.q2", votes: 2, of: 2, voter: "p2"))

        // Ana's phone holds her name: Bo's phone cannot vote as her.
        let taken = try bo.post([("ballot", "1"), ("participant", "p1"), ("rating", "0")])
        #expect(taken.body.contains(
            "&lt;b&gt;Ana&lt;/b&gt; is chosen on another phone, which keeps it from ballot to ballot; if that was not "
                + "you, ask the facilitator to release it."))
        // Her phone, reloading, sees her vote counted, on a page that reloads by itself to follow the facilitator;
        // "Change my vote" shows it on the form again.
        let counted = try ana.get().body
        #expect(counted.contains("Thank you, your vote is counted."))
        #expect(counted.contains("<meta http-equiv=\"refresh\""))
        let again = try ana.post([("change", "1")]).body
        #expect(again.contains("Your vote is counted; sending again replaces it."))
        #expect(again.contains("<option value=\"p1\" selected>"))
        #expect(again.contains("value=\"2\" required checked>"))

        try server.process.send(.reveal)
        #expect(try server.nextEvent() == .revealed(question: "s3.q2", votes: [
            BallotVote(participant: "p1", rating: .stage(2), note: "Some of us"),
            BallotVote(participant: "p2", rating: .dontKnow),
        ]))
    }

    @Test func anAnonymousBallotKeepsOneVotePerPhoneAndNoParticipant() throws {
        let server = try RunningBallotServer()
        let opening = BallotOpening(question: trust, scale: englishScale, voters: .anonymous(sectors: sectors))
        try server.send(.open(opening),
                        thenPageSays: "This vote is anonymous: nobody sees who gave it.")
        let first = Phone(server)
        let second = Phone(server)
        _ = try first.get()
        _ = try second.get()
        _ = try first.post([("ballot", "1"), ("sector", "business"), ("rating", "4"), ("note", "")])
        #expect(try server.nextEvent() == .count(question: "s3.q2", votes: 1, of: nil))
        _ = try first.post([("ballot", "1"), ("sector", "business"), ("rating", "1"), ("note", "Too early")])
        #expect(try server.nextEvent() == .count(question: "s3.q2", votes: 1, of: nil))
        // A participant's id sent by hand is not kept; a sector nobody offered counts as none.
        _ = try second.post([("ballot", "1"), ("participant", "p1"), ("sector", "army"), ("rating", "n/a")])
        #expect(try server.nextEvent() == .count(question: "s3.q2", votes: 2, of: nil))

        try server.process.send(.reveal)
        #expect(try server.nextEvent() == .revealed(question: "s3.q2", votes: [
            BallotVote(sector: "business", rating: .stage(1), note: "Too early"),
            BallotVote(rating: .notApplicable),
        ]))
    }

    @Test func aBallotCountsNoMoreVotesThanTheRoomHasPeople() throws {
        let server = try RunningBallotServer()
        let opening = BallotOpening(question: trust, scale: englishScale, voters: .anonymous(sectors: sectors),
                                    mostVotes: 2)
        try server.send(.open(opening), thenPageSays: "This vote is anonymous: nobody sees who gave it.")
        let phones = [Phone(server), Phone(server), Phone(server)]
        for phone in phones {
            _ = try phone.get()
        }
        _ = try phones[0].post([("ballot", "1"), ("rating", "4")])
        #expect(try server.nextEvent() == .count(question: "s3.q2", votes: 1, of: nil))
        _ = try phones[1].post([("ballot", "1"), ("rating", "3")])
        #expect(try server.nextEvent() == .count(question: "s3.q2", votes: 2, of: nil))
        // A third phone, say a script with a fresh cookie, is refused; the room's own votes may still change.
        let third = try phones[2].post([("ballot", "1"), ("rating", "0")])
        #expect(third.status == 200)
        #expect(third.body.contains(
            "<p class=\"notice\">This ballot has as many votes as the room has people; ask the facilitator.</p>"))
        _ = try phones[0].post([("ballot", "1"), ("rating", "1")])
        #expect(try server.nextEvent() == .count(question: "s3.q2", votes: 2, of: nil))
        try server.process.send(.reveal)
        #expect(try server.nextEvent() == .revealed(question: "s3.q2", votes: [
            BallotVote(rating: .stage(1)), BallotVote(rating: .stage(3)),
        ]))
        // In a named ballot too, a participant not yet voted is refused once the room's size is reached.
        try server.send(.open(BallotOpening(question: trust, scale: englishScale, voters: .named(participants),
                                            mostVotes: 1)), thenPageSays: "Who are you?")
        _ = try phones[0].get()
        _ = try phones[1].get()
        _ = try phones[0].post([("ballot", "2"), ("participant", "p1"), ("rating", "2")])
        #expect(try server.nextEvent() == .count(question: "s3.q2", votes: 1, of: 2, voter: "p1"))
        let bo = try phones[1].post([("ballot", "2"), ("participant", "p2"), ("rating", "2")])
        #expect(bo.body.contains("This ballot has as many votes as the room has people; ask the facilitator."))
        // Ana's phone choosing Bo instead moves its vote: the count stays.
        _ = try phones[0].post([("ballot", "2"), ("participant", "p2"), ("rating", "3")])
        #expect(try server.nextEvent() == .count(question: "s3.q2", votes: 1, of: 2, voter: "p2", withdrawn: ["p1"]))
    }

    /// A phone that voted shows its vote counted until the facilitator moves on: it never keeps a stale form.
    @Test func aPhoneThatVotedFollowsADiscardAndTheNextQuestion() throws {
        let server = try RunningBallotServer()
        try openNamed(server)
        let ana = Phone(server)
        _ = try ana.get()
        _ = try ana.post([("ballot", "1"), ("participant", "p1"), ("rating", "3")])
        _ = try server.nextEvent()
        #expect(try ana.get().mainText.hasPrefix("Thank you, your vote is counted."))
        try server.send(.close, thenPageSays: "Waiting for the next question.")
        #expect(try ana.get().mainText.hasPrefix("Waiting for the next question."))
        try openNamed(server)
        #expect(try ana.get().body.contains("<select id=\"participant\""))
        // Ana's phone keeps her name in the next ballot: another phone choosing her is told so, not that she voted.
        let other = Phone(server)
        _ = try other.get()
        #expect(try other.post([("ballot", "2"), ("participant", "p1"), ("rating", "1")]).body.contains(
            "is chosen on another phone, which keeps it from ballot to ballot"))
    }

    @Test func aVoteAfterTheRevealIsRefusedPolitely() throws {
        let server = try RunningBallotServer()
        try openNamed(server)
        let bo = Phone(server)
        _ = try bo.get()
        try server.process.send(.reveal)
        #expect(try server.nextEvent() == .revealed(question: "s3.q2", votes: []))

        let late = try bo.post([("ballot", "1"), ("participant", "p2"), ("rating", "3")])
        #expect(late.status == 200)
        #expect(late.mainText
            == "Voting on this question has closed.\nThis page looks again by itself every few seconds.")
        #expect(try bo.get().mainText.hasPrefix("Voting on this question has closed."))

        // The next question takes votes again; a form sent for the last one is not counted on it.
        try server.send(.open(BallotOpening(question: BallotQuestion(id: "s3.q3", text: "Next?"), scale: englishScale,
                                            voters: .named(participants))), thenPageSays: "Next?")
        let stale = try bo.post([("ballot", "1"), ("participant", "p2"), ("rating", "3")])
        #expect(stale.body.contains("The question changed while you were voting; please vote on this one."))
        try server.send(.close, thenPageSays: "Waiting for the next question.")
    }

    @Test func aWrongTokenIsNotFound() throws {
        let server = try RunningBallotServer()
        let answer = try server.request("GET", "/ZZZZZZZZ")
        #expect(answer.status == 404)
        #expect(answer.mainText
            == "There is no ballot at this address; scan the code on the facilitator&#39;s screen again.")
        let root = try server.request("GET", "/")
        #expect(root.status == 404)
        // Nothing answered to another address, or to a request not read, gives the ballot's token away.
        let unread = try RawConnection(port: server.port)
        unread.send(Array("GET / HTTP/1.1\r\nX-Folded: a\r\n b\r\n\r\n".utf8))
        let token = String(server.path.dropFirst())
        for refused in [answer, root, try unread.answer()] {
            #expect(!refused.body.contains(token) && refused.headers["set-cookie"] == nil)
        }
        // The token may be typed in lower case.
        #expect(try server.request("GET", server.path.lowercased()).status == 200)
    }

    @Test func aRequestLargerThanAVoteIsRefused() throws {
        let server = try RunningBallotServer()
        try openNamed(server)
        let huge = try server.request("POST", server.path, body: [UInt8](repeating: UInt8(ascii: "a"), count: 200_000))
        #expect(huge.status == 413)
        #expect(huge.mainText.hasPrefix("That request is too large to be a vote; go back and send the form again."))
        let broken = try server.request("POST", server.path, body: Array("rating=%zz".utf8))
        #expect(broken.status == 400)
        // A note longer than a note may be is refused with the form shown again.
        let phone = Phone(server)
        _ = try phone.get()
        let long = try phone.post([("ballot", "1"), ("participant", "p2"), ("rating", "1"),
                                   ("note", String(repeating: "x", count: 281))])
        #expect(long.body.contains("A note holds at most 280 characters; shorten it and send again."))
        // The server still answers.
        #expect(try server.request("GET", server.path).status == 200)
    }

    @Test func namesAndQuestionsAreEscapedInThePage() throws {
        let server = try RunningBallotServer()
        try server.send(.open(BallotOpening(question: BallotQuestion(id: "s1.q1", text: "Is \"A & B\" <i>fair</i>?"),
                                            scale: englishScale, voters: .named(participants))),
                        thenPageSays: "Who are you?")
        let page = try Phone(server).get().body
        #expect(page.contains("<option value=\"p1\">&lt;b&gt;Ana&lt;/b&gt;</option>"))
        #expect(page.contains("<h1>Is &quot;A &amp; B&quot; &lt;i&gt;fair&lt;/i&gt;?</h1>"))
        #expect(!page.contains("<b>Ana</b>") && !page.contains("<i>fair</i>"))
        #expect(page.contains("Don&#39;t know"))
        #expect(!page.contains("<script") && !page.contains("http://") && !page.contains("https://"))
    }

    /// A quote with a combining mark after it is one character but still a quote to the browser: it is escaped.
    @Test func aQuoteWithACombiningMarkIsEscapedToo() throws {
        let server = try RunningBallotServer()
        let name = "Zoe\"\u{301} autofocus onfocus=\"alert(1)"
        try server.send(.open(BallotOpening(question: BallotQuestion(id: "s1.q1", text: "Why?"), scale: englishScale,
                                            voters: .named([BallotParticipant(id: "p1", name: name)]))),
                        thenPageSays: "Who are you?")
        let page = try Phone(server).get().body
        #expect(page.contains("Zoe&quot;\u{301} autofocus onfocus=&quot;alert(1)"))
        #expect(!page.contains("onfocus=\""))
    }

    @Test func thePageIsInTheBrowsersLanguage() throws {
        let server = try RunningBallotServer()
        try openNamed(server)
        let pseudo = try Phone(server, language: "en-XA, en;q=0.5").get()
        #expect(pseudo.body.contains("<html lang=\"en-XA\">"))
        #expect(pseudo.body.contains("[Ŵĥö àŕé ýöû? ··]"))
        #expect(!pseudo.body.contains("Who are you?") && !pseudo.body.contains(">Send<"))
        let unknown = try Phone(server, language: "xx-YY").get()
        #expect(unknown.body.contains("Who are you?"))
    }

    @Test func theReadyMessageCarriesTheURLAndItsQRCode() throws {
        let server = try RunningBallotServer()
        #expect(server.url.wholeMatch(of: /HTTP:\/\/127\.0\.0\.1:[0-9]+\/[0-9A-HJKMNP-TV-Z]{8}/) != nil)
        // Up to 38 alphanumeric characters fit version 2 at level M; bytes would need version 3 from 33.
        #expect(server.url.count <= 38)
        #expect(server.qrCode.version == 2)
        #expect(server.qrCode.size == 25)
        // The three finder patterns: a dark 7×7 ring around a light ring around a dark 3×3 square.
        for (top, left) in [(0, 0), (0, 18), (18, 0)] {
            #expect(server.qrCode.isDark(row: top, column: left + 6))
            #expect(!server.qrCode.isDark(row: top + 1, column: left + 1))
            #expect(server.qrCode.isDark(row: top + 3, column: left + 3))
        }
        let lines = server.qrCode.halfBlockLines(quietZone: 2)
        #expect(lines.count == 15)
        #expect(lines.allSatisfy { $0.count == 29 })
    }

    @Test func theServerSaysWhenItsPortIsTaken() throws {
        let first = try RunningBallotServer()
        #expect(throws: BallotProcessFailure.cannotListen(.portInUse, port: Int(first.port))) {
            _ = try RunningBallotServer(arguments: ["--bind", "127.0.0.1", "--port", String(first.port)])
        }
        let sentence = render(BallotProcessFailure.cannotListen(.portInUse, port: 8470).message, in: .english)
        #expect(sentence == "Port 8470 is in use by another program; choose another with --ballot-port, or 0 for any "
            + "free one.")
    }
}
