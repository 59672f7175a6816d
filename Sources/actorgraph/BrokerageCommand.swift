import ActorGraph
import ArgumentParser
import Foundation

extension MissingGroupPolicy: ExpressibleByArgument {}

/// `actorgraph brokerage INPUT --groups ATTR`: Gould-Fernandez brokerage roles with sna's null model.
struct BrokerageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brokerage",
        abstract: "Gould-Fernandez brokerage roles of every node, with expected counts and z-scores (as R's sna::brokerage).",
        discussion: """
            Counts, for every node b, the two-paths a -> b -> c without a tie a -> c by role: coordinator \
            (a, b, c in one group), itinerant (a and c in one group, b outside), representative (b with a), \
            gatekeeper (b with c), liaison (all different). Undirected edges count both ways; weights are \
            ignored. Expected counts and z-scores follow sna's null model (ties independent with the graph's \
            density); an undefined z-score (zero variance) is written as null in JSON and nan in tables.
            """)

    @OptionGroup var input: GraphInputOptions

    @Option(help: "The node attribute that defines groups (default for datasets: state; node attributes of a dataset: name, kind, state, affiliation).")
    var groups: String?

    @Option(
        name: .customLong("missing-group"),
        help: "Nodes without the group attribute: error (default), own (each its own group), none (one shared group '(none)').")
    var missingGroup: MissingGroupPolicy = .error

    @Option(help: "Output format: json, csv or table.")
    var format: OutputFormat = .table

    @Option(parsing: .unconditional, help: "Table: only the N nodes with the most brokerage (total), in that order.")
    var top: Int?

    func validate() throws {
        try input.refuse(
            ["--aggregate", "--half-life", "--layers"], in: "brokerage",
            because: "Gould-Fernandez roles count two-paths, whatever their weights or kinds")
        try input.refuse(
            ["--directed-csv"], in: "brokerage",
            because: "a CSV edge list has no node attributes to group by (use GraphML, or a dataset)")
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if top != nil && format != .table { throw ValidationError("--top applies to the table format") }
    }

    func run() throws {
        let loaded = try input.load()
        let attribute: String
        if let groups {
            attribute = groups
        } else if loaded.dataset != nil {
            attribute = "state"
        } else {
            let names = loaded.graph.nodeAttributeNames
            throw CLIError(
                "--groups is required for \(loaded.path): name a node attribute (available: \(names.isEmpty ? "none" : names.joined(separator: ", ")))")
        }
        let graph = loaded.graph
        let scores: BrokerageScores
        do {
            scores = try GouldFernandez.brokerage(graph, options: BrokerageOptions(groupAttribute: attribute, missingGroup: missingGroup))
        } catch let error as AnalysisError where error.code == .missingGroup {
            throw CLIError(error.message.replacingOccurrences(of: "set missing group to own or none", with: "use --missing-group own or none"))
        }
        switch format {
        case .json:
            Output.json(loaded.namingView(Self.json(scores, graph)))
        case .csv:
            var rows: [[String]] = []
            func add(_ node: String, _ group: String, _ raw: RoleValues, _ e: RoleValues, _ z: RoleValues) {
                for ((role, r), ((_, x), (_, s))) in zip(raw.named, zip(e.named, z.named)) {
                    rows.append([node, group, role, Output.number(r), Output.number(x), Output.number(s)])
                }
            }
            for node in graph.nodes {
                add(graph.name(of: node), scores.groups.label(of: node), scores.raw[node.index], scores.expected[node.index], scores.z[node.index])
            }
            add("(graph)", "", scores.graphRaw, scores.graphExpected, scores.graphZ)
            Output.csv(header: ["node", "group", "role", "raw", "expected", "z"], rows: rows)
        case .table:
            loaded.printView()
            let header = ["node", "group"] + BrokerageRole.allCases.map(\.rawValue) + ["total", "z(total)"]
            var nodes = Array(graph.nodes)
            if let top {
                nodes = Array(nodes.sorted { (scores.raw[$1.index].total, $0.index) < (scores.raw[$0.index].total, $1.index) }.prefix(top))
            }
            var rows: [[String]] = nodes.map { node in
                let r = scores.raw[node.index]
                return [graph.name(of: node), scores.groups.label(of: node)] + r.named.map { Output.number($0.1) }
                    + [Output.number(scores.z[node.index].total)]
            }
            rows.append(["(graph)", ""] + scores.graphRaw.named.map { Output.number($0.1) } + [Output.number(scores.graphZ.total)])
            Output.table(header: header, rows: rows, rightAligned: Set(2..<header.count))
            print("groups by '\(attribute)'; density \(Output.number(scores.density)); z under sna's null model (nan: zero variance)")
        }
    }

    /// `{"graph": {"raw", "expected", "z"}, "nodes": {id: {"raw", "expected", "z"}}}`, roles in
    /// the order coordinator, itinerant, representative, gatekeeper, liaison, total.
    static func json(_ scores: BrokerageScores, _ graph: Graph) -> JSONValue {
        func values(_ v: RoleValues, integral: Bool) -> JSONValue {
            .object(v.named.map { ($0.0, integral ? .int(Int($0.1)) : .number($0.1)) })
        }
        func block(_ raw: RoleValues, _ expected: RoleValues, _ z: RoleValues) -> JSONValue {
            .object([
                ("raw", values(raw, integral: true)), ("expected", values(expected, integral: false)),
                ("z", values(z, integral: false)),
            ])
        }
        return .object([
            ("graph", block(scores.graphRaw, scores.graphExpected, scores.graphZ)),
            (
                "nodes",
                .object(
                    Array(graph.nodes).map { node in
                        (graph.name(of: node), block(scores.raw[node.index], scores.expected[node.index], scores.z[node.index]))
                    })
            ),
        ])
    }
}
