import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphAnalysis

/// Gould-Fernandez brokerage against R's sna::brokerage, plus properties on random graphs.
@Suite struct BrokerageRolesTests {
    static let fixtures = [
        "brokerage-florentine", "brokerage-directed-three-groups", "brokerage-singleton-group",
        "brokerage-undirected-six-groups", "brokerage-self-loops",
    ]

    @Test(arguments: fixtures)
    func matchesSNA(_ name: String) throws {
        let fixture = try ReferenceFixture.load(name)
        let g = try #require(fixture.json["graph"] as? [String: Any])
        let attribute = try #require(g["group_attribute"] as? String)
        let scores = try GouldFernandez.brokerage(fixture.graph, options: BrokerageOptions(groupAttribute: attribute))
        let results = try #require(fixture.json["results"] as? [String: Any])
        expectClose(scores.density, (results["density"] as? NSNumber)?.doubleValue ?? .nan, relative: 1e-12, "\(name) density")

        let nodes = try #require(results["nodes"] as? [String: [String: [String: Any]]])
        let graphLevel = try #require(results["graph"] as? [String: [String: Any]])
        var largest = 0.0
        for (kind, perNode) in nodes {
            for (nodeName, values) in perNode {
                let node = try #require(fixture.graph.node(named: nodeName))
                let ours: RoleValues =
                    switch kind {
                    case "raw": scores.raw[node.index]
                    case "expected": scores.expected[node.index]
                    default: scores.z[node.index]
                    }
                largest = max(largest, compare(ours, values, exact: kind == "raw", "\(name) \(kind) \(nodeName)"))
            }
        }
        for (kind, values) in graphLevel {
            let ours: RoleValues =
                switch kind {
                case "raw": scores.graphRaw
                case "expected": scores.graphExpected
                default: scores.graphZ
                }
            largest = max(largest, compare(ours, values, exact: kind == "raw", "\(name) graph \(kind)"))
        }
        print("largest relative deviation from sna in \(name) (expected, z): \(largest)")
    }

    /// Compares role by role; returns the largest relative deviation among finite values.
    func compare(_ ours: RoleValues, _ reference: [String: Any], exact: Bool, _ what: String) -> Double {
        var largest = 0.0
        for (role, value) in ours.named {
            let expected = (reference[role] as? NSNumber)?.doubleValue ?? .nan
            if exact {
                #expect(value == expected, "\(what) \(role): got \(value), sna \(expected)")
            } else {
                expectClose(value, expected, relative: 1e-9, "\(what) \(role)")
                if value.isFinite && expected.isFinite {
                    largest = max(largest, abs(value - expected) / max(abs(expected), 1))
                }
            }
        }
        return largest
    }

    /// A directed graph with random groups for the property tests.
    static func randomCase(seed: UInt64) -> (Graph, [String?]) {
        var rng = SeededGenerator(seed: seed &* 7919)
        let n = Int.random(in: 3...25, using: &rng)
        let p = Double.random(in: 0.05...0.5, using: &rng)
        let g = randomGraph(nodes: n, probability: p, directed: seed % 3 != 0, seed: seed)
        let k = Int.random(in: 1...5, using: &rng)
        let labels: [String?] = (0..<n).map { _ in "g\(Int.random(in: 0..<k, using: &rng))" }
        return (g, labels)
    }

    @Test(arguments: 0..<40)
    func rolesSumToTotal(seed: UInt64) throws {
        let (g, labels) = Self.randomCase(seed: seed)
        let groups = try NodeGroups(labels: labels, nodeNames: g.nodeNames)
        let s = GouldFernandez.brokerage(g, groups: groups)
        for r in s.raw {
            #expect(BrokerageRole.allCases.reduce(0) { $0 + r[$1] } == r.total)
        }
        #expect(BrokerageRole.allCases.reduce(0) { $0 + s.graphRaw[$1] } == s.graphRaw.total)
        // The expected roles of a node add up to the expected total (sna's model is consistent).
        for e in s.expected {
            expectClose(BrokerageRole.allCases.reduce(0) { $0 + e[$1] }, e.total, relative: 1e-12, "expected sum")
        }
        expectClose(
            BrokerageRole.allCases.reduce(0) { $0 + s.graphExpected[$1] }, s.graphExpected.total,
            relative: 1e-12, "graph expected sum")
    }

