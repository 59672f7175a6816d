import Foundation
import Testing

/// The analysis commands end to end on the seed dataset: JSON contracts, tables, bad input.
@Suite struct AnalysisCommandsTests {
    @Test(arguments: [
        "degree", "in-degree", "out-degree", "strength", "betweenness", "closeness", "harmonic",
        "eigenvector", "pagerank", "katz", "clustering", "core",
    ])
    func centralityJSONHasAScoreForEveryActor(measure: String) throws {
        let r = try CLI.run(["centrality", CLI.seed, "--measure", measure, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try CLI.json(r)
        #expect(json["measure"] as? String == measure)
        let scores = try #require(json["scores"] as? [String: Double])
        #expect(scores.count == 70)
        let finite = scores.values.allSatisfy { $0.isFinite }
        #expect(finite)
    }

    @Test func centralityTopAndFormats() throws {
        let top = try CLI.json(try CLI.run(["centrality", CLI.seed, "--measure", "betweenness", "--top", "3", "--format", "json"]))
        let scores = try #require(top["scores"] as? [String: Double])
        // networkx 3.6.1 betweenness_centrality of the contact view (meetings, cooperation and the
        // principal ties: `edges --kind meeting --kind cooperation`, 70 nodes, 44 edges): Suga 0.0563,
        // Moon 0.0230, South Korea 0.0224 are the top three.
        #expect(Set(scores.keys) == ["yoshihide-suga", "moon-jae-in", "south-korea"])
        #expect(abs((scores["yoshihide-suga"] ?? 0) - 0.056265984654731455) < 1e-12)
        let csv = try CLI.run(["centrality", CLI.seed, "--measure", "degree", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").count == 71)
        let weighted = try CLI.run(["centrality", CLI.seed, "--measure", "closeness", "--weight", "weight", "--weight-as", "strength"])
        #expect(weighted.status == 0, "\(weighted.stderr)")
    }

    @Test func pathsAreExplainedByTheirEvents() throws {
        let r = try CLI.run(["path", CLI.seed, "Moon Jae-in", "Shigeru Kitamura", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let paths = try #require(try CLI.json(r)["paths"] as? [[String: Any]])
        let path = try #require(paths.first)
        let nodes = try #require(path["nodes"] as? [String])
        #expect(nodes.first == "moon-jae-in" && nodes.last == "shigeru-kitamura")
        let hops = try #require(path["hops"] as? [[String: Any]])
        #expect(hops.count == nodes.count - 1)
        #expect(path["cost"] as? Double == Double(hops.count))
        for hop in hops {
            #expect(!((hop["events"] as? [String]) ?? []).isEmpty)
            #expect(hop["from"] is String && hop["to"] is String && hop["weight"] is Double)
        }
        let k = try CLI.json(try CLI.run(["path", CLI.seed, "moon-jae-in", "yoshihide-suga", "--k", "3", "--format", "json"]))
        let costs = ((k["paths"] as? [[String: Any]]) ?? []).compactMap { $0["cost"] as? Double }
        #expect(costs.count == 3 && costs == costs.sorted())
        let temporal = try CLI.run(["path", CLI.seed, "moon", "Kitamura", "--time-respecting", "--format", "json"])
        #expect(temporal.status == 0, "\(temporal.stderr)")
    }

    @Test func unknownNamesSuggestTheClosest() throws {
        let r = try CLI.run(["path", CLI.seed, "moon", "Yoshihde Suga"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("did you mean 'yoshihide-suga'"))
    }

    @Test func communitiesAndComponents() throws {
        let c = try CLI.json(try CLI.run(["communities", CLI.seed, "--seed", "7", "--format", "json"]))
        let q = try #require(c["modularity"] as? Double)
        #expect(q > 0.3 && q < 1)
        let communities = try #require(c["communities"] as? [[String]])
        #expect(communities.reduce(0) { $0 + $1.count } == 70)
        let again = try CLI.json(try CLI.run(["communities", CLI.seed, "--seed", "7", "--format", "json"]))
        #expect(again["communities"] as? [[String]] == communities) // seeded: reproducible
        let comps = try CLI.json(try CLI.run(["components", CLI.seed, "--format", "json"]))
        let parts = try #require(comps["components"] as? [[String]])
        #expect(parts.reduce(0) { $0 + $1.count } == 70)
        #expect(parts.map(\.count) == parts.map(\.count).sorted(by: >))
    }

    @Test func brokerageFollowsItsJSONContract() throws {
        let r = try CLI.run(["brokerage", CLI.seed, "--groups", "state", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try CLI.json(r)
        let roles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"]
        let graph = try #require(json["graph"] as? [String: Any])
        for key in ["raw", "expected", "z"] {
            let values = try #require(graph[key] as? [String: Any], "graph.\(key)")
            #expect(Set(values.keys) == Set(roles))
        }
        let nodes = try #require(json["nodes"] as? [String: [String: [String: Any]]])
        #expect(nodes.count == 70)
        for (_, node) in nodes {
            let raw = try #require(node["raw"] as? [String: Double])
            #expect(raw["total"] == roles.dropLast().reduce(0) { $0 + raw[$1]! })
        }
        // Undefined z-scores are null, never NaN text.
        #expect(!r.stdout.contains("nan"))
        let missing = try CLI.run(["brokerage", CLI.seed, "--groups", "faction"])
        #expect(missing.status == 1 && missing.stderr.contains("no node attribute 'faction'"))
    }

    @Test func structuralHolesAndBrokers() throws {
        let holes = try CLI.json(try CLI.run(["structural-holes", CLI.seed, "--format", "json"]))
        for key in ["constraint", "effective_size", "efficiency"] {
            #expect((holes[key] as? [String: Any])?.count == 70, "\(key)")
        }
        let r = try CLI.run(["brokers", CLI.seed, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try CLI.json(r)
        let findings = try #require(json["brokerages"] as? [[String: Any]])
        #expect(
            findings.contains {
                $0["broker"] as? String == "park-jie-won" && $0["between"] as? [String] == ["moon-jae-in", "yoshihide-suga"]
                    && $0["basis"] as? String == "explicit"
            })
        #expect(
            findings.contains {
                $0["broker"] as? String == "barack-obama" && $0["between"] as? [String] == ["shinzo-abe", "park-geun-hye"]
            })
        #expect(findings.allSatisfy { !(($0["events"] as? [String]) ?? []).isEmpty && $0["date"] is String })
        let brokers = try #require(json["brokers"] as? [[String: Any]])
        #expect(brokers.contains { $0["broker"] as? String == "park-jie-won" && $0["count"] as? Int == 3 })
        let table = try CLI.run(["brokers", CLI.seed], environment: ["COLUMNS": "400"]) // one line per finding
        #expect(table.stdout.hasPrefix("view: contact;"))
        #expect(
            table.stdout.contains(
                "Park Jie-won brokered Moon Jae-in - Yoshihide Suga (South Korea - Japan, representative, exclusive) from 2020-11-09 to 2020-11-12"))
    }
}

/// A dataset with no actors and no events is valid; every analysis answers it without crashing.
@Suite struct EmptyDatasetTests {
    @Test func everyCommandHandlesAnEmptyDataset() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString).yaml")
        try "sources: []\nactors: []\nevents: []\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        for measure in ["degree", "betweenness", "closeness", "pagerank", "katz", "clustering", "core"] {
            let r = try CLI.run(["centrality", file.path, "--measure", measure, "--format", "json"])
            #expect(r.status == 0, "\(measure): \(r.stderr)")
        }
        // Eigenvector centrality of an empty graph is undefined (networkx raises too): exit 1.
        let eigen = try CLI.run(["centrality", file.path, "--measure", "eigenvector"])
        #expect(eigen.status == 1 && eigen.stderr.contains("empty graph"))
        for command in [["brokers"], ["brokerage"], ["structural-holes"], ["communities"], ["components"], ["summary"], ["edges"]] {
            let r = try CLI.run(command + [file.path])
            #expect(r.status == 0, "\(command): \(r.stderr)")
        }
    }
}
