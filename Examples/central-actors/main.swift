// Prints the most central actors of a dataset (betweenness and PageRank, networkx's defaults)
// and how Moon Jae-in reaches Yoshihide Suga, hop by hop, with the events behind each tie.
//
//   swift run central-actors [DATASET] [--from NAME] [--to NAME]
import ActorGraph

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? { arguments.firstIndex(of: name).map { arguments[$0 + 1] } }
let path = arguments.first { !$0.hasPrefix("--") && option("--from") != $0 && option("--to") != $0 }
    ?? "Graphs/korea-japan-2020.yaml"

do {
    let dataset = try DatasetReader.read(path: path)
    let graph = EventProjection(dataset).graph

    for (title, scores) in [("betweenness", try Centrality.betweenness(graph)),
                            ("PageRank", try Centrality.pageRank(graph))] {
        print("Most central by \(title):")
        for entry in scores.ranked().prefix(5) {
            print("  \(dataset[dataset.actorID(forID: entry.name)!].name)  \((entry.score * 10_000).rounded() / 10_000)")
        }
    }

    guard let from = dataset.actorID(named: option("--from") ?? "Moon Jae-in"),
          let to = dataset.actorID(named: option("--to") ?? "Yoshihide Suga") else {
        print("central-actors: unknown actor; try one of \(dataset.suggestions(for: option("--to") ?? "Suga"))")
        exit(1)
    }
    let start = graph.node(named: dataset[from].id)!, goal = graph.node(named: dataset[to].id)!
    guard let route = ShortestPaths.breadthFirst(in: graph, from: start).path(to: goal) else {
        print("\nNo path from \(dataset[from].name) to \(dataset[to].name).")
        exit(0)
    }
    print("\n\(dataset[from].name) reaches \(dataset[to].name) in \(route.hopCount) hop(s):")
    for hop in route.hops {
        print("  \(dataset[dataset.actorID(forID: graph.name(of: hop.from))!].name) - "
            + "\(dataset[dataset.actorID(forID: graph.name(of: hop.to))!].name)")
        for id in hop.events {
            let event = dataset[dataset.eventID(forID: id)!]
            print("    \(event.date)  \(event.kind.rawValue)  \(event.summary ?? event.id)")
        }
    }
} catch {
    print("central-actors: \(error)")
    exit(1)
}

#if canImport(Glibc)
import func Glibc.exit
#endif
