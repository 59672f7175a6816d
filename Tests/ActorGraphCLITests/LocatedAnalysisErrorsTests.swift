import Foundation
import Testing

/// Issue 13, finding 9: an analysis that refuses an edge (a negative strength, a negative cost)
/// names the file and the line of that edge's row or element, like a reader's diagnostics, and
/// for a dataset the file and the events behind the edge.
@Suite struct LocatedAnalysisErrorsTests {
    /// Line 1 the header, line 2 an edge, line 3 blank, lines 4-5 one record whose quoted field
    /// holds a line break, then the bad edge on line 6 (its third record), with CRLF endings: the
    /// line counts the file's lines, not its records.
    static let csv = "source,target,weight,note\r\na,b,1,x\r\n\r\nb,c2,1,\"two\r\nlines\"\r\nb,c,-2,y\r\nc,d,3,z\r\n"

    static func write(_ text: String, _ ext: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("located-\(UUID().uuidString).\(ext)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test(arguments: [
        ["centrality", "--measure", "strength", "--weight", "weight"],
        ["centrality", "--measure", "closeness", "--weight", "weight", "--weight-as", "cost"],
        ["communities", "--weight", "weight"],
        ["structural-holes", "--weight", "weight"],
    ])
    func csvEdgeErrorsNameTheirLine(command: [String]) throws {
        let file = try Self.write(Self.csv, "csv")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let r = try CLI.run([command[0], file] + command.dropFirst())
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("\(file):6: error: edge b -> c has weight = -2.0"), "\(r.stderr)")
    }

    @Test func pathCostErrorsNameTheirLine() throws {
        let file = try Self.write(Self.csv, "csv")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let r = try CLI.run(["path", file, "a", "d", "--weight", "weight", "--weight-as", "cost"])
        #expect(r.status == 1 && r.stderr.hasPrefix("\(file):6: error: edge b -> c has weight = -2.0; a cost"), "\(r.stderr)")
    }

    @Test func graphMLEdgeErrorsNameTheEdgeElementsLine() throws {
        let file = try Self.write(
            """
            <?xml version="1.0"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="w" for="edge" attr.name="weight" attr.type="double"/>
              <graph edgedefault="undirected">
                <edge source="a" target="b"><data key="w">1</data></edge>
                <edge source="b" target="c">
                  <data key="w">-4</data>
                </edge>
              </graph>
            </graphml>
            """, "graphml")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let r = try CLI.run(["centrality", file, "--measure", "strength", "--weight", "weight"])
        #expect(r.status == 1 && r.stderr.hasPrefix("\(file):6: error: edge b -> c has weight = -4.0"), "\(r.stderr)")
    }

    /// A projected edge has no line of its own: the error names the dataset and the edge's events.
    @Test func datasetEdgeErrorsNameTheFileAndTheEvents() throws {
        let r = try CLI.run([
            "centrality", CLI.seed, "--kind", "dispute", "--aggregate", "sum",
            "--weight", "weight", "--measure", "strength",
        ])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("\(CLI.seed): error: edge "), "\(r.stderr)")
        #expect(r.stderr.contains("(events ") && r.stderr.contains("a strength must be a finite number >= 0"), "\(r.stderr)")
    }
}
