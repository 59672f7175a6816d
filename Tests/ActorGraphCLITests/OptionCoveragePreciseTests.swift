import Foundation
import Testing

/// The options the issue names as never exercised, each checked for the change it should make
/// (not only for a change): expected values come from the made-up datasets' dates, from the
/// networkx fixture or from the options' own definitions.
@Suite struct OptionCoveragePreciseTests {
    static var made: String { OptionCoverageTests.files.appendingPathComponent("brokers.yaml").path }
    static var order: String { OptionCoverageTests.files.appendingPathComponent("order.yaml").path }

    /// The CSV rows (header dropped) of `brokers` on the made-up contacts, as
    /// `status reason broker from to role`.
    static func brokers(_ options: [String]) throws -> [String] {
        let r = try CLI.run(["brokers", made, "--format", "csv"] + options)
        #expect(r.status == 0, "\(options): \(r.stderr)")
        return CSVText.rows(r.stdout).dropFirst().map { [$0[0], $0[1], $0[3], $0[4], $0[5], $0[6]].joined(separator: " ") }
    }

    @Test func brokersOptionsChangeTheFindingsAsDocumented() throws {
        let closed = "asserted  b a c liaison"
        #expect(try Self.brokers([]) == [closed])
        let candidates = try Self.brokers(["--candidates"])
        #expect(candidates == [closed, "candidate same-group b a d itinerant", "candidate open b c d liaison"])
        #expect(try Self.brokers(["--candidates", "--cross-group"]) == [closed, "candidate open b c d liaison"])
        #expect(try Self.brokers(["--candidates", "--role", "itinerant"]) == ["candidate same-group b a d itinerant"])
        #expect(try Self.brokers(["--explicit-only"]) == [])
        // A-B on 1 January to B-C on 20 January: 19 days, inside --window 19, outside 18.
        #expect(try Self.brokers(["--window", "19"]) == [closed])
        #expect(try Self.brokers(["--window", "18"]) == [])
        // B-C on 20 January, A-C on 1 March 2020: 41 days, closed within --closure 41, open within 40.
        #expect(try Self.brokers(["--closure", "41"]) == [closed])
        #expect(try Self.brokers(["--closure", "40", "--candidates"]).first == "candidate open b a c liaison")
        // --top keeps the brokers with most asserted evidence: Park Jie-won (3) on the seed.
        let top = try CLI.run(["brokers", CLI.seed, "--format", "csv", "--top", "1"])
        let brokersNamed = Set(CSVText.rows(top.stdout).dropFirst().map { $0[3] })
        #expect(brokersNamed == ["park-jie-won"])
    }

    /// `--threads` is an option that must not change the answer: every threaded measure prints
    /// the same bytes with 1 and 3 threads (and the default), and a count below 1 is refused.
    @Test func centralityThreadsNeverChangeTheScores() throws {
        for measure in ["betweenness", "closeness", "harmonic", "clustering"] {
            let line = ["centrality", CLI.seed, "--measure", measure, "--format", "json"]
            let one = try CLI.run(line + ["--threads", "1"]), three = try CLI.run(line + ["--threads", "3"])
            #expect(one.status == 0 && three.status == 0, "\(measure): \(one.stderr) \(three.stderr)")
            #expect(one.stdout.contains("\"scores\""), "\(measure)")
            #expect(one.stdout == three.stdout, "\(measure)")
            #expect(try CLI.run(line).stdout == one.stdout, "\(measure)")
        }
        let zero = try CLI.run(["centrality", CLI.seed, "--measure", "betweenness", "--threads", "0"])
        #expect(zero.status == 2 && zero.stderr.contains("--threads must be at least 1"), "\(zero.stderr)")
    }

    /// `communities --threads` must not change the answer either: the seed dataset and a
    /// 12,000-node edge list (large enough for the parallel local moving) print the same bytes
    /// with 1 and 3 threads; a count below 1 is refused.
    @Test func communitiesThreadsNeverChangeThePartition() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("communities-threads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("large.csv")
        var state: UInt64 = 11 // Knuth's MMIX LCG, high bits
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var text = "source,target,weight\n"
        for _ in 0..<36_000 {
            let u = next() % 12_000, v = next() % 12_000
            if u != v { text += "n\(u),n\(v),\(1 + next() % 4)\n" }
        }
        try text.write(to: csv, atomically: true, encoding: .utf8)
        for line in [["communities", CLI.seed, "--format", "json"], ["communities", csv.path, "--format", "csv", "--trials", "1", "--weight", "weight"]] {
            let one = try CLI.run(line + ["--threads", "1"]), three = try CLI.run(line + ["--threads", "3"])
            #expect(one.status == 0 && three.status == 0, "\(one.stderr) \(three.stderr)")
            #expect(one.stdout.count > 100 && one.stdout == three.stdout)
        }
        let zero = try CLI.run(["communities", CLI.seed, "--threads", "0"])
        #expect(zero.status == 2 && zero.stderr.contains("--threads must be at least 1"), "\(zero.stderr)")
    }

