import ActorGraphAnalysis
import ActorGraphCore
import Testing

/// Explicit and temporal brokerage on datasets built in code.
@Suite struct BrokerageEventsTests {
    /// Moon sends Park Jie-won to Tokyo; Park meets Kitamura and Nikai on one day, Suga the next;
    /// Nikai later calls on Moon, with Park named as broker. Suga and Kitamura met some time in
    /// November (month precision).
    static func envoy(extra: [EventRecord] = []) throws -> Dataset {
        let actors = [
            ActorRecord(id: "south-korea", name: "South Korea", kind: .state),
            ActorRecord(id: "japan", name: "Japan", kind: .state),
            ActorRecord(id: "nis", name: "National Intelligence Service", kind: .institution, affiliation: ActorID(0)),
            ActorRecord(id: "moon-jae-in", name: "Moon Jae-in", kind: .person, affiliation: ActorID(0)),
            ActorRecord(id: "park-jie-won", name: "Park Jie-won", kind: .person, affiliation: ActorID(2)),
            ActorRecord(id: "yoshihide-suga", name: "Yoshihide Suga", kind: .person, affiliation: ActorID(1)),
            ActorRecord(id: "toshihiro-nikai", name: "Toshihiro Nikai", kind: .person, affiliation: ActorID(1)),
            ActorRecord(id: "shigeru-kitamura", name: "Shigeru Kitamura", kind: .person, affiliation: ActorID(1)),
        ]
        func id(_ s: String) -> ActorID { ActorID(actors.firstIndex { $0.id == s }!) }
        func meeting(_ eid: String, _ date: String, _ who: [String], broker: String? = nil) -> EventRecord {
            EventRecord(id: eid, date: EventDate(date)!, kind: .meeting, participants: who.map(id), broker: broker.map(id))
        }
        let events = [
            meeting("moon-briefs-park", "2020-11-05", ["moon-jae-in", "park-jie-won"]),
            meeting("park-meets-kitamura", "2020-11-09", ["park-jie-won", "shigeru-kitamura"]),
            meeting("park-meets-nikai", "2020-11-09", ["park-jie-won", "toshihiro-nikai"]),
            meeting("park-meets-suga", "2020-11-10", ["park-jie-won", "yoshihide-suga"]),
            meeting("suga-kitamura-november", "2020-11", ["yoshihide-suga", "shigeru-kitamura"]),
            meeting("nikai-calls-on-moon", "2020-11-13", ["toshihiro-nikai", "moon-jae-in"], broker: "park-jie-won"),
            EventRecord(id: "suga-criticises-moon", date: EventDate("2020-11-12")!, kind: .statement,
                        participants: [id("yoshihide-suga"), id("moon-jae-in")],
                        source: id("yoshihide-suga"), target: id("moon-jae-in")),
        ] + extra
        return try Dataset(title: "envoy", sources: [], actors: actors, events: events)
    }

    static func described(_ result: EventBrokerage, _ dataset: Dataset) -> [String] {
        result.findings.map { f in
            "\(f.basis.rawValue) \(dataset[f.broker].id): \(dataset[f.from].id) -> \(dataset[f.to].id) "
                + "[\(f.events.map { dataset[$0].id }.joined(separator: ", "))]"
        }
    }

