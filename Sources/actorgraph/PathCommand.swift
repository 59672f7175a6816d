import ActorGraph
import ArgumentParser
import Foundation

/// `actorgraph path INPUT A B`: how A reaches B, through whom, on which events.
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Show how one actor reaches another, hop by hop, with the events behind each tie.",
        discussion: """
            By default the path with the fewest hops. --all lists every shortest path; --k N the N \
            cheapest simple paths (Yen 1971; ties: fewer hops first, then node order). \
            --time-respecting the earliest-arriving path whose contacts follow each other in time \
            (Holme & Saramaki 2012): A reaches C through B only if the A-B event started no later \
            than the B-C event (--order start, the default; imprecise dates count from their first \
            day); with --order certain, no later than it could have ended; with --order possible, \
            when some days inside the events' date intervals are in order.

            Weights. Paths are unweighted unless --weight ATTR is given, and then --weight-as must \
            say what the number means: `cost` (bigger = farther, used as is) or `strength` \
            (bigger = closer, e.g. meeting counts), converted by --conversion inverse (1/w, default) \
            or negative-log (-ln(w/max w)). Negative or NaN costs are errors.

            Time window: --from/--to, as in every other command; so are the other events-to-edges \
            options. The older spelling `path INPUT --from A --to B --since D --until D`, where \
            --from/--to name the actors, still works in this release and prints a deprecation note.

            JSON: {"paths": [{"nodes": [ids], "cost": c, "hops": [{"from", "to", "weight", \
            "events": [event ids]}]}]}, where a hop's weight is the cost it adds (1 unweighted; after \
            conversion for strengths) and its events are the edge's events (for --time-respecting, the \
            one event used). No path: exit 1 with "no path from A to B".
            """
    )

    enum Order: String, ExpressibleByArgument, CaseIterable {
        case start, certain, possible
        var temporal: TemporalOrder {
            switch self {
            case .start: .start
            case .certain: .certain
            case .possible: .possible
            }
        }
    }

    @OptionGroup var input: PathInputOptions

    @Argument(help: "The actor to start from and the actor to reach (id, name or alias).")
    var actors: [String] = []

    @OptionGroup var weight: WeightOptions

    @Flag(help: "List every shortest path.")
    var all = false

    @Option(parsing: .unconditional, help: "With --all: stop after this many paths (default 10000; their number can grow exponentially).")
    var maxPaths: Int?

    @Option(parsing: .unconditional, help: "List the N cheapest simple paths.")
    var k: Int?

    @Flag(help: "The earliest-arriving path that respects the order of events (datasets only).")
    var timeRespecting = false

    @Option(help: "With --time-respecting: start (by start days, default), certain (after the previous event ended) or possible.")
    var order: Order?

    @Option(help: "Output format: json, csv or table.")
    var format: OutputFormat = .table

    var query: PathQuery {
        let mode: PathQuery.Mode
        if timeRespecting {
            mode = .timeRespecting((order ?? .start).temporal)
        } else if all {
            mode = .all
        } else if let k {
            mode = .kShortest(k)
        } else {
            mode = .shortest
        }
        return PathQuery(mode: mode, weight: weight.edgeWeight, maxPaths: maxPaths ?? 10_000)
    }

    /// The two actors: the positional arguments, or (deprecated) `--from`/`--to` when none are given.
    var endpoints: (from: String, to: String, deprecated: Bool) {
        get throws {
            switch actors.count {
            case 2: return (actors[0], actors[1], false)
            case 0:
                guard let from = input.window.from, let to = input.window.to else {
                    throw ValidationError("name the two actors: actorgraph path INPUT FROM TO")
                }
                return (from, to, true)
            default:
                throw ValidationError("name exactly two actors after INPUT (got \(actors.count)): actorgraph path INPUT FROM TO")
            }
        }
    }

    func validate() throws {
        let endpoints = try endpoints
        if !endpoints.deprecated && (input.since != nil || input.until != nil) {
            throw ValidationError("--since/--until are the old spelling of --from/--to; with actors given as arguments, use --from/--to for the window")
        }
        if let maxPaths {
            guard all else { throw ValidationError("--max-paths applies only with --all") }
            guard maxPaths >= 1 else { throw ValidationError("--max-paths must be at least 1") }
        }
        if let k, !(1...1000).contains(k) {
            throw ValidationError("--k must be between 1 and 1000 (each path costs a shortest-path search per hop)")
        }
        if [all, k != nil, timeRespecting].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --all, --k and --time-respecting")
        }
        if order != nil && !timeRespecting { throw ValidationError("--order applies only with --time-respecting") }
        do {
            try query.validate()
        } catch let error as AnalysisError {
            throw ValidationError(WeightOptions.advice(for: error))
        }
    }

    func run() throws {
        let endpoints = try endpoints
        if endpoints.deprecated {
            FileHandle.standardError.write(
                Data(
                    """
                    note: `path INPUT --from A --to B` is deprecated and will be removed in the next release: \
                    write `actorgraph path INPUT A B` (--from/--to then give the time window, as in every other command)

                    """.utf8))
        }
        let loaded = try input.load(actorsAsOptions: endpoints.deprecated)
        let source = try loaded.node(endpoints.from, option: endpoints.deprecated ? "--from" : "FROM")
        let target = try loaded.node(endpoints.to, option: endpoints.deprecated ? "--to" : "TO")
        if timeRespecting && loaded.dataset == nil {
            throw CLIError("--time-respecting needs a dataset (.yaml, .yml, .json): \(loaded.path) has no event dates")
        }
        // An AnalysisError reaches `fail`, which locates a refused edge at its row or element.
        let answer =
            try loaded.projection.map { try query.run(on: $0, from: source, to: target) }
            ?? query.run(on: loaded.graph, from: source, to: target)
        let paths = answer.paths
        if answer.isTruncated {
            FileHandle.standardError.write(Data("note: listing stopped at \(paths.count) shortest paths; more exist\n".utf8))
        }
        let graph = loaded.graph
        switch format {
        case .json:
            Output.json(
                loaded.namingView(
                    .object([
                        (
                            "paths",
                            .array(
                                paths.map { path in
                                    .object([
                                        ("nodes", .array(path.nodes.map { .string(graph.name(of: $0)) })),
                                        ("cost", .number(path.cost)),
                                        (
                                            "hops",
                                            .array(
                                                path.hops.map { hop in
                                                    .object([
                                                        ("from", .string(graph.name(of: hop.from))),
                                                        ("to", .string(graph.name(of: hop.to))),
                                                        ("weight", .number(hop.weight)),
                                                        ("events", .array(hop.events.map { .string($0) })),
                                                    ])
                                                })
                                        ),
                                    ])
                                })
                        )
                    ])))
        case .csv:
            var rows: [[String]] = []
            for (p, path) in paths.enumerated() {
                for (h, hop) in path.hops.enumerated() {
                    rows.append([
                        String(p + 1), String(h + 1), graph.name(of: hop.from), graph.name(of: hop.to),
                        String(hop.weight), hop.events.joined(separator: ";"),
                    ])
                }
            }
            Output.csv(header: ["path", "hop", "from", "to", "weight", "events"], rows: rows)
        case .table:
            loaded.printView()
            print(PathCommand.table(paths, loaded: loaded), terminator: "")
        }
    }

    /// Hop by hop, one row per event; with a dataset, each event's date and summary.
    static func table(_ paths: [GraphPath], loaded: LoadedInput) -> String {
        let graph = loaded.graph
        var out = ""
        for (p, path) in paths.enumerated() {
            if p > 0 { out += "\n" }
            let route = path.nodes.map { display(graph, $0) }.joined(separator: " -> ")
            out += "path \(p + 1) of \(paths.count): \(route)  (cost \(Output.number(path.cost)), \(path.hopCount) hop\(path.hopCount == 1 ? "" : "s"))\n"
            var rows: [[String]] = []
            for (h, hop) in path.hops.enumerated() {
                let first = [String(h + 1), graph.name(of: hop.from), graph.name(of: hop.to), Output.number(hop.weight)]
                let blank = ["", "", "", ""]
                if hop.events.isEmpty { rows.append(first + [""] + (loaded.dataset == nil ? [] : ["", ""])) }
                for (i, eventID) in hop.events.enumerated() {
                    var cells = [eventID]
                    if let dataset = loaded.dataset {
                        if let id = dataset.eventID(forID: eventID) {
                            let event = dataset[id]
                            let summary =
                                event.summary
                                ?? ([event.kind.rawValue] + [event.subtype].compactMap { $0 }).joined(separator: ", ")
                            cells += [event.date.text, summary]
                        } else {
                            cells += ["", ""]
                        }
                    }
                    rows.append((i == 0 ? first : blank) + cells)
                }
            }
            let header = ["hop", "from", "to", "cost", "event"] + (loaded.dataset == nil ? [] : ["date", "summary"])
            out += Output.renderTable(header: header, rows: rows, rightAligned: [0, 3])
        }
        return out
    }

    /// A node's id, with its display name when the graph has one that differs.
    static func display(_ graph: Graph, _ node: NodeID) -> String {
        let id = graph.name(of: node)
        if let column = graph.nodeAttribute("name"), case .string(let name)? = column[node.index], name != id { return "\(name) [\(id)]" }
        return id
    }
}

