import ActorGraph
import ArgumentParser
import Foundation

/// `actorgraph render`: draws a relationship diagram with Graphviz.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a relationship diagram with Graphviz: SVG, PNG, PDF, the DOT text, or an explorable HTML page.",
        discussion: """
            The format follows the extension of --output (.svg, .png, .pdf, .dot). The file is written \
            atomically: on failure an existing file is left untouched. For a dataset, nodes are shaped \
            by actor kind and boxed by state, edges coloured by event kind; GraphML and CSV inputs are \
            drawn plainly. Engine `auto` uses dot for small graphs and sfdp for large ones. \
            .html writes one self-contained page that works offline: the SVG with the dataset's events, \
            sources and asserted brokerages (as `actorgraph brokers --format json` finds them with the \
            same --kind) embedded, to filter, search and read the quotes behind each tie; it needs a \
            dataset (graph files have no events to show).
            """
    )

    @OptionGroup var input: GraphInputOptions

    @Option(name: .shortAndLong, help: "Output file: .svg, .png, .pdf, .dot or .html.")
    var output: String

    @Option(help: "Layout engine: auto, dot, neato, fdp, sfdp, circo, twopi.")
    var engine: String = "auto"

    @Option(name: .customLong("highlight-path"), help: "Highlight a shortest path between two actors: A,B.")
    var highlightPath: String?

    @Flag(name: .customLong("highlight-brokers"), help: "Highlight the actors that broker events in the view.")
    var highlightBrokers = false

    @Option(
        parsing: .unconditional, help: "Seed of the initial layout of neato, fdp and sfdp, for reproducible drawings (default 1).",
        transform: RenderCommand.integer("--seed"))
    var seed: Int?

    @Option(parsing: .unconditional, help: "PNG only: resolution in dots per inch (1-600, default 96).", transform: RenderCommand.number("--dpi"))
    var dpi: Double?

    @Option(
        name: .customLong("max-pixels"), parsing: .unconditional,
        help: "PNG only: longest side in pixels, larger drawings are scaled down (16-10000, default 3000; memory grows with its square).",
        transform: RenderCommand.integer("--max-pixels"))
    var maxPixels: Int?

    @Option(help: "Title drawn above the diagram (default: the dataset's title).")
    var title: String?

    @Flag(name: .customLong("include-isolated"), help: "Also draw actors without ties in the view.")
    var includeIsolated = false

    @Flag(name: .customLong("no-legend"), help: "Leave out the legend.")
    var noLegend = false

    @Flag(
        help:
            "Draw ties by sign (positive green, negative red dashed, neutral grey dotted) from their events' tones (datasets) or --sign-column (graph files); see `actorgraph balance --help`."
    )
    var signed = false

    @Option(help: "With --signed, for datasets: how the tones of a tie's events make its value: mean, sum or latest.")
    var signRule: SignRule?

    @Option(help: "With --signed, for graph files: the numeric edge column whose sign signs a tie (default: sign).")
    var signColumn: String?

    @Option(
        help:
            "Draw one actor's world: the actor, its neighbours within --depth ties and the ties among them, each labelled with its events (count, kinds, first and last date). Datasets only."
    )
    var ego: String?

    @Option(parsing: .unconditional, help: "With --ego: how many ties away a neighbour may be (1-10, default 1).", transform: RenderCommand.integer("--depth"))
    var depth: Int?

    @Option(
        help:
            "Draw the evidence of one broker's asserted brokerages (as `actorgraph brokers` reports them): one panel per brokered relation, sides and dated events left to right in time. Datasets only."
    )
    var brokerage: String?

    @Flag(help: "Draw the view in time: actors as rows, events as marks in date order, each event's tie as a line between rows. Datasets only.")
    var timeline = false

    enum Target: String { case svg, png, pdf, dot, html }

    var target: Target? { Target(rawValue: (output as NSString).pathExtension.lowercased()) }

    func validate() throws {
        guard target != nil else {
            throw ValidationError("--output '\(output)' must end in .svg, .png, .pdf, .dot or .html")
        }
        guard GraphvizEngine.standard.map(\.rawValue).contains(engine) else {
            throw ValidationError("--engine '\(engine)' is not one of \(GraphvizEngine.standard.map(\.rawValue).joined(separator: ", "))")
        }
        if dpi != nil || maxPixels != nil, target != .png {
            throw ValidationError("--dpi and --max-pixels apply to PNG output only; --output '\(output)' is not .png")
        }
        if let dpi, !(dpi >= 1 && dpi <= 600) { throw ValidationError("--dpi must be between 1 and 600") }
        if let maxPixels, !(16...10_000).contains(maxPixels) {
            throw ValidationError("--max-pixels must be between 16 and 10000 (a 10000 px square PNG takes 400 MB to draw)")
        }
        if seed != nil, ["dot", "circo", "twopi"].contains(engine) {
            throw ValidationError("--seed applies to the neato, fdp, sfdp and auto engines; --engine \(engine) has no random start")
        }
        if (signRule != nil || signColumn != nil) && !signed {
            throw ValidationError("--sign-rule and --sign-column apply with --signed")
        }
        try validateView()
        if target == .html, ego != nil || brokerage != nil || timeline {
            throw ValidationError("--ego, --brokerage and --timeline draw .svg, .png, .pdf or .dot; an .html page explores the whole diagram")
        }
        if let highlightPath, highlightPath.split(separator: ",", omittingEmptySubsequences: false).count != 2 {
            throw ValidationError("--highlight-path takes two actors separated by a comma: A,B")
        }
    }

    func run() throws {
        let loaded = try input.load(view: .all)
        if let view = try focusedView(loaded) {
            try write(dot: view.dot, engine: view.engine)
            return
        }
        var options = RelationshipDiagram.Options(
            title: title, seed: seed ?? 1, showLegend: !noLegend,
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
        if signed {
            if let dataset = loaded.dataset, let projection = loaded.projection {
                if signColumn != nil {
                    throw ValidationError("--sign-column applies to graph files; a dataset's ties are signed by their events' tones (--sign-rule)")
                }
                options.edgeSigns = TieSigns(projection: projection, dataset: dataset, rule: signRule ?? .mean).signs
            } else {
                if signRule != nil { throw ValidationError("--sign-rule applies to datasets; a graph file's ties are signed by --sign-column") }
                options.edgeSigns = try TieSigns(graph: loaded.graph, column: signColumn ?? "sign").signs
            }
        }
        if target == .html, loaded.dataset == nil {
            throw CLIError("an .html page needs a dataset with dated events (.yaml, .yml, .json); \(loaded.path) is a graph without events (render it as .svg)")
        }
        let diagram: RelationshipDiagram
        if loaded.dataset != nil, let projection = loaded.projection {
            diagram = RelationshipDiagram(projection: projection, options: options)
        } else {
            diagram = RelationshipDiagram(graph: loaded.graph, options: options)
        }
        if target == .html {
            let page = try explorerPage(diagram, loaded).html(engine: GraphvizEngine(rawValue: engine), options: renderOptions)
            try RunTimer.shared.writing { try AtomicFile.write(Data(page.utf8), to: output) }
            return
        }
        try write(dot: diagram.dot, engine: GraphvizEngine(rawValue: engine))
    }

    /// Writes the DOT text, or renders it with `engine`, to --output.
    func write(dot: String, engine: GraphvizEngine) throws {
        let bytes: [UInt8]
        switch target! {
        case .dot: bytes = Array(dot.utf8)
        case .svg: bytes = try GraphvizRenderer.render(dot: dot, format: .svg, engine: engine, options: renderOptions)
        case .png: bytes = try GraphvizRenderer.render(dot: dot, format: .png, engine: engine, options: renderOptions)
        case .pdf: bytes = try GraphvizRenderer.render(dot: dot, format: .pdf, engine: engine, options: renderOptions)
        case .html: throw CLIError("an .html page is written from a relationship diagram, not from --ego, --brokerage or --timeline")
        }
        try RunTimer.shared.writing { try AtomicFile.write(Data(bytes), to: output) }
    }

    var renderOptions: GraphvizRenderOptions {
        GraphvizRenderOptions(dpi: dpi ?? 96, maxPixels: maxPixels ?? 3000, seed: seed ?? 1)
    }

    /// Parses a whole number, negative ones included (so `--seed -1` is read, not taken for an option).
    static func integer(_ flag: String) -> @Sendable (String) throws -> Int {
        { text in
            guard let value = Int(text) else { throw ValidationError("\(flag) '\(text)' is not a whole number") }
            return value
        }
    }

    static func number(_ flag: String) -> @Sendable (String) throws -> Double {
        { text in
            guard let value = Double(text), value.isFinite else { throw ValidationError("\(flag) '\(text)' is not a number") }
            return value
        }
    }

    /// The explorable page of a dataset's diagram, with the brokerages `actorgraph brokers
    /// --format json` lists for the same input options.
    func explorerPage(_ diagram: RelationshipDiagram, _ loaded: LoadedInput) throws -> ExplorerPage {
        let contact = try input.load()
        guard let dataset = loaded.dataset, let projection = loaded.projection,
            let contactProjection = contact.projection
        else { throw CLIError("an .html page needs a dataset") }
        let kinds = input.projection.kinds
        let options = EventBrokerageOptions(contactKinds: kinds.isEmpty ? [.meeting] : Set(kinds))
        let brokerages = try EventBrokerage.find(in: contactProjection, options: options)
        return ExplorerPage(
            dataset: dataset, projection: projection, diagram: diagram,
            brokerages: BrokersCommand.json(brokerages, dataset, view: contact.view ?? "contact", options: options),
            title: title)
    }

    // MARK: Analyses behind the highlights.

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
        let result = try EventBrokerage.find(in: projection, options: options)
        return Set(result.brokers.map { dataset[$0.broker].id }.filter { loaded.graph.node(named: $0) != nil })
    }
}
