import BallotServer
import BallotWire
import Glibc
import Testing

/// What the ballot server refuses to a client that asks too much of it, over real HTTP on 127.0.0.1.
@Suite struct PageLimitTests {
    let limits = HTTPLimits.standard

    @Test func aHeadLargerThanTheLimitIsRefused() throws {
        let server = try RunningBallotServer()
        // The request line and the other headers take well under 200 bytes.
        let fits = try server.request("GET", server.path,
                                      headers: ["X-Padding": String(repeating: "a", count: limits.headBytes - 200)])
        #expect(fits.status == 200)
        let huge = try server.request("GET", server.path,
                                      headers: ["X-Padding": String(repeating: "a", count: limits.headBytes)])
        #expect(huge.status == 431)
        #expect(huge.mainText.hasPrefix("That request is too large to be a vote; go back and send the form again."))
        // A head that never ends is refused at the limit rather than read on.
        let endless = try RawConnection(port: server.port)
        endless.send(Array("GET \(server.path) HTTP/1.1\r\nX-Padding: ".utf8)
            + [UInt8](repeating: UInt8(ascii: "a"), count: 100_000))
        #expect(try endless.answer().status == 431)
    }

    @Test func aBodyOverTheLimitIsRefusedWithoutWaitingForIt() throws {
        let server = try RunningBallotServer()
        let connection = try RawConnection(port: server.port)
        connection.send(Array(
            "POST \(server.path) HTTP/1.1\r\nContent-Length: 100000000\r\nAccept-Language: en-XA\r\n\r\nrating=1".utf8))
        #expect(connection.hears(within: 2_000))
        let refused = try connection.answer()
        #expect(refused.status == 413)
        #expect(refused.body.contains("<html lang=\"en-XA\">"))
        // A body of the limit's size is read whole (as a form, though not a vote).
        let form = { (size: Int) in Array(("note=" + String(repeating: "a", count: size - 5)).utf8) }
        #expect(try server.request("POST", server.path, body: form(limits.bodyBytes)).status == 200)
        #expect(try server.request("POST", server.path, body: form(limits.bodyBytes + 1)).status == 413)
    }