    /// `--samples K` with K the number of nodes is exact betweenness; `--seed` needs `--samples`,
    /// and `--samples` applies to betweenness only.
    @Test func centralitySamplesOfEveryNodeIsExactBetweenness() throws {
        let line = ["centrality", CLI.seed, "--measure", "betweenness", "--format", "json"]
        let exact = try CLI.run(line)
        let n = try #require(try CLI.json(exact)["scores"] as? [String: Any]).count
        #expect(n > 10)
        #expect(try CLI.run(line + ["--samples", String(n), "--seed", "4"]).stdout == exact.stdout)
        let tooMany = try CLI.run(line + ["--samples", String(n + 1)])
        #expect(tooMany.status != 0 && tooMany.stderr.contains("samples must be between 1 and the number of nodes"), "\(tooMany.stderr)")
        let seedAlone = try CLI.run(line + ["--seed", "4"])
        #expect(seedAlone.status == 2 && seedAlone.stderr.contains("--seed"), "\(seedAlone.stderr)")
        let closeness = try CLI.run(["centrality", CLI.seed, "--measure", "closeness", "--samples", "5"])
        #expect(closeness.status == 2 && closeness.stderr.contains("--samples"), "\(closeness.stderr)")
    }

    @Test func brokersRefusesOptionsThatShapeEdgesOnly() throws {
        for option in [["--aggregate", "sum"], ["--layers"], ["--directed"], ["--broker-ties"], ["--half-life", "30", "--aggregate", "decayed"]] {
            let r = try CLI.run(["brokers", CLI.seed] + option)
            #expect(r.status == 2 && r.stderr.contains("do not apply to brokers"), "\(option): \(r.status) \(r.stderr)")
        }
    }

    @Test func pathAllMaxPathsAndK() throws {
        func paths(_ options: [String]) throws -> [[String]] {
            let r = try CLI.run(["path", CLI.seed, "netflix", "takeo-kawamura", "--format", "json"] + options)
            #expect(r.status == 0, "\(r.stderr)")
            return (try CLI.json(r)["paths"] as? [[String: Any]] ?? []).compactMap { $0["nodes"] as? [String] }
        }
        let reference = try #require((try GoldenReferenceTests.results()["paths"] as? [String: [String: Any]])?["netflix takeo-kawamura"])
        let all = try #require(reference["all_shortest"] as? [[String]])
        #expect(all.count == 4)
        #expect(try paths([]).count == 1)
        #expect(Set(try paths(["--all"])) == Set(all))
        let two = try paths(["--all", "--max-paths", "2"])
        #expect(two.count == 2 && Set(two).isSubset(of: Set(all)))
        #expect(try paths(["--k", "3"]).count == 3)
    }

    /// Park Geun-hye (in office to 2017) reaches Takeo Kawamura in 5 hops, but only through
    /// contacts that happened before hers; by the order of events there is no path.
    @Test func pathTimeRespectingAndOrder() throws {
        let plain = try CLI.run(["path", CLI.seed, "park-geun-hye", "takeo-kawamura", "--format", "json"])
        #expect(plain.status == 0)
        #expect(((try CLI.json(plain)["paths"] as? [[String: Any]])?.first?["hops"] as? [Any])?.count == 5)
        let ordered = try CLI.run(["path", CLI.seed, "park-geun-hye", "takeo-kawamura", "--time-respecting"])
        #expect(ordered.status == 1 && ordered.stderr.contains("respects the order of events"), "\(ordered.stderr)")
        // a-b on 2020-11-10, then b-c some day in November: only `possible`; x-y some day in
        // November, then y-z on 2020-11-10: `start` (1 November first) and `possible`, not `certain`.
        func reaches(_ from: String, _ to: String, _ order: String) throws -> Bool {
            try CLI.run(["path", Self.order, from, to, "--time-respecting", "--order", order]).status == 0
        }
        #expect(try [reaches("a", "c", "start"), reaches("a", "c", "certain"), reaches("a", "c", "possible")] == [false, false, true])
        #expect(try [reaches("x", "z", "start"), reaches("x", "z", "certain"), reaches("x", "z", "possible")] == [true, false, true])
        #expect(try CLI.run(["path", Self.order, "a", "c"]).status == 0)
    }

