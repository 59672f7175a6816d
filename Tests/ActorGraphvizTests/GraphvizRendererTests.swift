import ActorGraphviz
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects the text of every `<text>` element of an SVG, failing on malformed XML.
final class SVGTextCollector: NSObject, XMLParserDelegate {
    var texts: [String] = []
    var titles: [String] = []
    private var current: String?
    private var element = ""

    static func parse(_ bytes: [UInt8]) throws -> SVGTextCollector {
        let collector = SVGTextCollector()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = collector
        guard parser.parse() else {
            throw XMLError(description: parser.parserError.map { "\($0)" } ?? "unknown XML error")
        }
        return collector
    }

    struct XMLError: Error, CustomStringConvertible { let description: String }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if elementName == "text" || elementName == "title" {
            current = ""
            element = elementName
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current? += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard elementName == element, let text = current else { return }
        if element == "text" { texts.append(text) } else { titles.append(text) }
        current = nil
    }
}

let triangle = """
    graph G {
      node [shape=box];
      a [label="Moon Jae-in"]; b [label="Yoshihide Suga"]; c [label="문재인 · 菅義偉"];
      a -- b; b -- c; c -- a;
    }
    """

@Suite struct GraphvizRendererTests {
    @Test func svgIsWellFormedXMLWithEveryLabel() throws {
        let svg = try GraphvizRenderer.render(dot: triangle, format: .svg, engine: .dot)
        let parsed = try SVGTextCollector.parse(svg)
        for label in ["Moon Jae-in", "Yoshihide Suga", "문재인 · 菅義偉"] {
            #expect(parsed.texts.contains(label), "missing label \(label)")
        }
    }

    @Test(arguments: GraphvizEngine.standard)
    func everyStandardEngineLaysOut(_ engine: GraphvizEngine) throws {
        let output = try GraphvizRenderer.renderDetailed(dot: triangle, format: .svg, engine: engine)
        #expect(output.engine != .auto)
        #expect(try SVGTextCollector.parse(output.bytes).texts.contains("Yoshihide Suga"))
    }

    @Test func autoPicksTheEngineBySizeAndDirection() throws {
        let options = GraphvizRenderOptions()
        #expect(options.automaticEngine(nodes: 60, edges: 150, directed: false) == .fdp)
        #expect(options.automaticEngine(nodes: 60, edges: 150, directed: true) == .dot)
        #expect(options.automaticEngine(nodes: 2_000, edges: 6_000, directed: false) == .sfdp)
        #expect(options.automaticEngine(nodes: 100, edges: 401, directed: true) == .sfdp)
    }

    @Test func pngAndPDFHaveTheirSignatures() throws {
        let png = try GraphvizRenderer.render(dot: triangle, format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = try GraphvizRenderer.render(dot: triangle, format: .pdf)
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
    }

    /// Width and height from a PNG's IHDR chunk.
    func pngSize(_ png: [UInt8]) -> (Int, Int) {
        func be32(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }

    @Test func dpiScalesPNGAndTheSizeCapHolds() throws {
        let at72 = pngSize(try GraphvizRenderer.render(dot: triangle, format: .png, options: .init(dpi: 72)))
        let at144 = pngSize(try GraphvizRenderer.render(dot: triangle, format: .png, options: .init(dpi: 144)))
        #expect(abs(at144.0 - 2 * at72.0) <= 4 && abs(at144.1 - 2 * at72.1) <= 4)
        // A DOT text asking for a huge page at a huge resolution is capped.
        let greedy = "graph { size=\"400,400!\"; dpi=1200; a -- b }"
        let capped = pngSize(try GraphvizRenderer.render(dot: greedy, format: .png, options: .init(maxPixels: 500)))
        #expect(max(capped.0, capped.1) <= 502)
        #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.render(dot: triangle, format: .png, options: .init(dpi: 0))
        }
    }

    @Test func badDOTThrowsGraphvizsSyntaxMessage() {
        #expect {
            try GraphvizRenderer.render(dot: "graph { a -- ; ]", format: .svg)
        } throws: { error in
            guard let error = error as? GraphvizError else { return false }
            return error.code == .syntax && error.message.contains("syntax error")
        }
        // The parser recovers: the next render works.
        #expect((try? GraphvizRenderer.render(dot: triangle, format: .svg)) != nil)
        #expect(throws: GraphvizError.self) { try GraphvizRenderer.render(dot: "", format: .svg) }
    }

