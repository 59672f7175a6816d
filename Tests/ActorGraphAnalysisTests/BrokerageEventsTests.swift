import ActorGraphAnalysis
import ActorGraphCore
import Testing

/// A small world built in code for the brokerage rules: three states, people in them, one
/// ministry with two officials, one person without a state.
struct BrokerageWorld {
    static let actors: [ActorRecord] = [
        ActorRecord(id: "korea", name: "Korea", kind: .state), // 0
        ActorRecord(id: "japan", name: "Japan", kind: .state), // 1
        ActorRecord(id: "usa", name: "USA", kind: .state), // 2
        ActorRecord(id: "k1", name: "K One", kind: .person, affiliation: ActorID(0)), // 3
        ActorRecord(id: "k2", name: "K Two", kind: .person, affiliation: ActorID(0)), // 4
        ActorRecord(id: "j1", name: "J One", kind: .person, affiliation: ActorID(1)), // 5
        ActorRecord(id: "j2", name: "J Two", kind: .person, affiliation: ActorID(1)), // 6
        ActorRecord(id: "u1", name: "U One", kind: .person, affiliation: ActorID(2)), // 7
        ActorRecord(id: "ministry", name: "Ministry", kind: .institution, affiliation: ActorID(1)), // 8
        ActorRecord(id: "m1", name: "M One", kind: .person, affiliation: ActorID(8)), // 9
        ActorRecord(id: "m2", name: "M Two", kind: .person, affiliation: ActorID(8)), // 10
        ActorRecord(id: "union", name: "Union", kind: .institution, affiliation: ActorID(0)), // 11
        ActorRecord(
            id: "leader", name: "Leader", kind: .person, affiliation: ActorID(1),
            roles: [Role(title: "head", organization: ActorID(11))]), // 12
        ActorRecord(id: "x1", name: "X One", kind: .person), // 13
    ]

    /// An event: `who` are the participants; `kind` defaults to meeting.
    static func event(
        _ id: String, _ date: String, _ who: [String], kind: EventKind = .meeting,
        source: String? = nil, target: String? = nil,
        broker: String? = nil, principal: String? = nil, subtype: String? = nil
    ) -> EventRecord {
        EventRecord(
            id: id, date: EventDate(date)!, kind: kind, subtype: subtype, participants: who.map(actor),
            source: source.map(actor), target: target.map(actor), broker: broker.map(actor),
            principal: principal.map(actor))
    }

    static func actor(_ id: String) -> ActorID { ActorID(actors.firstIndex { $0.id == id }!) }

    static func dataset(_ events: [EventRecord]) throws -> Dataset {
        try Dataset(title: "world", sources: [], actors: actors, events: events)
    }

    static func find(
        _ events: [EventRecord], _ options: EventBrokerageOptions = EventBrokerageOptions(),
        projection: ProjectionOptions = .contactView
    ) throws -> (EventBrokerage, Dataset) {
        let d = try dataset(events)
        return (try EventBrokerage.find(in: EventProjection(d, options: projection), options: options), d)
    }

    /// "basis status broker: from - to [events] role (reason)".
    static func lines(_ findings: [BrokerageFinding], _ d: Dataset) -> [String] {
        findings.map { f in
            "\(f.basis.rawValue) \(f.status.rawValue) \(d[f.broker].id): \(d[f.from].id) - \(d[f.to].id) "
                + "[\(f.events.map { d[$0].id }.joined(separator: ", "))] \(f.role.rawValue)"
                + (f.reason.map { " (\($0.rawValue))" } ?? "")
        }
    }
}

/// One test per rule of ``EventBrokerageOptions``, on hand-made event sequences.
@Suite struct BrokerageRuleTests {
    typealias W = BrokerageWorld
    static let candidates = EventBrokerageOptions(includeCandidates: true)

