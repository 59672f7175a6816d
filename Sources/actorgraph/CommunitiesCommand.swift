import ActorGraph
import ArgumentParser
import Foundation

/// `actorgraph communities INPUT`: groups of actors more tied to each other than to the rest.
struct CommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Find communities by Louvain modularity maximisation (Blondel et al. 2008).",
        discussion: """
            Seeded and reproducible: --seed N fixes the random node order; the best of --trials runs \
            (seeds N, N+1, ...) is kept, by modularity. Unweighted unless --weight ATTR names a \
            numeric edge attribute read as tie strength (finite, >= 0). Directed graphs use directed \
            modularity, as networkx does.

            JSON: {"modularity": q, "communities": [[ids], ...]} (largest community first).
            """
    )

    @OptionGroup var input: GraphInputOptions

    @Option(parsing: .unconditional, help: "Seed of the random node order.")
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "Runs with seeds seed, seed+1, ...; the partition of highest modularity is kept.")
    var trials: Int = 10

    @Option(help: "A numeric edge attribute read as tie strength (default: unweighted).")
    var weight: String?

    @Option(parsing: .unconditional, help: "Modularity resolution (above 1: smaller communities).")
    var resolution: Double = 1

    @Option(help: "Output format: json, csv or table.")
    var format: OutputFormat = .table

    @Option(help: "Threads for graphs of 10,000 nodes or more (default: every core). The partition is the same, bit for bit, for any number.")
    var threads: Int?

    func validate() throws {
        if !(1...1000).contains(trials) { throw ValidationError("--trials must be between 1 and 1000 (each trial is a full Louvain run)") }
        if !(resolution.isFinite && resolution > 0) { throw ValidationError("--resolution must be a positive number") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let loaded = try input.load()
        let graph = loaded.graph
        // A bad weight throws an AnalysisError, which `fail` prints located at the edge's row.
        let result = try Communities.louvain(
            graph,
            options: LouvainOptions(
                weight: weight.map(TieStrength.column) ?? .unit, resolution: resolution, seed: seed, trials: trials),
            execution: ExecutionOptions(threads: threads))
        let names = result.communities.map { $0.map(graph.name(of:)) }
        switch format {
        case .json:
            Output.json(
                loaded.namingView(
                    .object([
                        ("modularity", .number(result.modularity)),
                        ("communities", .array(names.map { .array($0.map { .string($0) }) })),
                    ])))
        case .csv:
            Output.csv(
                header: ["node", "community"],
                rows: names.enumerated().flatMap { c, members in members.map { [$0, String(c + 1)] } })
        case .table:
            loaded.printView()
            print("modularity \(Output.number(result.modularity)), \(result.count) communities")
            Output.table(
                header: ["community", "size", "members"],
                rows: names.enumerated().map { [String($0 + 1), String($1.count), $1.joined(separator: ", ")] },
                rightAligned: [0, 1])
        }
    }
}