    @Test func envoyScenario() throws {
        let dataset = try Self.envoy()
        let projection = EventProjection(dataset)
        let result = try EventBrokerage.find(in: dataset, projection: projection)
        #expect(Self.described(result, dataset) == [
            // Ties in date are in dataset order of the actors (Nikai before Kitamura).
            "temporal park-jie-won: moon-jae-in -> toshihiro-nikai [moon-briefs-park, park-meets-nikai]",
            "temporal park-jie-won: moon-jae-in -> shigeru-kitamura [moon-briefs-park, park-meets-kitamura]",
            // Same day: no order between the two meetings, so both directions qualify.
            "temporal park-jie-won: toshihiro-nikai -> shigeru-kitamura [park-meets-nikai, park-meets-kitamura]",
            "temporal park-jie-won: shigeru-kitamura -> toshihiro-nikai [park-meets-kitamura, park-meets-nikai]",
            // Not Kitamura -> Suga: they met in November, possibly before 10 November.
            "temporal park-jie-won: moon-jae-in -> yoshihide-suga [moon-briefs-park, park-meets-suga]",
            "temporal park-jie-won: toshihiro-nikai -> yoshihide-suga [park-meets-nikai, park-meets-suga]",
            "explicit park-jie-won: toshihiro-nikai -> moon-jae-in [nikai-calls-on-moon]",
        ])
        let park = try #require(result.brokers.first)
        #expect(result.brokers.count == 1)
        #expect(dataset[park.broker].id == "park-jie-won")
        #expect(park.count == 7 && park.explicitCount == 1 && park.temporalCount == 6)
        #expect(park.groupPairs == ["south-korea -> japan", "japan -> japan", "japan -> south-korea"])
        #expect(park.first.description == "2020-11-09" && park.last.description == "2020-11-13")

        #expect(EventBrokerage.sentence(for: result.findings[4], in: dataset) ==
            "Park Jie-won brokered Moon Jae-in -> Yoshihide Suga (South Korea -> Japan): met Moon Jae-in 2020-11-05 [moon-briefs-park], met Yoshihide Suga 2020-11-10 [park-meets-suga]")
        #expect(EventBrokerage.sentence(for: result.findings[6], in: dataset) ==
            "Park Jie-won brokered Toshihiro Nikai -> Moon Jae-in (Japan -> South Korea): named as broker of the meeting on 2020-11-13 [nikai-calls-on-moon]")
    }

    /// An envoy who takes part for a principal links the principal with the others; a contact
    /// between an actor and its own state is never a brokerage.
    @Test func envoyPrincipalAndInternalContacts() throws {
        let base = try Self.envoy()
        let id = { (s: String) in base.actorID(forID: s)! }
        let dataset = try Self.envoy(extra: [
            EventRecord(id: "envoy-meets-suga", date: EventDate("2020-11-20")!, kind: .meeting,
                        participants: [id("park-jie-won"), id("yoshihide-suga")],
                        broker: id("park-jie-won"), principal: id("moon-jae-in")),
            EventRecord(id: "suga-meets-japan", date: EventDate("2020-11-21")!, kind: .meeting,
                        participants: [id("yoshihide-suga"), id("japan")], broker: id("toshihiro-nikai")),
            EventRecord(id: "three-sided", date: EventDate("2020-11-22")!, kind: .meeting,
                        participants: [id("moon-jae-in"), id("yoshihide-suga"), id("shigeru-kitamura")],
                        broker: id("park-jie-won")),
        ])
        let result = try EventBrokerage.find(in: dataset, projection: EventProjection(dataset),
                                             options: EventBrokerageOptions(temporal: false))
        #expect(Self.described(result, dataset) == [
            "explicit park-jie-won: toshihiro-nikai -> moon-jae-in [nikai-calls-on-moon]",
            "explicit park-jie-won: moon-jae-in -> yoshihide-suga [envoy-meets-suga]",
            // Suga and Kitamura are on one side of the three-sided meeting: no pair between them.
            "explicit park-jie-won: moon-jae-in -> yoshihide-suga [three-sided]",
            "explicit park-jie-won: moon-jae-in -> shigeru-kitamura [three-sided]",
        ])
        // Without the principal, the envoy's own meeting names nobody else to link.
        let plain = try Self.envoy(extra: [
            EventRecord(id: "envoy-meets-suga", date: EventDate("2020-11-20")!, kind: .meeting,
                        participants: [id("park-jie-won"), id("yoshihide-suga")], broker: id("park-jie-won")),
        ])
        let none = try EventBrokerage.find(in: plain, projection: EventProjection(plain),
                                           options: EventBrokerageOptions(temporal: false))
        #expect(!Self.described(none, plain).contains { $0.contains("envoy-meets-suga") })
    }

    @Test func windowIsMeasuredConservatively() throws {
        let dataset = try Self.envoy()
        let result = try EventBrokerage.find(in: dataset, projection: EventProjection(dataset),
                                             options: EventBrokerageOptions(windowDays: 3, explicit: false))
        // Moon (5 Nov) -> Kitamura (9 Nov) is 4 days: outside; the Tokyo meetings are within 1 day.
        #expect(Self.described(result, dataset) == [
            "temporal park-jie-won: toshihiro-nikai -> shigeru-kitamura [park-meets-nikai, park-meets-kitamura]",
            "temporal park-jie-won: shigeru-kitamura -> toshihiro-nikai [park-meets-kitamura, park-meets-nikai]",
            "temporal park-jie-won: toshihiro-nikai -> yoshihide-suga [park-meets-nikai, park-meets-suga]",
        ])
        #expect { try EventBrokerage.find(in: dataset, projection: EventProjection(dataset),
                                          options: EventBrokerageOptions(windowDays: -1)) }
            throws: { ($0 as? BrokerageError)?.code == .invalidOption }
    }

    @Test func earlierContactRulesOut() throws {
        // Moon and Suga met (a month-precision date) before Park met Suga: no brokerage Moon -> Suga.
        let dataset = try Self.envoy(extra: [
            EventRecord(id: "moon-suga-october", date: EventDate("2020-10")!, kind: .meeting,
                        participants: [ActorID(3), ActorID(5)]),
        ])
        let result = try EventBrokerage.find(in: dataset, projection: EventProjection(dataset),
                                             options: EventBrokerageOptions(explicit: false))
        let lines = Self.described(result, dataset)
        #expect(!lines.contains { $0.contains("moon-jae-in -> yoshihide-suga") })
        #expect(lines.contains { $0.contains("moon-jae-in -> toshihiro-nikai") })
    }

    @Test func contactKindsAreConfigurable() throws {
        let dataset = try Self.envoy()
        let chain = "temporal moon-jae-in: yoshihide-suga -> toshihiro-nikai [suga-criticises-moon, nikai-calls-on-moon]"
        // By default only meetings are contacts: Suga's statement to Moon (12 Nov) is none.
        let meetings = try EventBrokerage.find(in: dataset, projection: EventProjection(dataset),
                                               options: EventBrokerageOptions(explicit: false))
        #expect(!Self.described(meetings, dataset).contains(chain))
        // With statements as contacts, Moon heard from Suga (12 Nov) and then met Nikai (13 Nov),
        // who had no contact with Suga.
        let both = try EventBrokerage.find(in: dataset, projection: EventProjection(dataset),
                                           options: EventBrokerageOptions(contactKinds: [.meeting, .statement], explicit: false))
        let lines = Self.described(both, dataset)
        #expect(lines.contains(chain))
        // Park -> Moon via Suga does not hold: Park and Moon met on 5 Nov, before.
        #expect(!lines.contains { $0.hasPrefix("temporal yoshihide-suga: park-jie-won -> moon-jae-in") })
        #expect { try EventBrokerage.find(in: dataset, projection: EventProjection(dataset),
                                          options: EventBrokerageOptions(contactKinds: [])) }
            throws: { ($0 as? BrokerageError)?.code == .invalidOption }
    }

    @Test func groupsAndRollUp() throws {
        let dataset = try Self.envoy()
        let byKind = try EventBrokerage.find(in: dataset, projection: EventProjection(dataset),
                                             options: EventBrokerageOptions(groupAttribute: "kind"))
        #expect(byKind.brokers.first?.groupPairs == ["person -> person"])
        #expect { try EventBrokerage.find(in: dataset, projection: EventProjection(dataset),
                                          options: EventBrokerageOptions(groupAttribute: "faction")) }
            throws: { ($0 as? BrokerageError)?.code == .unknownAttribute && "\($0)".contains("state") }
        // Rolled up to states, Park is South Korea: every contact is South Korea - Japan, and
        // a state cannot broker between itself and another.
        var options = ProjectionOptions()
        options.rollUp = .state
        let states = try EventBrokerage.find(in: dataset, projection: EventProjection(dataset, options: options))
        #expect(states.findings.isEmpty)
    }

    /// A -- B dated `first`, B -- C dated `second`: does B broker A -> C?
    static func brokers(first: String, second: String, window: Int? = nil) throws -> [String] {
        let actors = ["a", "b", "c"].map { ActorRecord(id: $0, name: $0.uppercased(), kind: .person) }
        let dataset = try Dataset(sources: [], actors: actors, events: [
            EventRecord(id: "ab", date: EventDate(first)!, kind: .meeting, participants: [ActorID(0), ActorID(1)]),
            EventRecord(id: "bc", date: EventDate(second)!, kind: .meeting, participants: [ActorID(1), ActorID(2)]),
        ])
        return described(try EventBrokerage.find(in: dataset, projection: EventProjection(dataset),
                                                 options: EventBrokerageOptions(windowDays: window)), dataset)
    }

    @Test func datePrecisionDecidesOrder() throws {
        let forward = "temporal b: a -> c [ab, bc]", backward = "temporal b: c -> a [bc, ab]"
        // Day before day: one direction.
        #expect(try Self.brokers(first: "2020-11-09", second: "2020-11-10") == [forward])
        // Same day: no order, both directions.
        #expect(try Self.brokers(first: "2020-11-09", second: "2020-11-09") == [forward, backward])
        // A month cannot be placed before a day inside it, nor after it.
        #expect(try Self.brokers(first: "2020-11", second: "2020-11-20") == [])
        // A month before a day of the next month; a year before the next year.
        #expect(try Self.brokers(first: "2020-11", second: "2020-12-01") == [forward])
        #expect(try Self.brokers(first: "2019", second: "2020") == [forward])
        // Ranges: 10-12 November ends before 13 November starts.
        #expect(try Self.brokers(first: "2020-11-10/2020-11-12", second: "2020-11-13") == [forward])
        #expect(try Self.brokers(first: "2020-11-10/2020-11-14", second: "2020-11-13") == [])
        // The window runs from the first possible day of A-B to the last possible day of B-C.
        #expect(try Self.brokers(first: "2020-11-01", second: "2020-11-08", window: 7) == [forward])
        #expect(try Self.brokers(first: "2020-11-01", second: "2020-11-09", window: 7) == [])
        #expect(try Self.brokers(first: "2020-10", second: "2020-11-01", window: 7) == [])
    }
}
