import ActorGraph
import ArgumentParser
import Foundation

/// `actorgraph brokers DATASET`: who brokered which contacts, from the events.
struct BrokersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brokers",
        abstract: "Who brokered which contacts: brokers named by the sources, and brokers inferred from the order of contacts.",
        discussion: """
            explicit: an event names a broker, who brokered the contact between its participants. \
            temporal: B brokered A -> C when an A-B contact was definitely no later than a B-C contact \
            (last possible day of the first <= first possible day of the second; the same day counts) and \
            every A-C contact definitely came after the B-C contact. Contacts are meetings unless --kind \
            says otherwise (--kind also limits the events searched for named brokers). --window bounds \
            the days from the first possible day of the A-B contact to the last possible day of the B-C \
            contact.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, table
    }

    @OptionGroup var input: GraphInputOptions

    @Option(help: "At most this many days from the first contact to the second (temporal brokerage).")
    var window: Int?

    @Option(help: "The node attribute that names each actor's group in the summaries (default: state).")
    var groups: String = "state"

    @Option(help: "Output format: json or table.")
    var format: Format = .table

    func run() throws {
        let loaded = try input.load()
        guard let dataset = loaded.dataset, let projection = loaded.projection else {
            throw CLIError("brokers needs a dataset with dated events (.yaml, .yml, .json); \(loaded.path) is a graph without events")
        }
        if let window, window < 0 { throw ValidationError("--window must be a number of days >= 0") }
        let kinds = input.projection.kinds
        let options = EventBrokerageOptions(contactKinds: kinds.isEmpty ? [.meeting] : Set(kinds),
                                            windowDays: window, groupAttribute: groups)
        let result = try EventBrokerage.find(in: dataset, projection: projection, options: options)
        switch format {
        case .json:
            Output.json(Self.json(result, dataset))
        case .table:
            if result.findings.isEmpty { print("No brokerage found.") }
            for f in result.findings {
                print("[\(f.basis.rawValue)] " + EventBrokerage.sentence(for: f, in: dataset))
            }
            guard !result.brokers.isEmpty else { return }
            print("")
            Output.table(header: ["broker", "contacts", "explicit", "temporal", "between groups", "period"],
                         rows: result.brokers.map { s in
                             [dataset[s.broker].name, String(s.count), String(s.explicitCount), String(s.temporalCount),
                              s.groupPairs.map { Self.groupNames($0, dataset) }.joined(separator: "; "),
                              "\(s.first) .. \(s.last)"]
                         }, rightAligned: [1, 2, 3])
        }
    }

    /// `"south-korea -> japan"` as `"South Korea -> Japan"` when the labels are actor ids.
    static func groupNames(_ pair: String, _ dataset: Dataset) -> String {
        pair.components(separatedBy: " -> ").map { label in
            dataset.actorID(forID: label).map { dataset[$0].name } ?? label
        }.joined(separator: " -> ")
    }

    /// `{"brokerages": [{"broker", "between", "basis", "events", "date", "dates"}], "brokers": [{"broker",
    /// "count", "groups", "explicit", "temporal", "from", "to"}]}`.
    static func json(_ result: EventBrokerage, _ dataset: Dataset) -> JSONValue {
        .object([
            ("brokerages", .array(result.findings.map { f in
                .object([
                    ("broker", .string(dataset[f.broker].id)),
                    ("between", .array([.string(dataset[f.from].id), .string(dataset[f.to].id)])),
                    ("basis", .string(f.basis.rawValue)),
                    ("events", .array(f.events.map { .string(dataset[$0].id) })),
                    ("date", .string(f.date.text)),
                    ("dates", .array(f.events.map { .string(dataset[$0].date.text) })),
                ])
            })),
            ("brokers", .array(result.brokers.map { s in
                .object([
                    ("broker", .string(dataset[s.broker].id)),
                    ("count", .int(s.count)),
                    ("groups", .array(s.groupPairs.map { .string($0) })),
                    ("explicit", .int(s.explicitCount)),
                    ("temporal", .int(s.temporalCount)),
                    ("from", .string(s.first.description)),
                    ("to", .string(s.last.description)),
                ])
            })),
        ])
    }
}
