import Foundation
import Testing

/// `--time`: one line on stderr saying where the time went and the peak memory; stdout unchanged.
@Suite struct TimeFlagTests {
    @Test func timeReportsWhereTheTimeWentAndChangesNothingElse() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("time-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let csv = "Tests/ActorGraphIOTests/Fixtures/csv/karate.csv", dataset = "Graphs/korea-japan-2020.yaml"
        let graphML = "Tests/ActorGraphIOTests/Fixtures/graphml/karate.graphml"
        // A chain of 40,000 nodes: its 40,000-row table takes writing time the sum below must count once.
        let long = FileManager.default.temporaryDirectory.appendingPathComponent("time-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: long) }
        try ("source,target\n" + (0..<40_000).map { "n\($0),n\($0 + 1)\n" }.joined()).write(toFile: long, atomically: true, encoding: .utf8)
        // The phases `--time` names for each kind of input: a CSV edge list is read then its
        // adjacency built; a dataset is read then projected; GraphML is read and built in one step.
        let twoSteps = ["read", "build", "compute", "write"], oneStep = ["read and build", "compute", "write"]
        let runs: [(arguments: [String], phases: [String])] = [
            (["centrality", csv, "--measure", "betweenness", "--top", "3"], twoSteps),
            (["centrality", long, "--measure", "degree", "--format", "csv"], twoSteps),
            (["centrality", graphML, "--measure", "pagerank", "--format", "json"], oneStep),
            (["communities", csv], twoSteps),
            (["render", csv, "-o", output], twoSteps),
            (["brokerage", dataset, "--groups", "state"], twoSteps),
            (["structural-holes", dataset], twoSteps),
            (["brokers", dataset, "--format", "csv"], twoSteps),
            (["components", dataset], twoSteps),
            (["balance", dataset], twoSteps),
        ]
        for (arguments, phases) in runs {
            let plain = try CLI.run(arguments)
            let timed = try CLI.run(arguments + ["--time"])
            #expect(plain.status == 0 && timed.status == 0, "\(arguments): \(plain.stderr) \(timed.stderr)")
            #expect(timed.stdout == plain.stdout, "\(arguments): --time changed the output")
            #expect(!plain.stderr.contains("time: "), "\(arguments): timing printed without --time")
            let line = try #require(timed.stderr.split(separator: "\n").last.map(String.init), "\(arguments): no stderr")
            let pattern =
                "^time: " + phases.map { "\($0) [0-9]+\\.[0-9]{3} s" }.joined(separator: ", ")
                + "; total [0-9]+\\.[0-9]{3} s; peak memory [0-9]+\\.[0-9] MB$"
            #expect(line.range(of: pattern, options: .regularExpression) != nil, "\(arguments): \(line)")
            // The phases add up to the total (each is printed rounded to a millisecond).
            let numbers = line.matches(of: /([0-9]+\.[0-9]{3}) s/).map { Double($0.1)! }
            let total = try #require(numbers.last)
            #expect(abs(numbers.dropLast().reduce(0, +) - total) <= 0.001 * Double(numbers.count), "\(line)")
        }
    }
}
