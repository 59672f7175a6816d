import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphIO

/// GraphML with a prolog `prolog` and one edge whose note is `note` (element text).
func graphML(prolog: String, note: String, nodeID: String = "a") -> String {
    """
    <?xml version="1.0"?>
    \(prolog)
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
    <key id="d0" for="edge" attr.name="note" attr.type="string"/>
    <graph edgedefault="undirected">
    <node id="\(nodeID)"/><node id="b"/>
    <edge source="a" target="b"><data key="d0">\(note)</data></edge>
    </graph></graphml>
    """
}

/// `LINE:COLUMN: message` of every problem reading `text` as GraphML, or the note read.
func readGraphML(_ text: String) -> Result<String?, InputError> {
    do {
        let graph = try GraphMLReader.read(data: Data(text.utf8), name: "t.graphml")
        return .success(graph.edgeTextColumn("note")?.first ?? nil)
    } catch let error as InputError {
        return .failure(error)
    } catch {
        Issue.record("unexpected \(error)")
        return .success(nil)
    }
}

func located(_ result: Result<String?, InputError>) -> [String] {
    guard case .failure(let error) = result else { return [] }
    return error.diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
}

/// Issue 13, finding 7: entities are never silently dropped or emptied.
@Suite struct GraphMLEntityTests {
    @Test func anInternalEntityIsRefusedWhereDeclaredNotDroppedFromText() {
        let result = readGraphML(graphML(prolog: "<!DOCTYPE graphml [\n  <!ENTITY co \"ACME\">\n]>", note: "works at &co; since"))
        let p = located(result)
        #expect(p.count == 1)
        #expect(p.first?.hasPrefix("3:3: entity 'co' declared: entity declarations are not supported") == true, "\(p)")
    }

    @Test func anExternalEntityIsRefusedNotReadAsEmpty() {
        let p = located(readGraphML(graphML(prolog: "<!DOCTYPE graphml [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>", note: "v=&x;.")))
        #expect(p.count == 1)
        #expect(p.first?.hasPrefix("2:20: external entity 'x' declared") == true, "\(p)")
    }

    @Test func anExternalEntityInAnAttributeIsNotLibxml2Error29() {
        let p = located(readGraphML(graphML(prolog: "<!DOCTYPE graphml [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>", note: "v", nodeID: "a&x;")))
        #expect(p.count == 1)
        #expect(p.allSatisfy { !$0.contains("libxml2 error") }, "\(p)")
        #expect(p.first?.contains("external entity 'x' declared") == true)
    }

    @Test func everyDeclarationIsReportedParameterEntitiesToo() {
        let prolog = "<!DOCTYPE graphml [\n<!-- <!ENTITY fake 'in a comment'> -->\n<!ENTITY % p \"<!ENTITY q 'Q'>\">\n<!ENTITY r 'R'>\n]>"
        let p = located(readGraphML(graphML(prolog: prolog, note: "v")))
        let places: [String] = p.map { line in line.split(separator: ":").prefix(2).joined(separator: ":") }
        #expect(places == ["4:1", "5:1"])
        #expect(p.first?.contains("parameter entity 'p'") == true)
        #expect(p.last?.contains("entity 'r'") == true)
    }

    @Test func aDoctypeWithoutEntitiesAndCharacterReferencesStillRead() {
        let external = "<!DOCTYPE graphml SYSTEM \"http://graphml.graphdrawing.org/dtds/graphml.dtd\">"
        #expect(readGraphML(graphML(prolog: external, note: "works at &amp; &#65; since")) == .success("works at & A since"))
        // `<!ENTITY` in a comment or processing instruction of the subset is no declaration.
        let inside = "<!DOCTYPE graphml [<!-- <!ENTITY a 'A'> --><?pi <!ENTITY b 'B'> ?>]>"
        #expect(readGraphML(graphML(prolog: inside, note: "x")) == .success("x"))
    }
}

/// The CSV reader's side of formula neutralisation (issue 13, finding 5).
@Suite struct CSVFormulaNeutralisationTests {
    @Test func theWritersQuoteIsRemovedOnlyBeforeAFormulaCharacter() {
        let cases: [(written: String, read: String)] = [
            ("'=SUM(A1)", "=SUM(A1)"), ("'+1", "+1"), ("'-2", "-2"), ("'@x", "@x"), ("'\tx", "\tx"), ("'\rx", "\rx"),
            ("'a", "'a"), ("'", "'"), ("''", "''"), ("a'-", "a'-"), ("''-x", "'-x"), ("'''=", "''="), ("=x", "=x"),
        ]
        for c in cases { #expect(CSVEdgeListReader.unneutralised(c.written) == c.read, "\(c.written.debugDescription)") }
    }

    @Test func neutralisedNamesAndTextCellsReadBackAsWrittenAndNumbersStayNumbers() throws {
        let text = "source,target,tone,note\n'=HYPERLINK(x),\"'-a\",-3.5,'@home\n\"'\tb\",''-c,2,'plain\n"
        let graph = try CSVEdgeListReader.read(data: Data(text.utf8), name: "t.csv")
        #expect(graph.nodeNames == ["=HYPERLINK(x)", "-a", "\tb", "'-c"])
        #expect(graph.edgeColumn("tone").map(Array.init) == [-3.5, 2])
        #expect(graph.edgeTextColumn("note") == ["@home", "'plain"])
    }

    @Test func aNeutralisedNumberIsText() throws {
        let graph = try CSVEdgeListReader.read(data: Data("source,target,code\na,b,'-1\n".utf8), name: "t.csv")
        #expect(graph.edgeTextColumn("code") == ["-1"])
        #expect(graph.edgeColumn("code") == nil)
    }
}
