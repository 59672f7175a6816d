import ActorGraphAnalysis
import ActorGraphCore
import ActorGraphIO
import Foundation
import Testing

/// Structural balance against `scripts/reference/balance.py`, a brute-force enumeration of every
/// node triple written from the definition (no graph library has signed balance), and the rules
/// of the signed view on hand-made events.
@Suite struct StructuralBalanceTests {
    @Test(arguments: ["balance-random-sparse", "balance-random-dense"])
    func randomSignedGraphsMatchTheBruteForceReference(name: String) throws {
        let fixture = try ReferenceFixture.load(name)
        let results = try #require(fixture.json["results"] as? [String: Any])
        let report = StructuralBalance.analyse(fixture.graph, signs: try TieSigns(graph: fixture.graph, column: "sign"))
        #expect(report.byNegatives == (results["by_negatives"] as? [Int]))
        #expect(report.withNeutralSide == results["with_neutral_side"] as? Int)
        let share = try #require(results["balanced_share"] as? Double)
        #expect(abs(report.balancedShare - share) <= 1e-12)
        let expected = try #require(results["unbalanced"] as? [[String]])
        #expect(report.unbalanced.map { $0.nodes.map(fixture.graph.name(of:)) } == expected)
    }

    static let seedPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Graphs/korea-japan-2020.yaml").path

    @Test(arguments: [SignRule.mean, .sum])
    func theSeedSignedViewMatchesTheBruteForceReference(rule: SignRule) throws {
        let fixture = try ReferenceFixture.load("balance-seed")
        let all = try #require(fixture.json["results"] as? [String: Any])
        let results = try #require(all[rule.rawValue] as? [String: Any])
        let dataset = try DatasetReader.read(path: Self.seedPath)
        let projection = EventProjection(dataset, options: ProjectionOptions())
        let signs = TieSigns(projection: projection, dataset: dataset, rule: rule)
        let report = StructuralBalance.analyse(projection.graph, signs: signs)
        #expect(report.byNegatives == (results["by_negatives"] as? [Int]))
        #expect(report.withNeutralSide == results["with_neutral_side"] as? Int)
        let pairs = try #require(results["pairs"] as? [String: Int])
        #expect([report.positivePairs, report.negativePairs, report.neutralPairs] == [pairs["positive"], pairs["negative"], pairs["neutral"]])
        // Triangles and sides keyed by names (the reference orders nodes by name, we by node id).
        let graph = projection.graph
        var ours: [[String]: [String: [String]]] = [:]
        for t in report.unbalanced {
            let names = t.nodes.map(graph.name(of:))
            var sides: [String: [String]] = [:]
            for (i, pair) in [(0, 1), (0, 2), (1, 2)].enumerated() {
                let key = [names[pair.0], names[pair.1]].sorted().joined(separator: " - ")
                sides[key] = t.sides[i].flatMap { signs.signingEvents[$0.index].map { dataset[$0].id } }.sorted()
            }
            ours[names.sorted()] = sides
        }
        var reference: [[String]: [String: [String]]] = [:]
        let triples = try #require(results["unbalanced"] as? [[String]])
        let referenceSides = try #require(results["unbalanced_sides"] as? [[[String]]])
        for (triple, sides) in zip(triples, referenceSides) {
            reference[triple] = [
                triple[0] + " - " + triple[1]: sides[0], triple[0] + " - " + triple[2]: sides[1],
                triple[1] + " - " + triple[2]: sides[2],
            ]
        }
        #expect(ours == reference)
        #expect(ours.count == report.unbalancedCount)
    }

