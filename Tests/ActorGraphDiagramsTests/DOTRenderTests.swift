import ActorGraphCore
import ActorGraphDiagrams
import ActorGraphIO
import ActorGraphviz
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The text content of `<text>` and `<title>` elements and the `xlink:title` tooltips of an SVG.
final class SVGContent: NSObject, XMLParserDelegate {
    var texts: [String] = []
    var titles: [String] = []
    var tooltips: [String] = []
    private var current: String?
    private var element = ""

    static func parse(_ bytes: [UInt8]) throws -> SVGContent {
        let content = SVGContent()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = content
        guard parser.parse() else { throw Failure(description: "\(parser.parserError.map { "\($0)" } ?? "?")") }
        return content
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if elementName == "text" || elementName == "title" {
            current = ""
            element = elementName
        }
        if let tooltip = attributes["xlink:title"] { tooltips.append(tooltip) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard elementName == element, let text = current else { return }
        if element == "text" { texts.append(text) } else { titles.append(text) }
        current = nil
    }
}

@Suite struct DOTRenderTests {
    static let hostileNames = [
        "\"];",
        "<script>alert(1)</script>",
        "back\\slash \\N \\G \\l",
        "ends with backslash\\",
        "a:b:c",
        "문재인 · 菅義偉 · 習近平",
        "AT&T",
        "tab\there",
        String(repeating: "x", count: 10_000),
        "-> -- { } subgraph",
    ]

    func hostileDataset() throws -> Dataset {
        var actors = [ActorRecord(id: "state:1", name: "State <One> & \"Co\"", kind: .state)]
        for (i, name) in Self.hostileNames.enumerated() {
            actors.append(
                ActorRecord(
                    id: "id \(i) \(name.prefix(40))", name: name,
                    kind: i % 2 == 0 ? .person : .institution, affiliation: ActorID(0)))
        }
        var events: [EventRecord] = []
        for i in 1..<actors.count {
            events.append(
                EventRecord(
                    id: "ev\"\(i)\\", date: EventDate("2020-01-0\(i % 9 + 1)")!,
                    kind: EventKind.allCases[i % 4], subtype: "<b>\(i)</b>",
                    participants: [ActorID(i), ActorID(i % (actors.count - 1) + 1)]))
        }
        return try Dataset(title: "Hostile \"title\" </svg> & \\N", sources: [], actors: actors, events: events)
    }

    @Test func hostileNamesRenderSafelyAndRoundTripAsLabels() throws {
        let dataset = try hostileDataset()
        let diagram = RelationshipDiagram(projection: EventProjection(dataset))
        let svg = try GraphvizRenderer.render(dot: diagram.dot, format: .svg, engine: .dot)
        let content = try SVGContent.parse(svg)
        for name in Self.hostileNames {
            let shown = name.replacingOccurrences(of: "\t", with: " ")
            #expect(content.texts.contains(shown), "label \(shown.prefix(60)) not found in the SVG")
        }
        #expect(content.texts.contains("State <One> & \"Co\""))
        #expect(content.texts.contains("Hostile \"title\" </svg> & \\N"))
        // Node ids come back as SVG titles, quotes and colons intact.
        #expect(content.titles.contains("id 0 \"];"))
        #expect(content.titles.contains("id 4 a:b:c"))
        // Tooltips carry the event ids verbatim.
        #expect(content.tooltips.contains { $0.contains("[ev\"2\\]") })
        // No script element was injected.
        #expect(!String(decoding: svg, as: UTF8.self).contains("<script"))
    }

    @Test func hostileNamesRenderToPNGAndPDF() throws {
        let dataset = try hostileDataset()
        let dot = RelationshipDiagram(projection: EventProjection(dataset)).dot
        let png = try GraphvizRenderer.render(dot: dot, format: .png, options: .init(dpi: 48))
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        let pdf = try GraphvizRenderer.render(dot: dot, format: .pdf)
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
    }

