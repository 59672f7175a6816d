import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `actorgraph render` end to end: formats, highlights, atomic output, Graphviz errors.
@Suite struct RenderCommandTests {
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Issue 13, finding 10: the default render (fdp, state clusters) gave a different diagram in
    /// every process despite `--seed 1`. Four processes, one SVG; two processes, one PNG.
    @Test func theDefaultRenderIsTheSameFromRunToRun() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var svgs: [Data] = [], pngs: [Data] = []
        for run in 0..<4 {
            let out = dir.appendingPathComponent("run\(run).svg")
            let r = try CLI.run(["render", CLI.seed, "-o", out.path, "--seed", "1"])
            #expect(r.status == 0, "\(r.stderr)")
            svgs.append(try Data(contentsOf: out))
            if run < 2 {
                let png = dir.appendingPathComponent("run\(run).png")
                #expect(try CLI.run(["render", CLI.seed, "-o", png.path]).status == 0)
                pngs.append(try Data(contentsOf: png))
            }
        }
        #expect(Set(svgs).count == 1, "\(Set(svgs).count) different SVGs from 4 runs")
        #expect(Set(pngs).count == 1, "\(Set(pngs).count) different PNGs from 2 runs")
        #expect(String(decoding: svgs[0], as: UTF8.self).contains("class=\"cluster\""))
    }

    @Test func rendersTheSeedDatasetInEveryFormat() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let signatures: [String: [UInt8]] = [
            "png": [0x89, 0x50, 0x4E, 0x47], "pdf": Array("%PDF".utf8),
            "svg": Array("<?xm".utf8), "dot": Array("grap".utf8),
        ]
        for (ext, signature) in signatures {
            let out = dir.appendingPathComponent("seed.\(ext)")
            let r = try CLI.run(["render", CLI.seed, "-o", out.path, "--highlight-brokers", "--seed", "3"])
            #expect(r.status == 0, "\(ext): \(r.stderr)")
            let bytes = try [UInt8](Data(contentsOf: out))
            #expect(Array(bytes.prefix(4)) == signature, "\(ext) signature")
        }
        // Parsed as XML: every actor in the view is a label, and so is the title.
        let texts = try SVGTexts.parse(Data(contentsOf: dir.appendingPathComponent("seed.svg")))
        for name in ["Moon Jae-in", "Yoshihide Suga", "Park Jie-won", "Korea-Japan-US relations, 2014-2021"] {
            #expect(texts.contains(name), "SVG lacks \(name)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).count == 4) // no temporary files
    }

    @Test func highlightsAPathThroughNamesAndAliases() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("path.dot")
        let r = try CLI.run(["render", CLI.seed, "-o", out.path, "--highlight-path", "Moon,Kitamura", "--title", "Moon to Kitamura"])
        #expect(r.status == 0, "\(r.stderr)")
        let dot = try String(contentsOf: out, encoding: .utf8)
        #expect(dot.contains("Moon to Kitamura"))
        #expect(dot.contains("#E69F00")) // the path colour
        let bad = try CLI.run(["render", CLI.seed, "-o", out.path, "--highlight-path", "Moon,Nobody Atall"])
        #expect(bad.status == 1 && bad.stderr.contains("did you mean"))
    }

    @Test func aFailedRenderLeavesTheOldFileUntouched() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("diagram.svg")
        try Data("previous".utf8).write(to: out)
        let r = try CLI.run(["render", CLI.seed, "-o", out.path, "--engine", "nonesuch"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("nonesuch"))
        #expect(try String(contentsOf: out, encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["diagram.svg"])
        let missingDir = try CLI.run(["render", CLI.seed, "-o", dir.appendingPathComponent("no/such/d.svg").path])
        #expect(missingDir.status == 1)
        let wrongExt = try CLI.run(["render", CLI.seed, "-o", dir.appendingPathComponent("d.docx").path])
        #expect(wrongExt.status == 2)
    }

    @Test func rendersGraphMLAndCSVInputs() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for input in [GraphInputTests.graphml, GraphInputTests.csv] {
            let out = dir.appendingPathComponent("karate.svg")
            let r = try CLI.run(["render", input, "-o", out.path, "--highlight-path", "0,33"])
            #expect(r.status == 0, "\(input): \(r.stderr)")
            let texts = try SVGTexts.parse(Data(contentsOf: out))
            #expect(texts.contains("33") && texts.contains("0"))
        }
        let brokers = try CLI.run(["render", GraphInputTests.csv, "-o", dir.appendingPathComponent("x.svg").path, "--highlight-brokers"])
        #expect(brokers.status == 1 && brokers.stderr.contains("needs a dataset"))
    }
}

/// The text content of an SVG's `<text>` elements, entities decoded by the XML parser.
final class SVGTexts: NSObject, XMLParserDelegate {
    private var texts: [String] = []
    private var current: String?

    static func parse(_ data: Data) throws -> Set<String> {
        let collector = SVGTexts()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return Set(collector.texts)
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "text" { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text", let text = current { texts.append(text) }
        current = nil
    }
}