/// The INPUT and events-to-edges options of ``PathCommand``: those of ``GraphInputOptions``.
/// `--since`/`--until` are kept, hidden, for the deprecated spelling in which `--from`/`--to`
/// named the actors.
struct PathInputOptions: ParsableArguments {
    @Argument(help: "A dataset (.yaml, .yml, .json), GraphML (.graphml) or CSV edge list (.csv).")
    var input: String

    @OptionGroup var window: DateWindowArguments

    @Option(help: .hidden)
    var since: String?

    @Option(help: .hidden)
    var until: String?

    @OptionGroup(title: "Events to edges (datasets only)")
    var edges: EdgeArguments

    @Flag(name: .customLong("directed-csv"), help: "Read a CSV edge list as directed (default undirected).")
    var directedCSV = false

    /// Loads INPUT as every analysis command does (a dataset in the contact view unless `--kind`
    /// is given). With `actorsAsOptions` (the deprecated
    /// spelling), `--from`/`--to` named the actors and the window is `--since`/`--until`.
    func load(actorsAsOptions: Bool) throws -> LoadedInput {
        let window =
            actorsAsOptions
            ? try DateWindowArguments.window(from: since, "--since", to: until, "--until")
            : try self.window.window()
        let windowGiven = actorsAsOptions ? (since != nil || until != nil) : !self.window.isEmpty
        var options = try edges.options(window: window)
        if edges.kinds.isEmpty { options.kinds = ProjectionOptions.contactKinds }
        var loaded = try LoadedInput.load(
            input, projection: options, directedCSV: directedCSV,
            projectionGiven: windowGiven || !edges.isDefault)
        if loaded.dataset != nil { loaded.view = DatasetView.name(kinds: edges.kinds, default: .contact) }
        return loaded
    }
}
