import ActorGraph
import ArgumentParser
import Foundation

extension CentralityMeasure: ExpressibleByArgument {}
extension PathDirection: ExpressibleByArgument {}

/// `actorgraph centrality INPUT --measure M`: one score per node, with the defaults of networkx.
struct CentralityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centrality",
        abstract: "Score every node by a centrality measure (defaults mirror networkx).",
        discussion: """
            Each measure's defaults mirror a networkx 3.6 call:
            \(CentralityMeasure.allCases.map { "  \($0.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \($0.networkxCall)" }.joined(separator: "\n"))

            Weights. Path measures (betweenness, closeness, harmonic) need a cost, so --weight ATTR \
            on them also needs --weight-as: `cost` when bigger means farther, `strength` when bigger \
            means a stronger tie (converted by --conversion, default inverse: cost = 1/weight). \
            strength, pagerank, eigenvector, katz and clustering read --weight as a strength; \
            strength and pagerank use the `weight` column when present, as networkx does. \
            degree and core count ties and take no weight.

            Direction (directed graphs): closeness and harmonic use incoming distance by default, as \
            networkx; --direction out uses outgoing distance. strength sums in + out unless \
            --direction in|out.

            Tables list nodes in rank order (highest score first; ties in node order), with the actor's \
            name for datasets. JSON output is {"measure": M, "scores": {"<node id>": score, ...}} in node \
            order, or in rank order with --top N; CSV likewise.
            """
    )

    @OptionGroup var input: GraphInputOptions

    @Option(help: "The measure: \(CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", ")).")
    var measure: CentralityMeasure

    @OptionGroup var weight: WeightOptions

    @Flag(inversion: .prefixedNo, help: "Normalise (degree, betweenness, katz; default on, as networkx).")
    var normalized: Bool?

    @Option(help: "Directed graphs: in or out (closeness, harmonic: distance to/from the node; strength).")
    var direction: PathDirection?

    @Option(parsing: .unconditional, help: "Show only the N highest-scoring nodes, in rank order.")
    var top: Int?

    @Option(help: "Output format: json, csv or table.")
    var format: OutputFormat = .table

    @Option(help: "Threads for betweenness, closeness, harmonic and clustering (default: every core). The scores are the same, bit for bit, for any number.")
    var threads: Int?

    @Option(help: "Betweenness: estimate from K source nodes sampled without replacement (networkx's k), scaled up as networkx does.")
    var samples: Int?

    @Option(help: "Betweenness with --samples: the seed that chooses the sources (default 0).")
    var seed: UInt64?

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        do {
            try request.validate()
        } catch let error as AnalysisError {
            throw ValidationError(WeightOptions.advice(for: error))
        }
    }

    var request: CentralityRequest {
        CentralityRequest(
            measure: measure, weight: weight.edgeWeight, normalized: normalized, direction: direction,
            samples: samples, seed: seed)
    }

    func run() throws {
        let loaded = try input.load()
        let progress = TerminalProgress.onTerminal(label: "centrality")
        defer { progress?.finish() }
        var execution = progress?.execution ?? ExecutionOptions()
        execution.threads = threads
        let scores = try request.compute(on: loaded.graph, execution: execution)
        let rows: [(name: String, score: Double)]
        if format == .table {
            rows = (top.map { scores.ranked(top: $0) } ?? scores.ranked()).map { ($0.name, $0.score) }
        } else if let top {
            rows = scores.ranked(top: top).map { ($0.name, $0.score) }
        } else {
            rows = zip(scores.nodeNames, scores.values).map { ($0, $1) }
        }
        switch format {
        case .json:
            Output.json(
                loaded.namingView(
                    .object([
                        ("measure", .string(measure.rawValue)),
                        ("scores", .object(rows.map { ($0.name, JSONValue.number($0.score)) })),
                    ])))
        case .csv:
            Output.csv(header: ["node", measure.rawValue], rows: rows.map { [$0.name, String($0.score)] })
        case .table:
            loaded.printView()
            let graph = loaded.graph
            let names = graph.nodeAttribute("name")
            Output.table(
                header: ["rank", "node", "name", measure.rawValue],
                rows: rows.enumerated().map { rank, row in
                    var name = ""
                    if let names, let node = graph.node(named: row.name), case .string(let n)? = names[node.index], n != row.name { name = n }
                    return [String(rank + 1), row.name, name, Output.number(row.score)]
                },
                rightAligned: [0, 3])
        }
    }
}
