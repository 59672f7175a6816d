import ActorGraphAnalysis
import ActorGraphCore
import ActorGraphIO
import Foundation
import Testing

/// Temporal two-paths against pathpy 2.2.0's time-respecting paths, on the random contact
/// sequences `scripts/reference/temporal_paths.py` writes to `Fixtures/temporal/`.
///
/// Where the definitions coincide (see the script): day-precision dyadic meetings, no actor
/// with two contacts on one day, window W = pathpy's `delta`. ActorGraph's two-path
/// (`end(AB) <= start(BC)`, `end(BC) - start(AB) <= W`, A != C) is then pathpy's
/// (`0 < t2 - t1 <= delta`). The rules pathpy does not know are made vacuous or undone:
/// prior ties cannot be switched off, so the contact graph is triangle-free and the dataset
/// has no relations or institutions (A and C of a two-path never have a tie); closure and
/// groups only split asserted from candidates, so findings and candidates are taken together.
/// ActorGraph keeps one finding per broker and unordered pair, so both sides are compared as
/// the set of (B, {A, C}) and its count per broker.
///
/// pathpy's reference set is the two-step paths of its time-unfolded DAG
/// (`DAG.from_temporal_network`). The length-2 subpaths of `paths_from_temporal_network_dag`
/// are not used: its causal trees merge a node's time copies at one depth, which both adds and
/// drops two-paths (delta 3, edges (r,a,1), (a,b,2), (r,x,1), (x,b,3), (b,c,6): it reports
/// (a,b,c), 6 - 2 > 3, and misses (x,b,c)); the fixtures record when that happened.
@Suite struct BrokeragePathpyTests {
    static let names = ["temporal-a", "temporal-b", "temporal-c", "temporal-d"]

    static func url(_ name: String, _ ext: String) throws -> URL {
        try #require(
            Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures/temporal"),
            "fixture temporal/\(name).\(ext) is missing")
    }

    @Test(arguments: names)
    func twoPathsEqualPathpyTimeRespectingPaths(_ name: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: try Self.url(name, "json")))
        let json = try #require(object as? [String: Any])
        let tool = try #require(json["tool"] as? [String: Any])
        #expect(tool["pathpy"] as? String == "2.2.0")
        let delta = try #require(json["delta_days"] as? Int)
        let results = try #require(json["results"] as? [String: Any])
        let triples = try #require(results["triples"] as? [[String]])
        let perBroker = try #require(results["pairs_per_broker"] as? [String: Int])
        let wanted = Set(triples.map { $0.joined(separator: " ") })
        #expect(wanted.count == triples.count && triples.count == results["total"] as? Int)
        #expect(!wanted.isEmpty)

        let dataset = try DatasetReader.read(path: try Self.url(name, "yaml").path)
        let options = EventBrokerageOptions(windowDays: delta, explicit: false, includeCandidates: true)
        let result = try EventBrokerage.find(
            in: EventProjection(dataset, options: .contactView),
            options: options)
        #expect(result.statistics.contacts == json["contacts"] as? Int)
        let all = result.findings + result.candidates
        let found = all.map { f -> String in
            let a = dataset[f.from].id, c = dataset[f.to].id
            return "\(dataset[f.broker].id) \(min(a, c)) \(max(a, c))"
        }
        #expect(found.count == Set(found).count, "one finding per broker and pair")
        let got = Set(found)
        #expect(got.subtracting(wanted).sorted() == [], "ActorGraph only")
        #expect(wanted.subtracting(got).sorted() == [], "pathpy only")
        var counts: [String: Int] = [:]
        for f in all { counts[dataset[f.broker].id, default: 0] += 1 }
        #expect(counts == perBroker)
    }
}