    // Rule 6, the standard met: cross-group, dyadic, no prior tie, closed.
    @Test func closedCrossGroupTwoPathIsAsserted() throws {
        let (r, d) = try W.find([
            W.event("u-k", "2020-01-10", ["u1", "k1"]),
            W.event("u-j", "2020-01-20", ["u1", "j1"]),
            W.event("k-j", "2020-02-01", ["k1", "j1"]),
        ])
        #expect(W.lines(r.findings, d) == ["temporal asserted u1: k1 - j1 [u-k, u-j, k-j] liaison"])
        let f = try #require(r.findings.first)
        #expect(f.exclusive && f.fromGroup == "korea" && f.toGroup == "japan" && f.brokerGroup == "usa")
        #expect(f.date.text == "2020-01-10/2020-02-01") // first to last event of the evidence
        #expect(r.candidates.isEmpty) // not asked for
        #expect(r.brokers.map { d[$0.broker].id } == ["u1"])
        #expect(r.brokers[0].temporalCount == 1 && r.brokers[0].roles.map(\.role) == [.liaison])
    }

    // Rule 4: without a later A - C contact the two-path is an open relay, a candidate.
    @Test func openRelayIsACandidate() throws {
        let events = [W.event("u-k", "2020-01-10", ["u1", "k1"]), W.event("u-j", "2020-01-20", ["u1", "j1"])]
        #expect(try W.find(events).0.findings.isEmpty)
        let (r, d) = try W.find(events, Self.candidates)
        #expect(W.lines(r.candidates, d) == ["temporal candidate u1: k1 - j1 [u-k, u-j] liaison (open)"])
        #expect(r.brokers.first?.count == 0 && r.brokers.first?.candidateCount == 1)
    }

    // Rule 4: the closure horizon runs from the last day of B - C to the last day of A - C.
    @Test func closureBeyondTheHorizonIsOpen() throws {
        let events = [
            W.event("u-k", "2020-01-10", ["u1", "k1"]),
            W.event("u-j", "2020-01-20", ["u1", "j1"]),
            W.event("k-j", "2020-09", ["k1", "j1"]), // ends 2020-09-30: 254 days later
        ]
        let (open, d) = try W.find(events, Self.candidates)
        #expect(W.lines(open.candidates, d) == ["temporal candidate u1: k1 - j1 [u-k, u-j] liaison (open)"])
        let (closed, _) = try W.find(events, EventBrokerageOptions(closureDays: 254))
        #expect(W.lines(closed.findings, d) == ["temporal asserted u1: k1 - j1 [u-k, u-j, k-j] liaison"])
        #expect(try W.find(events, EventBrokerageOptions(closureDays: 253)).0.findings.isEmpty)
    }

    // Rule 6: two ends of one group make a coordinator or itinerant: a candidate.
    @Test func sameGroupIsACandidate() throws {
        let events = [
            W.event("u-k1", "2020-01-10", ["u1", "k1"]),
            W.event("u-k2", "2020-01-20", ["u1", "k2"]),
            W.event("k1-k2", "2020-02-01", ["k1", "k2"]),
        ]
        #expect(try W.find(events).0.findings.isEmpty)
        let (r, d) = try W.find(events, Self.candidates)
        #expect(W.lines(r.candidates, d) == ["temporal candidate u1: k1 - k2 [u-k1, u-k2, k1-k2] itinerant (same-group)"])
    }

    // Rule 1: a meeting of three or more is co-attendance, never a contact of a two-path.
    @Test func multilateralMeetingIsNoContact() throws {
        let (r, d) = try W.find(
            [
                W.event("summit", "2020-01-10", ["u1", "k1", "x1"]), // u1 and k1 sat at one summit
                W.event("u-j", "2020-01-20", ["u1", "j1"]),
                W.event("k-j", "2020-02-01", ["k1", "j1"]),
            ], Self.candidates)
        #expect(r.findings.isEmpty && r.candidates.isEmpty)
        #expect(r.statistics.contacts == 2)
        // The same sequence with a dyadic first meeting is asserted (the control).
        let (control, _) = try W.find([
            W.event("u-k", "2020-01-10", ["u1", "k1"]),
            W.event("u-j", "2020-01-20", ["u1", "j1"]),
            W.event("k-j", "2020-02-01", ["k1", "j1"]),
        ])
        #expect(W.lines(control.findings, d).count == 1)
    }

