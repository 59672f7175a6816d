import Foundation
import Testing

/// Options that cannot apply are usage errors, never silently ignored; options that scale work
/// have ceilings; negative numbers are read as numbers.
@Suite struct OptionPromisesTests {
    static let karate = "Tests/ActorGraphIOTests/Fixtures/graphml/karate.graphml"

    @Test(arguments: [
        (["render", CLI.seed, "-o", "OUT.svg", "--dpi", "300"], "PNG output only"),
        (["render", CLI.seed, "-o", "OUT.pdf", "--max-pixels", "500"], "PNG output only"),
        (["render", CLI.seed, "-o", "OUT.svg", "--engine", "dot", "--seed", "3"], "no random start"),
        (["render", CLI.seed, "-o", "OUT.png", "--max-pixels", "32000"], "between 16 and 10000"),
        (["render", CLI.seed, "-o", "OUT.png", "--dpi", "1200"], "between 1 and 600"),
        (["path", CLI.seed, "Moon Jae-in", "Suga", "--k", "1000000"], "between 1 and 1000"),
        (["path", CLI.seed, "Moon Jae-in", "Suga", "--k", "-5"], "between 1 and 1000"),
        (["communities", CLI.seed, "--trials", "100000000"], "between 1 and 1000"),
        (["components", CLI.seed, "--strong"], "directed graphs"),
        (["centrality", CLI.seed, "--measure", "degree", "--top", "-3"], "at least 1"),
        (["render", CLI.seed, "-o", "OUT.svg", "--seed", "x1"], "not a whole number"),
        (["components", CLI.seed, "--aggregate", "sum"], "--aggregate has no effect on components"),
        (["components", CLI.seed, "--aggregate", "decayed", "--half-life", "30"], "has no effect on components"),
        (["components", CLI.seed, "--layers"], "--layers has no effect on components"),
        (["brokerage", CLI.seed, "--aggregate", "sum"], "--aggregate has no effect on brokerage"),
        (["brokerage", CLI.seed, "--aggregate", "decayed", "--half-life", "30"], "has no effect on brokerage"),
        (["brokerage", CLI.seed, "--layers"], "--layers has no effect on brokerage"),
        (["brokerage", "Tests/ActorGraphIOTests/Fixtures/csv/karate.csv", "--directed-csv"], "--directed-csv has no effect on brokerage"),
        (["structural-holes", "Tests/ActorGraphIOTests/Fixtures/csv/karate.csv", "--directed-csv"], "--directed-csv has no effect on structural-holes"),
        (["balance", CLI.seed, "--aggregate", "sum"], "--aggregate has no effect on balance"),
        (["balance", CLI.seed, "--aggregate", "decayed", "--half-life", "30"], "has no effect on balance"),
        (["balance", CLI.seed, "--layers"], "--layers has no effect on balance"),
        (["balance", CLI.seed, "--directed"], "--directed has no effect on balance"),
        (["balance", "Tests/ActorGraphIOTests/Fixtures/csv/karate.csv", "--directed-csv"], "--directed-csv has no effect on balance"),
    ])
    func refusedWithAReason(arguments: [String], reason: String) throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ag-\(UUID().uuidString)")
        let resolved = arguments.map { $0.hasPrefix("OUT.") ? out.path + String($0.dropFirst(3)) : $0 }
        let r = try CLI.run(resolved)
        #expect(r.status == 2, "\(arguments.joined(separator: " ")): exit \(r.status) \(r.stderr)")
        #expect(r.stderr.contains(reason), "\(r.stderr)")
        #expect(!r.stderr.contains("Missing value"))
        #expect(!FileManager.default.fileExists(atPath: out.path + ".svg"))
    }

    @Test func negativeSeedsAreNumbersAndSeedsApplyToRandomEngines() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ag-\(UUID().uuidString).svg").path
        let r = try CLI.run(["render", CLI.seed, "-o", out, "--engine", "neato", "--seed", "-7"])
        #expect(r.status == 0, "\(r.stderr)")
        let seven = try String(contentsOfFile: out, encoding: .utf8)
        #expect(try CLI.run(["render", CLI.seed, "-o", out, "--engine", "neato", "--seed", "8"]).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8) != seven) // the seed is used
    }

    @Test func pngOptionsChangeThePNG() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ag-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        func size(_ extra: [String]) throws -> (Int, Int) {
            let path = dir.appendingPathComponent("x.png").path
            let r = try CLI.run(["render", CLI.small, "-o", path] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            func be(_ i: Int) -> Int { bytes[i...(i + 3)].reduce(0) { $0 << 8 | Int($1) } }
            return (be(16), be(20)) // IHDR width and height
        }
        let base = try size([])
        let capped = try size(["--max-pixels", "100"])
        #expect(max(capped.0, capped.1) <= 100 && max(base.0, base.1) > 100)
        let sharp = try size(["--dpi", "192"])
        #expect(sharp.0 > base.0)
    }

    @Test func yearZeroIsNoDate() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ag-\(UUID().uuidString).yaml")
        try """
        sources: [{id: s, title: Notes}]
        actors: [{id: a, name: A, kind: person}, {id: b, name: B, kind: person}]
        events:
          - {id: e1, date: 0000-01-01, kind: meeting, participants: [a, b], citations: [{source: s, quote: q}]}
        """.write(to: url, atomically: true, encoding: .utf8)
        let r = try CLI.run(["validate", url.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains(":4:20: error:") && r.stderr.contains("0000-01-01"), "\(r.stderr)")
    }

    @Test func clusteringRefusesNegativeWeightsLikeEveryOtherMeasure() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ag-\(UUID().uuidString).csv")
        try "source,target,weight\na,b,1\nb,c,-2\nc,a,1\n".write(to: url, atomically: true, encoding: .utf8)
        let r = try CLI.run(["centrality", url.path, "--measure", "clustering", "--weight", "weight"])
        #expect(r.status == 1)
        #expect(r.stderr.contains(">= 0"), "\(r.stderr)")
    }
}