    @Test(arguments: 0..<40)
    func invariantUnderRelabelling(seed: UInt64) throws {
        let (g, labels) = Self.randomCase(seed: seed)
        let n = g.nodeCount
        var rng = SeededGenerator(seed: seed ^ 0xABCDEF)
        let permutation = Array(0..<n).shuffled(using: &rng) // old index -> new index
        var builder = GraphBuilder(directed: g.isDirected)
        var inverse = [Int](repeating: 0, count: n)
        for (old, new) in permutation.enumerated() { inverse[new] = old }
        for new in 0..<n { builder.addNode("m\(inverse[new])") }
        for e in g.edges {
            builder.addEdge(from: NodeID(permutation[e.source.index]), to: NodeID(permutation[e.target.index]))
        }
        let h = builder.build()
        // Rename the groups too: a bijection on labels.
        let renamed: [String?] = (0..<n).map { new in labels[inverse[new]].map { "renamed-" + String($0.reversed()) } }
        let a = GouldFernandez.brokerage(g, groups: try NodeGroups(labels: labels, nodeNames: g.nodeNames))
        let b = GouldFernandez.brokerage(h, groups: try NodeGroups(labels: renamed, nodeNames: h.nodeNames))
        for old in 0..<n {
            #expect(a.raw[old] == b.raw[permutation[old]])
            for (x, y) in zip(a.expected[old].named, b.expected[permutation[old]].named) {
                expectClose(y.1, x.1, relative: 1e-12, "expected \(x.0)")
            }
        }
        #expect(a.graphRaw == b.graphRaw)
    }

    /// sna's graph-level liaison variance is a triple loop over groups; ours uses power sums.
    @Test(arguments: 0..<20)
    func liaisonVarianceMatchesTripleLoop(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let sizes = (0..<Int.random(in: 1...7, using: &rng)).map { _ in Double(Int.random(in: 1...9, using: &rng)) }
        let N = sizes.reduce(0, +)
        let d = Double.random(in: 0.01...0.99, using: &rng)
        let model = NullModel(density: d, nodes: N, sizes: sizes)
        let (e, sd) = model.graph()
        let q = 1 - d
        var v = e.liaison * (1 - d * d * q)
        for i in sizes.indices {
            for j in sizes.indices {
                for k in sizes.indices where i != j && j != k && i != k {
                    let (ni, nj, nk) = (sizes[i], sizes[j], sizes[k])
                    v +=
                        ni * nj * nk
                        * ((4 * (N - nj) - 2 * (ni + nk + 1)) * d * d * d * q * q * q
                            - (4 * (N - nk) - 2 * (ni + nj + 1)) * d * d * d * d * q * q
                            + (N - (ni + nk + 1)) * d * d * d * d * d * q)
                }
            }
        }
        expectClose(sd.liaison * sd.liaison, v, relative: 1e-12, "liaison variance")
    }

    @Test func missingGroupsAreNamedOrHandled() throws {
        var builder = GraphBuilder(directed: true)
        let a = builder.addNode("a"), b = builder.addNode("b"), c = builder.addNode("c")
        builder.addEdge(from: a, to: b); builder.addEdge(from: b, to: c)
        builder.setNodeAttribute(a, "state", .string("x"))
        builder.setNodeAttribute(c, "state", .string("x"))
        let g = builder.build()
        #expect {
            try GouldFernandez.brokerage(g, options: BrokerageOptions(groupAttribute: "state"))
        } throws: { ($0 as? AnalysisError)?.code == .missingGroup && "\($0)".contains("'b'") }
        #expect {
            try GouldFernandez.brokerage(g, options: BrokerageOptions(groupAttribute: "faction"))
        } throws: { ($0 as? AnalysisError)?.code == .unknownAttribute && "\($0)".contains("state") }
        let own = try GouldFernandez.brokerage(g, options: BrokerageOptions(groupAttribute: "state", missingGroup: .own))
        #expect(own.raw[b.index].itinerant == 1)
        #expect(own.groups.label(of: b) == "(b)")
        let none = try GouldFernandez.brokerage(g, options: BrokerageOptions(groupAttribute: "state", missingGroup: .none))
        #expect(none.groups.label(of: b) == "(none)")
        #expect(none.raw[b.index].itinerant == 1)
    }

    @Test func undirectedEdgesCountBothWays() throws {
        var builder = GraphBuilder(directed: false)
        builder.addEdge(from: "a", to: "b"); builder.addEdge(from: "b", to: "c")
        builder.addEdge(from: "b", to: "c") // a parallel edge counts once
        let g = builder.build()
        let s = GouldFernandez.brokerage(g, groups: try NodeGroups(labels: ["x", "x", "y"], nodeNames: g.nodeNames))
        let b = g.node(named: "b")!.index
        #expect(s.raw[b].representative == 1) // a -> b -> c
        #expect(s.raw[b].gatekeeper == 1) // c -> b -> a
        #expect(s.raw[b].total == 2)
        #expect(s.density == 4.0 / 6.0)
    }
}