    // Rule 1: contact kinds are meetings by default; a statement is no contact unless asked for.
    @Test func contactKindsAreMeetingsUnlessAsked() throws {
        let events = [
            W.event("u-k", "2020-01-10", ["u1", "k1"], kind: .statement, source: "u1", target: "k1"),
            W.event("u-j", "2020-01-20", ["u1", "j1"]),
            W.event("k-j", "2020-02-01", ["k1", "j1"]),
        ]
        #expect(try W.find(events).0.findings.isEmpty)
        let (r, d) = try W.find(
            events, EventBrokerageOptions(contactKinds: [.meeting, .statement]),
            projection: ProjectionOptions())
        #expect(W.lines(r.findings, d) == ["temporal asserted u1: k1 - j1 [u-k, u-j, k-j] liaison"])
        #expect { try W.find(events, EventBrokerageOptions(contactKinds: [])) } throws: { ($0 as? AnalysisError)?.code == .invalidOption }
    }

    // Rule 2: an earlier event of any kind naming both ends cancels the brokerage, even one the
    // view leaves out (a dispute); a co-attended summit does too; a later one does not.
    @Test func priorEventOfAnyKindCancels() throws {
        let sequence = [
            W.event("u-k", "2020-01-10", ["u1", "k1"]),
            W.event("u-j", "2020-01-20", ["u1", "j1"]),
            W.event("k-j", "2020-02-01", ["k1", "j1"]),
        ]
        for prior in [
            W.event("row", "2019-06", ["k1", "j1"], kind: .dispute, source: "k1", target: "j1"),
            W.event("summit", "2019-06", ["k1", "j1", "x1"]),
            W.event("same-day", "2020-01-20", ["k1", "j1"], kind: .statement, source: "j1", target: "k1"),
            W.event("month", "2020-01", ["k1", "j1"], kind: .statement, source: "j1", target: "k1"),
        ] {
            let (r, _) = try W.find(sequence + [prior], Self.candidates)
            #expect(r.findings.isEmpty && r.candidates.isEmpty, "\(prior.id) should cancel")
        }
        let (later, d) = try W.find(sequence + [W.event("later", "2020-01-21", ["k1", "j1"], kind: .dispute)])
        #expect(W.lines(later.findings, d).count == 1)
    }

    // Rule 2: membership (affiliation chain or a role held) and one institution are prior ties.
    @Test func membershipAndSameInstitutionCancel() throws {
        // Two officials of one ministry, linked by a Korean: no brokerage between colleagues.
        let colleagues = [
            W.event("k-m1", "2020-01-10", ["k1", "m1"]),
            W.event("k-m2", "2020-01-20", ["k1", "m2"]),
            W.event("m1-m2", "2020-02-01", ["m1", "m2"]),
        ]
        #expect(try W.find(colleagues, Self.candidates).0.candidates.isEmpty)
        // A union and its own leader (a role, not the affiliation): internal.
        let leader = [
            W.event("u-union", "2020-01-10", ["u1", "union"]),
            W.event("u-leader", "2020-01-20", ["u1", "leader"]),
            W.event("union-leader", "2020-02-01", ["union", "leader"]),
        ]
        #expect(try W.find(leader, Self.candidates).0.candidates.isEmpty)
        // A person and their own state.
        let own = [
            W.event("u-j1", "2020-01-10", ["u1", "j1"]),
            W.event("u-japan", "2020-01-20", ["u1", "japan"]),
        ]
        #expect(try W.find(own, Self.candidates).0.candidates.isEmpty)
        // The control: two officials of different institutions give a candidate.
        let (r, _) = try W.find(
            [
                W.event("k-m1", "2020-01-10", ["k1", "m1"]),
                W.event("k-j1", "2020-01-20", ["k1", "j1"]),
            ], Self.candidates)
        #expect(r.candidates.count == 1)
    }

