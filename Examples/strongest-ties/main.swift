// Loads a dataset, keeps 2020 onwards, rolls people and institutions up to their states, and
// prints the strongest ties with the events behind them.
//
//   swift run strongest-ties [DATASET] [--top N]
import ActorGraph

#if canImport(Glibc)
import func Glibc.exit
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
let path = arguments.first { !$0.hasPrefix("--") } ?? "Graphs/korea-japan-2020.yaml"
let top = arguments.firstIndex(of: "--top").flatMap { Int(arguments[$0 + 1]) } ?? 5

do {
    let dataset = try DatasetReader.read(path: path)
    let options = ProjectionOptions(window: DateWindow(from: EventDate("2020"), to: nil), rollUp: .state)
    let projection = EventProjection(dataset, options: options)
    print("\(dataset.title ?? path): \(projection.eventsUsed.count) events from 2020 on, rolled up to \(projection.nodes.count) actors")
    for edge in projection.edges.sorted(by: { ($1.weight, $0.first) < ($0.weight, $1.first) }).prefix(top) {
        print("\n\(dataset[edge.source].name) - \(dataset[edge.target].name): \(Int(edge.weight)) events, \(edge.first) to \(edge.last)")
        for id in edge.events {
            let event = dataset[id]
            print("  \(event.date)  \(event.kind.rawValue)\(event.subtype.map { " (\($0))" } ?? "")  \(event.summary ?? event.id)")
        }
    }
} catch {
    print("strongest-ties: \(error)")
    exit(1)
}
