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

    @Flag(help: "Add each edge's sign (+1, -1, 0 neutral) and the tone value behind it (see `actorgraph balance --help`).")
    var signed = false

    @Option(help: "With --signed: how the tones of a tie's events make its value: mean, sum or latest.")
    var signRule: SignRule?

    @Option(parsing: .unconditional, help: "With --signed: values within this distance of 0 are neutral (default 0).")
    var neutral: Double?

    @Option(help: "Keep only the events of one layer: cooperation (positive tone) or conflict (negative tone).")
    var layer: ToneLayer?

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if (signRule != nil || neutral != nil) && !signed { throw ValidationError("--sign-rule and --neutral apply with --signed") }
        if let neutral, !(neutral.isFinite && neutral >= 0 && neutral <= 10) {
            throw ValidationError("--neutral must be a number from 0 to 10 (the Goldstein scale's magnitude)")
        }
    }

    func run() throws {
        try DatasetInput.require(file)
        let options = try projection.options()
        var dataset = try DatasetInput.read(file)
        if let layer {
            // The layer's events only, with everything else of the dataset.
            dataset = try Dataset(
                title: dataset.title, description: dataset.description, schemaVersion: dataset.schemaVersion,
                sources: dataset.sources, actors: dataset.actors,
                events: dataset.events.filter(layer.contains), relations: dataset.relations)
        }
        let result = EventProjection(dataset, options: options)
        let signs = signed ? TieSigns(projection: result, dataset: dataset, rule: signRule ?? .mean, neutral: neutral ?? 0) : nil
        var signOf: [ProjectedEdge: (Int8, Double)] = [:]
        if let signs { for (i, e) in result.edges.enumerated() { signOf[e] = (signs.signs[i], signs.values[i]) } }
        let edges =
            top.map { n in
                Array(
                    result.edges.enumerated().sorted { ($1.element.weight, $0.offset) < ($0.element.weight, $1.offset) }
                        .prefix(n).map(\.element))
            } ?? result.edges
        let header =
            ["source", "target", "directed", "layer", "weight", "count", "first", "last"]
            + (signed ? ["tone", "sign"] : []) + ["events"]
        func signCells(_ e: ProjectedEdge) -> [String] {
            guard let (sign, value) = signOf[e] else { return [] }
            return [value.isNaN ? "" : Output.number(value), sign > 0 ? "+1" : (sign < 0 ? "-1" : "0")]
        }
        func row(_ e: ProjectedEdge) -> [String] {
            [
                dataset[e.source].id, dataset[e.target].id, e.isDirected ? "true" : "false", e.layer?.rawValue ?? "all",
                Output.number(e.weight), String(e.events.count), e.first.description, e.last.description,
            ]
                + signCells(e) + [e.events.map { dataset[$0].id }.joined(separator: ";")]
        }
        switch format {
        case .json:
            Output.json(
                .object(
                    [
                        ("aggregate", .string(options.aggregation.name)),
                        ("roll_up", .string(options.rollUp.rawValue)),
                        ("directed", .bool(options.directed)),
                        ("events_used", .int(result.eventsUsed.count)),
                    ] + (layer.map { [("tone_layer", JSONValue.string($0.rawValue))] } ?? [])
                        + (signs.map { [("sign_rule", JSONValue.string($0.rule)), ("neutral", .number($0.neutral))] } ?? [])
                        + [
                            (
                                "edges",
                                .array(
                                    edges.map { e in
                                        var fields: [(String, JSONValue)] = [
                                            ("source", .string(dataset[e.source].id)), ("target", .string(dataset[e.target].id)),
                                            ("directed", .bool(e.isDirected)), ("layer", .optional(e.layer?.rawValue)),
                                            ("weight", .number(e.weight)), ("count", .int(e.events.count)),
                                            ("first", .string(e.first.description)), ("last", .string(e.last.description)),
                                        ]
                                        if let (sign, value) = signOf[e] {
                                            fields += [("tone", value.isNaN ? .null : .number(value)), ("sign", .int(Int(sign)))]
                                        }
                                        fields.append(("events", .array(e.events.map { .string(dataset[$0].id) })))
                                        return .object(fields)
                                    })
                            )
                        ]))
        case .csv:
            Output.csv(header: header, rows: edges.map(row))
        case .table:
            // Constant columns (direction, layer) say nothing; long event lists are shortened.
            let rows = edges.map { e in Array(row(e).dropLast()) + [Output.shortList(e.events.map { dataset[$0].id }, keep: 1)] }
            Output.table(header: header, rows: rows, rightAligned: signed ? [4, 5, 8, 9] : [4, 5], elidable: [2, 3])
        }
    }
}