    // Rule 2: a principal and their envoy are tied: the envoy's hosts never broker them.
    @Test func principalAndEnvoyAreTied() throws {
        let sequence = [
            W.event("call", "2020-09", ["j1", "k1"]), // Suga - Moon
            W.event("envoy", "2020-11-10", ["k2", "j1"], broker: "k2", principal: "k1"), // Park for Moon
            W.event("brief", "2020-11-20", ["k1", "k2"]),
        ]
        let (r, d) = try W.find(sequence, Self.candidates)
        #expect(!W.lines(r.candidates + r.findings, d).contains { $0.hasPrefix("temporal") })
        #expect(W.lines(r.findings, d) == ["explicit asserted k2: k1 - j1 [envoy] representative"])
        // Without the principal, j1 would be a (same-group) candidate between k1 and k2.
        var plain = sequence
        plain[1] = W.event("envoy", "2020-11-10", ["k2", "j1"])
        let (control, d2) = try W.find(plain, Self.candidates)
        #expect(W.lines(control.candidates, d2) == ["temporal candidate j1: k1 - k2 [call, envoy, brief] itinerant (same-group)"])
    }

    // Rule 3: order is decided conservatively on date intervals, and the window holds.
    @Test func orderAndWindowAreConservative() throws {
        func paths(_ first: String, _ second: String, window: Int? = 90) throws -> [String] {
            let (r, d) = try W.find(
                [W.event("ab", first, ["k1", "u1"]), W.event("bc", second, ["u1", "j1"])],
                EventBrokerageOptions(windowDays: window, includeCandidates: true))
            return r.candidates.map { "\(d[$0.from].id)-\(d[$0.to].id)" }
        }
        #expect(try paths("2020-11-09", "2020-11-10") == ["k1-j1"])
        // Same day: no order, so the relation qualifies (one finding per relation).
        #expect(try paths("2020-11-09", "2020-11-09").count == 1)
        // A month cannot be placed before a day inside it, nor a day before its month.
        #expect(try paths("2020-11", "2020-11-20") == [])
        #expect(try paths("2020-11-20", "2020-11") == [])
        #expect(try paths("2020-11", "2020-12-01") == ["k1-j1"])
        #expect(try paths("2020-11-10/2020-11-12", "2020-11-13") == ["k1-j1"])
        #expect(try paths("2020-11-10/2020-11-14", "2020-11-13") == [])
        // The window runs from the first possible day of A - B to the last possible day of B - C.
        #expect(try paths("2020-11-01", "2020-11-08", window: 7) == ["k1-j1"])
        #expect(try paths("2020-11-01", "2020-11-09", window: 7) == [])
        #expect(try paths("2020-10", "2020-11-01", window: 31) == ["k1-j1"])
        #expect(try paths("2020-10", "2020-11-01", window: 30) == [])
        // The default (90 days) never orders a year-precision contact, and no window does.
        #expect(try paths("2019", "2020-01-05") == [])
        #expect(try paths("2019", "2020-01-05", window: nil) == ["k1-j1"])
        #expect { try W.find([], EventBrokerageOptions(windowDays: -1)) } throws: { ($0 as? AnalysisError)?.code == .invalidOption }
        #expect { try W.find([], EventBrokerageOptions(closureDays: -1)) } throws: { ($0 as? AnalysisError)?.code == .invalidOption }
    }

    // Rule 5: the role follows the flow in time; representative and gatekeeper are mirror images.
    @Test func roleFollowsTheFlowInTime() throws {
        let (r, d) = try W.find([
            W.event("k1-k2", "2020-01-10", ["k1", "k2"]),
            W.event("k2-j1", "2020-01-20", ["k2", "j1"]),
            W.event("k1-j1", "2020-02-01", ["k1", "j1"]),
        ])
        #expect(W.lines(r.findings, d) == ["temporal asserted k2: k1 - j1 [k1-k2, k2-j1, k1-j1] representative"])
        let (g, d2) = try W.find([
            W.event("j1-k2", "2020-01-10", ["j1", "k2"]),
            W.event("k2-k1", "2020-01-20", ["k2", "k1"]),
            W.event("j1-k1", "2020-02-01", ["j1", "k1"]),
        ])
        #expect(W.lines(g.findings, d2) == ["temporal asserted k2: j1 - k1 [j1-k2, k2-k1, j1-k1] gatekeeper"])
        #expect(BrokerageRole.of(from: "a", broker: "a", to: "a") == .coordinator)
        #expect(BrokerageRole.of(from: "a", broker: "b", to: "a") == .itinerant)
        #expect(BrokerageRole.of(from: "a", broker: "b", to: "c") == .liaison)
    }

