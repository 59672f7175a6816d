import ActorGraph
import ArgumentParser
import Foundation

/// `actorgraph structural-holes INPUT`: Burt's constraint, effective size and efficiency.
struct StructuralHolesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "structural-holes",
        abstract: "Burt's structural holes: constraint, effective size and efficiency of every node (as networkx).",
        discussion: """
            Mutual weights add the edges both ways (an undirected edge counts twice). Without --weight every \
            edge weighs 1; with it the column is a tie strength (finite, >= 0). Efficiency is effective size \
            over degree (in + out for directed graphs), as networkx documents it. Isolated nodes have no \
            value: null in JSON, nan in tables. Tables and CSV list nodes from the lowest constraint (the \
            most brokerage opportunity) up; --top N keeps the first N.
            """)

    @OptionGroup var input: GraphInputOptions

    @Option(help: "A numeric edge attribute holding tie strengths (datasets: weight, count).")
    var weight: String?

    @Option(help: "Output format: json, csv or table.")
    var format: OutputFormat = .table

    @Option(parsing: .unconditional, help: "Only the N nodes with the lowest constraint.")
    var top: Int?

    func validate() throws {
        try input.refuse(
            ["--directed-csv"], in: "structural-holes",
            because: "Burt's measures add a tie's strength in both directions (mutual weights)")
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let loaded = try input.load()
        let graph = loaded.graph
        let holes = try StructuralHoles.compute(graph, options: StructuralHolesOptions(weight: weight.map(TieStrength.column) ?? .unit))
        let columns: [(String, [Double])] = [
            ("constraint", holes.constraint), ("effective_size", holes.effectiveSize),
            ("efficiency", holes.efficiency),
        ]
        // Lowest constraint first; isolated nodes (no value) last; ties in node order.
        let ranked = Array(graph.nodes).sorted { a, b in
            let x = holes.constraint[a.index], y = holes.constraint[b.index]
            return (x.isNaN ? 1 : 0, x.isNaN ? 0 : x, a.index) < (y.isNaN ? 1 : 0, y.isNaN ? 0 : y, b.index)
        }
        let nodes = top.map { Array(ranked.prefix($0)) } ?? ranked
        switch format {
        case .json:
            let listed = top == nil ? Array(graph.nodes) : nodes
            Output.json(
                loaded.namingView(
                    .object(
                        columns.map { name, values in
                            (name, .object(listed.map { (graph.name(of: $0), .number(values[$0.index])) }))
                        })))
        case .csv, .table:
            let rows = nodes.map { node in [graph.name(of: node)] + columns.map { Output.number($0.1[node.index]) } }
            let header = ["node"] + columns.map(\.0)
            if format == .csv {
                Output.csv(header: header, rows: rows)
            } else {
                loaded.printView()
                Output.table(header: header, rows: rows, rightAligned: [1, 2, 3])
            }
        }
    }
}
