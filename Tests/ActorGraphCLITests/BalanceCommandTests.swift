import Foundation
import Testing

/// `balance`, `edges --signed/--layer` and `render --signed` end to end. The numbers come from
/// `scripts/reference/balance.py` (brute force over node triples), read from its fixture.
@Suite struct BalanceCommandTests {
    static var reference: [String: Any] {
        let url = URL(fileURLWithPath: "Tests/ActorGraphAnalysisTests/Fixtures/balance-seed.json")
        let json = (try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) as? [String: Any]
        return (json?["results"] as? [String: Any])?["mean"] as? [String: Any] ?? [:]
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let r = try CLI.run(arguments)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test func balanceOfTheSeedEqualsTheReference() throws {
        let out = try Self.json(["balance", CLI.seed, "--format", "json"])
        let triangles = try #require(out["triangles"] as? [String: Int])
        let expected = try #require(Self.reference["by_negatives"] as? [Int])
        #expect([triangles["+++"], triangles["++-"], triangles["+--"], triangles["---"]] == expected.map { Optional($0) })
        #expect(triangles["with_neutral_side"] == Self.reference["with_neutral_side"] as? Int)
        let unbalanced = try #require(out["unbalanced"] as? [[String: Any]])
        let names = Set(unbalanced.map { Set(($0["actors"] as? [String]) ?? []) })
        let reference = Set(((Self.reference["unbalanced"] as? [[String]]) ?? []).map(Set.init))
        #expect(names == reference && !names.isEmpty)
        #expect((out["view"] as? String)?.hasPrefix("signed: all kinds") == true)
        // The table says the same, and lists every unbalanced triangle's ties with their events.
        let table = try CLI.run(["balance", CLI.seed])
        #expect(table.stdout.contains("\(triangles["unbalanced"]!) unbalanced"), "\(table.stdout)")
        #expect(table.stdout.contains("North Korea - Joe Biden") && table.stdout.contains("2021-biden-administration-names-north-korea-a-"))
    }

    @Test func aWindowChangesTheBalance() throws {
        let all = try Self.json(["balance", CLI.seed, "--format", "json"])
        let recent = try Self.json(["balance", CLI.seed, "--format", "json", "--from", "2019"])
        let a = try #require(all["triangles"] as? [String: Int]), r = try #require(recent["triangles"] as? [String: Int])
        #expect(a["signed"] != r["signed"])
    }

    @Test func graphFilesAreSignedByAColumn() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("signed-\(UUID().uuidString).csv")
        // a-b +, a-c +, b-c -: one ++- triangle; c-d and b-d make b-c-d (-, -, ... ) with d.
        try "source,target,sign,w\na,b,1,5\na,c,2,5\nb,c,-1,5\nb,d,-3,5\nc,d,-2,5\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let out = try Self.json(["balance", file.path, "--format", "json"])
        let t = try #require(out["triangles"] as? [String: Int])
        // a-b-c: + + - (unbalanced); b-c-d: - - - (unbalanced).
        #expect(t["++-"] == 1 && t["---"] == 1 && t["balanced"] == 0)
        // Signed by an all-positive column instead: every triangle +++.
        let byW = try Self.json(["balance", file.path, "--format", "json", "--sign-column", "w"])
        #expect((byW["triangles"] as? [String: Int])?["+++"] == 2)
        #expect(try CLI.run(["balance", file.path, "--sign-rule", "sum"]).status == 2)
        #expect(try CLI.run(["balance", file.path, "--sign-column", "nope"]).status == 1)
        #expect(try CLI.run(["balance", CLI.seed, "--sign-column", "sign"]).status == 2)
        #expect(try CLI.run(["balance", CLI.seed, "--neutral", "11"]).status == 2)
    }

    @Test func edgesSignedAddsToneAndSignAndLayersSplitByTone() throws {
        let plain = try Self.json(["edges", CLI.seed])
        let signed = try Self.json(["edges", CLI.seed, "--signed"])
        let plainEdges = try #require(plain["edges"] as? [[String: Any]]), signedEdges = try #require(signed["edges"] as? [[String: Any]])
        #expect(plainEdges.allSatisfy { $0["sign"] == nil } && signedEdges.allSatisfy { $0["sign"] != nil })
        let pairs = try #require(Self.reference["pairs"] as? [String: Int])
        #expect(signedEdges.filter { ($0["sign"] as? Int) == -1 }.count == pairs["negative"])
        #expect(signedEdges.filter { ($0["sign"] as? Int) == 1 }.count == pairs["positive"])
        // The conflict layer holds only events with a negative tone, the cooperation layer only positive ones.
        let conflict = try Self.json(["edges", CLI.seed, "--layer", "conflict"])
        let cooperation = try Self.json(["edges", CLI.seed, "--layer", "cooperation"])
        let conflictEvents = Set(((conflict["edges"] as? [[String: Any]]) ?? []).flatMap { ($0["events"] as? [String]) ?? [] })
        let cooperationEvents = Set(((cooperation["edges"] as? [[String: Any]]) ?? []).flatMap { ($0["events"] as? [String]) ?? [] })
        #expect(!conflictEvents.isEmpty && !cooperationEvents.isEmpty && conflictEvents.isDisjoint(with: cooperationEvents))
        #expect(conflictEvents.contains("2020-08-south-korea-seizes-nippon-steel-assets"))
        #expect(try CLI.run(["edges", CLI.seed, "--sign-rule", "sum"]).status == 2)
    }

