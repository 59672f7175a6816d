// Ranks the actors of a dataset by betweenness, reading each tie's meeting count as a strength
// converted to a cost (cost = 1 / count), and prints the events behind the top actor's strongest tie.
//
//   swift run strongest-tie-of-broker [DATASET]
import ActorGraph

#if canImport(Glibc)
import func Glibc.exit
#endif

let path = CommandLine.arguments.dropFirst().first ?? "Graphs/korea-japan-2020.yaml"
do {
    let projection = EventProjection(try DatasetReader.read(path: path), options: .contactView)
    let dataset = projection.dataset
    let scores = try Centrality.betweenness(
        projection.graph,
        options: .init(weight: .strength(column: "weight", conversion: .inverse)))
    guard let top = scores.ranked().first, let strongest = projection.ties(of: top.node).first else {
        print("strongest-tie-of-broker: \(path) has no ties")
        exit(0)
    }
    let actor = dataset[projection.actor(of: top.node)]
    print("Highest betweenness (strength as cost 1/count): \(actor.name), \(top.score)")
    print("Strongest tie: \(actor.name) - \(dataset[projection.actor(of: strongest.other)].name), weight \(strongest.tie.weight)")
    for event in strongest.tie.events.map({ dataset[$0] }) {
        print("  \(event.date)  \(event.kind.rawValue)  \(event.summary ?? event.id)")
    }
} catch {
    print("strongest-tie-of-broker: \(error)")
    exit(1)
}