    /// The seed's unbalanced triangles, read against the articles: each is South Korea (the
    /// state, Moon) on good terms with both Washington (Trump's Indo-Pacific link to the New
    /// Southern Policy, Biden) and a power Washington opposes (Pyongyang after Hanoi, Beijing as
    /// "largest strategic competitor"): Seoul's position between its ally and its neighbours,
    /// which the articles describe as the strain in the alliance. No triangle is +-- or ---.
    @Test func theSeedsUnbalancedTrianglesAreSeoulsBetweenWashingtonAndItsNeighbours() throws {
        let dataset = try DatasetReader.read(path: Self.seedPath)
        let projection = EventProjection(dataset, options: ProjectionOptions())
        let report = StructuralBalance.analyse(projection.graph, signs: TieSigns(projection: projection, dataset: dataset))
        let graph = projection.graph
        let triangles = Set(report.unbalanced.map { Set($0.nodes.map(graph.name(of:))) })
        #expect(
            triangles == [
                ["south-korea", "united-states", "north-korea"], ["south-korea", "joe-biden", "north-korea"],
                ["moon-jae-in", "joe-biden", "north-korea"], ["moon-jae-in", "joe-biden", "china"],
            ])
        #expect(report.byNegatives[2] == 0 && report.byNegatives[3] == 0)
        // The one negative side of each is Washington's hostility, from the event named here.
        for t in report.unbalanced {
            let negative = try #require(t.signs.firstIndex(of: -1))
            let events = t.sides[negative].flatMap { TieSigns(projection: projection, dataset: dataset).signingEvents[$0.index] }.map { dataset[$0].id }
            #expect(
                events.allSatisfy {
                    [
                        "north-korea-refuses-denuclearization-talks-after-hanoi",
                        "2021-biden-administration-names-north-korea-a-serious-challenge",
                        "2021-biden-administration-calls-china-largest-strategic-competitor",
                    ].contains($0)
                }, "\(events)")
        }
    }

    static func dataset(_ events: String) throws -> Dataset {
        try DatasetReader.read(
            text: """
                sources: [{id: s, title: T}]
                actors:
                  - {id: a, name: A, kind: state}
                  - {id: b, name: B, kind: state}
                  - {id: c, name: C, kind: state}
                  - {id: d, name: D, kind: state}
                events:
                \(events)
                """, file: "t.yaml")
    }

    static func signs(_ events: String, rule: SignRule = .mean, neutral: Double = 0) throws -> [String: Int8] {
        let d = try dataset(events)
        let p = EventProjection(d, options: ProjectionOptions())
        let s = TieSigns(projection: p, dataset: d, rule: rule, neutral: neutral)
        var out: [String: Int8] = [:]
        for (i, e) in p.edges.enumerated() { out[[d[e.source].id, d[e.target].id].sorted().joined()] = s.signs[i] }
        return out
    }

    @Test func aDirectedEventSignsOnlyItsSourceTargetTie() throws {
        let s = try Self.signs(
            """
              - {id: e1, date: 2020, kind: dispute, participants: [a, b, c], source: a, target: b, tone: -5, citations: [{source: s, quote: q}]}
            """)
        #expect(s == ["ab": -1, "ac": 0, "bc": 0])
    }

    @Test func anUndirectedEventSignsEveryTieItForms() throws {
        let s = try Self.signs(
            """
              - {id: e1, date: 2020, kind: meeting, participants: [a, b, c], tone: 2, citations: [{source: s, quote: q}]}
            """)
        #expect(s == ["ab": 1, "ac": 1, "bc": 1])
    }

    @Test func rulesMeanSumAndLatestDiffer() throws {
        // Two mild meetings and a sharp dispute dated before them: mean (1 + 1 - 5) / 3 = -1, sum -3,
        // latest (the February meeting) +1; a neutral band of 1 makes the mean of -1 neutral.
        let events = """
              - {id: e1, date: 2020-01, kind: meeting, participants: [a, b], tone: 1, citations: [{source: s, quote: q}]}
              - {id: e2, date: 2020-02, kind: meeting, participants: [a, b], tone: 1, citations: [{source: s, quote: q}]}
              - {id: e3, date: 2019-03, kind: dispute, participants: [a, b], source: a, target: b, tone: -5, citations: [{source: s, quote: q}]}
            """
        #expect(try Self.signs(events, rule: .mean)["ab"] == -1)
        #expect(try Self.signs(events, rule: .sum)["ab"] == -1)
        #expect(try Self.signs(events, rule: .latest)["ab"] == 1)
        // Within the neutral band: no sign.
        #expect(try Self.signs(events, rule: .mean, neutral: 1)["ab"] == 0)
    }

    @Test func eventsWithoutToneDoNotSign() throws {
        let s = try Self.signs(
            """
              - {id: e1, date: 2020, kind: meeting, participants: [a, b], citations: [{source: s, quote: q}]}
            """)
        #expect(s == ["ab": 0])
    }

    @Test func theEnemyOfMyEnemyIsBalancedAndTwoFriendsAtOddsAreNot() throws {
        let d = try Self.dataset(
            """
              - {id: e1, date: 2020, kind: dispute, participants: [a, b], source: a, target: b, tone: -4, citations: [{source: s, quote: q}]}
              - {id: e2, date: 2020, kind: dispute, participants: [b, c], source: c, target: b, tone: -4, citations: [{source: s, quote: q}]}
              - {id: e3, date: 2020, kind: meeting, participants: [a, c], tone: 2, citations: [{source: s, quote: q}]}
              - {id: e4, date: 2020, kind: meeting, participants: [a, d], tone: 2, citations: [{source: s, quote: q}]}
              - {id: e5, date: 2020, kind: meeting, participants: [c, d], tone: 2, citations: [{source: s, quote: q}]}
              - {id: e6, date: 2020, kind: dispute, participants: [b, d], source: d, target: b, tone: -1, citations: [{source: s, quote: q}]}
            """)
        let p = EventProjection(d, options: ProjectionOptions())
        let r = StructuralBalance.analyse(p.graph, signs: TieSigns(projection: p, dataset: d))
        // a-c-d +++, a-b-c +--, a-b-d +--, b-c-d +--: all balanced.
        #expect(r.byNegatives == [1, 0, 3, 0] && r.unbalanced.isEmpty && r.balancedShare == 1)
        let d2 = try Self.dataset(
            """
              - {id: e1, date: 2020, kind: meeting, participants: [a, b], tone: 2, citations: [{source: s, quote: q}]}
              - {id: e2, date: 2020, kind: meeting, participants: [a, c], tone: 2, citations: [{source: s, quote: q}]}
              - {id: e3, date: 2020, kind: dispute, participants: [b, c], source: b, target: c, tone: -3, citations: [{source: s, quote: q}]}
            """)
        let p2 = EventProjection(d2, options: ProjectionOptions())
        let r2 = StructuralBalance.analyse(p2.graph, signs: TieSigns(projection: p2, dataset: d2))
        #expect(r2.byNegatives == [0, 1, 0, 0] && r2.unbalanced.count == 1 && r2.balancedShare == 0)
    }
}
