import ActorGraph
import ArgumentParser

/// `actorgraph summary FILE`: what a dataset holds.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Summarise a dataset: actors by kind, events by kind, date span, most active actors.")

    @Argument(help: "A dataset file (.yaml, .yml, .json).")
    var file: String

    @Option(help: "table or json.")
    var format: SummaryFormat = .table

    @Option(parsing: .unconditional, help: "How many of the most active actors to list.")
    var top: Int = 10

    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more") }
    }

    func run() throws {
        try DatasetInput.require(file)
        let dataset = try DatasetInput.read(file)
        let summary = DatasetSummary(dataset, top: top)
        switch format {
        case .json: Output.json(summary.json)
        case .table: print(summary.text, terminator: "")
        }
    }
}

/// Counts and the most active actors of a dataset.
struct DatasetSummary {
    let dataset: Dataset
    let actorsByKind: [(ActorKind, Int)]
    let eventsByKind: [(EventKind, Int)]
    let mostActive: [(ActorID, Int)]

    init(_ dataset: Dataset, top: Int) {
        self.dataset = dataset
        actorsByKind = ActorKind.allCases.map { k in (k, dataset.actors.filter { $0.kind == k }.count) }
        eventsByKind = EventKind.allCases.map { k in (k, dataset.events.filter { $0.kind == k }.count) }
        var activity = [Int](repeating: 0, count: dataset.actors.count)
        for e in dataset.events { for p in e.participants { activity[p.index] += 1 } }
        mostActive = activity.enumerated().filter { $0.element > 0 }
            .sorted { ($1.element, $0.offset) < ($0.element, $1.offset) }
            .prefix(max(0, top)).map { (ActorID($0.offset), $0.element) }
    }

    var json: JSONValue {
        .object([
            ("title", .optional(dataset.title)),
            ("sources", .int(dataset.sources.count)),
            ("actors", .object([("total", .int(dataset.actors.count))] + actorsByKind.map { ($0.0.rawValue, .int($0.1)) })),
            ("events", .object([("total", .int(dataset.events.count))] + eventsByKind.map { ($0.0.rawValue, .int($0.1)) })),
            ("first", .optional(dataset.dateSpan?.first.description)),
            ("last", .optional(dataset.dateSpan?.last.description)),
            ("brokered_events", .int(dataset.events.filter { $0.broker != nil }.count)),
            ("most_active", .array(mostActive.map { .object([("id", .string(dataset[$0.0].id)), ("events", .int($0.1))]) })),
        ])
    }

    var text: String {
        var out = "\(dataset.title ?? "Dataset")\n"
        out += "sources: \(dataset.sources.count)\n"
        out += "actors:  \(dataset.actors.count) (" + actorsByKind.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ") + ")\n"
        out += "events:  \(dataset.events.count) (" + eventsByKind.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ") + ")\n"
        if let span = dataset.dateSpan { out += "dates:   \(span.first) to \(span.last)\n" }
        out += "brokered events: \(dataset.events.filter { $0.broker != nil }.count)\n\nmost active actors:\n"
        out += Output.renderTable(
            header: ["actor", "name", "kind", "events"],
            rows: mostActive.map { [dataset[$0.0].id, dataset[$0.0].name, dataset[$0.0].kind.rawValue, String($0.1)] },
            rightAligned: [3])
        return out
    }
}
