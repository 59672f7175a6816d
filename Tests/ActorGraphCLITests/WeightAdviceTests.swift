import Foundation
import Testing

/// The library's weight and option errors speak of columns and fields; the command line turns
/// them into advice about its own flags, in one place (`WeightOptions`).
@Suite struct WeightAdviceTests {
    @Test func aPathMeasureWithABareWeightAsksForWeightAs() throws {
        let r = try CLI.run(["centrality", CLI.seed, "--measure", "betweenness", "--weight", "weight"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("say what 'weight' means"), "\(r.stderr)")
        #expect(r.stderr.contains("use --weight-as cost or --weight-as strength"), "\(r.stderr)")
        let path = try CLI.run(["path", CLI.seed, "Moon Jae-in", "Yoshihide Suga", "--weight", "weight"])
        #expect(path.status == 2 && path.stderr.contains("use --weight-as cost or --weight-as strength"), "\(path.stderr)")
    }

    @Test func anOptionThatDoesNotApplyIsNamedByItsFlag() throws {
        let conversion = try CLI.run([
            "centrality", CLI.seed, "--measure", "pagerank", "--weight", "weight",
            "--weight-as", "strength", "--conversion", "inverse",
        ])
        #expect(
            conversion.status == 2 && conversion.stderr.contains("--conversion: a strength-to-cost conversion applies only to path measures"),
            "\(conversion.stderr)")
        let normalized = try CLI.run(["centrality", CLI.seed, "--measure", "pagerank", "--normalized"])
        #expect(normalized.status == 2 && normalized.stderr.contains("--normalized: normalisation applies to"), "\(normalized.stderr)")
        let bare = try CLI.run(["centrality", CLI.seed, "--measure", "closeness", "--weight-as", "cost"])
        #expect(bare.status == 2 && bare.stderr.contains("--weight-as needs --weight ATTR"), "\(bare.stderr)")
    }

    @Test func theSameBadWeightGetsTheSameMessageFromEveryAnalysis() throws {
        // Every edge's 'count' is a number, but as a cost column for paths a text column fails alike.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("weight-advice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("ties.csv")
        try "source,target,weight\na,b,2\nb,c,-1\n".write(to: csv, atomically: true, encoding: .utf8)
        let runs = [
            ["centrality", csv.path, "--measure", "pagerank", "--weight", "weight"],
            ["communities", csv.path, "--weight", "weight"],
            ["structural-holes", csv.path, "--weight", "weight"],
        ].map { try? CLI.run($0) }
        let messages = runs.map { $0?.stderr.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        #expect(runs.allSatisfy { $0?.status == 1 }, "\(messages)")
        #expect(messages[0].hasSuffix("ties.csv:3: error: edge b -> c has weight = -1.0; a strength must be a finite number >= 0"), "\(messages)")
        #expect(Set(messages).count == 1, "\(messages)")
    }
}
