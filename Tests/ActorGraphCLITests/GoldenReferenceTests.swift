import Foundation
import Testing

/// The analysis goldens against networkx: `scripts/reference/seed_goldens.py` reads the seed's
/// contact view as `actorgraph convert` exports it and writes `Fixtures/seed-reference.json`
/// (networkx 3.6.1, versions inside). A golden recorded from a wrong program fails here even
/// though the golden test itself would pass.
@Suite struct GoldenReferenceTests {
    static let fixtureURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seed-reference.json")

    static func object(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any], "\(url.lastPathComponent)")
    }

    static func golden(_ name: String) throws -> [String: Any] {
        try object(Golden.directory.appendingPathComponent(name))
    }

    static func results() throws -> [String: Any] {
        try #require(try object(fixtureURL)["results"] as? [String: Any])
    }

    /// `actual` has the keys of `expected` and each value within a relative 1e-9 (null for null).
    static func expectSameScores(
        _ actual: [String: Any], _ expected: [String: Any], _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(Set(actual.keys) == Set(expected.keys), "\(what): node sets differ", sourceLocation: sourceLocation)
        var differences: [String] = []
        Golden.compareJSON(expected, actual, path: what, into: &differences, limit: 10)
        #expect(differences == [], "\(what) differs from networkx", sourceLocation: sourceLocation)
    }

    @Test func theFixtureWasComputedOnTheGoldensGraph() throws {
        let graph = try #require(try Self.object(Self.fixtureURL)["graph"] as? [String: Any])
        let nodeLink = try Self.golden("convert-contact.node-link.json")
        #expect((nodeLink["nodes"] as? [Any])?.count == graph["nodes"] as? Int)
        #expect((nodeLink["edges"] as? [Any])?.count == graph["edges"] as? Int)
        let tool = try #require(try Self.object(Self.fixtureURL)["tool"] as? [String: String])
        #expect(tool["networkx"] != nil)
    }

    @Test(arguments: GoldenTests.centralityMeasures)
    func centralityGoldenEqualsNetworkx(measure: String) throws {
        let expected = try #require((try Self.results()["centrality"] as? [String: Any])?[measure] as? [String: Any])
        let golden = try Self.golden("centrality-\(measure).json")
        #expect(golden["measure"] as? String == measure)
        Self.expectSameScores(try #require(golden["scores"] as? [String: Any]), expected, measure)
    }

    /// The CSV and table goldens of betweenness carry the same numbers as networkx, the table
    /// ranked (highest first) and rounded to 6 significant digits.
    @Test func betweennessCSVAndTableEqualNetworkx() throws {
        let expected = try #require((try Self.results()["centrality"] as? [String: Any])?["betweenness"] as? [String: Double])
        let csv = CSVText.rows(try String(contentsOf: Golden.directory.appendingPathComponent("centrality-betweenness.csv"), encoding: .utf8))
        #expect(csv.first == ["node", "betweenness"])
        #expect(csv.count == expected.count + 1)
        for row in csv.dropFirst() {
            #expect(Golden.close(Double(row[1]) ?? .nan, expected[row[0]] ?? .infinity), "\(row)")
        }
        let table = Golden.tableRows(try String(contentsOf: Golden.directory.appendingPathComponent("centrality-betweenness.table"), encoding: .utf8))
        let ranked = expected.sorted { $0.value > $1.value }
        let rows = table.filter { $0.count >= 3 && Int($0[0]) != nil }
        #expect(rows.count == expected.count)
        for (row, reference) in zip(rows.prefix(3), ranked.prefix(3)) {
            #expect(row[1] == reference.key)
            #expect(row.last == String(format: "%.6g", reference.value))
        }
    }

    @Test func structuralHolesGoldenEqualsNetworkx() throws {
        let expected = try #require(try Self.results()["structural_holes"] as? [String: Any])
        let golden = try Self.golden("structural-holes.json")
        for key in ["constraint", "effective_size", "efficiency"] {
            Self.expectSameScores(try #require(golden[key] as? [String: Any]), try #require(expected[key] as? [String: Any]), key)
        }
    }

    @Test func componentsGoldenEqualsNetworkx() throws {
        let expected = try #require(try Self.results()["components"] as? [[String]])
        let golden = try #require(try Self.golden("components.json")["components"] as? [[String]])
        #expect(Set(golden.map { Set($0) }) == Set(expected.map { Set($0) }))
        #expect(golden.map(\.count) == golden.map(\.count).sorted(by: >)) // largest first, as documented
    }

    @Test func communitiesGoldenModularityEqualsNetworkx() throws {
        let expected = try #require(try Self.results()["communities"] as? [String: Any])
        let golden = try Self.golden("communities-seed7.json")
        #expect(expected["is_partition"] as? Bool == true)
        #expect(Golden.close(golden["modularity"] as? Double ?? .nan, expected["modularity"] as? Double ?? .infinity))
    }

    @Test func pathGoldensEqualNetworkx() throws {
        let paths = try #require(try Self.results()["paths"] as? [String: [String: Any]])
        func golden(_ name: String) throws -> [[String: Any]] { try #require(try Self.golden(name)["paths"] as? [[String: Any]]) }
        let direct = try #require(paths["moon-jae-in shigeru-kitamura"])
        let one = try golden("path.json")
        #expect(one.count == 1)
        #expect(one.first?["cost"] as? Double == (direct["length"] as? Int).map(Double.init))
        #expect((direct["all_shortest"] as? [[String]])?.contains(one.first?["nodes"] as? [String] ?? []) == true)
        let four = try #require(paths["netflix takeo-kawamura"])
        let all = try golden("path-all.json")
        #expect(Set(all.compactMap { $0["nodes"] as? [String] }) == Set(four["all_shortest"] as? [[String]] ?? []))
        #expect(all.allSatisfy { $0["cost"] as? Double == (four["length"] as? Int).map(Double.init) })
        let k = try golden("path-k3.json")
        #expect(k.compactMap { $0["cost"] as? Double } == (four["k3_lengths"] as? [Int] ?? []).map(Double.init))
    }
}
