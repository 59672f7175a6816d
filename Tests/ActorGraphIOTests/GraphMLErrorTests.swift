import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphIO

/// Every problem the GraphML reader reports, with its exact line and column.
@Suite("GraphML reader: errors")
struct GraphMLErrorTests {
    /// The diagnostics for `xml` as `LINE:COLUMN: message`, or `[]` when it reads.
    func problems(_ xml: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        do {
            _ = try GraphMLReader.read(data: Data(xml.utf8), name: "test.graphml")
            return []
        } catch let error as InputError {
            for d in error.diagnostics {
                #expect(d.file == "test.graphml", sourceLocation: sourceLocation)
                #expect(d.severity == .error, sourceLocation: sourceLocation)
            }
            return error.diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
            return []
        }
    }

    @Test func everySemanticProblemAtOnce() {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
              <key id="w" for="edge" attr.name="weight" attr.type="double"/>
              <key id="n" for="node" attr.name="size" attr.type="int"><default>x1</default></key>
              <key id="t" for="node" attr.name="kind" attr.type="colour"/>
              <graph edgedefault="undirected">
                <node id="a"><data key="zz">1</data></node>
                <node id="b">
                  <data key="w">2.0</data>
                </node>
                <node id="a"/>
                <edge source="a" target="b"><data key="w">heavy</data></edge>
                <edge target="b"/>
                <edge source="a" target="b" directed="true"/>
                <edge
                    source="a"
                    target="b" directed="maybe"/>
                <node id="c"><graph/></node>
                <hyperedge><endpoint node="a"/></hyperedge>
                <node id="d"><port name="p"/></node>
                <edge source="a" target="b"><data key="w"> 1.5 </data><data key="w">2</data></edge>
                <y:Extra><y:Whatever/></y:Extra>
                <foo/>
                <edge source="한국어" target="b"><data key="w">무거운</data></edge>
              </graph>
              <graph/>
            </graphml>
            """
        #expect(
            problems(xml) == [
                "4:68: <default>: 'x1' is not an integer, as key 'n' requires (attr.type \"int\")",
                "5:43: attr.type=\"colour\" is not one of boolean, int, long, float, double, string",
                "7:24: <data> names key 'zz', which no <key> declares",
                "9:13: key 'w' is declared for=\"edge\", so it cannot be used on a <node>",
                "11:11: node 'a' is declared twice (first at line 7)",
                "12:47: 'heavy' is not a number, as key 'w' requires (attr.type \"double\")",
                "13:5: <edge> without a source attribute",
                "14:33: directed=\"true\" edge in an undirected graph: graphs mixing directed and undirected edges are not supported",
                "17:20: directed=\"maybe\" is neither \"true\" nor \"false\"",
                "18:18: nested graphs (a <graph> inside a <node>, as yEd writes for groups) are not supported; flatten the graph first",
                "19:5: hyperedges are not supported; only <edge> between two nodes",
                "20:18: ports are not supported; edges must join nodes directly",
                "21:59: a second value of 'weight' for this edge (key 'w')",
                "23:5: unknown GraphML element <foo>",
                "24:49: '무거운' is not a number, as key 'w' requires (attr.type \"double\")",
                "26:3: a second <graph>: only one graph per file is supported (the first is at line 6)",
            ])
    }

    @Test func missingSourceAndTargetBothReported() {
        #expect(
            problems("<graphml><graph>\n  <edge id=\"e1\"/>\n</graph></graphml>") == [
                "2:3: <edge> without a source attribute",
                "2:3: <edge> without a target attribute",
            ])
    }

    @Test func directedFalseInDirectedGraph() {
        #expect(
            problems("<graphml><graph edgedefault=\"directed\"><edge source=\"a\" target=\"b\" directed=\"false\"/></graph></graphml>") == [
                "1:68: directed=\"false\" edge in a directed graph: graphs mixing directed and undirected edges are not supported"
            ])
        #expect(
            problems("<graphml><graph edgedefault=\"sideways\"/></graphml>") == [
                "1:17: edgedefault=\"sideways\" is neither \"directed\" nor \"undirected\""
            ])
    }

    @Test(arguments: [
        (
            "<graphml>\n  <graph>\n    <node id=\"a\">\n  </graph>\n</graphml>\n",
            "4:3: malformed XML: end tag does not match <node> opened at line 3"
        ),
        (
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n  <graph edgedefault=\"directed\">\n    <node id=\"a\"/>\n",
            "3:19: malformed XML: the document ends inside <graph> opened at line 2"
        ),
        (
            "<graphml>\n  <graph edgedefault=\"directed\">\n    <node id=a/>\n  </graph>\n</graphml>",
            "3:14: malformed XML: attribute value without quotes"
        ),
        (
            "<graphml>\n  <graph edgedefault=\"directed\">\n    <node id=\"a&b\"/>\n  </graph>\n</graphml>",
            "3:18: malformed XML: entity reference without ';' (escape '&' as &amp;)"
        ),
        ("hello", "1:1: malformed XML: the document is empty or is not XML"),
        ("<graphml>", "1:10: malformed XML: the document ends inside <graphml> opened at line 1"),
        ("<graphml><graph/></graphml><x/>", "1:28: malformed XML: content after the end of the root element"),
        ("", "1:1: the file holds no XML elements; expected a <graphml> document"),
        ("<html><body/></html>", "1:1: not a GraphML document: the root element is <html>, expected <graphml>"),
        ("<graphml>\n  <key id=\"k\"/>\n</graphml>\n", "1:1: the document has no <graph> element"),
    ])
    func malformedXML(_ xml: String, _ expected: String) {
        #expect(problems(xml) == [expected])
    }

    @Test func problemsBeforeMalformedXMLAreKept() {
        #expect(
            problems("<graphml><graph><edge target=\"b\"/>\n<node id=\"x\"></nod></graph></graphml>") == [
                "1:17: <edge> without a source attribute",
                "2:14: malformed XML: end tag does not match <node> opened at line 2",
            ])
    }

    @Test func crlfAndByteOrderMarkDoNotShiftLocations() {
        let crlf =
            "<graphml>\r\n<key id=\"k\" for=\"node\" attr.type=\"int\"/>\r\n<graph>\r\n<node id=\"x\"><data key=\"k\">1.5</data></node>\r\n</graph>\r\n</graphml>"
        #expect(problems(crlf) == ["4:28: '1.5' is not an integer, as key 'k' requires (attr.type \"int\")"])
        let bom = "\u{FEFF}<graphml><graph><edge source=\"a\"/></graph></graphml>"
        #expect(problems(bom) == ["1:17: <edge> without a target attribute"])
    }

    @Test func keyDeclaredAfterTheGraph() {
        let xml = "<graphml><graph><node id=\"x\"><data key=\"k\">1</data></node></graph>\n<key id=\"k\" for=\"node\"/></graphml>"
        #expect(
            problems(xml) == [
                "1:36: key 'k' is used before it is declared (line 2); GraphML requires every <key> before the <graph>"
            ])
    }

    @Test func valueProblems() {
        let xml = """
            <graphml>
              <key id="k" for="node" attr.type="boolean"/>
              <key id="e" attr.type="long"/>
              <key id="s" for="node"/>
              <graph>
                <node id="x"><data key="k">yes</data></node>
                <node id="y"><data key="k"></data><data key="s">1<b>2</b></data></node>
                <edge source="x" target="y"><data key="e">99999999999999999999</data></edge>
                <edge source="x" target="y"><data key="e">
                  2.5</data></edge>
              </graph>
            </graphml>
            """
        #expect(
            problems(xml) == [
                "6:32: 'yes' is not a boolean (true, false, 1 or 0), as key 'k' requires (attr.type \"boolean\")",
                "7:32: empty value for key 'k' (attr.type \"boolean\")",
                "7:54: <data key=\"s\"> holds an element <b>; a string value must be plain text",
                "8:47: '99999999999999999999' does not fit in a 64-bit integer (key 'e', attr.type \"long\")",
                "10:7: '2.5' is not an integer, as key 'e' requires (attr.type \"long\")",
            ])
    }

    @Test func keyProblems() {
        let xml = """
            <graphml>
              <key id="a" for="node" attr.type="int"/>
              <key id="a" for="edge" attr.type="int"/>
              <key id="b" for="vertex"/>
              <key for="node"/>
              <graph/>
            </graphml>
            """
        #expect(
            problems(xml) == [
                "3:8: key 'a' is declared twice (first at line 2)",
                "4:15: for=\"vertex\" is not one of node, edge, graph, graphml, all",
                "5:3: <key> without an id attribute",
            ])
    }

    @Test func misplacedElements() {
        let xml = "<graphml><node id=\"a\"/><graph><key id=\"k\"/><data key=\"q\"/></graph></graphml>"
        #expect(
            problems(xml) == [
                "1:10: <node> is not allowed inside <graphml>",
                "1:31: <key> is not allowed inside <graph>",
                "1:50: <data> names key 'q', which no <key> declares",
            ])
    }

    @Test func tooManyProblemsStop() {
        let edges = String(repeating: "<edge target=\"b\"/>\n", count: 150)
        let found = problems("<graphml><graph>\n\(edges)</graph></graphml>")
        #expect(found.count == GraphMLParser.diagnosticLimit + 1)
        #expect(found.last == "102:1: too many problems (more than 100); stopped reading here")
    }

    @Test func missingFileIsAFileError() {
        #expect(throws: FileError(.notFound, path: "/nonexistent/x.graphml", reason: "no such file")) {
            try GraphMLReader.read(path: "/nonexistent/x.graphml")
        }
        #expect(throws: FileError(.isDirectory, path: "/tmp", reason: "is a directory, not a file")) {
            try GraphMLReader.read(path: "/tmp")
        }
    }
}
