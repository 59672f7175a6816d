import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphIO

/// Inputs large enough to expose size limits and accidental quadratic work.
@Suite("GraphML and CSV: large inputs")
struct GraphMLLargeInputTests {
    /// `XMLParser(data:)` fails on Linux past 10,000,000 bytes; the reader must not.
    @Test func moreThanTenMegabytes() throws {
        let value = String(repeating: "x", count: 10_100)
        var xml = "<graphml><key id=\"t\" for=\"node\" attr.name=\"t\"/><graph>\n"
        for i in 0..<1_000 { xml += "<node id=\"n\(i)\"><data key=\"t\">\(value)</data></node>\n" }
        xml += "<edge source=\"n0\" target=\"n999\"/>\n</graph></graphml>\n"
        #expect(xml.utf8.count > 10_000_000)
        let graph = try GraphMLReader.read(data: Data(xml.utf8), name: "big.graphml")
        #expect(graph.nodeCount == 1_000)
        #expect(graph.edgeCount == 1)
        #expect(graph.nodeAttribute("t")?.last == .string(value))
    }

    /// 100k edges in both formats. Debug builds are several times slower than release builds
    /// (release: about 0.15 s for CSV and 0.6 s for GraphML), so the bounds here only catch
    /// quadratic behaviour.
    @Test func hundredThousandEdges() throws {
        let m = 100_000
        var rng = SplitMix64(seed: 1)
        var csv = "source,target,weight,kind\n"
        var xml = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
            <key id="d0" for="edge" attr.name="weight" attr.type="long"/>
            <key id="d1" for="edge" attr.name="kind" attr.type="string"/>
            <graph edgedefault="undirected">

            """
        csv.reserveCapacity(25 * m)
        xml.reserveCapacity(120 * m)
        for _ in 0..<m {
            let s = Int.random(in: 0..<20_000, using: &rng), t = Int.random(in: 0..<20_000, using: &rng)
            let w = Int.random(in: 1...9, using: &rng), k = Bool.random(using: &rng) ? "a" : "b"
            csv += "\(s),\(t),\(w),\(k)\n"
            xml += "<edge source=\"\(s)\" target=\"\(t)\"><data key=\"d0\">\(w)</data><data key=\"d1\">\(k)</data></edge>\n"
        }
        xml += "</graph></graphml>\n"

        let clock = ContinuousClock()
        var fromCSV: Graph?
        let csvTime = try clock.measure { fromCSV = try CSVEdgeListReader.read(data: Data(csv.utf8), name: "big.csv") }
        var fromXML: Graph?
        let xmlTime = try clock.measure { fromXML = try GraphMLReader.read(data: Data(xml.utf8), name: "big.graphml") }
        print("100k edges: CSV \(csvTime), GraphML \(xmlTime) (this build)")
        #expect(fromCSV?.edgeCount == m)
        #expect(fromXML?.edgeCount == m)
        // Nodes only edges name come in order of first mention in both formats.
        #expect(fromCSV?.nodeNames == fromXML?.nodeNames)
        #expect(fromCSV?.edges == fromXML?.edges)
        #expect(fromCSV?.edgeColumn("weight") == fromXML?.edgeColumn("weight"))
        #expect(fromCSV?.edgeTextColumn("kind") == fromXML?.edgeTextColumn("kind"))
        #expect(csvTime < .seconds(20))
        #expect(xmlTime < .seconds(30))
    }
}

/// Locations stay exact deep into a file that the XML parser reads in many chunks.
@Test func locationsAreExactFarIntoALargeFile() {
    var xml = "<graphml>\n<key id=\"w\" for=\"edge\" attr.type=\"double\"/>\n<graph>\n"
    for i in 0..<60_000 {
        let value = i == 45_000 ? "oops" : "\(i % 7)"
        let key = i == 59_999 ? "nope" : "w"
        xml += "  <edge source=\"ñ\(i)\" target=\"\(i + 1)\"><data key=\"\(key)\">\(value)</data></edge>\n"
    }
    xml += "</graph>\n</graphml>\n"
    do {
        _ = try GraphMLReader.read(data: Data(xml.utf8), name: "big.graphml")
        Issue.record("expected errors")
    } catch let error as InputError {
        #expect(
            error.diagnostics.map { "\($0.line):\($0.column): \($0.message)" } == [
                "45004:54: 'oops' is not a number, as key 'w' requires (attr.type \"double\")",
                "60003:46: <data> names key 'nope', which no <key> declares",
            ])
    } catch {
        Issue.record("unexpected \(error)")
    }
}
