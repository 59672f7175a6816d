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
            value: null in JSON, nan in tables.
            """)

    @OptionGroup var input: GraphInputOptions

    @Option(help: "A numeric edge attribute holding tie strengths (datasets: weight, count).")
    var weight: String?

    @Option(help: "Output format: json, csv or table.")
    var format: OutputFormat = .table

    func run() throws {
        let loaded = try input.load()
        let graph = loaded.graph
        let holes = try StructuralHoles.compute(graph, options: StructuralHolesOptions(weight: weight))
        let columns: [(String, [Double])] = [("constraint", holes.constraint), ("effective_size", holes.effectiveSize),
                                             ("efficiency", holes.efficiency)]
        switch format {
        case .json:
            Output.json(loaded.namingView(.object(columns.map { name, values in
                (name, .object(Array(graph.nodes).map { (graph.name(of: $0), .number(values[$0.index])) }))
            })))
        case .csv, .table:
            let rows = Array(graph.nodes).map { node in [graph.name(of: node)] + columns.map { Output.number($0.1[node.index]) } }
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