    @Test func smallDatasetDiagramShowsEveryActorLabel() throws {
        let dataset = try smallDataset()
        let diagram = RelationshipDiagram(
            projection: EventProjection(dataset),
            options: .init(brokers: ["nis"]))
        for engine in [GraphvizEngine.dot, .neato, .fdp, .sfdp] {
            let content = try SVGContent.parse(try GraphvizRenderer.render(dot: diagram.dot, format: .svg, engine: engine))
            for actor in dataset.actors where actor.id != "unused" {
                #expect(content.texts.contains(actor.name), "\(engine): \(actor.name) missing")
            }
            #expect(!content.texts.contains("Nobody In Particular"))
            #expect(content.texts.contains("Legend"))
        }
    }

    @Test func plainGraphDOTRendersWithHostileIDs() throws {
        var builder = GraphBuilder(directed: true)
        for (i, name) in Self.hostileNames.enumerated() {
            builder.addEdge(from: name, to: Self.hostileNames[(i + 1) % Self.hostileNames.count], weight: Double(i))
        }
        let svg = try GraphvizRenderer.render(dot: DOTWriter.write(builder.build()), format: .svg, engine: .dot)
        let content = try SVGContent.parse(svg)
        for name in Self.hostileNames {
            #expect(content.texts.contains(name.replacingOccurrences(of: "\t", with: " ")))
        }
    }
}

@Suite struct DiagramReproducibilityTests {
    /// `fdp` is left out: with clusters it is reproducible from process to process but not
    /// within one (its cluster handling depends on heap addresses in Graphviz 2.43).
    @Test(arguments: [GraphvizEngine.dot, .neato, .sfdp])
    func aClusteredDiagramRendersIdenticallyAgainInOneProcess(_ engine: GraphvizEngine) throws {
        let dataset = try smallDataset()
        let dot = RelationshipDiagram(
            projection: EventProjection(dataset),
            options: .init(includeIsolated: true)
        ).dot
        let first = try GraphvizRenderer.render(dot: dot, format: .svg, engine: engine)
        for _ in 0..<5 {
            // Unrelated work in between reshuffles Graphviz's heap.
            _ = try GraphvizRenderer.render(dot: "graph G { subgraph cluster_x { p; q } r -- p }", format: .svg)
            #expect(try GraphvizRenderer.render(dot: dot, format: .svg, engine: engine) == first)
        }
    }
}

@Suite struct DiagramEdgeCaseTests {
    @Test func anEmptyViewRendersItsTitleOnly() throws {
        let dataset = try smallDataset()
        let projection = EventProjection(dataset, options: ProjectionOptions(window: DateWindow(from: EventDate("1990"), to: EventDate("1990"))))
        let diagram = RelationshipDiagram(projection: projection)
        #expect(diagram.document.nodes.isEmpty && diagram.document.edges.isEmpty)
        let content = try SVGContent.parse(try GraphvizRenderer.render(dot: diagram.dot, format: .svg))
        #expect(content.texts.contains("Korea-Japan (test)"))
    }

    @Test func separateLayersGiveOneColourPerEdge() throws {
        let dataset = try smallDataset()
        let projection = EventProjection(dataset, options: ProjectionOptions(separateLayers: true))
        let diagram = RelationshipDiagram(projection: projection)
        let colours = diagram.document.edges.compactMap { $0.attributes.first { $0.name == "color" }?.value }
        #expect(colours.count == projection.edges.count)
        #expect(!colours.contains { if case .plain(let c) = $0 { c.contains(":") } else { true } })
        _ = try GraphvizRenderer.render(dot: diagram.dot, format: .svg)
    }

    @Test func directedViewsDrawArrows() throws {
        let dataset = try smallDataset()
        let diagram = RelationshipDiagram(projection: EventProjection(dataset, options: ProjectionOptions(directed: true)))
        #expect(diagram.dot.hasPrefix("digraph "))
        #expect(diagram.dot.contains("\"moon-jae-in\" -> \"yoshihide-suga\""))
        _ = try GraphvizRenderer.render(dot: diagram.dot, format: .pdf)
    }
}
