import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphIO

/// GraphML that is not networkx's own output, but which the reader accepts.
@Suite("GraphML reader: other producers")
struct GraphMLAcceptanceTests {
    func read(_ xml: String) throws -> GraphMLDocument {
        try GraphMLReader.readDocument(data: Data(xml.utf8), name: "t.graphml")
    }

    @Test func yEdLabelsAndCustomDataLikeNetworkx() throws {
        let reference = try NetworkxDescription.load("graphml", "yed.graphml")
        let document = try GraphMLReader.readDocument(path: try fixturePath("graphml", "yed.graphml"))
        let graph = document.graph
        #expect(graph.isDirected == reference.directed)
        #expect(graph.nodeNames == reference.nodes)
        #expect(graph.edgeCount == reference.edgeCount)
        // networkx also reads yEd geometry (x, y, shape_type); this reader keeps only labels.
        let ignored: Set = ["x", "y", "shape_type"]
        for (node, attributes) in reference.nodeAttributes {
            let id = try #require(graph.node(named: node))
            for (key, value) in attributes where !ignored.contains(key) {
                #expect(graph.nodeAttribute(key)?[id.index] == attributeValue(value), "\(node).\(key)")
            }
        }
        #expect(Set(graph.nodeAttributeNames) == ["description", "label", "url"])
        #expect(canonicalEdges(graph) == canonicalEdges(reference, numericNames: []))
        #expect(document.graphAttributes == ["Description": .string("")])
        #expect(document.graphID == "G")
    }

    @Test func withoutNamespaceKeysForAllAndImplicitNodes() throws {
        let document = try read(
            """
            <graphml>
              <desc>made by hand</desc>
              <key id="w" for="all" attr.name="w" attr.type="float"><desc>weight</desc><default>1.5</default></key>
              <key id="k"/>
              <!-- a comment -->
              <graph id="g1" edgedefault="undirected">
                <edge source="x" target="a"/>
                <node id="a"><data key="w">2</data><data key="k">&lt;&amp;&gt; <![CDATA[<raw>]]></data></node>
                <edge source="a" target="y"><data key="w">-3e2</data></edge>
                <node id="b"/>
                <data key="w">0.25</data>
              </graph>
            </graphml>
            """)
        let graph = document.graph
        #expect(!graph.isDirected)
        // Declared nodes first (in file order), then nodes only edges name, as networkx reads.
        #expect(graph.nodeNames == ["a", "b", "x", "y"])
        #expect(graph.nodeAttribute("w") == [.double(2), .double(1.5), .double(1.5), .double(1.5)])
        #expect(graph.nodeAttribute("k") == [.string("<&> <raw>"), nil, nil, nil], "a key without attr.name is named by its id")
        #expect(graph.edgeColumn("w") == [1.5, -300])
        #expect(document.graphAttributes == ["w": .double(0.25)])
        #expect(document.graphID == "g1")
    }

    @Test func booleanSpellingsAndEmptyStrings() throws {
        let graph = try read(
            """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="b" for="edge" attr.name="flag" attr.type="boolean"/>
              <key id="s" for="edge" attr.name="note" attr.type="string"/>
              <key id="i" for="node" attr.name="n" attr.type="integer"/>
              <graph edgedefault="directed">
                <node id="p"><data key="i"> +42 </data></node>
                <edge source="p" target="p"><data key="b">True</data><data key="s"></data></edge>
                <edge source="p" target="p"><data key="b">0</data><data key="s">  </data></edge>
                <edge source="p" target="p" directed="true"><data key="b">FALSE</data></edge>
                <edge source="p" target="p"><data key="b">1</data></edge>
              </graph>
            </graphml>
            """
        ).graph
        #expect(graph.edgeColumn("flag") == [1, 0, 0, 1])
        #expect(graph.edgeTextColumn("note") == ["", "  ", nil, nil])
        #expect(graph.nodeAttribute("n") == [.int(42)])
        #expect(graph.outDegree(of: NodeID(0)) == 4, "self-loops kept as separate edges")
    }

    @Test func numericAndTextValuesOfOneNameGoToTwoColumns() throws {
        let graph = try read(
            """
            <graphml>
              <key id="a" for="edge" attr.name="w" attr.type="int"/>
              <key id="b" for="edge" attr.name="w" attr.type="string"/>
              <graph><edge source="1" target="2"><data key="a">3</data></edge><edge source="1" target="2"><data key="b">heavy</data></edge></graph>
            </graphml>
            """
        ).graph
        #expect(graph.edgeColumn("w")?.first == 3)
        #expect(graph.edgeColumn("w")?.last?.isNaN == true)
        #expect(graph.edgeTextColumn("w") == [nil, "heavy"])
    }
}
