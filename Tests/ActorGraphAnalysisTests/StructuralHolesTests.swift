import ActorGraphAnalysis
import ActorGraphCore
import Foundation
import Testing

/// Burt's structural holes against networkx 3.6.1.
@Suite struct StructuralHolesTests {
    @Test(arguments: ["structural-holes-karate", "structural-holes-directed"], ["unweighted", "weighted"])
    func matchesNetworkx(_ name: String, _ variant: String) throws {
        let fixture = try ReferenceFixture.load(name)
        let holes = try StructuralHoles.compute(
            fixture.graph,
            options: StructuralHolesOptions(weight: variant == "weighted" ? .column("weight") : .unit))
        let results = try #require(fixture.json["results"] as? [String: Any])
        let block = try #require(results[variant] as? [String: [String: Any]])
        var largest = 0.0
        for (measure, ours) in [
            ("constraint", holes.constraint), ("effective_size", holes.effectiveSize),
            ("efficiency", holes.efficiency),
        ] {
            let reference = try #require(block[measure])
            #expect(reference.count == fixture.graph.nodeCount)
            for (nodeName, value) in reference {
                let node = try #require(fixture.graph.node(named: nodeName))
                let expected = (value as? NSNumber)?.doubleValue ?? .nan
                expectClose(ours[node.index], expected, relative: 1e-9, "\(name) \(variant) \(measure) \(nodeName)")
                if expected.isFinite { largest = max(largest, abs(ours[node.index] - expected) / max(abs(expected), 1)) }
            }
        }
        print("largest relative deviation from networkx in \(name) \(variant): \(largest)")
    }

    @Test func rejectsBadWeights() throws {
        var builder = GraphBuilder(directed: false)
        builder.addEdge(from: "a", to: "b", weight: -1)
        let g = builder.build()
        #expect { try StructuralHoles.compute(g, options: StructuralHolesOptions(weight: .column("weight"))) } throws: {
            ($0 as? AnalysisError)?.code == .invalidWeight && "\($0)".contains("a -> b")
        }
        #expect { try StructuralHoles.compute(g, options: StructuralHolesOptions(weight: .column("tone"))) } throws: {
            ($0 as? AnalysisError)?.code == .missingWeight
        }
    }

    /// A star's centre spans all holes; its leaves are fully constrained.
    @Test func star() throws {
        var builder = GraphBuilder(directed: false)
        for leaf in ["a", "b", "c", "d"] { builder.addEdge(from: "hub", to: leaf) }
        let g = builder.build()
        let h = try StructuralHoles.compute(g)
        let hub = g.node(named: "hub")!.index, leaf = g.node(named: "a")!.index
        expectClose(h.constraint[hub], 0.25, relative: 1e-15, "hub constraint")
        expectClose(h.effectiveSize[hub], 4, relative: 1e-15, "hub effective size")
        expectClose(h.efficiency[hub], 1, relative: 1e-15, "hub efficiency")
        expectClose(h.constraint[leaf], 1, relative: 1e-15, "leaf constraint")
    }

    /// Parallel edges add up: two edges of weight 1 are one edge of weight 2.
    @Test(arguments: 0..<10)
    func parallelEdgesAdd(seed: UInt64) throws {
        let g = randomGraph(nodes: 12, probability: 0.3, directed: seed % 2 == 0, seed: seed)
        var doubled = GraphBuilder(directed: g.isDirected), merged = GraphBuilder(directed: g.isDirected)
        for name in g.nodeNames { doubled.addNode(name); merged.addNode(name) }
        let w = try #require(g.edgeColumn("weight"))
        for (i, e) in g.edges.enumerated() {
            doubled.addEdge(from: e.source, to: e.target, weight: w[i])
            doubled.addEdge(from: e.source, to: e.target, weight: w[i])
            merged.addEdge(from: e.source, to: e.target, weight: 2 * w[i])
        }
        let a = try StructuralHoles.compute(doubled.build(), options: StructuralHolesOptions(weight: .column("weight")))
        let b = try StructuralHoles.compute(merged.build(), options: StructuralHolesOptions(weight: .column("weight")))
        let c = try StructuralHoles.compute(g, options: StructuralHolesOptions(weight: .column("weight")))
        for i in 0..<g.nodeCount {
            expectClose(a.constraint[i], b.constraint[i], relative: 1e-12, "constraint \(i)")
            expectClose(a.effectiveSize[i], b.effectiveSize[i], relative: 1e-12, "effective size \(i)")
            // Scaling every weight by 2 changes nothing but the degree doubles with the parallel edges.
            expectClose(b.constraint[i], c.constraint[i], relative: 1e-12, "scale-free constraint \(i)")
            expectClose(a.efficiency[i] * 2, c.efficiency[i], relative: 1e-12, "efficiency \(i)")
        }
    }
}
