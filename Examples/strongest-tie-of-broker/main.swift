// Ranks the actors of a dataset by betweenness, reading each tie's meeting count as a strength
// converted to a cost (cost = 1 / count), and prints the events behind the top actor's strongest tie.
//
//   swift run strongest-tie-of-broker [DATASET]
import ActorGraph

let path = CommandLine.arguments.dropFirst().first ?? "Graphs/korea-japan-2020.yaml"
do {
    let dataset = try DatasetReader.read(path: path)
    let graph = EventProjection(dataset, options: .contactView).graph
    let scores = try Centrality.betweenness(graph, options: .init(weight: .strength(column: "weight", conversion: .inverse)))
    let top = scores.ranked()[0]
    let actor = dataset[dataset.actorID(forID: top.name)!]
    print("Highest betweenness (strength as cost 1/count): \(actor.name), \(top.score)")
    let weights = graph.edgeColumn("weight")!
    let ties = graph.outNeighbors(of: top.node)
    let best = ties.indices.max { weights[ties[$0].edge.index] < weights[ties[$1].edge.index] }!
    let (other, edge) = ties[best]
    let partner = dataset[dataset.actorID(forID: graph.name(of: other))!]
    print("Strongest tie: \(actor.name) - \(partner.name), weight \(weights[edge.index])")
    for id in graph.edgeEvents(edge) {
        let event = dataset[dataset.eventID(forID: id)!]
        print("  \(event.date)  \(event.kind.rawValue)  \(event.summary ?? event.id)")
    }
} catch {
    print("strongest-tie-of-broker: \(error)")
    exit(1)
}

#if canImport(Glibc)
import func Glibc.exit
#endif
