import ActorGraph
import ArgumentParser
import Foundation

/// `actorgraph components INPUT`: which actors can reach each other at all.
struct ComponentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "components",
        abstract: "List connected components, largest first.",
        discussion: """
            Undirected graphs: connected components. Directed graphs: weakly connected components \
            (directions ignored), or with --strong strongly connected ones (every member reaches \
            every other along edge directions; Tarjan 1972).

            JSON: {"components": [[ids], ...]} (largest first; ties by first node).
            """
    )

    @OptionGroup var input: GraphInputOptions

    @Flag(help: "Strongly connected components (directed graphs).")
    var strong = false

    @Option(help: "Output format: json, csv or table.")
    var format: OutputFormat = .table

    func validate() throws {
        try input.refuse(
            ["--aggregate", "--half-life", "--layers"], in: "components",
            because: "who can reach whom depends neither on weights nor on kinds")
    }

    func run() throws {
        let loaded = try input.load()
        let graph = loaded.graph
        if strong && !graph.isDirected {
            throw ValidationError(
                "--strong applies to directed graphs; \(loaded.path) gives an undirected one (try --directed for a dataset, --directed-csv for CSV)")
        }
        let partition = strong ? Components.stronglyConnected(graph) : Components.connected(graph)
        let names = partition.components.map { $0.map(graph.name(of:)) }
        switch format {
        case .json:
            Output.json(loaded.namingView(.object([("components", .array(names.map { .array($0.map { .string($0) }) }))])))
        case .csv:
            Output.csv(
                header: ["node", "component"],
                rows: names.enumerated().flatMap { c, members in members.map { [$0, String(c + 1)] } })
        case .table:
            let kind = !graph.isDirected ? "connected" : (strong ? "strongly connected" : "weakly connected")
            loaded.printView()
            print("\(partition.count) \(kind) components")
            Output.table(
                header: ["component", "size", "members"],
                rows: names.enumerated().map { [String($0 + 1), String($1.count), $1.joined(separator: ", ")] },
                rightAligned: [0, 1])
        }
    }
}