    @Test func unknownEngineAndFormatThrowGraphvizsMessage() {
        #expect {
            try GraphvizRenderer.render(dot: triangle, format: .svg, engine: GraphvizEngine(rawValue: "spring"))
        } throws: { error in
            guard let error = error as? GraphvizError else { return false }
            return error.code == .layout && error.message.contains("spring") && error.message.contains("not recognized")
        }
        #expect {
            try GraphvizRenderer.render(dot: triangle, format: GraphvizFormat(rawValue: "docx"))
        } throws: { error in
            guard let error = error as? GraphvizError else { return false }
            return error.code == .render && error.message.contains("docx")
        }
    }

    @Test func autoPicksFdpOrDotForSmallAndSfdpForLargeGraphs() throws {
        #expect(try GraphvizRenderer.renderDetailed(dot: triangle, format: .svg).engine == .fdp)
        #expect(try GraphvizRenderer.renderDetailed(dot: "digraph { a -> b }", format: .svg).engine == .dot)
        var dot = "graph {\n"
        for i in 0..<400 { dot += "  n\(i) -- n\((i * 7 + 1) % 400);\n" }
        dot += "}\n"
        #expect(try GraphvizRenderer.renderDetailed(dot: dot, format: .svg).engine == .sfdp)
    }

    @Test func seedMakesForceLayoutsReproducible() throws {
        // Named: an anonymous graph gets a fresh internal name (%N) at every parse.
        var dot = "graph G {\n"
        for i in 0..<30 { dot += "  n\(i) -- n\((i * 7 + 3) % 30);\n" }
        dot += "}\n"
        let a = try GraphvizRenderer.render(dot: dot, format: .svg, engine: .sfdp, options: .init(seed: 7))
        let b = try GraphvizRenderer.render(dot: dot, format: .svg, engine: .sfdp, options: .init(seed: 7))
        #expect(a == b)
    }

    /// fdp runs through `ReproducibleLayout` (measure with the fonts, place without them on one
    /// thread, draw the placed graph): the seed still matters, and every node and cluster is
    /// drawn. That the default render is the same from process to process is checked by
    /// `RenderCommandTests.theDefaultRenderIsTheSameFromRunToRun` (issue 13, finding 10).
    @Test func fdpWithClustersIsSeededAndComplete() throws {
        var dot = "graph G {\n  node [fontname=\"sans-serif\"];\n"
        for c in 0..<4 {
            dot += "  { subgraph cluster_\(c) { label=\"Group \(c)\";"
            for i in 0..<6 { dot += " n\(c)_\(i) [label=\"Actor \(c)-\(i) with a long name\"];" }
            dot += " } }\n"
        }
        for i in 0..<40 { dot += "  n\(i % 4)_\(i % 6) -- n\((i * 3 + 1) % 4)_\((i * 5 + 2) % 6);\n" }
        dot += "}\n"
        let first = try GraphvizRenderer.renderDetailed(dot: dot, format: .svg, engine: .fdp, options: .init(seed: 1))
        #expect(first.engine == .fdp)
        let other = try GraphvizRenderer.render(dot: dot, format: .svg, engine: .fdp, options: .init(seed: 2))
        #expect(other != first.bytes, "--seed must still change the fdp layout")
        let svg = String(decoding: first.bytes, as: UTF8.self)
        #expect(svg.components(separatedBy: "<g id=\"node").count - 1 == 24)
        #expect(svg.components(separatedBy: "class=\"cluster\"").count - 1 == 4)
        #expect(svg.contains("Actor 3&#45;5 with a long name") && svg.contains("Group 2"))
    }

    @Test func parallelRendersNeverCrashAndAgree() async throws {
        let expected = try GraphvizRenderer.render(dot: triangle, format: .svg, engine: .dot)
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for i in 0..<50 {
                        if (task + i) % 5 == 0 {
                            // Interleave failures: they must not disturb the others.
                            _ = try? GraphvizRenderer.render(dot: "graph { ] }", format: .svg)
                        }
                        let svg = try GraphvizRenderer.render(dot: triangle, format: .svg, engine: .dot)
                        if svg != expected { return false }
                    }
                    return true
                }
            }
            var all: [Bool] = []
            for try await ok in group { all.append(ok) }
            return all
        }
        #expect(results == Array(repeating: true, count: 8))
    }

    @Test func cappedSizeKeepsSmallerSizesAndTheBang() {
        #expect(GraphvizRendererTestHooks.cappedSize("", 10) == "10,10")
        #expect(GraphvizRendererTestHooks.cappedSize("4,3!", 10) == "4,3!")
        #expect(GraphvizRendererTestHooks.cappedSize("40,3", 10) == "10,3")
        #expect(GraphvizRendererTestHooks.cappedSize("junk", 10) == "10,10")
    }
}

@Suite struct GraphvizPluginTests {
    /// Run with `GVBINDIR` pointing at an empty directory to exercise the fallback that loads
    /// the plugin libraries without Graphviz's configuration file.
    @Test func pluginsAreFoundWithOrWithoutConfiguration() throws {
        let source = try GraphvizRenderer.pluginSource()
        if let dir = ProcessInfo.processInfo.environment["GVBINDIR"],
            !FileManager.default.fileExists(atPath: dir + "/config6a")
        {
            #expect(source != "configuration" && source != dir)
        }
        let svg = try GraphvizRenderer.render(dot: triangle, format: .svg, engine: .neato)
        #expect(try SVGTextCollector.parse(svg).texts.contains("Moon Jae-in"))
        let png = try GraphvizRenderer.render(dot: triangle, format: .png)
        #expect(png.count > 100)
    }
}
