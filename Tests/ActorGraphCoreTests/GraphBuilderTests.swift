import ActorGraphCore
import Testing

@Suite struct GraphBuilderTests {
    @Test func undirectedEdgesAreStoredOnceAndSeenFromBothEnds() {
        var b = GraphBuilder(directed: false)
        b.addEdge(from: "a", to: "b", weight: 2, events: ["e1"])
        b.addEdge(from: "b", to: "c")
        b.addEdge(from: "c", to: "c", weight: 5)
        b.addNode("lonely")
        let g = b.build()
        #expect(g.nodeCount == 4 && g.edgeCount == 3)
        let a = g.node(named: "a")!, bb = g.node(named: "b")!, c = g.node(named: "c")!
        #expect(Set(g.outNeighbors(of: bb).nodes) == [a, c])
        #expect(g.outNeighbors(of: a).nodes.elementsEqual([bb]))
        #expect(g.inNeighbors(of: a).nodes.elementsEqual([bb]))
        #expect(g.degree(of: c) == 3) // b-c plus a self-loop counted twice, as networkx does
        #expect(g.degree(of: g.node(named: "lonely")!) == 0)
        let w = g.edgeColumn("weight")!
        #expect(w[0] == 2 && w[1].isNaN && w[2] == 5)
        #expect(g.edgeEvents(EdgeID(0)) == ["e1"] && g.edgeEvents(EdgeID(1)) == [])
        #expect(g.opposite(of: bb, along: EdgeID(0)) == a)
    }

    @Test func directedGraphsKeepBothAdjacencies() {
        var b = GraphBuilder(directed: true)
        b.addEdge(from: "a", to: "b")
        b.addEdge(from: "a", to: "b") // parallel edges are kept
        b.addEdge(from: "c", to: "a")
        let g = b.build()
        let a = g.node(named: "a")!, bb = g.node(named: "b")!, c = g.node(named: "c")!
        #expect(g.outDegree(of: a) == 2 && g.inDegree(of: a) == 1 && g.degree(of: a) == 3)
        #expect(g.inNeighbors(of: bb).nodes.elementsEqual([a, a]))
        #expect(g.inNeighbors(of: a).nodes.elementsEqual([c]))
        #expect(g.outNeighbors(of: bb).isEmpty)
        #expect(Set(g.outNeighbors(of: a).edges) == [EdgeID(0), EdgeID(1)])
    }

    @Test func attributesFillMissingValues() {
        var b = GraphBuilder(directed: false)
        let x = b.addNode("x")
        b.addNode("y")
        b.setNodeAttribute(x, "group", .string("g1"))
        let e = b.addEdge(from: "x", to: "y")
        b.setEdgeText(e, "layer", "meeting")
        let g = b.build()
        #expect(g.nodeAttribute("group")! == [.string("g1"), nil])
        #expect(g.edgeTextColumn("layer")! == ["meeting"])
        #expect(g.nodeAttributeNames == ["group"])
    }

    @Test(arguments: 0..<5)
    func csrMatchesTheEdgeListOnRandomGraphs(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        for directed in [false, true] {
            var b = GraphBuilder(directed: directed)
            for i in 0..<30 { b.addNode("n\(i)") }
            var pairs: [(Int, Int)] = []
            for _ in 0..<120 {
                let s = Int(rng.next() % 30), t = Int(rng.next() % 30)
                pairs.append((s, t))
                b.addEdge(from: NodeID(s), to: NodeID(t))
            }
            let g = b.build()
            var seen = 0
            for n in g.nodes {
                for (m, e) in g.outNeighbors(of: n) {
                    let p = pairs[e.index]
                    #expect((p.0 == n.index && p.1 == m.index) || (!directed && p.1 == n.index && p.0 == m.index))
                    seen += 1
                }
            }
            let loops = pairs.filter { $0.0 == $0.1 }.count
            #expect(seen == (directed ? pairs.count : 2 * pairs.count - loops))
        }
    }
}
