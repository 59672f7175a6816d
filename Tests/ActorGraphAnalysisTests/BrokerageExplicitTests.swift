import ActorGraphAnalysis
import ActorGraphCore
import Testing

/// Explicit brokerage (one finding per relation), sentences, and the cost on adversarial shapes.
@Suite struct BrokerageExplicitTests {
    typealias W = BrokerageWorld
    static let explicitOnly = EventBrokerageOptions(temporal: false)

    // The 2015 agreement names Japan, Abe, Suga and South Korea: two sides, one relation.
    @Test func oneFindingPerPairOfSides() throws {
        let (r, d) = try W.find(
            [
                W.event("deal", "2015", ["japan", "j1", "j2", "korea"], kind: .cooperation, broker: "usa"),
                W.event("three", "2016", ["k1", "j1", "x1"], broker: "u1"),
            ], Self.explicitOnly)
        #expect(
            W.lines(r.findings, d) == [
                "explicit asserted usa: japan - korea [deal] liaison",
                // Three sides: three relations.
                "explicit asserted u1: k1 - j1 [three] liaison",
                "explicit asserted u1: k1 - x1 [three] liaison",
                "explicit asserted u1: j1 - x1 [three] liaison",
            ])
    }

    // An envoy links the principal with the other side, never with itself or its own principal.
    @Test func envoyBrokersPrincipalAndOtherParty() throws {
        let (r, d) = try W.find(
            [
                W.event("envoy", "2020-11-10", ["k2", "j1"], broker: "k2", principal: "k1"),
                W.event("no-principal", "2020-11-11", ["k2", "j2"], broker: "k2"),
                W.event("with-principal", "2020-11-12", ["k2", "k1", "j2", "u1"], broker: "k2", principal: "k1"),
            ], Self.explicitOnly)
        #expect(
            W.lines(r.findings, d) == [
                "explicit asserted k2: k1 - j1 [envoy] representative",
                // The principal's side against each other side.
                "explicit asserted k2: k1 - j2 [with-principal] representative",
                "explicit asserted k2: k1 - u1 [with-principal] representative",
            ])
    }

    // Several events of one broker for one relation make one finding over their period.
    @Test func eventsOfOneRelationMerge() throws {
        let (r, d) = try W.find(
            [
                W.event("talks-1", "2018-03", ["u1", "x1"], broker: "k1", subtype: "talks"),
                W.event("talks-2", "2019-02-27/2019-02-28", ["x1", "u1"], broker: "k1", subtype: "summit"),
            ], Self.explicitOnly)
        #expect(W.lines(r.findings, d) == ["explicit asserted k1: u1 - x1 [talks-1, talks-2] liaison"])
        #expect(r.findings[0].date.text == "2018-03/2019-02-28")
        #expect(
            EventBrokerage.sentence(for: r.findings[0], in: d)
                == "K One brokered U One - X One (USA - X One, liaison, exclusive) from 2018-03 to 2019-02-28: "
                + "named as broker of the talks in 2018-03 [talks-1], the summit from 2019-02-27 to 2019-02-28 [talks-2]")
    }

    // The sources' word stands: no temporal duplicate of a named relation.
    @Test func temporalDefersToExplicit() throws {
        let (r, d) = try W.find([
            W.event("u-k", "2020-01-10", ["u1", "k1"]),
            W.event("u-j", "2020-01-20", ["u1", "j1"]),
            W.event("k-j", "2020-02-01", ["k1", "j1"], broker: "u1"),
        ])
        #expect(W.lines(r.findings, d) == ["explicit asserted u1: k1 - j1 [k-j] liaison"])
    }

    // More sides than the limit: skipped and reported, not paired.
    @Test func manySidedEventIsSkipped() throws {
        let many = ["korea", "japan", "usa", "x1"]
        let (r, _) = try W.find(
            [W.event("crowd", "2020", many, broker: "m1")],
            EventBrokerageOptions(temporal: false, maxSides: 3))
        #expect(r.findings.isEmpty)
        #expect(r.skipped.map(\.sides) == [4])
        let (kept, _) = try W.find(
            [W.event("crowd", "2020", many, broker: "m1")],
            EventBrokerageOptions(temporal: false, maxSides: 4))
        #expect(kept.findings.count == 6 && kept.skipped.isEmpty)
    }

    // Sentences: "in 2014", A - C, the period from the first to the last event of the evidence.
    @Test func sentencesReadWell() throws {
        let (r, d) = try W.find([
            W.event("summit", "2014", ["j1", "k1"], broker: "u1", subtype: "summit brokered by the U.S."),
            W.event("u-k", "2020-01-10", ["u1", "k1"]),
            W.event("u-j", "2020-01-20", ["u1", "j1"]),
            W.event("k-j", "2020-02", ["k2", "j2"]),
            W.event("u-k2", "2020-01-11", ["u1", "k2"]),
            W.event("u-j2", "2020-01-21", ["u1", "j2"]),
        ])
        let sentences = r.findings.map { EventBrokerage.sentence(for: $0, in: d) }
        #expect(
            sentences == [
                "U One brokered J One - K One (Japan - Korea, liaison, exclusive) in 2014: named as broker of the summit brokered by the U.S. [summit]",
                "U One brokered K Two - J Two (Korea - Japan, liaison, exclusive) from 2020-01-11 to 2020-02: "
                    + "met K Two on 2020-01-11 [u-k2], then J Two on 2020-01-21 [u-j2]; they met each other in 2020-02 [k-j]",
            ])
        #expect(EventBrokerage.phrase(EventDate("2020-11-13")!) == "on 2020-11-13")
        #expect(EventBrokerage.phrase(EventDate("2020-11-09/2020-11-12")!) == "from 2020-11-09 to 2020-11-12")
    }

    // Issue 13 (2): a hub meeting N actors one a day. The asserted answer enumerates no
    // two-path at all (no triangle), and candidates cost the two-paths within the window:
    // linear in N, where the earlier rule examined every pair of pairs (about N^4).
    @Test func hubCostsLinearWork() throws {
        func hub(_ n: Int) throws -> Dataset {
            var actors = [ActorRecord(id: "hub", name: "Hub", kind: .person)]
            var events: [EventRecord] = []
            let first = Day(year: 2000, month: 1, day: 1)!.daysSinceEpoch
            for i in 0..<n {
                actors.append(ActorRecord(id: "a\(i)", name: "A\(i)", kind: .person))
                events.append(
                    EventRecord(
                        id: "e\(i)", date: EventDate(Day(daysSinceEpoch: first + Int32(i))),
                        kind: .meeting, participants: [ActorID(0), ActorID(i + 1)]))
            }
            return try Dataset(sources: [], actors: actors, events: events)
        }
        let big = try hub(5000)
        let asserted = try EventBrokerage.find(in: EventProjection(big, options: .contactView))
        #expect(asserted.findings.isEmpty)
        #expect(asserted.statistics.contacts == 5000)
        #expect(asserted.statistics.triangles == 0 && asserted.statistics.twoPathsExamined == 0)

        let n = 600, window = 90
        let small = try hub(n)
        let open = try EventBrokerage.find(
            in: EventProjection(small, options: .contactView),
            options: EventBrokerageOptions(windowDays: window, includeCandidates: true))
        // Leaves met on days i < j form a candidate when j - i <= window: sum over d of (n - d).
        let expected = (1...window).reduce(0) { $0 + (n - $1) }
        #expect(open.candidates.count == expected)
        #expect(open.candidates.allSatisfy { $0.reason == .open })
        #expect(open.statistics.twoPathsExamined <= (window + 2) * n)
    }

    // Issue 13 (1): a 20,000-party event costs the time to read it: no pairs, no contacts.
    @Test func manyPartyEventStaysLinear() throws {
        let n = 20_000
        var actors = [ActorRecord(id: "broker", name: "Broker", kind: .person)]
        for i in 0..<n { actors.append(ActorRecord(id: "p\(i)", name: "P\(i)", kind: .person)) }
        let d = try Dataset(
            sources: [], actors: actors,
            events: [
                EventRecord(
                    id: "crowd", date: EventDate("2020")!, kind: .meeting, participants: (1...n).map { ActorID($0) },
                    broker: ActorID(0))
            ])
        let p = EventProjection(d, options: .contactView)
        #expect(p.edges.isEmpty && p.coAttendanceEvents.map { d[$0].id } == ["crowd"])
        let r = try EventBrokerage.find(in: p)
        #expect(r.findings.isEmpty && r.statistics.contacts == 0)
        #expect(r.skipped.map(\.sides) == [n])
    }
}
