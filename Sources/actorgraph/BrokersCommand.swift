import ActorGraph
import ArgumentParser
import Foundation

extension BrokerageRole: ExpressibleByArgument {}

/// `actorgraph brokers DATASET`: who brokered which contacts, from the events.
struct BrokersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brokers",
        abstract: "Who brokered which contacts: brokers named by the sources, and brokers inferred from the order of contacts.",
        discussion: """
            Asserted: every broker a source names (explicit: one finding per pair of opposing sides; an \
            envoy links their principal with the other side), and every temporal brokerage that is \
            cross-group, made of two-party contacts, without a prior tie and closed. Temporal: B brokered \
            A - C when an A-B contact was definitely no later than a B-C contact, within --window days \
            (default 90), when A and C had no earlier tie (an event of any kind naming both, one belonging \
            to the other, one institution, a principal and their envoy), and closed when A and C then met \
            within --closure days (default 180). Contacts are meetings with exactly two parties (--kind \
            changes the kinds); a meeting of three or more is co-attendance, a prior tie but no contact. \
            --candidates also lists the two-paths that fall short, each with its reason (same-group, open). \
            The JSON follows docs/brokers.schema.json.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @OptionGroup var input: GraphInputOptions

    @Flag(help: "Also list candidates: temporal brokerages that fall short of the evidence standard, with the reason.")
    var candidates = false

    @Option(help: "Keep only findings in this Gould-Fernandez role (repeatable): coordinator, itinerant, representative, gatekeeper, liaison.")
    var role: [BrokerageRole] = []

    @Flag(name: .customLong("cross-group"), help: "Keep only findings between actors of different groups.")
    var crossGroup = false

    @Flag(name: .customLong("explicit-only"), help: "Only brokers the sources name.")
    var explicitOnly = false

    @Option(
        parsing: .unconditional,
        help:
            "At most this many days from the first possible day of A-B to the last possible day of B-C (0-36525, default 90; with --candidates the work grows with it)."
    )
    var window: Int = 90

    @Option(parsing: .unconditional, help: "A and C must meet within this many days after B-C for a closed brokerage (0-36525, default 180).")
    var closure: Int = 180

    @Option(parsing: .unconditional, help: "Only the N brokers with most asserted evidence, and their findings.")
    var top: Int?

    @Option(help: "The node attribute that names each actor's group (default: state).")
    var groups: String = "state"

    @Option(help: "Output format: table, json or csv.")
    var format: Format = .table

    func validate() throws {
        // A century bounds the work of --candidates (two-paths within the window) on any stream.
        if !(0...36_525).contains(window) { throw ValidationError("--window must be a number of days from 0 to 36525") }
        if !(0...36_525).contains(closure) { throw ValidationError("--closure must be a number of days from 0 to 36525") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        // Findings come from the events, not from edge weights or arcs: options that shape edges
        // only would be silently ignored, so they are usage errors.
        let edges = input.projection.edges
        let shaping = [
            (edges.aggregate != "count", "--aggregate"), (edges.halfLife != nil, "--half-life"),
            (edges.directed, "--directed"), (edges.layers, "--layers"), (edges.brokerTies, "--broker-ties"),
            (input.directedCSV, "--directed-csv"),
        ].filter(\.0).map(\.1)
        if !shaping.isEmpty {
            throw ValidationError(
                "\(shaping.joined(separator: ", ")) shape graph edges and do not apply to brokers, which reads the events of a dataset (--kind, --from/--to and --roll-up do)"
            )
        }
    }

    func run() throws {
        let loaded = try input.load()
        guard let dataset = loaded.dataset, let projection = loaded.projection else {
            throw CLIError("brokers needs a dataset with dated events (.yaml, .yml, .json); \(loaded.path) is a graph without events")
        }
        let kinds = input.projection.kinds
        let options = EventBrokerageOptions(
            contactKinds: kinds.isEmpty ? [.meeting] : Set(kinds),
            windowDays: window, closureDays: closure, temporal: !explicitOnly,
            includeCandidates: candidates, groupAttribute: groups,
            roles: role.isEmpty ? nil : Set(role), crossGroupOnly: crossGroup)
        var result = try EventBrokerage.find(in: projection, options: options)
        if let top { result = Self.top(top, of: result) }
        let view = loaded.view ?? "contact"
        switch format {
        case .json:
            Output.json(Self.json(result, dataset, view: view, options: options))
        case .csv:
            Output.csv(
                header: [
                    "status", "reason", "basis", "broker", "from", "to", "role", "from_group", "to_group",
                    "exclusive", "date", "events",
                ],
                rows: (result.findings + result.candidates).map { f in
                    [
                        f.status.rawValue, f.reason?.rawValue ?? "", f.basis.rawValue, dataset[f.broker].id,
                        dataset[f.from].id, dataset[f.to].id, f.role.rawValue, f.fromGroup, f.toGroup,
                        f.exclusive ? "true" : "false", f.date.text,
                        f.events.map { dataset[$0].id }.joined(separator: " "),
                    ]
                })
        case .table:
            Output.paragraph(
                "view: \(view); contacts: \(options.contactKinds.sorted().map(\.rawValue).joined(separator: ", ")) "
                    + "with two parties; window \(window) days; closure \(closure) days; groups by '\(groups)'")
            if result.findings.isEmpty { print("No asserted brokerage.") }
            for f in result.findings {
                Output.paragraph("[\(f.basis.rawValue)] " + EventBrokerage.sentence(for: f, in: dataset))
            }
            for f in result.candidates {
                Output.paragraph("[candidate: \(f.reason!.rawValue)] " + EventBrokerage.sentence(for: f, in: dataset))
            }
            for s in result.skipped {
                Output.paragraph("[skipped] \(dataset[s.event].id): a named broker between \(s.sides) sides (more than \(options.maxSides))")
            }
            guard !result.brokers.isEmpty else { return }
            print("")
            Output.table(
                header: ["broker", "asserted", "explicit", "temporal", "candidates", "roles", "between groups", "period"],
                rows: result.brokers.map { s in
                    [
                        dataset[s.broker].name, String(s.count), String(s.explicitCount), String(s.temporalCount),
                        String(s.candidateCount),
                        s.roles.map { "\($0.role.rawValue) \($0.count)" }.joined(separator: ", "),
                        Output.shortList(s.groupPairs.map { Self.groupNames($0, dataset) }, keep: 8),
                        "\(s.first) .. \(s.last)",
                    ]
                }, rightAligned: [1, 2, 3, 4])
        }
    }

    /// The `n` first brokers and only their findings and candidates.
    static func top(_ n: Int, of result: EventBrokerage) -> EventBrokerage {
        let kept = Array(result.brokers.prefix(n))
        let ids = Set(kept.map(\.broker))
        return EventBrokerage(
            findings: result.findings.filter { ids.contains($0.broker) },
            candidates: result.candidates.filter { ids.contains($0.broker) },
            brokers: kept, skipped: result.skipped, statistics: result.statistics)
    }

    /// `"south-korea - japan"` as `"South Korea - Japan"` when the labels are actor ids.
    static func groupNames(_ pair: String, _ dataset: Dataset) -> String {
        pair.components(separatedBy: " - ").map { label in
            dataset.actorID(forID: label).map { dataset[$0].name } ?? label
        }.joined(separator: " - ")
    }

    /// The JSON that `docs/brokers.schema.json` specifies.
    static func json(_ result: EventBrokerage, _ dataset: Dataset, view: String, options: EventBrokerageOptions) -> JSONValue {
        func finding(_ f: BrokerageFinding) -> JSONValue {
            var fields: [(String, JSONValue)] = [
                ("broker", .string(dataset[f.broker].id)),
                ("between", .array([.string(dataset[f.from].id), .string(dataset[f.to].id)])),
                ("basis", .string(f.basis.rawValue)),
                ("events", .array(f.events.map { .string(dataset[$0].id) })),
                ("date", .string(f.date.text)),
                ("dates", .array(f.events.map { .string(dataset[$0].date.text) })),
                ("role", .string(f.role.rawValue)),
                ("between_groups", .array([.string(f.fromGroup), .string(f.toGroup)])),
                ("broker_group", .string(f.brokerGroup)),
                ("status", .string(f.status.rawValue)),
                ("exclusive", .bool(f.exclusive)),
                // Every citation of every event of the evidence (source and quote null for an
                // event without citation, which only datasets built in code can have; quote null
                // for a citation without one, as a GDELT row's URL).
                (
                    "evidence",
                    .array(
                        f.events.flatMap { id -> [JSONValue] in
                            let e = dataset[id]
                            guard !e.citations.isEmpty else {
                                return [.object([("event", .string(e.id)), ("source", .null), ("quote", .null)])]
                            }
                            return e.citations.map { c in
                                .object([("event", .string(e.id)), ("source", .string(dataset[c.source].id)), ("quote", c.hasQuote ? .string(c.quote) : .null)])
                            }
                        })
                ),
                ("sentence", .string(EventBrokerage.sentence(for: f, in: dataset))),
            ]
            if let reason = f.reason { fields.append(("reason", .string(reason.rawValue))) }
            return .object(fields)
        }
        func days(_ d: Int?) -> JSONValue { d.map { .int($0) } ?? .null }
        return .object([
            ("view", .string(view)),
            (
                "definition",
                .object([
                    ("contact_kinds", .array(options.contactKinds.sorted().map { .string($0.rawValue) })),
                    ("window_days", days(options.windowDays)),
                    ("closure_days", days(options.closureDays)),
                    ("group_attribute", .string(options.groupAttribute)),
                    ("max_sides", .int(options.maxSides)),
                ])
            ),
            ("brokerages", .array(result.findings.map(finding))),
            ("candidates", .array(result.candidates.map(finding))),
            (
                "brokers",
                .array(
                    result.brokers.map { s in
                        .object([
                            ("broker", .string(dataset[s.broker].id)),
                            ("count", .int(s.count)),
                            ("groups", .array(s.groupPairs.map { .string($0) })),
                            ("explicit", .int(s.explicitCount)),
                            ("temporal", .int(s.temporalCount)),
                            ("candidates", .int(s.candidateCount)),
                            (
                                "roles",
                                .object(
                                    BrokerageRole.allCases.map { role in
                                        (role.rawValue, .int(s.roles.first { $0.role == role }?.count ?? 0))
                                    })
                            ),
                            ("from", .string(s.first.description)),
                            ("to", .string(s.last.description)),
                        ])
                    })
            ),
            (
                "skipped",
                .array(
                    result.skipped.map { s in
                        .object([("event", .string(dataset[s.event].id)), ("sides", .int(s.sides))])
                    })
            ),
        ])
    }
}
