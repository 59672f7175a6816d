import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphAnalysis

/// Every centrality measure against the values networkx (and igraph) computed for the same graph,
/// stored by `scripts/reference/centrality.py`. Exact measures must agree to 1e-9 (relative),
/// power iterations to 1e-6. Each run prints the largest deviation per measure.
@Suite("Centrality against networkx")
struct CentralityReferenceTests {
    static let fixtures = [
        "karate", "florentine", "florentine-weighted", "karate-directed", "random-directed",
        "karate-loops", "random-directed-loops", "float-ties",
    ]
    static let exact = 1e-9
    static let iterative = 1e-6

    /// One fixture result and how ActorGraph computes it.
    struct Case: Sendable {
        let key: String
        let tolerance: Double
        let compute: @Sendable (ReferenceFixture) throws -> [Double]
    }

    static func node(_ key: String, _ tolerance: Double = exact, _ f: @escaping @Sendable (Graph) throws -> CentralityScores) -> Case {
        Case(key: key, tolerance: tolerance) { try f($0.graph).values }
    }

    static func edge(_ key: String, _ f: @escaping @Sendable (Graph) throws -> EdgeCentralityScores) -> Case {
        Case(key: key, tolerance: exact) { try f($0.graph).values }
    }

    static func personalization(_ fixture: ReferenceFixture, _ key: String) throws -> [NodeID: Double] {
        var map: [NodeID: Double] = [:]
        for (name, x) in try fixture.scores(key) { map[try #require(fixture.graph.node(named: name))] = x }
        return map
    }

    static let cases: [Case] = [
        node("degree") { Centrality.degree($0) },
        node("degree_raw") { Centrality.degree($0, options: .init(normalized: false)) },
        node("in_degree") { Centrality.degree($0, options: .init(direction: .in)) },
        node("out_degree") { Centrality.degree($0, options: .init(direction: .out)) },
        node("in_degree_raw") { Centrality.degree($0, options: .init(direction: .in, normalized: false)) },
        node("out_degree_raw") { Centrality.degree($0, options: .init(direction: .out, normalized: false)) },
        node("strength") { try Centrality.strength($0, options: .init(weight: .column("weight"))) },
        node("in_strength") { try Centrality.strength($0, options: .init(weight: .column("weight"), direction: .in)) },
        node("out_strength") { try Centrality.strength($0, options: .init(weight: .column("weight"), direction: .out)) },

        node("betweenness") { try Centrality.betweenness($0) },
        node("betweenness_endpoints") { try Centrality.betweenness($0, options: .init(endpoints: true)) },
        node("betweenness_raw") { try Centrality.betweenness($0, options: .init(normalized: false)) },
        node("betweenness_raw_endpoints") { try Centrality.betweenness($0, options: .init(normalized: false, endpoints: true)) },
        node("betweenness_cost") { try Centrality.betweenness($0, options: .init(weight: .cost(column: "weight"))) },
        node("betweenness_cost_raw_endpoints") {
            try Centrality.betweenness($0, options: .init(weight: .cost(column: "weight"), normalized: false, endpoints: true))
        },
        node("betweenness_inverse") { try Centrality.betweenness($0, options: .init(weight: .strength(column: "weight"))) },
        node("igraph_betweenness_raw") { try Centrality.betweenness($0, options: .init(normalized: false)) },
        edge("edge_betweenness") { try Centrality.edgeBetweenness($0) },
        edge("edge_betweenness_raw") { try Centrality.edgeBetweenness($0, options: .init(normalized: false)) },
        edge("edge_betweenness_cost") { try Centrality.edgeBetweenness($0, options: .init(weight: .cost(column: "weight"))) },
        edge("edge_betweenness_inverse_raw") {
            try Centrality.edgeBetweenness($0, options: .init(weight: .strength(column: "weight", conversion: .inverse), normalized: false))
        },

        node("closeness") { try Centrality.closeness($0) },
        node("closeness_no_wf") { try Centrality.closeness($0, options: .init(wassermanFaust: false)) },
        node("igraph_closeness") { try Centrality.closeness($0, options: .init(wassermanFaust: false)) },
        node("closeness_out") { try Centrality.closeness($0, options: .init(direction: .out)) },
        node("closeness_cost") { try Centrality.closeness($0, options: .init(weight: .cost(column: "weight"))) },
        node("closeness_inverse") { try Centrality.closeness($0, options: .init(weight: .strength(column: "weight"))) },
        node("closeness_cost_out") { try Centrality.closeness($0, options: .init(weight: .cost(column: "weight"), direction: .out)) },
        node("harmonic") { try Centrality.harmonic($0) },
        node("harmonic_out") { try Centrality.harmonic($0, options: .init(direction: .out)) },
        node("harmonic_cost") { try Centrality.harmonic($0, options: .init(weight: .cost(column: "weight"))) },

        node("eigenvector", iterative) { try Centrality.eigenvector($0) },
        node("eigenvector_weighted", iterative) { try Centrality.eigenvector($0, options: .init(weight: .column("weight"))) },
        node("pagerank", iterative) { try Centrality.pageRank($0) },
        node("pagerank_unweighted", iterative) { try Centrality.pageRank($0, options: .init(weight: .unit)) },
        Case(key: "pagerank_personalized", tolerance: iterative) { f in
            try Centrality.pageRank(f.graph, options: .init(personalization: personalization(f, "pagerank_personalized_nodes"))).values
        },
        Case(key: "pagerank_dangling", tolerance: iterative) { f in
            try Centrality.pageRank(f.graph, options: .init(alpha: 0.9, dangling: personalization(f, "pagerank_dangling_nodes"))).values
        },
        node("katz", iterative) { try Centrality.katz($0) },
        node("katz_raw", iterative) { try Centrality.katz($0, options: .init(normalized: false)) },
        Case(key: "katz_weighted", tolerance: iterative) { f in
            let alpha = try #require(f.result("katz_weighted_alpha") as? Double)
            return try Centrality.katz(f.graph, options: .init(alpha: alpha, weight: .column("weight"))).values
        },

        node("clustering") { try Centrality.clustering($0) },
        node("clustering_weighted") { try Centrality.clustering($0, options: .init(weight: .column("weight"))) },
        node("core") { try Centrality.coreNumber($0) },
    ]

    /// Fixture keys that are inputs of other cases rather than results.
    static let auxiliary: Set<String> = ["pagerank_personalized_nodes", "pagerank_dangling_nodes", "katz_weighted_alpha", "transitivity"]

    @Test("every measure matches networkx", arguments: fixtures)
    func matchesReference(_ name: String) throws {
        let fixture = try ReferenceFixture.load("centrality-\(name)")
        let results = try #require(fixture.json["results"] as? [String: Any])
        let known = Set(Self.cases.map(\.key)).union(Self.cases.map { $0.key + "_not_converged" }).union(Self.auxiliary)
        #expect(Set(results.keys).subtracting(known).isEmpty, "fixture results with no test: \(Set(results.keys).subtracting(known).sorted())")

        var report: [String] = []
        for c in Self.cases where results[c.key] != nil {
            let expected = try fixture.scores(c.key)
            let actual = try c.compute(fixture)
            var largest = 0.0
            #expect(expected.count == actual.count, "\(name) \(c.key): \(expected.count) reference values, \(actual.count) computed")
            for (key, reference) in expected {
                // Node maps are keyed by node name, edge maps by edge index.
                let index: Int
                if c.key.hasPrefix("edge_") {
                    index = try #require(Int(key))
                } else {
                    index = try #require(fixture.graph.node(named: key), "\(key) not in graph").index
                }
                let value = actual[index]
                expectClose(value, reference, relative: c.tolerance, "\(name) \(c.key)[\(key)]")
                largest = max(largest, abs(value - reference) / max(abs(reference), 1))
            }
            report.append("\(c.key)=\(largest)")
        }
        if let reference = results["transitivity"] as? Double {
            let t = try Centrality.transitivity(fixture.graph)
            expectClose(t, reference, relative: Self.exact, "\(name) transitivity")
            report.append("transitivity=\(abs(t - reference))")
        }
        // Where networkx's power iteration failed, ours must fail too, after as many iterations.
        for c in Self.cases {
            guard let iterations = results[c.key + "_not_converged"] as? Int else { continue }
            #expect { try c.compute(fixture) } throws: { error in
                (error as? AnalysisError)?.code == .notConverged && (error as? AnalysisError)?.iterations == iterations
            }
            report.append("\(c.key)=fails-as-networkx")
        }
        print("largest deviation from networkx, \(name): " + report.joined(separator: " "))
    }
}
