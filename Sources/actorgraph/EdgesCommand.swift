import ActorGraph
import ArgumentParser

/// `actorgraph edges FILE`: events turned into a weighted edge list, each edge with its events.
struct EdgesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edges",
        abstract: "Turn a dataset's events into weighted edges, each with the ids of the events behind it.",
        discussion: """
            Defaults: all kinds merged, undirected (every event links all pairs of its participants), \
            weight = number of events (a strength), no roll-up, all dates. See docs/dataset-format.md.
            """)

    @Argument(help: "A dataset file (.yaml, .yml, .json).")
    var file: String

    @OptionGroup(title: "Events to edges")
    var projection: ProjectionArguments

    @Option(help: "json, csv or table.")
    var format: OutputFormat = .json

    @Option(parsing: .unconditional, help: "Only the N heaviest edges (ties in edge order).")
    var top: Int?

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        try DatasetInput.require(file)
        let options = try projection.options()
        let dataset = try DatasetReader.read(path: file)
        let result = EventProjection(dataset, options: options)
        let edges = top.map { n in
            Array(result.edges.enumerated().sorted { ($1.element.weight, $0.offset) < ($0.element.weight, $1.offset) }
                .prefix(n).map(\.element))
        } ?? result.edges
        let header = ["source", "target", "directed", "layer", "weight", "count", "first", "last", "events"]
        func row(_ e: ProjectedEdge) -> [String] {
            [dataset[e.source].id, dataset[e.target].id, e.isDirected ? "true" : "false", e.layer?.rawValue ?? "all",
             Output.number(e.weight), String(e.events.count), e.first.description, e.last.description,
             e.events.map { dataset[$0].id }.joined(separator: ";")]
        }
        switch format {
        case .json:
            Output.json(.object([
                ("aggregate", .string(options.aggregation.name)),
                ("roll_up", .string(options.rollUp.rawValue)),
                ("directed", .bool(options.directed)),
                ("events_used", .int(result.eventsUsed.count)),
                ("edges", .array(edges.map { e in
                    .object([("source", .string(dataset[e.source].id)), ("target", .string(dataset[e.target].id)),
                             ("directed", .bool(e.isDirected)), ("layer", .optional(e.layer?.rawValue)),
                             ("weight", .number(e.weight)), ("count", .int(e.events.count)),
                             ("first", .string(e.first.description)), ("last", .string(e.last.description)),
                             ("events", .array(e.events.map { .string(dataset[$0].id) }))])
                })),
            ]))
        case .csv:
            Output.csv(header: header, rows: edges.map(row))
        case .table:
            // Constant columns (direction, layer) say nothing; long event lists are shortened.
            let rows = edges.map { e in Array(row(e).dropLast()) + [Output.shortList(e.events.map { dataset[$0].id }, keep: 1)] }
            Output.table(header: header, rows: rows, rightAligned: [4, 5], elidable: [2, 3])
        }
    }
}
