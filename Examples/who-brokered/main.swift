// who-brokered: who brokered which contacts in a dataset, with the events and quotes that show it.
//
// Usage: who-brokered [DATASET] [WINDOW-DAYS] [--candidates]
//   DATASET defaults to Graphs/korea-japan-2020.yaml; WINDOW-DAYS (default 90) bounds the days
//   between a broker's first and second contact; --candidates also lists the temporal
//   brokerages that fall short of the evidence standard, with the reason.
import ActorGraph
import Foundation

let arguments = CommandLine.arguments.dropFirst().filter { $0 != "--candidates" }
let withCandidates = CommandLine.arguments.contains("--candidates")
let path = arguments.first ?? "Graphs/korea-japan-2020.yaml"
let window = arguments.dropFirst().first.flatMap { Int($0) } ?? 90

do {
    let dataset = try DatasetReader.read(path: path)
    // The contact view (meetings, cooperation, principal - envoy ties); people stay themselves
    // (no roll-up); groups are each actor's state.
    let projection = EventProjection(dataset, options: .contactView)
    let result = try EventBrokerage.find(
        in: projection,
        options: EventBrokerageOptions(
            windowDays: window,
            includeCandidates: withCandidates))
    print("\(dataset.title ?? path): \(result.findings.count) asserted brokerage(s) by \(result.brokers.count) broker(s)")
    for finding in result.findings {
        print("- [\(finding.basis.rawValue)] " + EventBrokerage.sentence(for: finding, in: dataset))
        // The quote behind each event of the evidence.
        for id in finding.events {
            if let citation = dataset[id].citations.first {
                print("    \(dataset[citation.source].id): \"\(citation.quote)\"")
            }
        }
    }
    for candidate in result.candidates {
        print("- [candidate: \(candidate.reason?.rawValue ?? "")] " + EventBrokerage.sentence(for: candidate, in: dataset))
    }
    // Group labels are state ids ("south-korea"); show them by name.
    func named(_ pair: String) -> String {
        pair.components(separatedBy: " - ")
            .map { id in dataset.actorID(forID: id).map { dataset[$0].name } ?? id }
            .joined(separator: " - ")
    }
    for summary in result.brokers {
        let kinds = "\(summary.explicitCount) named by sources, \(summary.temporalCount) from the order of meetings"
        let roles = summary.roles.map { "\($0.role.rawValue) \($0.count)" }.joined(separator: ", ")
        print(
            "\(dataset[summary.broker].name): \(summary.count) relation(s) (\(kinds); \(roles)), "
                + "\(summary.first) to \(summary.last), between \(summary.groupPairs.map(named).joined(separator: "; "))")
    }
} catch {
    FileHandle.standardError.write(Data("who-brokered: \(error)\n".utf8))
    exit(1)
}
