import ActorGraph
import ArgumentParser
import Foundation

extension SignRule: ExpressibleByArgument {}
extension ToneLayer: ExpressibleByArgument {}

/// `actorgraph balance INPUT`: structural balance of the signed ties, and the triangles that strain it.
struct BalanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance",
        abstract: "Structural balance: which triangles of friendly and hostile ties are balanced, and the ones that are not.",
        discussion: """
            Cartwright & Harary (1956): a triangle is balanced when the product of its three signs is \
            positive: +++ (friends of friends are friends) or +-- (the enemy of my enemy is my friend); \
            ++- and --- are unbalanced. Only triangles whose three ties are signed count.

            Datasets: the signed view holds every event kind (a dispute is a hostile tie here, unlike \
            the contact view of the other analyses); a tie's value is the --sign-rule (mean by default) of \
            the Goldstein tones of the events that sign it (an undirected event signs every tie it forms, a \
            directed one only its source-target tie), and its sign that of the value (within --neutral of 0: \
            neutral, no sign). Events without a tone do not count. Use --from/--to to see balance in a \
            window. Graph files (GraphML, CSV, node-link JSON): the sign of the numeric edge column \
            --sign-column (default: a column named sign). Ties are read undirected; arcs both ways or \
            parallel edges between a pair add their values.

            JSON: {"view", "rule", "neutral", "pairs", "triangles", "balanced_share", "unbalanced": [{"actors", \
            "sides": [{"between", "sign", "value", "events"}]}]}.
            """)

    @OptionGroup var input: GraphInputOptions

    @Option(help: "How a tie's event tones make its value: mean, sum or latest (datasets).")
    var signRule: SignRule = .mean

    @Option(parsing: .unconditional, help: "Values within this distance of 0 are neutral (default 0: only an exact 0).")
    var neutral: Double = 0

    @Option(help: "The numeric edge column whose sign signs a tie (graph files; default: sign).")
    var signColumn: String?

    @Option(parsing: .unconditional, help: "List only the first N unbalanced triangles in the table.")
    var top: Int?

    @Option(help: "Output format: json, csv or table.")
    var format: OutputFormat = .table

    func validate() throws {
        try input.refuse(
            ["--aggregate", "--half-life", "--layers", "--directed", "--directed-csv"], in: "balance",
            because: "a tie's sign comes from its events' tones (--sign-rule), and balance reads ties undirected")
        if !(neutral.isFinite && neutral >= 0 && neutral <= 10) {
            throw ValidationError("--neutral must be a number from 0 to 10 (the Goldstein scale's magnitude)")
        }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if top != nil && format != .table { throw ValidationError("--top applies to the table format") }
    }

    func run() throws {
        let loaded = try input.load(view: .all)
        let graph = loaded.graph
        let signs: TieSigns
        if let dataset = loaded.dataset, let projection = loaded.projection {
            if signColumn != nil {
                throw ValidationError("--sign-column applies to graph files; a dataset's ties are signed by their events' tones (--sign-rule)")
            }
            signs = TieSigns(projection: projection, dataset: dataset, rule: signRule, neutral: neutral)
        } else {
            if signRule != .mean {
                throw ValidationError("--sign-rule applies to datasets; a graph file's ties are signed by --sign-column")
            }
            signs = try TieSigns(graph: graph, column: signColumn ?? "sign", neutral: neutral)
        }
        let report = StructuralBalance.analyse(graph, signs: signs)
        let view =
            loaded.dataset == nil
            ? nil
            : "signed: \(loaded.view ?? "all kinds"); a tie's sign is the \(signs.rule) of its events"
        switch format {
        case .json: Output.json(json(report, signs, loaded, view: view))
        case .csv:
            Output.csv(
                header: ["triangle", "a", "b", "side_from", "side_to", "sign", "value", "events"],
                rows: csvRows(report, signs, loaded))
        case .table: table(report, signs, loaded, view: view)
        }
    }

    /// The events that signed a side (a dataset's), else the edges' own event ids.
    private func eventIDs(_ edges: [EdgeID], _ graph: Graph, _ signs: TieSigns, _ dataset: Dataset?) -> [String] {
        if let dataset, !signs.signingEvents.isEmpty {
            return edges.flatMap { signs.signingEvents[$0.index].map { dataset[$0].id } }
        }
        return edges.flatMap { graph.edgeEvents($0) }
    }

    private func sideValue(_ edges: [EdgeID], _ signs: TieSigns) -> Double {
        let values = edges.map { signs.values[$0.index] }.filter { !$0.isNaN }
        return values.isEmpty ? .nan : values.reduce(0, +)
    }

    private static let sidePairs = [(0, 1), (0, 2), (1, 2)]

    private func json(_ report: BalanceReport, _ signs: TieSigns, _ loaded: LoadedInput, view: String?) -> JSONValue {
        let graph = loaded.graph
        func event(_ id: String) -> JSONValue {
            guard let dataset = loaded.dataset, let e = dataset.eventID(forID: id) else { return .string(id) }
            let record = dataset[e]
            return .object([
                ("id", .string(id)), ("date", .string(record.date.description)),
                ("kind", .string(record.kind.rawValue)), ("tone", record.tone.map { .number($0) } ?? .null),
            ])
        }
        var fields: [(String, JSONValue)] = []
        if let view { fields.append(("view", .string(view))) }
        fields += [
            ("rule", .string(signs.rule)),
            ("neutral", .number(signs.neutral)),
            (
                "pairs",
                .object([
                    ("positive", .int(report.positivePairs)), ("negative", .int(report.negativePairs)),
                    ("neutral", .int(report.neutralPairs)),
                ])
            ),
            (
                "triangles",
                .object([
                    ("signed", .int(report.signedTriangles)), ("balanced", .int(report.balancedCount)),
                    ("unbalanced", .int(report.unbalancedCount)),
                    ("with_neutral_side", .int(report.withNeutralSide)),
                    ("+++", .int(report.byNegatives[0])), ("++-", .int(report.byNegatives[1])),
                    ("+--", .int(report.byNegatives[2])), ("---", .int(report.byNegatives[3])),
                ])
            ),
            ("balanced_share", report.signedTriangles == 0 ? .null : .number(report.balancedShare)),
            (
                "unbalanced",
                .array(
                    report.unbalanced.map { t in
                        .object([
                            ("actors", .array(t.nodes.map { .string(graph.name(of: $0)) })),
                            (
                                "sides",
                                .array(
                                    Self.sidePairs.enumerated().map { i, pair in
                                        .object([
                                            ("between", .array([.string(graph.name(of: t.nodes[pair.0])), .string(graph.name(of: t.nodes[pair.1]))])),
                                            ("sign", .int(Int(t.signs[i]))),
                                            ("value", sideValue(t.sides[i], signs).isNaN ? .null : .number(sideValue(t.sides[i], signs))),
                                            ("events", .array(eventIDs(t.sides[i], graph, signs, loaded.dataset).map(event))),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ]
        return .object(fields)
    }

    private func csvRows(_ report: BalanceReport, _ signs: TieSigns, _ loaded: LoadedInput) -> [[String]] {
        let graph = loaded.graph
        return report.unbalanced.enumerated().flatMap { n, t in
            Self.sidePairs.enumerated().map { i, pair in
                [
                    String(n + 1), graph.name(of: t.nodes[pair.0]), graph.name(of: t.nodes[pair.1]),
                    graph.name(of: t.nodes[pair.0]), graph.name(of: t.nodes[pair.1]),
                    t.signs[i] > 0 ? "+" : "-", Output.number(sideValue(t.sides[i], signs)),
                    eventIDs(t.sides[i], graph, signs, loaded.dataset).joined(separator: ";"),
                ]
            }
        }
    }

    private func table(_ report: BalanceReport, _ signs: TieSigns, _ loaded: LoadedInput, view: String?) {
        let graph = loaded.graph
        if let view { print("view: \(view)") }
        print(
            "ties: \(report.positivePairs) positive, \(report.negativePairs) negative, \(report.neutralPairs) neutral (\(signs.rule); neutral within \(Output.number(signs.neutral)) of 0)"
        )
        guard report.signedTriangles > 0 else {
            print("no triangle has three signed ties\(report.withNeutralSide > 0 ? " (\(report.withNeutralSide) with a neutral tie)" : "")")
            return
        }
        let share = String(format: "%.1f", report.balancedShare * 100)
        print(
            "triangles: \(report.signedTriangles) signed, \(report.balancedCount) balanced (\(share)%), \(report.unbalancedCount) unbalanced"
                + " [+++ \(report.byNegatives[0]), +-- \(report.byNegatives[2]), ++- \(report.byNegatives[1]), --- \(report.byNegatives[3])]"
                + (report.withNeutralSide > 0 ? "; \(report.withNeutralSide) more with a neutral tie" : ""))
        guard !report.unbalanced.isEmpty else { return }
        let shown = top.map { Array(report.unbalanced.prefix($0)) } ?? report.unbalanced
        print("")
        func name(_ node: NodeID) -> String {
            guard let dataset = loaded.dataset, let a = dataset.actorID(forID: graph.name(of: node)) else { return graph.name(of: node) }
            return dataset[a].name
        }
        var rows: [[String]] = []
        for (n, t) in shown.enumerated() {
            for (i, pair) in Self.sidePairs.enumerated() {
                let value = sideValue(t.sides[i], signs)
                rows.append([
                    i == 0 ? String(n + 1) : "", "\(name(t.nodes[pair.0])) - \(name(t.nodes[pair.1]))",
                    t.signs[i] > 0 ? "+" : "-", value.isNaN ? "" : Output.number(value),
                    Output.shortList(eventIDs(t.sides[i], graph, signs, loaded.dataset), keep: 2),
                ])
            }
        }
        Output.table(header: ["#", "tie", "sign", "value", "events"], rows: rows, rightAligned: [0, 3])
        if shown.count < report.unbalanced.count {
            print("(\(report.unbalanced.count - shown.count) more unbalanced triangles: drop --top or use --format json)")
        }
    }
}
