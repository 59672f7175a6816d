import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphIO

/// networkx interop, both ways, against the fixtures of `scripts/reference/formats_interop.py`
/// (networkx 3.6.1, recorded in each `*.nx.json`).
@Suite struct FormatsInteropTests {
    static let views = ["all", "layers"]
    /// Each format's fixture file and how networkx names it in the readings.
    static let formats = ["graphml", "gexf", "json", "links.json", "csv"]

    static func reading(_ file: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: try fixturePath("interop", file)))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// What ActorGraph writes now, by fixture suffix.
    static func written(_ graph: Graph, dataset: Dataset, format: String) throws -> [String: String] {
        switch format {
        case "graphml": return ["graphml": try GraphMLWriter.string(for: EventsColumn.exposing(graph))]
        case "gexf": return ["gexf": try GEXFWriter.string(for: graph, dataset: dataset)]
        case "json": return ["json": NodeLinkWriter.string(for: graph)]
        case "links.json": return ["links.json": NodeLinkWriter.string(for: graph, edgesKey: .links)]
        default:
            let files = try CSVGraphWriter.files(for: graph)
            return ["csv": files.edges, "nodes.csv": files.nodes]
        }
    }

    /// The stored files are what the writers write today, so networkx's readings apply to them.
    @Test(arguments: views, formats)
    func fixturesAreTheWritersOutput(view: String, format: String) throws {
        let dataset = try FormatsSupport.seed()
        let graph = FormatsSupport.view(view, of: dataset)
        for (suffix, text) in try Self.written(graph, dataset: dataset, format: format) {
            let stored = try String(contentsOfFile: try fixturePath("interop", "seed-\(view).\(suffix)"), encoding: .utf8)
            #expect(stored == text, "seed-\(view).\(suffix) is stale: rerun scripts/reference/formats_interop.py")
        }
    }

    /// networkx reads every node, attribute, edge, weight and event list ActorGraph writes.
    @Test(arguments: views, formats)
    func networkxReadsWhatActorGraphWrites(view: String, format: String) throws {
        let dataset = try FormatsSupport.seed()
        let graph = FormatsSupport.view(view, of: dataset)
        let nx = try Self.reading("seed-\(view).\(format).nx.json")
        #expect(nx["directed"] as? Bool == graph.isDirected)
        #expect(nx["node_count"] as? Int == graph.nodeCount)
        #expect(nx["edge_count"] as? Int == graph.edgeCount)
        let nodes = try #require(nx["nodes"] as? [String: [String: Any]])
        #expect(Set(nodes.keys) == Set(graph.nodeNames))
        for name in ["kind", "state", "name", "affiliation"] {
            let column = try #require(graph.nodeAttribute(name))
            for (i, node) in graph.nodeNames.enumerated() {
                #expect(nodes[node]?[name] as? String == column[i]?.description, "\(format): node \(node) \(name)")
            }
        }
        // Edges as a multiset of (ends, layer, weight, count, events); undirected ends sorted.
        func key(_ s: String, _ t: String, _ layer: String?, _ weight: Double, _ count: Double, _ events: [String]) -> String {
            let ends = graph.isDirected || s <= t ? "\(s)|\(t)" : "\(t)|\(s)"
            return "\(ends) \(layer ?? "-") \(weight) \(count) \(events.joined(separator: ","))"
        }
        let weight = try #require(graph.edgeColumn("weight")), count = try #require(graph.edgeColumn("count"))
        let layer = graph.edgeTextColumn("layer")
        let ours = graph.edges.enumerated().map { e, ends in
            key(
                graph.nodeNames[ends.source.index], graph.nodeNames[ends.target.index], layer?[e] ?? nil,
                weight[e], count[e], graph.edgeEvents(EdgeID(e)))
        }.sorted()
        let edges = try #require(nx["edges"] as? [[String: Any]])
        let theirs = try edges.map { edge in
            let data = try #require(edge["data"] as? [String: Any])
            let events = (data["events"] as? [String]) ?? ((data["events"] as? String)?.split(separator: ";").map(String.init) ?? [])
            // GEXF writes the layer both as an attribute and as the edge's kind.
            let edgeLayer = data["layer"] as? String
            return key(
                try #require(edge["source"] as? String), try #require(edge["target"] as? String),
                edgeLayer,
                try #require((data["weight"] as? NSNumber)?.doubleValue), try #require((data["count"] as? NSNumber)?.doubleValue), events)
        }.sorted()
        #expect(ours == theirs)
    }

    /// The GEXF file is valid against the GEXF 1.3 XSD (checked by xmllint in the script), and
    /// the spells networkx read are the events' dates: every event's interval lies inside exactly
    /// one spell, spells do not overlap, and each spell begins at some event's start and ends at
    /// some event's end.
    @Test(arguments: views)
    func gexfSpellsAreTheEventDates(view: String) throws {
        let dataset = try FormatsSupport.seed()
        let graph = FormatsSupport.view(view, of: dataset)
        let nx = try Self.reading("seed-\(view).gexf.nx.json")
        #expect(nx["xsd_valid"] as? Bool == true, "\(nx["xmllint_message"] ?? "")")
        #expect((nx["graph"] as? [String: Any])?["mode"] as? String == "dynamic")
        let edges = try #require(nx["edges"] as? [[String: Any]])
        #expect(edges.count == graph.edgeCount)
        for edge in edges {
            let data = try #require(edge["data"] as? [String: Any])
            let spells = try #require(data["spells"] as? [[String]]).map { pair in
                (try #require(EventDate(pair[0])).start, try #require(EventDate(pair[1])).start)
            }
            let events = try #require(data["events"] as? String).split(separator: ";").map { dataset[dataset.eventID(forID: String($0))!].date }
            #expect(!spells.isEmpty)
            for (a, b) in zip(spells, spells.dropFirst()) { #expect(a.1 < b.0, "spells overlap or are unsorted") }
            for date in events {
                #expect(spells.filter { $0.0 <= date.start && date.end <= $0.1 }.count == 1, "\(date) in one spell")
            }
            for s in spells {
                #expect(events.contains { $0.start == s.0 } && events.contains { $0.end == s.1 })
            }
        }
    }

    /// One edge checked by hand from the dataset file: South Korea - Suga has events dated 2015,
    /// 2020-09, 2020-09, 2020-09/2020-12 and 2020-11, so the year 2015 and the merged
    /// September-December 2020 are its two spells.
    @Test func gexfSpellsOfOneEdgeByHand() throws {
        let nx = try Self.reading("seed-all.gexf.nx.json")
        let edges = try #require(nx["edges"] as? [[String: Any]])
        let edge = try #require(edges.first { Set([$0["source"] as? String, $0["target"] as? String]) == ["south-korea", "yoshihide-suga"] })
        let spells = (edge["data"] as? [String: Any])?["spells"] as? [[String]]
        #expect(spells == [["2015-01-01", "2015-12-31"], ["2020-09-01", "2020-12-31"]])
    }

    /// Every edge with all its data as one text, sorted: graphs compared as edge multisets,
    /// since networkx lists a multigraph's edges node by node rather than in file order.
    static func edgeMultiset(_ graph: Graph) -> [String] {
        graph.edges.enumerated().map { e, ends in
            var s = graph.nodeNames[ends.source.index], t = graph.nodeNames[ends.target.index]
            if !graph.isDirected && t < s { swap(&s, &t) }
            let numbers = graph.edgeColumnNames.map { "\($0)=\(graph.edgeColumn($0)![e])" }
            let texts = graph.edgeTextColumnNames.map { "\($0)=\(graph.edgeTextColumn($0)![e] ?? "-")" }
            return ([s, t] + numbers + texts + graph.edgeEvents(EdgeID(e))).joined(separator: "|")
        }.sorted()
    }

    /// Round trips through networkx: what networkx wrote back after reading ActorGraph's
    /// GraphML (write_graphml) and node-link JSON (node_link_data) reads as the graph we wrote.
    @Test(arguments: views, ["nx.graphml", "nx-node-link.json"])
    func aRoundTripThroughNetworkxKeepsTheGraph(view: String, file: String) throws {
        let graph = FormatsSupport.view(view, of: try FormatsSupport.seed())
        let path = try fixturePath("interop", "seed-\(view).\(file)")
        let back =
            file.hasSuffix("graphml")
            ? EventsColumn.absorbing(try GraphMLReader.read(path: path))
            : try NodeLinkReader.read(path: path)
        #expect(back.isDirected == graph.isDirected)
        #expect(back.nodeNames == graph.nodeNames, "networkx keeps the node order")
        for name in graph.nodeAttributeNames { #expect(back.nodeAttribute(name) == graph.nodeAttribute(name), "\(name)") }
        #expect(back.nodeAttributeNames == graph.nodeAttributeNames)
        var edges = Self.edgeMultiset(back)
        if file.hasSuffix("graphml") && view == "layers" {
            // networkx writes a multigraph's edge keys (0, 1, ... per pair) as GraphML edge ids,
            // which ActorGraph reads into the text column `id`: the one addition of this trip.
            #expect(back.edgeTextColumn("id")?.allSatisfy { $0.flatMap(Int.init) != nil } == true)
            edges = edges.map { $0.split(separator: "|").filter { !$0.hasPrefix("id=") }.joined(separator: "|") }.sorted()
        }
        #expect(edges == Self.edgeMultiset(graph))
    }

    /// What networkx 3.6 writes with node_link_data, with "edges" or "links", ActorGraph reads.
    @Test(arguments: ["edges", "links"])
    func actorGraphReadsWhatNetworkxWrites(key: String) throws {
        let graph = try NodeLinkReader.read(path: try fixturePath("interop", "nx-multi.\(key).json"))
        let nx = try Self.reading("nx-multi.expected.json")
        #expect(graph.isDirected == (nx["directed"] as? Bool))
        #expect(graph.nodeCount == nx["node_count"] as? Int)
        #expect(graph.edgeCount == nx["edge_count"] as? Int)
        let nodes = try #require(nx["nodes"] as? [String: [String: Any]])
        #expect(Set(graph.nodeNames) == Set(nodes.keys))
        for (name, attributes) in nodes {
            let node = try #require(graph.node(named: name))
            for (attribute, value) in attributes {
                let ours = graph.nodeAttribute(attribute)?[node.index]
                switch value {
                case let s as String: #expect(ours == .string(s), "\(name).\(attribute)")
                case let n as NSNumber:
                    // The types networkx wrote (the script's graph): active is bool, rank int, score float.
                    switch (attribute, ours) {
                    case ("active", .bool(let b)?): #expect(b == n.boolValue, "\(name).active")
                    case ("rank", .int(let i)?): #expect(i == n.intValue, "\(name).rank")
                    case ("score", .double(let d)?): #expect(d == n.doubleValue, "\(name).score")
                    default: Issue.record("\(name).\(attribute): \(String(describing: ours)) for networkx's \(n)")
                    }
                default: Issue.record("unexpected value \(value)")
                }
            }
        }
        // Edges in networkx's order, which for node-link is the file's order.
        let edges = try #require(nx["edges"] as? [[String: Any]])
        for (e, edge) in edges.enumerated() {
            let ends = graph.edges[e]
            #expect(graph.nodeNames[ends.source.index] == edge["source"] as? String)
            #expect(graph.nodeNames[ends.target.index] == edge["target"] as? String)
            let data = try #require(edge["data"] as? [String: Any])
            #expect(graph.edgeEvents(EdgeID(e)) == data["events"] as? [String])
            for (name, value) in data where name != "events" {
                if let s = value as? String {
                    #expect(graph.edgeTextColumn(name)?[e] == s)
                } else {
                    #expect(graph.edgeColumn(name)?[e] == (value as? NSNumber)?.doubleValue, "edge \(e) \(name)")
                }
            }
        }
    }
}
