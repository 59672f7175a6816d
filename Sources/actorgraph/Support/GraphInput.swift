import ActorGraph
import ArgumentParser
import Foundation

extension EventKind: ExpressibleByArgument {}
extension RollUp: ExpressibleByArgument {}
extension StrengthToCost: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "inverse": self = .inverse
        case "negative-log", "negativeLog": self = .negativeLog
        default: return nil
        }
    }
    public static var allValueStrings: [String] { ["inverse", "negative-log"] }
}

/// How events become edges: the options shared by `edges`, the analysis commands and `render`.
struct ProjectionArguments: ParsableArguments {
    @Option(name: .customLong("kind"), help: "Keep only events of this kind (repeatable): meeting, statement, dispute, cooperation.")
    var kinds: [EventKind] = []

    @Option(help: "Keep events dated wholly on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    var from: String?

    @Option(help: "Keep events dated wholly on or before this date (its last day counts).")
    var to: String?

    @Option(help: "How parallel events combine: count, sum (of tone), latest (tone), decayed (count with a half-life).")
    var aggregate: String = "count"

    @Option(help: "Half-life in days for --aggregate decayed.")
    var halfLife: Double = 365

    @Option(help: "Roll actors up before forming edges: none, institution, state.")
    var rollUp: RollUp = .none

    @Flag(help: "Directed edges: a directed event gives arcs from its source; others give arcs both ways.")
    var directed = false

    @Flag(help: "One edge per pair and event kind instead of merging kinds.")
    var layers = false

    @Flag(help: "Also link each event's broker with its participants.")
    var brokerTies = false

    func options() throws -> ProjectionOptions {
        var options = ProjectionOptions()
        if !kinds.isEmpty { options.kinds = Set(kinds) }
        func date(_ text: String?, _ flag: String) throws -> EventDate? {
            guard let text else { return nil }
            guard let d = EventDate(text) else {
                throw ValidationError("--\(flag) '\(text)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            return d
        }
        options.window = DateWindow(from: try date(from, "from"), to: try date(to, "to"))
        switch aggregate {
        case "count": options.aggregation = .count
        case "sum": options.aggregation = .toneSum
        case "latest": options.aggregation = .latest
        case "decayed":
            guard halfLife > 0, halfLife.isFinite else { throw ValidationError("--half-life must be a positive number of days") }
            options.aggregation = .decayed(halfLifeDays: halfLife)
        default:
            throw ValidationError("--aggregate '\(aggregate)' is not one of count, sum, latest, decayed")
        }
        options.rollUp = rollUp
        options.directed = directed
        options.separateLayers = layers
        options.brokerTies = brokerTies
        return options
    }
}

/// What an INPUT file gave: always a graph; for a dataset also the dataset and its projection.
struct LoadedInput {
    let path: String
    let graph: Graph
    let dataset: Dataset?
    let projection: EventProjection?
}

/// The INPUT argument and projection options of every analysis command.
struct GraphInputOptions: ParsableArguments {
    @Argument(help: "A dataset (.yaml, .yml, .json), GraphML (.graphml) or CSV edge list (.csv).")
    var input: String

    @OptionGroup(title: "Events to edges (datasets only)")
    var projection: ProjectionArguments

    @Flag(name: .customLong("directed-csv"), help: "Read a CSV edge list as directed (default undirected).")
    var directedCSV = false

    /// Loads INPUT by its extension.
    func load() throws -> LoadedInput {
        let ext = (input as NSString).pathExtension.lowercased()
        switch ext {
        case "yaml", "yml", "json":
            let dataset = try DatasetReader.read(path: input)
            let projection = EventProjection(dataset, options: try self.projection.options())
            return LoadedInput(path: input, graph: projection.graph, dataset: dataset, projection: projection)
        case "graphml":
            return LoadedInput(path: input, graph: try GraphMLReader.read(path: input), dataset: nil, projection: nil)
        case "csv":
            return LoadedInput(path: input, graph: try CSVEdgeListReader.read(path: input, directed: directedCSV),
                               dataset: nil, projection: nil)
        default:
            throw ValidationError("INPUT '\(input)' has no known extension: use .yaml, .yml, .json, .graphml or .csv")
        }
    }
}

extension LoadedInput {
    /// Resolves a node given on the command line: a node name, or for datasets an actor's id,
    /// name or alias (rolled up like the graph). Unknown names suggest the closest ones.
    func node(_ text: String, option: String) throws -> NodeID {
        if let n = graph.node(named: text) { return n }
        if let dataset, let projection, let actor = dataset.actorID(named: text),
           let n = graph.node(named: dataset[projection.representative[actor.index]].id) {
            return n
        }
        let candidates: [String]
        if let dataset {
            candidates = dataset.suggestions(for: text)
        } else {
            candidates = graph.nodeNames.map { ($0, editDistance($0.lowercased(), text.lowercased())) }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
        }
        throw CLIError("\(option) '\(text)' names no node in \(path); did you mean \(candidates.map { "'\($0)'" }.joined(separator: ", "))?")
    }
}
