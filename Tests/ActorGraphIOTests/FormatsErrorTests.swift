import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphIO

/// Bad node-link JSON and node tables are reported with every problem, located.
@Suite struct FormatsErrorTests {
    static func messages(_ body: () throws -> Graph) -> [String] {
        do {
            _ = try body()
            return []
        } catch let error as InputError {
            return error.diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
        } catch {
            return ["\(error)"]
        }
    }

    @Test func malformedJSONIsLocated() {
        let text = "{\"nodes\": [{\"id\": \"a\"},\n  {\"id\": NaN}], \"edges\": []}"
        let found = Self.messages { try NodeLinkReader.read(data: Data(text.utf8), name: "g.json") }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("2:10: JSON syntax") == true, "\(found)")
    }

    @Test func everyNodeLinkProblemAtOnce() {
        let text = """
            {"directed": "yes", "nodes": [{"id": "a"}, {"id": "a"}, {"name": "no id"}],
             "edges": [{"source": "a"}, {"source": "a", "target": "b", "events": ["e1", 2]}],
             "links": []}
            """
        let found = Self.messages { try NodeLinkReader.read(data: Data(text.utf8), name: "g.json") }
        #expect(found.contains { $0.hasPrefix("1:14:") && $0.contains("'directed' must be true or false") }, "\(found)")
        #expect(found.contains { $0.contains("node 'a' is listed twice") })
        #expect(found.contains { $0.contains("a node needs an 'id'") })
        #expect(found.contains { $0.contains("needs a 'source' and a 'target'") })
        #expect(found.contains { $0.hasPrefix("2:77:") && $0.contains("an event id must be a string") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("3:11:") && $0.contains("both 'edges' and 'links'") }, "\(found)")
        #expect(found.count == 6)
    }

    @Test func isNodeLinkLooksAtTheKeys() {
        #expect(NodeLinkReader.isNodeLink(Data(#"{"nodes": [], "links": []}"#.utf8)))
        #expect(NodeLinkReader.isNodeLink(Data(#"{"nodes": [], "edges": []}"#.utf8)))
        #expect(!NodeLinkReader.isNodeLink(Data(#"{"sources": [], "actors": [], "events": []}"#.utf8)))
        #expect(!NodeLinkReader.isNodeLink(Data(#"{"nodes": []}"#.utf8)))
        #expect(!NodeLinkReader.isNodeLink(Data("not json".utf8)))
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let text = #"{"nodes": [{"id": "a", "deep": "# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}], \"edges\": []}"
        let found = Self.messages { try NodeLinkReader.read(data: Data(text.utf8)) }
        #expect(found.first?.contains("nested more than 512 levels") == true, "\(found.prefix(1))")
    }

    @Test func nodeTableProblemsAreLocated() {
        let edges = Data("source,target\na,b\n".utf8)
        let nodes = Data("id,kind,kind\na,person,x\n,state,y\na,state\n\"open,x,y\n".utf8)
        let found = Self.messages { try CSVGraphReader.read(edges: edges, nodes: nodes, nodesName: "n.csv") }
        #expect(found.contains { $0.hasPrefix("1:9:") && $0.contains("'kind' is repeated") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("3:1:") && $0.contains("node id is empty") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("4:1:") && $0.contains("2 fields") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("5:1:") && $0.contains("never closed") }, "\(found)")
    }

    @Test func aNodeTableWithoutIDIsRefused() {
        let found = Self.messages {
            try CSVGraphReader.read(edges: Data("source,target\na,b\n".utf8), nodes: Data("name\nA\n".utf8), nodesName: "n.csv")
        }
        #expect(found == ["1:1: the node table has no 'id' column"])
    }

    @Test func csvWriterRefusesColumnsThatWouldBeMisread() {
        var b = GraphBuilder(directed: false)
        let e = b.addEdge(from: "a", to: "b")
        b.setEdgeText(e, "from", "x")
        #expect { try CSVGraphWriter.files(for: b.build()) } throws: { error in
            (error as? ExportError)?.code == .columnNameConflict
        }
    }
}