    /// Each of these options changes the answer in a way the test names.
    @Test func signRuleNeutralTopAndSignColumnChangeTheAnswer() throws {
        // A neutral band of 3 turns the mildly signed ties neutral: fewer signed triangles.
        let plain = try Self.json(["balance", CLI.seed, "--format", "json"])
        let banded = try Self.json(["balance", CLI.seed, "--format", "json", "--neutral", "3"])
        let p = try #require(plain["pairs"] as? [String: Int]), b = try #require(banded["pairs"] as? [String: Int])
        #expect(b["neutral"]! > p["neutral"]! && b["positive"]! < p["positive"]!)
        // latest instead of mean: South Korea - Japan's last event (the February 2021 agreement to
        // improve ties, +) and its mean from 1965 on differ in value.
        let latest = try Self.json(["edges", CLI.seed, "--signed", "--sign-rule", "latest"])
        let mean = try Self.json(["edges", CLI.seed, "--signed"])
        func tone(_ j: [String: Any], _ a: String, _ b: String) -> Double? {
            ((j["edges"] as? [[String: Any]]) ?? []).first { Set([$0["source"] as? String, $0["target"] as? String]) == Set([a, b]) }?["tone"] as? Double
        }
        #expect(tone(latest, "south-korea", "japan") != nil && tone(latest, "south-korea", "japan") != tone(mean, "south-korea", "japan"))
        let balancedLatest = try Self.json(["balance", CLI.seed, "--format", "json", "--sign-rule", "latest"])
        #expect((balancedLatest["rule"] as? String) == "latest tone" && (plain["rule"] as? String) == "mean tone")
        // edges --neutral: a band of 10 leaves every tie neutral.
        let allNeutral = try Self.json(["edges", CLI.seed, "--signed", "--neutral", "10"])
        #expect(((allNeutral["edges"] as? [[String: Any]]) ?? []).allSatisfy { ($0["sign"] as? Int) == 0 })
        // --top lists fewer triangles in the table.
        let top = try CLI.run(["balance", CLI.seed, "--top", "1"])
        #expect(top.stdout.contains("more unbalanced triangles") && !top.stdout.contains("\n2  "), "\(top.stdout)")
        // render --sign-rule changes a sign in the drawing; --sign-column signs a graph file.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sign-options-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.dot"), c = dir.appendingPathComponent("c.dot")
        #expect(try CLI.run(["render", CLI.seed, "--signed", "-o", a.path]).status == 0)
        #expect(try CLI.run(["render", CLI.seed, "--signed", "--sign-rule", "latest", "-o", c.path]).status == 0)
        #expect(try String(contentsOf: a, encoding: .utf8) != String(contentsOf: c, encoding: .utf8))
        let csv = dir.appendingPathComponent("g.csv")
        try "source,target,sign,w\na,b,1,-5\nb,c,-1,-5\n".write(to: csv, atomically: true, encoding: .utf8)
        let bySign = dir.appendingPathComponent("s.dot"), byW = dir.appendingPathComponent("w.dot")
        #expect(try CLI.run(["render", csv.path, "--signed", "-o", bySign.path]).status == 0)
        #expect(try CLI.run(["render", csv.path, "--signed", "--sign-column", "w", "-o", byW.path]).status == 0)
        let dashed = { (url: URL) in try String(contentsOf: url, encoding: .utf8).components(separatedBy: "style=\"dashed\"").count - 1 }
        #expect(try dashed(bySign) == 1 && dashed(byW) == 2)
    }

    @Test func renderSignedDrawsNegativeTiesDashed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("signed-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let signed = dir.appendingPathComponent("s.dot"), plain = dir.appendingPathComponent("p.dot")
        #expect(try CLI.run(["render", CLI.seed, "--signed", "-o", signed.path]).status == 0)
        #expect(try CLI.run(["render", CLI.seed, "-o", plain.path]).status == 0)
        let s = try String(contentsOf: signed, encoding: .utf8), p = try String(contentsOf: plain, encoding: .utf8)
        let pairs = try #require(Self.reference["pairs"] as? [String: Int])
        #expect(s.components(separatedBy: "style=\"dashed\"").count - 1 == pairs["negative"])
        #expect(s.contains("negative tie") && !p.contains("negative tie") && !p.contains("style=\"dashed\""))
        #expect(try CLI.run(["render", CLI.seed, "--sign-rule", "sum", "-o", plain.path]).status == 2)
    }
}