    // Rule 5: exclusivity is lost when another broker stands between the same two actors.
    @Test func exclusivityCountsOtherBrokers() throws {
        let (r, d) = try W.find([
            W.event("u-k", "2020-01-10", ["u1", "k1"]),
            W.event("u-j", "2020-01-20", ["u1", "j1"]),
            W.event("x-k", "2020-01-11", ["x1", "k1"]),
            W.event("x-j", "2020-01-21", ["x1", "j1"]),
            W.event("k-j", "2020-02-01", ["k1", "j1"]),
        ])
        #expect(
            W.lines(r.findings, d) == [
                "temporal asserted u1: k1 - j1 [u-k, u-j, k-j] liaison",
                "temporal asserted x1: k1 - j1 [x-k, x-j, k-j] liaison",
            ])
        #expect(r.findings.allSatisfy { !$0.exclusive })
    }

    // Rule 5 with a candidate that is not listed: x1's two-path closes too late (an open
    // candidate), yet it still stands between k1 and j1, whether candidates are asked for or not
    // (without them they are counted, not kept).
    @Test func exclusivityCountsCandidatesThatAreNotListed() throws {
        let events = [
            W.event("x-k", "2020-01-01", ["x1", "k1"]),
            W.event("x-j", "2020-01-02", ["x1", "j1"]),
            W.event("u-k", "2020-01-20", ["u1", "k1"]),
            W.event("u-j", "2020-01-25", ["u1", "j1"]),
            W.event("k-j", "2020-03-01", ["k1", "j1"]),
        ]
        let closure = EventBrokerageOptions(closureDays: 40)
        let (r, d) = try W.find(events, closure)
        #expect(W.lines(r.findings, d) == ["temporal asserted u1: k1 - j1 [u-k, u-j, k-j] liaison"])
        #expect(r.candidates.isEmpty)
        #expect(r.findings.first?.exclusive == false)
        var listed = closure
        listed.includeCandidates = true
        let (all, _) = try W.find(events, listed)
        #expect(
            W.lines(all.candidates.filter { d[$0.broker].id == "x1" }, d)
                == ["temporal candidate x1: k1 - j1 [x-k, x-j] liaison (open)"])
        #expect(all.findings.map(\.exclusive) == [false])
        // Without x1's contacts the same finding is exclusive.
        let (alone, _) = try W.find(Array(events.dropFirst(2)), closure)
        #expect(alone.findings.map(\.exclusive) == [true])
    }

    // Filters: roles, cross-group, explicit only.
    @Test func filtersKeepWhatIsAskedFor() throws {
        let events = [
            W.event("k1-k2", "2020-01-10", ["k1", "k2"]),
            W.event("k2-j1", "2020-01-20", ["k2", "j1"]),
            W.event("k1-j1", "2020-02-01", ["k1", "j1"]),
            W.event("deal", "2020-03", ["k1", "k2"], broker: "x1"),
        ]
        let (all, _) = try W.find(events)
        #expect(all.findings.map(\.role) == [.representative, .itinerant])
        #expect(try W.find(events, EventBrokerageOptions(roles: [.itinerant])).0.findings.map(\.role) == [.itinerant])
        #expect(try W.find(events, EventBrokerageOptions(crossGroupOnly: true)).0.findings.map(\.role) == [.representative])
        #expect(try W.find(events, EventBrokerageOptions(temporal: false)).0.findings.map(\.basis) == [.explicit])
    }
}
