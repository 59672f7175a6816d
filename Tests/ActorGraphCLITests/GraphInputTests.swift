import Foundation
import Testing

/// GraphML and CSV inputs through the whole tool: reader, analysis, output. The expected numbers
/// are networkx's, from the analysis fixtures computed on the same karate club graph.
@Suite struct GraphInputTests {
    static let graphml = "Tests/ActorGraphIOTests/Fixtures/graphml/karate.graphml"
    static let csv = "Tests/ActorGraphIOTests/Fixtures/csv/karate.csv"

    static func networkx(_ key: String) throws -> [String: Double] {
        let url = CLI.root.appendingPathComponent("Tests/ActorGraphAnalysisTests/Fixtures/centrality-karate.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let results = try #require(json["results"] as? [String: Any])
        return try #require(results[key] as? [String: Double], "no \(key) in the fixture")
    }

    @Test(arguments: [
        (graphml, "pagerank", "pagerank"), (csv, "pagerank", "pagerank"),
        (graphml, "betweenness", "betweenness"), (csv, "closeness", "closeness"),
        (graphml, "katz", "katz"), (csv, "core", "core"), (graphml, "clustering", "clustering"),
    ])
    func karateScoresEqualNetworkx(input: String, measure: String, key: String) throws {
        let r = try CLI.run(["centrality", input, "--measure", measure, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let scores = try #require(try CLI.json(r)["scores"] as? [String: Double])
        let expected = try Self.networkx(key)
        #expect(scores.count == expected.count)
        for (node, value) in expected {
            let got = try #require(scores[node], "no score for \(node)")
            #expect(abs(got - value) <= 1e-9 * max(1, abs(value)), "\(measure) \(node): \(got) vs networkx \(value)")
        }
    }

    @Test func badGraphFilesAreLocatedErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bad-graphs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("bad.csv")
        try "source,target,weight\na,b,1\nc,d\n".write(to: csv, atomically: true, encoding: .utf8)
        let r1 = try CLI.run(["components", csv.path])
        #expect(r1.status == 1)
        #expect(r1.stderr.hasPrefix("\(csv.path):3:"), "\(r1.stderr)")
        let xml = dir.appendingPathComponent("bad.graphml")
        try "<graphml><graph edgedefault=\"undirected\"><node id=\"a\"/><edge source=\"a\"></graph></graphml>"
            .write(to: xml, atomically: true, encoding: .utf8)
        let r2 = try CLI.run(["components", xml.path])
        #expect(r2.status == 1)
        #expect(r2.stderr.hasPrefix("\(xml.path):1:"), "\(r2.stderr)")
        let unknown = try CLI.run(["components", dir.appendingPathComponent("graph.txt").path])
        #expect(unknown.status == 2)
    }
}
