// Prints the most central actors of a dataset (betweenness and PageRank, networkx's defaults)
// and how Moon Jae-in reaches Yoshihide Suga, hop by hop, with the events behind each tie.
//
//   swift run central-actors [DATASET] [--from NAME] [--to NAME]
import ActorGraph

#if canImport(Glibc)
import func Glibc.exit
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? { arguments.firstIndex(of: name).map { arguments[$0 + 1] } }
let path =
    arguments.first { !$0.hasPrefix("--") && option("--from") != $0 && option("--to") != $0 }
    ?? "Graphs/korea-japan-2020.yaml"

do {
    let projection = EventProjection(try DatasetReader.read(path: path))
    let dataset = projection.dataset, graph = projection.graph

    for (title, scores) in [
        ("betweenness", try Centrality.betweenness(graph)),
        ("PageRank", try Centrality.pageRank(graph)),
    ] {
        print("Most central by \(title):")
        for entry in scores.ranked().prefix(5) {
            print("  \(dataset[projection.actor(of: entry.node)].name)  \((entry.score * 10_000).rounded() / 10_000)")
        }
    }

    let fromName = option("--from") ?? "Moon Jae-in", toName = option("--to") ?? "Yoshihide Suga"
    guard let start = projection.node(named: fromName), let goal = projection.node(named: toName) else {
        let unknown = projection.node(named: fromName) == nil ? fromName : toName
        print("central-actors: unknown actor '\(unknown)'; try one of \(dataset.suggestions(for: unknown))")
        exit(1)
    }
    let from = dataset[projection.actor(of: start)], to = dataset[projection.actor(of: goal)]
    guard let route = ShortestPaths.breadthFirst(in: graph, from: start).path(to: goal) else {
        print("\nNo path from \(from.name) to \(to.name).")
        exit(0)
    }
    print("\n\(from.name) reaches \(to.name) in \(route.hopCount) hop(s):")
    for (hop, edge) in zip(route.hops, route.edges) {
        print("  \(dataset[projection.actor(of: hop.from)].name) - \(dataset[projection.actor(of: hop.to)].name)")
        for event in projection.events(of: edge).map({ dataset[$0] }) {
            print("    \(event.date)  \(event.kind.rawValue)  \(event.summary ?? event.id)")
        }
    }
} catch {
    print("central-actors: \(error)")
    exit(1)
}
