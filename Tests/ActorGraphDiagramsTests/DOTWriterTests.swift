import ActorGraphCore
import ActorGraphDiagrams
import ActorGraphIO
import Testing

@Suite struct DOTWriterGoldenTests {
    @Test func plainGraph() throws {
        var builder = GraphBuilder(directed: false)
        builder.addEdge(from: "a", to: "b", weight: 2, events: ["e1", "e2"])
        builder.addEdge(from: "b", to: "c:port", weight: 1, events: ["e3"])
        builder.addEdge(from: "c:port", to: "a", weight: 4, events: [])
        let node = builder.addNode("lonely \"one\"")
        builder.setNodeAttribute(node, "name", .string("Lonely <One>"))
        try expectGolden(DOTWriter.write(builder.build()), "plain-graph.dot")
    }

    @Test func directedPlainGraph() throws {
        var builder = GraphBuilder(directed: true)
        builder.addEdge(from: "x", to: "y")
        builder.addEdge(from: "y", to: "x")
        let text = DOTWriter.write(builder.build(), name: "arcs")
        #expect(text.hasPrefix("digraph \"arcs\" {"))
        #expect(text.contains("\"x\" -> \"y\""))
    }

    @Test func datasetDiagram() throws {
        let dataset = try smallDataset()
        let projection = EventProjection(dataset)
        try expectGolden(RelationshipDiagram(projection: projection).dot, "small-dataset.dot")
    }

    @Test func datasetDiagramWithHighlightsAndFilters() throws {
        let dataset = try smallDataset()
        let projection = EventProjection(
            dataset,
            options: ProjectionOptions(
                kinds: [.meeting, .statement], window: DateWindow(from: EventDate("2020"), to: EventDate("2020-12"))))
        let diagram = RelationshipDiagram(
            projection: projection,
            options: .init(
                title: "Contacts <2020> & after", highlightedPath: ["park-jie-won", "yoshihide-suga", "moon-jae-in"],
                brokers: ["nis"], seed: 42))
        try expectGolden(diagram.dot, "small-dataset-highlighted.dot")
        // The broker is drawn although it has no edge in this view.
        #expect(diagram.document.subgraphs.flatMap(\.nodes).contains { $0.id == "nis" })
    }

    @Test func rolledUpToStatesHasNoClusters() throws {
        let dataset = try smallDataset()
        let projection = EventProjection(dataset, options: ProjectionOptions(rollUp: .state))
        let diagram = RelationshipDiagram(projection: projection)
        #expect(diagram.document.subgraphs.isEmpty)
        #expect(Set(diagram.document.nodes.map(\.id)) == ["japan", "south-korea", "legend"])
        try expectGolden(diagram.dot, "small-dataset-states.dot")
    }

    @Test func plainGraphDiagram() throws {
        var builder = GraphBuilder(directed: false)
        builder.addEdge(from: "legend", to: "b", weight: 3)
        builder.addEdge(from: "b", to: "c", weight: 1)
        let diagram = RelationshipDiagram(graph: builder.build(), options: .init(title: "Plain", highlightedPath: ["legend", "b"]))
        // A node called "legend" does not collide with the legend.
        #expect(diagram.document.nodes.map(\.id).contains("_legend"))
        try expectGolden(diagram.dot, "plain-diagram.dot")
    }
}

/// The seed dataset's diagram, as `actorgraph render` draws it by default, is golden.
@Suite struct SeedDiagramGoldenTests {
    @Test func seedDatasetDiagramMatchesItsGolden() throws {
        let path = repositoryRoot.appendingPathComponent("Graphs/korea-japan-2020.yaml").path
        let dataset = try DatasetReader.read(path: path)
        let projection = EventProjection(dataset)
        let diagram = RelationshipDiagram(
            projection: projection,
            options: .init(title: dataset.title))
        try expectGolden(diagram.dot, "korea-japan-2020.dot")
        // Every actor with a tie in the view is drawn, with its display name as label.
        for node in projection.graph.nodes where projection.graph.degree(of: node) > 0 {
            let actor = dataset[dataset.actorID(forID: projection.graph.name(of: node))!]
            #expect(diagram.dot.contains(actor.name), "\(actor.id) missing from the diagram")
        }
    }
}

@Suite struct PlainDiagramCountsTests {
    @Test func subtitleCountsWhatIsDrawn() {
        var b = GraphBuilder(directed: false)
        b.addEdge(from: "a", to: "b")
        b.addNode("alone")
        let hidden = RelationshipDiagram(graph: b.build()).dot
        #expect(hidden.contains("2 nodes, 1 edges (1 without ties not drawn)"))
        #expect(!hidden.contains("\"alone\""))
        var options = RelationshipDiagram.Options()
        options.includeIsolated = true
        let shown = RelationshipDiagram(graph: b.build(), options: options).dot
        #expect(shown.contains("3 nodes, 1 edges") && shown.contains("\"alone\""))
    }
}
