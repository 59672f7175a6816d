import ActorGraph
import ArgumentParser
import Foundation

/// The formats `convert` writes.
enum ConvertFormat: String, ExpressibleByArgument, CaseIterable {
    case graphml, gexf
    case nodeLink = "node-link"
    case csv, dot, yaml, json

    /// The format an output path's extension names; `.json` is a dataset for a dataset input
    /// and node-link JSON for a graph.
    static func forOutput(_ path: String, datasetInput: Bool) throws -> ConvertFormat {
        switch (path as NSString).pathExtension.lowercased() {
        case "graphml": return .graphml
        case "gexf": return .gexf
        case "csv": return .csv
        case "dot", "gv": return .dot
        case "yaml", "yml": return .yaml
        case "json": return datasetInput ? .json : .nodeLink
        default:
            throw ValidationError("OUTPUT '\(path)' has no known extension: use .graphml, .gexf, .json, .csv, .dot or .yaml, or give --format")
        }
    }

    /// True for the forms of a whole dataset (canonical YAML or JSON).
    var isDataset: Bool { self == .yaml || self == .json }
}

/// `actorgraph convert INPUT -o OUTPUT`: a dataset or graph file written in another format.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Write a dataset or graph in another format: GraphML, GEXF, node-link JSON, CSV, DOT, or the dataset itself.",
        discussion: """
            The output format follows OUTPUT's extension (.graphml, .gexf, .json, .csv, .dot, .yaml) \
            unless --format names it. A dataset input becomes a graph by the options of `edges` \
            (all kinds, undirected, weight = number of events, unless told otherwise); each edge \
            keeps the ids of its events, and GEXF adds time spells from their dates for Gephi's \
            timeline. A dataset written to .yaml or .json stays a dataset, written canonically \
            (stable key order; converting the output again gives the same bytes); \
            --format node-link writes its graph as node-link JSON instead. INPUT .json is a \
            dataset or node-link JSON (networkx's node_link_data, with "edges" or "links"), told \
            apart by its keys. A GDELT export (.tsv, .zip, or a .csv of GDELT rows) is read as a dataset, as `import gdelt` reads it. CSV output is two files: OUTPUT (edges) and OUTPUT without .csv plus \
            .nodes.csv (nodes). The output is written atomically.
            """)

    @Argument(help: "A dataset (.yaml, .yml, .json), node-link JSON (.json), GraphML (.graphml) or CSV edge list (.csv).")
    var input: String

    @Option(name: [.short, .customLong("output")], help: "The file to write.")
    var output: String

    @Option(help: "graphml, gexf, node-link, csv, dot, yaml or json (a dataset); default: by OUTPUT's extension.")
    var format: ConvertFormat?

    @Option(name: .customLong("edges-key"), help: "node-link only: 'edges' (networkx 3.6) or 'links' (networkx 3.4, 3.5).")
    var edgesKey: NodeLinkWriter.EdgesKey?

    @Option(help: "CSV input only: the node table (default: INPUT without .csv plus .nodes.csv, when it exists).")
    var nodes: String?

    @Flag(name: .customLong("directed-csv"), help: "Read a CSV edge list as directed (default undirected).")
    var directedCSV = false

    @OptionGroup(title: "Events to edges (dataset input, graph output)")
    var projection: ProjectionArguments

    func run() throws {
        let ext = (input as NSString).pathExtension.lowercased()
        let projectionGiven = !(projection.window.isEmpty && projection.edges.isDefault)
        let isGDELT = GDELTInput.matches(input)
        if directedCSV && (ext != "csv" || isGDELT) { throw ValidationError("--directed-csv applies to CSV edge lists only") }
        if nodes != nil && (ext != "csv" || isGDELT) { throw ValidationError("--nodes applies to CSV edge lists only") }

        // Read.
        var dataset: Dataset?
        var graph: Graph?
        switch isGDELT ? "gdelt" : ext {
        case "gdelt":
            // A GDELT export (.tsv, .zip, or a .csv whose rows are GDELT's) is a dataset.
            dataset = try GDELTInput.read(input)
        case "yaml", "yml":
            dataset = try DatasetReader.read(path: input)
        case "json":
            if let nodeLink = try NodeLinkReader.readIfNodeLink(path: input) {
                graph = nodeLink
            } else {
                dataset = try DatasetReader.read(path: input)
            }
        case "graphml":
            graph = EventsColumn.absorbing(try GraphMLReader.read(path: input))
        case "csv":
            let sibling = CSVGraphWriter.nodesPath(forEdges: input)
            let table = nodes ?? (FileManager.default.fileExists(atPath: sibling) ? sibling : nil)
            graph = try CSVGraphReader.read(edgesPath: input, nodesPath: table, directed: directedCSV)
        default:
            throw ValidationError("INPUT '\(input)' has no known extension: use .yaml, .yml, .json, .graphml, .csv, or a GDELT export (.tsv, .zip)")
        }

        let target = try format ?? ConvertFormat.forOutput(output, datasetInput: dataset != nil)
        if edgesKey != nil && target != .nodeLink { throw ValidationError("--edges-key applies to node-link output only") }

        // A whole dataset, canonically.
        if target.isDataset {
            guard let dataset else {
                throw ValidationError("'\(input)' is a graph, not a dataset: --format \(target.rawValue) writes datasets; use node-link for a graph's JSON")
            }
            if projectionGiven {
                throw ValidationError(
                    "the events-to-edges options (--kind, --from/--to, --aggregate, --roll-up, ...) make a graph; a dataset is written whole. Give a graph format (--format node-link, .graphml, .gexf, .csv, .dot)"
                )
            }
            try DatasetCanonicalWriter.write(dataset, format: target == .yaml ? .yaml : .json, to: output)
            print("wrote \(output): dataset, \(dataset.actors.count) actors, \(dataset.events.count) events")
            return
        }

        // A graph.
        if dataset == nil && projectionGiven {
            throw ValidationError(
                "the events-to-edges options (--kind, --from/--to, --aggregate, --roll-up, ...) apply to datasets only; \(input) is a graph file")
        }
        let view = try dataset.map { EventProjection($0, options: try projection.options()).graph } ?? graph!
        switch target {
        case .graphml:
            try GraphMLWriter.write(EventsColumn.exposing(view), to: output)
        case .gexf:
            try GEXFWriter.write(view, eventDates: dataset.map(GEXFWriter.eventDates(of:)) ?? [:], to: output)
        case .nodeLink:
            try NodeLinkWriter.write(view, to: output, edgesKey: edgesKey ?? .edges)
        case .csv:
            try CSVGraphWriter.write(view, to: output)
        case .dot:
            try AtomicFile.write(DOTWriter.write(view), to: output)
        case .yaml, .json:
            break
        }
        let also = target == .csv ? " (nodes in \(CSVGraphWriter.nodesPath(forEdges: output)))" : ""
        print("wrote \(output)\(also): \(target.rawValue), \(view.nodeCount) nodes, \(view.edgeCount) edges")
    }
}

extension NodeLinkWriter.EdgesKey: ExpressibleByArgument {}