    @Test func requestsThatBreakHTTPAreRefused() throws {
        let server = try RunningBallotServer()
        for request in [
            "GET \(server.path)\r\n\r\n",
            "GET \(server.path) HTTP/1.1\r\nX-Folded: a\r\n b\r\n\r\n",
            "POST \(server.path) HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nnote=\r\n0\r\n\r\n",
            "POST \(server.path) HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
        ] {
            let connection = try RawConnection(port: server.port)
            connection.send(Array(request.utf8))
            let answer = try connection.answer()
            #expect(answer.status == 400, "\(request)")
            #expect(answer.mainText.hasPrefix(
                "That request could not be read as a vote; go back and send the form again."))
        }
        // A query after the token is not part of the ballot's path.
        #expect(try server.request("GET", server.path + "?from=qr").status == 200)
    }

    @Test func theHeadLimitCountsEveryByteUpToItsBlankLine() throws {
        let server = try RunningBallotServer()
        let start = "GET \(server.path) HTTP/1.1\r\nX-Padding: "
        let head = { (size: Int) in
            Array((start + String(repeating: "a", count: size - start.utf8.count - 4) + "\r\n\r\n").utf8)
        }
        for (size, status) in [(limits.headBytes, 200), (limits.headBytes + 1, 431)] {
            let connection = try RawConnection(port: server.port)
            connection.send(head(size))
            #expect(try connection.answer().status == status, "a head of \(size) bytes")
        }
    }

    @Test func aHeadSentTooSlowlyIsAnswered408AndASilentConnectionIsClosed() throws {
        let server = try RunningBallotServer(
            arguments: RunningBallotServer.onLoopback + ["--head-timeout", "1", "--timeout", "2"])
        let silent = try RawConnection(port: server.port)
        let slow = try RawConnection(port: server.port)
        let start = ContinuousClock.now
        // One byte every 100 ms would take 4 seconds to finish the head; the server answers after 1.
        var answeredAfter: Duration?
        for byte in Array("GET \(server.path) HTTP/1.1\r\nX-Slow: 0123456789\r\n\r\n".utf8) {
            if !slow.send([byte]) || slow.hears(within: 100) {
                answeredAfter = start.duration(to: .now)
                break
            }
        }
        #expect(answeredAfter.map { $0 > .milliseconds(800) && $0 < .milliseconds(1_800) } == true)
        let answer = try slow.answer()
        #expect(answer.status == 408)
        #expect(answer.mainText.hasPrefix("That request came too slowly; load this page again."))
        // A connection that sent nothing is closed without an answer.
        #expect(silent.hears(within: 1_000))
        #expect(silent.received().isEmpty)
        // A head sent in time whose body does not come is let go at the connection's own limit.
        let stalled = try RawConnection(port: server.port)
        stalled.send(Array("POST \(server.path) HTTP/1.1\r\nContent-Length: 10\r\n\r\nrat".utf8))
        #expect(!stalled.hears(within: 1_500))
        #expect(stalled.hears(within: 1_500))
        #expect(try server.request("GET", server.path).status == 200)
    }

    @Test func oneAddressHoldsAtMostItsShareOfTheConnections() throws {
        let server = try RunningBallotServer()
        // A client that has begun requests and not finished them.
        let begun = try (0..<limits.connectionsPerAddress).map { _ in try RawConnection(port: server.port) }
        for connection in begun {
            connection.send(Array("GET \(server.path) HTTP/1.1\r\n".utf8))
        }
        let more = try RawConnection(port: server.port)
        more.send(HTTPAnswer.request(port: server.port, method: "GET", target: server.path))
        #expect(more.hears(within: 2_000))
        let busy = try more.answer()
        #expect(busy.status == 503)
        #expect(busy.mainText.hasPrefix("The ballot is busy; wait a moment and load this page again."))
        // Phones at other addresses are served meanwhile.
        #expect(try Phone(server, from: "127.0.0.2").get().status == 200)
        // Once one of its requests is finished and answered, the address is served again.
        begun[0].send(Array("\r\n".utf8))
        #expect(try begun[0].answer().status == 200)
        #expect(try eventuallyServed(from: "127.0.0.1", by: server))
    }

    @Test func connectionsBeyondTheLimitAreAnsweredBusy() throws {
        let server = try RunningBallotServer()
        // Phones that have begun a request and not finished it, each address holding as many as it may.
        let begun = try (0..<limits.connections).map {
            try RawConnection(port: server.port, from: "127.0.2.\($0 / limits.connectionsPerAddress + 1)")
        }
        for connection in begun {
            connection.send(Array("GET \(server.path) HTTP/1.1\r\n".utf8))
        }
        let late = try RawConnection(port: server.port, from: "127.0.3.1")
        late.send(HTTPAnswer.request(port: server.port, method: "GET", target: server.path))
        #expect(late.hears(within: 2_000))
        let busy = try late.answer()
        #expect(busy.status == 503)
        #expect(busy.mainText.hasPrefix("The ballot is busy; wait a moment and load this page again."))
        // One finishes its request, is answered and closed: the late one is served when it asks again.
        begun[0].send(Array("\r\n".utf8))
        #expect(try begun[0].answer().status == 200)
        #expect(try eventuallyServed(from: "127.0.3.1", by: server))
    }

    /// Whether a phone at `source` gets the page within a second: a connection's slot is given back just after
    /// the connection is closed.
    private func eventuallyServed(from source: String, by server: RunningBallotServer) throws -> Bool {
        for _ in 0..<20 {
            if try Phone(server, from: source).get().status == 200 { return true }
            usleep(50_000)
        }
        return false
    }

    @Test func onlyCookiesTheServerGaveOutVote() throws {
        let server = try RunningBallotServer()
        let opening = BallotOpening(question: BallotQuestion(id: "s3.q2", text: "Trust?"), scale: englishScale,
                                    voters: .anonymous(sectors: []))
        try server.send(.open(opening), thenPageSays: "This vote is anonymous: nobody sees who gave it.")
        let phone = Phone(server)
        _ = try phone.get()
        for rating in ["1", "2", "3"] {
            _ = try phone.post([("ballot", "1"), ("rating", rating)])
            #expect(try server.nextEvent() == .count(question: "s3.q2", votes: 1, of: nil))
        }
        // A script making up cookies: each is refused and given one of the server's own, and none is counted.
        for madeUp in ["ballot=AAAAAAAAAAAAAAAA", "ballot=0123456789ABCDEF", "ballot=ZZZZZZZZZZZZZZZZ", "ballot=x"] {
            let script = Phone(server)
            script.cookie = madeUp
            let answer = try script.post([("ballot", "1"), ("rating", "4")])
            #expect(answer.body.contains(
                "This browser did not keep the ballot&#39;s cookie; allow cookies for this page and send again."))
            #expect(script.cookie != madeUp)
        }
        _ = try phone.post([("ballot", "1"), ("rating", "0")])
        #expect(try server.nextEvent() == .count(question: "s3.q2", votes: 1, of: nil))
        try server.process.send(.reveal)
        #expect(try server.nextEvent() == .revealed(question: "s3.q2", votes: [BallotVote(rating: .stage(0))]))
    }
}
