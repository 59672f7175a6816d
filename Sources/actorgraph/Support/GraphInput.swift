import ActorGraph
import ArgumentParser
import Foundation

extension EventKind: ExpressibleByArgument {}
extension RollUp: ExpressibleByArgument {}
/// The time window as `--from`/`--to`, as `edges`, the analysis commands and `render` spell it.
struct DateWindowArguments: ParsableArguments {
    @Option(help: "Keep events dated wholly on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    var from: String?

    @Option(help: "Keep events dated wholly on or before this date (its last day counts).")
    var to: String?

    func window() throws -> DateWindow { try DateWindowArguments.window(from: from, "--from", to: to, "--to") }

    /// Parses the two bounds of a window; `fromFlag`/`toFlag` name them in errors.
    static func window(from: String?, _ fromFlag: String, to: String?, _ toFlag: String) throws -> DateWindow {
        func date(_ text: String?, _ flag: String) throws -> EventDate? {
            guard let text else { return nil }
            guard let d = EventDate(text) else {
                throw ValidationError("\(flag) '\(text)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            return d
        }
        let window = DateWindow(from: try date(from, fromFlag), to: try date(to, toFlag))
        if let start = window.from, let end = window.to, end < start {
            throw ValidationError("\(toFlag) '\(to!)' ends before \(fromFlag) '\(from!)' begins: the window would keep nothing")
        }
        return window
    }

    var isEmpty: Bool { from == nil && to == nil }
}

/// How events become edges, apart from the time window: kinds, aggregation, roll-up, direction.
struct EdgeArguments: ParsableArguments {
    @Option(name: .customLong("kind"), help: "Keep only events of this kind (repeatable): meeting, statement, dispute, cooperation.")
    var kinds: [EventKind] = []

    @Option(help: "How parallel events combine: count, sum (of tone), latest (tone), decayed (count with a half-life).")
    var aggregate: String = "count"

    @Option(parsing: .unconditional, help: "Half-life in days for --aggregate decayed (default 365).")
    var halfLife: Double?

    @Option(help: "Roll actors up before forming edges: none, institution, state.")
    var rollUp: RollUp = .none

    @Flag(help: "Directed edges: a directed event gives arcs from its source; others give arcs both ways.")
    var directed = false

    @Flag(help: "One edge per pair and event kind instead of merging kinds.")
    var layers = false

    @Flag(help: "Also link each event's broker with its participants.")
    var brokerTies = false

    func options(window: DateWindow) throws -> ProjectionOptions {
        var options = ProjectionOptions()
        if !kinds.isEmpty { options.kinds = Set(kinds) }
        options.window = window
        switch aggregate {
        case "count": options.aggregation = .count
        case "sum": options.aggregation = .toneSum
        case "latest": options.aggregation = .latest
        case "decayed":
            let days = halfLife ?? 365
            guard days > 0, days.isFinite else { throw ValidationError("--half-life must be a positive number of days") }
            options.aggregation = .decayed(halfLifeDays: days)
        default:
            throw ValidationError("--aggregate '\(aggregate)' is not one of count, sum, latest, decayed")
        }
        if halfLife != nil && aggregate != "decayed" {
            throw ValidationError("--half-life applies only to --aggregate decayed")
        }
        options.rollUp = rollUp
        options.directed = directed
        options.separateLayers = layers
        options.brokerTies = brokerTies
        return options
    }

    /// True when no option was given (they all apply to datasets only).
    var isDefault: Bool {
        kinds.isEmpty && aggregate == "count" && halfLife == nil && rollUp == .none && !directed && !layers && !brokerTies
    }
}

/// How events become edges: the options shared by `edges`, the analysis commands and `render`.
struct ProjectionArguments: ParsableArguments {
    @OptionGroup var window: DateWindowArguments
    @OptionGroup var edges: EdgeArguments

    /// The event kinds asked for (empty: all).
    var kinds: [EventKind] { edges.kinds }

    func options() throws -> ProjectionOptions { try edges.options(window: try window.window()) }
}

/// What an INPUT file gave: always a graph; for a dataset also the dataset and its projection.
struct LoadedInput {
    let path: String
    let graph: Graph
    let dataset: Dataset?
    let projection: EventProjection?
    /// For a dataset, the view its events were projected with, as output names it (`contact`,
    /// or `kinds: meeting, statement`); `nil` for graph files, which are read as they are.
    var view: String? = nil
}

extension LoadedInput {
    /// `value` (a JSON object) with a `view` key first when the input is a dataset, so every
    /// analysis names the view it ran on; graph files are unchanged.
    func namingView(_ value: JSONValue) -> JSONValue {
        guard let view, case .object(let fields) = value else { return value }
        return .object([("view", .string(view))] + fields)
    }

    /// Prints `view: contact` above a table when the input is a dataset.
    func printView() {
        if let view { print("view: \(view)") }
    }
}

/// Which events an analysis of a dataset sees when `--kind` is not given.
enum DatasetView {
    /// The contact view (``ProjectionOptions/contactKinds`` and principal ties): the default
    /// of every analysis, since a dispute or a statement is no channel.
    case contact
    /// Every kind: for drawings, which colour edges by kind.
    case all

    /// The line tables print and the `view` value JSON gives.
    static func name(kinds: [EventKind], default view: DatasetView) -> String {
        if !kinds.isEmpty { return "kinds: " + Set(kinds).sorted().map(\.rawValue).joined(separator: ", ") }
        switch view {
        case .contact: return "contact"
        case .all: return "all kinds"
        }
    }
}

/// The INPUT argument and projection options of every analysis command.
struct GraphInputOptions: ParsableArguments {
    @Argument(
        help:
            "A dataset (.yaml, .yml, .json), node-link JSON (.json), GraphML (.graphml), CSV edge list (.csv) or GDELT export (.tsv, .zip, tab-separated .CSV)."
    )
    var input: String

    @OptionGroup(title: "Events to edges (datasets only)")
    var projection: ProjectionArguments

    @Flag(name: .customLong("directed-csv"), help: "Read a CSV edge list as directed (default undirected).")
    var directedCSV = false

    @Flag(help: "Print on stderr where the time went (read, build, compute, write) and the peak memory.")
    var time = false

    /// The options of this group that cannot change `command`'s answer, refused as usage errors
    /// (the README promises no option is silently ignored): `names` among --aggregate,
    /// --half-life, --layers, --directed and --directed-csv, with the reason.
    func refuse(_ names: Set<String>, in command: String, because reason: String) throws {
        let edges = projection.edges
        let given: [(String, Bool)] = [
            ("--aggregate", edges.aggregate != "count"), ("--half-life", edges.halfLife != nil),
            ("--layers", edges.layers), ("--directed", edges.directed),
            ("--directed-csv", directedCSV),
        ]
        if let (name, _) = given.first(where: { names.contains($0.0) && $0.1 }) {
            throw ValidationError("\(name) has no effect on \(command): \(reason)")
        }
    }

    /// Loads INPUT by its extension; a dataset is projected in `view` unless `--kind` is given.
    func load(view: DatasetView = .contact) throws -> LoadedInput {
        if time { RunTimer.shared.enable() }
        var options = try projection.options()
        if projection.kinds.isEmpty && view == .contact { options.kinds = ProjectionOptions.contactKinds }
        var loaded = try LoadedInput.load(
            input, projection: options, directedCSV: directedCSV,
            projectionGiven: !(projection.window.isEmpty && projection.edges.isDefault))
        if loaded.dataset != nil { loaded.view = DatasetView.name(kinds: projection.kinds, default: view) }
        return loaded
    }
}

extension LoadedInput {
    /// Loads `path` by its extension; `projection` applies to datasets only.
    /// Options that do not apply to the input's kind are usage errors, never silently ignored.
    static func load(
        _ path: String, projection: ProjectionOptions, directedCSV: Bool,
        projectionGiven: Bool
    ) throws -> LoadedInput {
        let ext = (path as NSString).pathExtension.lowercased()
        if GDELTInput.matches(path) {
            let dataset = try GDELTInput.read(path)
            RunTimer.shared.lap("read")
            let projection = EventProjection(dataset, options: projection).with(origin: GraphOrigin(file: path))
            RunTimer.shared.lap("build")
            return LoadedInput(path: path, graph: projection.graph, dataset: dataset, projection: projection)
        }
        if projectionGiven && !DatasetInput.extensions.contains(ext) {
            throw ValidationError(
                "the events-to-edges options (--kind, --from/--to, --aggregate, --roll-up, ...) apply to datasets only; \(path) is a graph file")
        }
        if directedCSV && ext != "csv" {
            throw ValidationError("--directed-csv applies to CSV edge lists only")
        }
        switch ext {
        case "yaml", "yml", "json":
            // A .json file is node-link JSON when its keys say so (nodes and edges or links).
            if ext == "json", let graph = try NodeLinkReader.readIfNodeLink(path: path) {
                if projectionGiven {
                    throw ValidationError(
                        "the events-to-edges options (--kind, --from/--to, --aggregate, --roll-up, ...) apply to datasets only; \(path) is a node-link graph")
                }
                RunTimer.shared.lap("read and build")
                return LoadedInput(path: path, graph: graph.with(origin: GraphOrigin(file: path)), dataset: nil, projection: nil)
            }
            let dataset = try DatasetReader.read(path: path)
            RunTimer.shared.lap("read")
            // Errors about an edge then name the file and the edge's events (its records).
            let projection = EventProjection(dataset, options: projection).with(origin: GraphOrigin(file: path))
            RunTimer.shared.lap("build")
            return LoadedInput(path: path, graph: projection.graph, dataset: dataset, projection: projection)
        case "graphml":
            let graph = try GraphMLReader.read(path: path)
            RunTimer.shared.lap("read and build")
            return LoadedInput(path: path, graph: graph, dataset: nil, projection: nil)
        case "csv":
            let graph = try CSVEdgeListReader.read(path: path, directed: directedCSV) { RunTimer.shared.lap("read") }
            RunTimer.shared.lap("build")
            return LoadedInput(path: path, graph: graph, dataset: nil, projection: nil)
        default:
            throw ValidationError("INPUT '\(path)' has no known extension: use .yaml, .yml, .json, .graphml or .csv")
        }
    }
}

extension LoadedInput {
    /// Resolves a node given on the command line: a node name, or for datasets an actor's id,
    /// name or alias (rolled up like the graph). Unknown names suggest the closest ones.
    func node(_ text: String, option: String) throws -> NodeID {
        if let n = graph.node(named: text) { return n }
        if let dataset, let projection, let match = dataset.match(actor: text),
            let n = graph.node(named: dataset[projection.representative[match.actor.index]].id)
        {
            if case .alias(let alias) = match.spelling, !match.alsoNamed.isEmpty {
                let chosen = dataset[match.actor]
                let safe = TerminalText.safe
                let others = match.alsoNamed.map { "\(safe(dataset[$0].name)) [\(safe(dataset[$0].id))]" }
                let note =
                    "note: \(option) '\(safe(text))' chose \(safe(chosen.name)) [\(safe(chosen.id))], whose alias it is; "
                    + "'\(safe(alias))' is also a word of the name of \(others.joined(separator: ", ")): "
                    + "give a full name or id to choose another\n"
                FileHandle.standardError.write(Data(note.utf8))
            }
            return n
        }
        let candidates: [String]
        if let dataset {
            candidates = dataset.rankedSuggestions(for: text).map { dataset[$0].id }
        } else {
            candidates = graph.nodeNames.map { ($0, editDistance($0.lowercased(), text.lowercased())) }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
        }
        guard !candidates.isEmpty else {
            throw CLIError("\(option) '\(text)' names no node: \(path) has no nodes")
        }
        throw CLIError("\(option) '\(text)' names no node in \(path); did you mean \(candidates.map { "'\($0)'" }.joined(separator: ", "))?")
    }
}

/// Commands that read only datasets check the extension first, so a graph file gets a clear
/// usage error instead of a YAML complaint about its contents.
enum DatasetInput {
    static let extensions: Set<String> = ["yaml", "yml", "json"]

    static func require(_ path: String) throws {
        guard extensions.contains((path as NSString).pathExtension.lowercased()) || GDELTInput.matches(path) else {
            throw ValidationError("'\(path)' is not a dataset: this command reads .yaml, .yml or .json datasets")
        }
    }
}