    /// --trials N keeps the best of the runs with seeds seed ... seed+N-1: its modularity is the
    /// largest of those single runs. --resolution above 1 favours smaller communities.
    @Test func communitiesTrialsSeedAndResolution() throws {
        let kinds = OptionCoverageTests.allKinds
        func run(_ options: [String]) throws -> [String: Any] {
            try CLI.json(try CLI.run(["communities", CLI.seed, "--format", "json"] + kinds + options))
        }
        let single = try (0..<4).map { try run(["--seed", "\($0)", "--trials", "1"])["modularity"] as? Double ?? .nan }
        let best = try run(["--trials", "4"])["modularity"] as? Double
        #expect(best == single.max())
        #expect(Set(single).count > 1, "the seeds should give different partitions for this check to mean anything")
        let coarse = try #require(try run([])["communities"] as? [[String]])
        let fine = try #require(try run(["--resolution", "2"])["communities"] as? [[String]])
        #expect(fine.count > coarse.count)
    }

    /// A PNG's width and height from its IHDR chunk.
    static func pngSize(_ data: Data) -> (Int, Int) {
        let bytes = [UInt8](data)
        guard bytes.count > 24 else { return (0, 0) }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    @Test func renderDPIAndMaxPixels() throws {
        func png(_ options: [String]) throws -> (Int, Int) {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("dpi-\(UUID().uuidString).png")
            defer { try? FileManager.default.removeItem(at: file) }
            let r = try CLI.run(["render", CLI.seed, "--engine", "dot", "-o", file.path] + options)
            #expect(r.status == 0, "\(r.stderr)")
            return Self.pngSize(try Data(contentsOf: file))
        }
        // Twice the dots per inch, twice the pixels each way (within Graphviz's rounding).
        let (w50, h50) = try png(["--dpi", "50", "--max-pixels", "10000"])
        let (w100, h100) = try png(["--dpi", "100", "--max-pixels", "10000"])
        #expect(abs(Double(w100) / Double(w50) - 2) < 0.05 && abs(Double(h100) / Double(h50) - 2) < 0.05, "\(w50)x\(h50) \(w100)x\(h100)")
        let (w, h) = try png(["--max-pixels", "500"])
        #expect(max(w, h) == 500)
    }

    @Test func renderDrawingOptions() throws {
        func dot(_ options: [String]) throws -> String {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("draw-\(UUID().uuidString).dot")
            defer { try? FileManager.default.removeItem(at: file) }
            let r = try CLI.run(["render", CLI.seed, "-o", file.path] + options)
            #expect(r.status == 0, "\(r.stderr)")
            return try String(contentsOf: file, encoding: .utf8)
        }
        func nodes(_ text: String) -> Int { text.split(separator: "\n").filter { $0.contains("[label=") && !$0.contains(" -- ") }.count }
        let plain = try dot([])
        let isolated = try dot(["--include-isolated"])
        // 56 actors have ties in the drawing (its subtitle); the seed has 70.
        #expect(plain.contains("56 actors") && isolated.contains("70 actors"))
        #expect(nodes(isolated) > nodes(plain))
        #expect(plain.localizedCaseInsensitiveContains("legend"))
        #expect(!(try dot(["--no-legend"])).localizedCaseInsensitiveContains("legend"))
        #expect(try dot(["--title", "A title of our own"]).contains("A title of our own") && !plain.contains("A title of our own"))
    }

    /// --broker-ties links a broker with the parties of the event it brokered: Obama with Abe.
    @Test func edgesBrokerTiesAndDirected() throws {
        func pairs(_ options: [String]) throws -> Set<[String]> {
            let rows = CSVText.rows(try CLI.run(["edges", CLI.seed, "--format", "csv"] + options).stdout).dropFirst()
            return Set(rows.map { [$0[0], $0[1]] })
        }
        let plain = try pairs([])
        let ties = try pairs(["--broker-ties"])
        #expect(!plain.contains(["barack-obama", "shinzo-abe"]) && !plain.contains(["shinzo-abe", "barack-obama"]))
        #expect(ties.contains(["barack-obama", "shinzo-abe"]) || ties.contains(["shinzo-abe", "barack-obama"]))
        // Directed: a meeting has no source, so it gives arcs both ways; undirected, each pair once.
        let arcs = try pairs(["--directed", "--kind", "meeting"])
        let edges = try pairs(["--kind", "meeting"])
        #expect(!arcs.isEmpty && arcs.allSatisfy { arcs.contains([$0[1], $0[0]]) })
        #expect(!edges.contains { edges.contains([$0[1], $0[0]]) })
    }
}
