import ActorGraphAnalysis
import ActorGraphCore
import Testing

@Suite("Components")
struct ComponentsTests {
    func names(_ fixture: ReferenceFixture, _ partition: ComponentPartition) -> [[String]] {
        partition.components.map { $0.map(fixture.graph.name(of:)) }
    }

    @Test(arguments: ["random-directed", "random-directed-dense"])
    func directedAgainstNetworkx(name: String) throws {
        let fixture = try ReferenceFixture.load("components-\(name)")
        #expect(
            names(fixture, Components.weaklyConnected(fixture.graph))
                == (try fixture.result("weakly_connected_components") as? [[String]]))
        #expect(
            names(fixture, Components.stronglyConnected(fixture.graph))
                == (try fixture.result("strongly_connected_components") as? [[String]]))
    }

    @Test func undirectedAgainstNetworkx() throws {
        let fixture = try ReferenceFixture.load("components-random-undirected")
        let expected = try fixture.result("connected_components") as? [[String]]
        #expect(names(fixture, Components.connected(fixture.graph)) == expected)
        #expect(names(fixture, Components.stronglyConnected(fixture.graph)) == expected)
    }

    @Test(arguments: Array(UInt64(0)..<12))
    func partitionsAndMutualReachability(seed: UInt64) {
        for directed in [false, true] {
            let graph = randomGraph(nodes: 30, probability: 0.05, directed: directed, seed: seed)
            for partition in [Components.connected(graph), Components.stronglyConnected(graph)] {
                let all = partition.components.flatMap { $0 }
                #expect(all.count == graph.nodeCount && Set(all).count == graph.nodeCount, "a partition")
                #expect(zip(partition.components, partition.components.dropFirst()).allSatisfy { $0.count >= $1.count })
                for (i, c) in partition.components.enumerated() { #expect(c.allSatisfy { partition.componentOf[$0.index] == i }) }
            }
            // Strong components: same component iff mutually reachable.
            let strong = Components.stronglyConnected(graph)
            let reach = Array(graph.nodes).map { ShortestPaths.breadthFirst(in: graph, from: $0) }
            for u in graph.nodes {
                for v in graph.nodes {
                    let mutual = reach[u.index].reaches(v) && reach[v.index].reaches(u)
                    #expect(strong.connects(u, v) == mutual)
                }
            }
            // Weak components: same component iff connected ignoring direction.
            var undirected = GraphBuilder(directed: false)
            for v in graph.nodes { undirected.addNode(graph.name(of: v)) }
            for e in graph.edges { undirected.addEdge(from: e.source, to: e.target) }
            let plain = undirected.build()
            let weak = Components.weaklyConnected(graph)
            for u in graph.nodes {
                let tree = ShortestPaths.breadthFirst(in: plain, from: u)
                for v in graph.nodes { #expect(weak.connects(u, v) == tree.reaches(v)) }
            }
        }
    }

    @Test func deepChainNeedsNoRecursion() {
        var builder = GraphBuilder(directed: true)
        let n = 200_000
        for i in 0..<n { builder.addNode("v\(i)") }
        for i in 0..<(n - 1) { builder.addEdge(from: NodeID(i), to: NodeID(i + 1)) }
        builder.addEdge(from: NodeID(n - 1), to: NodeID(0))
        let strong = Components.stronglyConnected(builder.build())
        #expect(strong.count == 1 && strong.components[0].count == n)
    }
}
