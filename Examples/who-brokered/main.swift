// who-brokered: who brokered which contacts in a dataset, with the events that show it.
//
// Usage: who-brokered [DATASET] [WINDOW-DAYS]
//   DATASET defaults to Graphs/korea-japan-2020.yaml; WINDOW-DAYS (optional) bounds the days
//   between a broker's first and second contact.
import ActorGraph
import Foundation

let arguments = CommandLine.arguments.dropFirst()
let path = arguments.first ?? "Graphs/korea-japan-2020.yaml"
let window = arguments.dropFirst().first.flatMap { Int($0) }

do {
    let dataset = try DatasetReader.read(path: path)
    // People stay themselves (no roll-up); groups are each actor's state.
    let projection = EventProjection(dataset)
    let result = try EventBrokerage.find(in: dataset, projection: projection,
                                         options: EventBrokerageOptions(windowDays: window))
    print("\(dataset.title ?? path): \(result.findings.count) brokered contact(s) by \(result.brokers.count) broker(s)")
    for finding in result.findings {
        print("- [\(finding.basis.rawValue)] " + EventBrokerage.sentence(for: finding, in: dataset))
    }
    // Group labels are state ids ("south-korea"); show them by name.
    func named(_ pair: String) -> String {
        pair.components(separatedBy: " -> ")
            .map { id in dataset.actorID(forID: id).map { dataset[$0].name } ?? id }
            .joined(separator: " -> ")
    }
    for summary in result.brokers {
        let kinds = "\(summary.explicitCount) named by sources, \(summary.temporalCount) from the order of meetings"
        print("\(dataset[summary.broker].name): \(summary.count) contact(s) (\(kinds)), "
              + "\(summary.first) to \(summary.last), between \(summary.groupPairs.map(named).joined(separator: "; "))")
    }
} catch {
    FileHandle.standardError.write(Data("who-brokered: \(error)\n".utf8))
    exit(1)
}
