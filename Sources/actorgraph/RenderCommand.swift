import ActorGraph
import ArgumentParser
import Foundation

/// `actorgraph render`: draws a relationship diagram with Graphviz.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a relationship diagram with Graphviz: SVG, PNG, PDF, or the DOT text.",
        discussion: """
            The format follows the extension of --output (.svg, .png, .pdf, .dot). The file is written \
            atomically: on failure an existing file is left untouched. For a dataset, nodes are shaped \
            by actor kind and boxed by state, edges coloured by event kind; GraphML and CSV inputs are \
            drawn plainly. Engine `auto` uses dot for small graphs and sfdp for large ones.
            """
    )

    @OptionGroup var input: GraphInputOptions

    @Option(name: .shortAndLong, help: "Output file: .svg, .png, .pdf or .dot.")
    var output: String

    @Option(help: "Layout engine: auto, dot, neato, fdp, sfdp, circo, twopi.")
    var engine: String = "auto"

    @Option(name: .customLong("highlight-path"), help: "Highlight a shortest path between two actors: A,B.")
    var highlightPath: String?

    @Flag(name: .customLong("highlight-brokers"), help: "Highlight the actors that broker events in the view.")
    var highlightBrokers = false

    @Option(help: "Seed of the initial layout of neato, fdp and sfdp, for reproducible drawings.")
    var seed: Int = 1

    @Option(help: "Resolution of PNG output in dots per inch (1-1200).")
    var dpi: Double = 96

    @Option(name: .customLong("max-pixels"), help: "Longest side of PNG output in pixels; larger drawings are scaled down.")
    var maxPixels: Int = 3000

    @Option(help: "Title drawn above the diagram (default: the dataset's title).")
    var title: String?

    @Flag(name: .customLong("include-isolated"), help: "Also draw actors without ties in the view.")
    var includeIsolated = false

    @Flag(name: .customLong("no-legend"), help: "Leave out the legend.")
    var noLegend = false

    enum Target: String { case svg, png, pdf, dot }

    var target: Target? { Target(rawValue: (output as NSString).pathExtension.lowercased()) }

    func validate() throws {
        guard target != nil else {
            throw ValidationError("--output '\(output)' must end in .svg, .png, .pdf or .dot")
        }
        guard GraphvizEngine.standard.map(\.rawValue).contains(engine) else {
            throw ValidationError("--engine '\(engine)' is not one of \(GraphvizEngine.standard.map(\.rawValue).joined(separator: ", "))")
        }
        guard dpi >= 1, dpi <= 1200 else { throw ValidationError("--dpi must be between 1 and 1200") }
        guard (16...32000).contains(maxPixels) else { throw ValidationError("--max-pixels must be between 16 and 32000") }
        if let highlightPath, highlightPath.split(separator: ",", omittingEmptySubsequences: false).count != 2 {
            throw ValidationError("--highlight-path takes two actors separated by a comma: A,B")
        }
    }

    func run() throws {
        let loaded = try input.load(view: .all)
        var options = RelationshipDiagram.Options(title: title, seed: seed, showLegend: !noLegend,
                                                  includeIsolated: includeIsolated)
        if let highlightPath {
            let ends = highlightPath.split(separator: ",", omittingEmptySubsequences: false)
                .map { String($0).trimmingCharacters(in: .whitespaces) }
            let from = try loaded.node(ends[0], option: "--highlight-path")
            let to = try loaded.node(ends[1], option: "--highlight-path")
            options.highlightedPath = try Self.highlightPath(from: from, to: to, in: loaded.graph)
        }
        if highlightBrokers {
            options.brokers = try Self.brokers(in: loaded, kinds: input.projection.kinds)
        }
        let diagram: RelationshipDiagram
        if let dataset = loaded.dataset, let projection = loaded.projection {
            diagram = RelationshipDiagram(dataset: dataset, projection: projection, options: options)
        } else {
            diagram = RelationshipDiagram(graph: loaded.graph, options: options)
        }
        let bytes: [UInt8]
        switch target! {
        case .dot: bytes = Array(diagram.dot.utf8)
        case .svg: bytes = try diagram.render(format: .svg, engine: GraphvizEngine(rawValue: engine), options: renderOptions)
        case .png: bytes = try diagram.render(format: .png, engine: GraphvizEngine(rawValue: engine), options: renderOptions)
        case .pdf: bytes = try diagram.render(format: .pdf, engine: GraphvizEngine(rawValue: engine), options: renderOptions)
        }
        try AtomicFile.write(Data(bytes), to: output)
    }

    var renderOptions: GraphvizRenderOptions {
        GraphvizRenderOptions(dpi: dpi, maxPixels: maxPixels, seed: seed)
    }

    // MARK: Hooks the lead wires to the analysis passes at merge time.

    /// The node names along a shortest path (fewest hops, as `actorgraph path` finds it).
    static func highlightPath(from: NodeID, to: NodeID, in graph: Graph) throws -> [String] {
        guard let path = ShortestPaths.breadthFirst(in: graph, from: from).path(to: to) else {
            throw CLIError("--highlight-path: no path from '\(graph.name(of: from))' to '\(graph.name(of: to))' in the view")
        }
        return path.nodes.map { graph.name(of: $0) }
    }

    /// The brokers `actorgraph brokers` asserts in the view (explicit, and temporal ones that
    /// meet the evidence standard; never candidates), with the same contact kinds: those of
    /// `--kind`, else meetings.
    /// - Throws: ``CLIError`` for inputs without events (GraphML, CSV).
    static func brokers(in loaded: LoadedInput, kinds: [EventKind]) throws -> Set<String> {
        guard let dataset = loaded.dataset, let projection = loaded.projection else {
            throw CLIError("--highlight-brokers needs a dataset input (brokers are read from its events)")
        }
        let options = EventBrokerageOptions(contactKinds: kinds.isEmpty ? [.meeting] : Set(kinds))
        let result = try EventBrokerage.find(in: dataset, projection: projection, options: options)
        return Set(result.brokers.map { dataset[$0.broker].id }.filter { loaded.graph.node(named: $0) != nil })
    }
}
