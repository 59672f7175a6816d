import ActorGraphAnalysis
import ActorGraphCore
import Foundation
import Testing

/// Largest relative deviation from the reference seen by a check, printed for the closing notes.
final class DeviationLog: @unchecked Sendable {
    private let lock = NSLock()
    private var worst: [String: Double] = [:]
    static let shared = DeviationLog()

    func record(_ check: String, _ actual: Double, _ expected: Double) {
        let deviation = abs(actual - expected) / max(abs(expected), 1)
        lock.lock()
        worst[check] = max(worst[check] ?? 0, deviation)
        let value = worst[check]!
        lock.unlock()
        _ = value
    }

    func report(_ check: String) {
        lock.lock()
        let value = worst[check] ?? 0
        lock.unlock()
        print("largest deviation from networkx [\(check)]: \(value)")
    }
}

/// `expectClose` plus a record of the deviation under `check`.
func expectReference(
    _ actual: Double, _ expected: Double, check: String, _ what: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    DeviationLog.shared.record(check, actual, expected)
    expectClose(actual, expected, relative: 1e-9, what(), sourceLocation: sourceLocation)
}

let pathFixtures = ["karate", "florentine", "florentine-weighted", "random-directed"]

extension ReferenceFixture {
    func node(_ name: String) throws -> NodeID {
        try #require(graph.node(named: name), "fixture node \(name)")
    }

    func names(_ path: GraphPath) -> [String] { path.nodes.map(graph.name(of:)) }

    /// The fixture's weighted costs (the `weight` column read as a cost), or hops.
    func costs(weighted: Bool) throws -> EdgeCosts {
        weighted ? try EdgeCosts(graph: graph, cost: .cost(column: "weight")) : .hops
    }
}

@Suite("Paths against networkx")
struct PathsReferenceTests {
    @Test(arguments: pathFixtures)
    func distances(name: String) throws {
        let fixture = try ReferenceFixture.load("paths-\(name)")
        let results = try #require(fixture.json["results"] as? [String: Any])
        for weighted in [false, true] {
            guard let table = results[weighted ? "distances_weighted" : "distances_unweighted"] as? [String: [String: NSNumber]] else {
                if !weighted { Issue.record("\(name): unweighted distances missing") }
                continue
            }
            let check = weighted ? "Dijkstra distances" : "BFS distances"
            let options = PathOptions(costs: try fixture.costs(weighted: weighted))
            for (sourceName, row) in table {
                let tree = ShortestPaths.tree(in: fixture.graph, from: try fixture.node(sourceName), options: options)
                #expect(tree.reachedNodes.count == row.count, "\(name) \(sourceName): reached set")
                for (targetName, expected) in row {
                    let target = try fixture.node(targetName)
                    let d = try #require(tree.distance(to: target), "\(name) \(sourceName)->\(targetName) unreachable")
                    expectReference(d, expected.doubleValue, check: check, "\(name) \(sourceName)->\(targetName)")
                    let path = try #require(tree.path(to: target))
                    #expect(path.source.index == tree.source.index && path.target == target)
                    expectReference(path.cost, d, check: check, "path cost \(sourceName)->\(targetName)")
                    #expect(path.hops.count == path.edges.count && path.isSimple)
                }
            }
            DeviationLog.shared.report(check)
        }
    }

    @Test(arguments: pathFixtures)
    func allShortestPaths(name: String) throws {
        let fixture = try ReferenceFixture.load("paths-\(name)")
        let cases = try #require(fixture.result("all_shortest_paths") as? [[String: Any]])
        #expect(!cases.isEmpty)
        for c in cases {
            let s = try fixture.node(c["source"] as! String), t = try fixture.node(c["target"] as! String)
            let weighted = c["weighted"] as! Bool
            let expected = Set(c["paths"] as! [[String]])
            let found = ShortestPaths.all(in: fixture.graph, from: s, to: t, options: PathOptions(costs: try fixture.costs(weighted: weighted)))
            #expect(!found.isTruncated)
            #expect(Set(found.paths.map(fixture.names)) == expected, "\(name) \(c["source"]!)->\(c["target"]!) weighted \(weighted)")
            #expect(found.paths.count == expected.count, "no duplicates")
            let orderedNodes = found.paths.map { $0.nodes.map(\.rawValue) }
            #expect(orderedNodes == orderedNodes.sorted { $0.lexicographicallyPrecedes($1) }, "lexicographic order")
        }
    }

    @Test(arguments: pathFixtures)
    func kShortestSimplePaths(name: String) throws {
        let fixture = try ReferenceFixture.load("paths-\(name)")
        let cases = try #require(fixture.result("shortest_simple_paths") as? [[String: Any]])
        for c in cases {
            let s = try fixture.node(c["source"] as! String), t = try fixture.node(c["target"] as! String)
            let weighted = c["weighted"] as! Bool, k = c["k"] as! Int
            let expectedPaths = c["paths"] as! [[String]]
            let expectedCosts = (c["costs"] as! [NSNumber]).map(\.doubleValue)
            let label = "\(name) \(c["source"]!)->\(c["target"]!) weighted \(weighted)"
            let paths = ShortestPaths.kShortestSimple(
                in: fixture.graph, from: s, to: t, k: k,
                options: PathOptions(costs: try fixture.costs(weighted: weighted)))
            try #require(paths.count == expectedCosts.count, "\(label): count")
            for (path, cost) in zip(paths, expectedCosts) {
                expectReference(path.cost, cost, check: "Yen costs", "\(label) cost")
            }
            // Same costs in the same order; ties may come in another order, but every path strictly
            // cheaper than the k-th must be the same set.
            let last = expectedCosts.last ?? 0
            let cheaperOurs = Set(paths.filter { $0.cost < last - 1e-9 }.map(fixture.names))
            let cheaperTheirs = Set(zip(expectedPaths, expectedCosts).filter { $0.1 < last - 1e-9 }.map(\.0))
            #expect(cheaperOurs == cheaperTheirs, "\(label): paths cheaper than the k-th")
            #expect(Set(paths.map(\.nodes)).count == paths.count, "\(label): distinct")
            #expect(paths.allSatisfy { $0.isSimple }, "\(label): simple")
            #expect(zip(paths, paths.dropFirst()).allSatisfy { $0.cost <= $1.cost }, "\(label): non-decreasing")
            let identical = zip(paths.map(fixture.names), expectedPaths).filter { $0.0 == $0.1 }.count
            if identical < paths.count { print("k shortest \(label): \(identical)/\(paths.count) paths in networkx's exact order (ties)") }
        }
        DeviationLog.shared.report("Yen costs")
    }
}
