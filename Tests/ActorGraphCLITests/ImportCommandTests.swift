import Foundation
import Testing

/// `actorgraph import gdelt` and GDELT files as INPUT, on the fixtures of the IO tests (their
/// contents are stated in Tests/ActorGraphIOTests/Fixtures/gdelt/README.md).
@Suite struct ImportCommandTests {
    static func fixture(_ name: String) -> String {
        CLI.root.appendingPathComponent("Tests/ActorGraphIOTests/Fixtures/gdelt/\(name)").path
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A GDELT row cites its URL without a quote: the brokers JSON says `null`, never an empty
    /// quote a reader would take for quoted silence.
    @Test func brokersEvidenceFromAURLHasANullQuote() throws {
        let r = try CLI.run(["brokers", Self.fixture("gdelt-georgia-2013-04.tsv"), "--format", "json", "--candidates"])
        #expect(r.status == 0, "\(r.stderr)")
        let findings =
            (try Self.json(r.stdout)["findings"] as? [[String: Any]] ?? [])
            + (try Self.json(r.stdout)["candidates"] as? [[String: Any]] ?? [])
        let evidence = findings.flatMap { $0["evidence"] as? [[String: Any]] ?? [] }
        #expect(!evidence.isEmpty)
        #expect(evidence.allSatisfy { $0["quote"] is NSNull && $0["source"] is String }, "\(evidence.prefix(2))")
    }

    @Test func malformedRowsAreReportedByLineAndSkipped() throws {
        let file = Self.fixture("malformed.tsv")
        let r = try CLI.run(["import", "gdelt", file])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("\(file):2: warning: wrong field count: 40 fields"))
        #expect(r.stderr.contains("\(file):3: warning: bad SQLDATE: SQLDATE '20131341'"))
        #expect(r.stderr.contains("\(file):5: warning: bad GoldsteinScale: GoldsteinScale 'abc'"))
        #expect(r.stderr.contains("rows read: 6"))
        #expect(r.stderr.contains("events made: 2"))
        #expect(r.stderr.contains("rows rejected: 3 (wrong field count 1, bad SQLDATE 1, bad GoldsteinScale 1)"))
        #expect(r.stderr.contains("duplicate GLOBALEVENTIDs dropped: 1"))
        let out = try Self.json(r.stdout)
        #expect(out["schema"] as? Int == 3)
        #expect((out["events"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["gdelt-2001", "gdelt-2004"])
    }

    @Test func strictStopsAtTheFirstMalformedRow() throws {
        let file = Self.fixture("malformed.tsv")
        let r = try CLI.run(["import", "gdelt", "--strict", file])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(file):2: wrong field count"))
        #expect(r.stdout.isEmpty)
    }

    @Test func outputFileReadsBackAsTheSameDataset() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let zip = Self.fixture("sample-v2.export.CSV.zip")
        let stdout = try CLI.run(["import", "gdelt", zip])
        #expect(stdout.status == 0)
        for name in ["out.yaml", "out.json"] {
            let out = dir.appendingPathComponent(name).path
            let written = try CLI.run(["import", "gdelt", zip, "-o", out])
            #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
            let back = try CLI.run(["dataset", out])
            #expect(back.status == 0, "\(back.stderr)")
            #expect(back.stdout == stdout.stdout, "\(name)")
        }
        let bad = try CLI.run(["import", "gdelt", zip, "-o", dir.appendingPathComponent("out.txt").path])
        #expect(bad.status == 2)
    }

    @Test func filtersWeightAndActorKeyChangeTheImport() throws {
        let file = Self.fixture("sample-v2.export.CSV")
        func ids(_ extra: [String]) throws -> [String] {
            let r = try CLI.run(["import", "gdelt", file] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            return try (Self.json(r.stdout)["events"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        #expect(try ids(["--root-code", "04"]) == ["gdelt-1001"])
        #expect(try ids(["--quad-class", "3"]) == ["gdelt-1002"])
        #expect(try ids(["--root-events-only"]) == ["gdelt-1001", "gdelt-1003", "gdelt-1004", "gdelt-1006"])
        #expect(try ids(["--from", "2015-03-05"]) == ["gdelt-1005", "gdelt-1006"])
        #expect(try ids(["--to", "2015-03-01"]) == ["gdelt-1001"])
        #expect(try ids(["--country", "GEO"]) == ["gdelt-1002", "gdelt-1003", "gdelt-1004", "gdelt-1005", "gdelt-1006"])
        let weighted = try Self.json(try CLI.run(["import", "gdelt", file, "--weight", "articles"]).stdout)
        let weights = (weighted["events"] as? [[String: Any]] ?? []).compactMap { ($0["attributes"] as? [String: Any])?["weight"] as? Int }
        #expect(weights == [10, 4, 3, 6, 2, 18])
        let byName = try Self.json(try CLI.run(["import", "gdelt", file, "--actor-key", "name"]).stdout)
        #expect((byName["actors"] as? [[String: Any]])?.count == 3)
        #expect(try CLI.run(["import", "gdelt", file, "--quad-class", "5"]).status == 2)
        #expect(try CLI.run(["import", "gdelt", file, "--root-code", "4"]).status == 2)
    }

    /// Every command reads a GDELT export as INPUT: `.zip`, `.CSV` with tabs, `.tsv`.
    @Test func analysisCommandsReadGDELTInput() throws {
        let zip = Self.fixture("sample-v2.export.CSV.zip")
        let summary = try CLI.run(["summary", zip])
        #expect(
            summary.status == 0 && summary.stdout.contains("events:  6 (1 meeting, 2 statement, 2 dispute, 1 cooperation)"),
            "\(summary.stdout)\(summary.stderr)")
        let brokers = try CLI.run(["brokers", zip])
        #expect(brokers.status == 0, "\(brokers.stderr)")
        #expect(brokers.stdout.contains("No asserted brokerage."))
        let edges = try CLI.run(["edges", Self.fixture("sample-v2.export.CSV"), "--kind", "meeting"])
        #expect(edges.status == 0, "\(edges.stderr)")
        #expect(edges.stdout.contains("\"source\": \"USAGOV\"") && edges.stdout.contains("\"target\": \"RUS\""), "\(edges.stdout)")
        let april = try CLI.run(["brokers", Self.fixture("gdelt-georgia-2013-04.tsv")])
        #expect(april.status == 0 && april.stdout.contains("[temporal]"), "\(april.stderr)")
        let validate = try CLI.run(["validate", zip])
        #expect(validate.status == 2 && validate.stderr.contains("is a GDELT export"))
    }

    /// `convert` reads a GDELT export as the dataset `import gdelt` makes: written as a dataset it
    /// reads back as the import's JSON, and as a graph its edges are the import's ties.
    @Test func convertReadsGDELTInput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("convert-gdelt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let zip = Self.fixture("sample-v2.export.CSV.zip")
        let imported = try CLI.run(["import", "gdelt", zip])
        #expect(imported.status == 0, "\(imported.stderr)")
        let yaml = dir.appendingPathComponent("sample.yaml").path
        let converted = try CLI.run(["convert", zip, "-o", yaml])
        #expect(converted.status == 0 && converted.stdout.contains("dataset, "), "\(converted.stdout)\(converted.stderr)")
        #expect(try CLI.run(["dataset", yaml]).stdout == imported.stdout)
        let graphml = dir.appendingPathComponent("sample.graphml").path
        let graph = try CLI.run(["convert", Self.fixture("sample-v2.export.CSV"), "-o", graphml])
        #expect(graph.status == 0, "\(graph.stderr)")
        let edges = try CLI.run(["edges", zip, "--format", "json"])
        let ties = try #require(try Self.json(edges.stdout)["edges"] as? [[String: Any]])
        #expect(graph.stdout.contains("graphml, 6 nodes, \(ties.count) edges"), "\(graph.stdout)")
        let text = try String(contentsOfFile: graphml, encoding: .utf8)
        #expect(text.components(separatedBy: "<edge ").count - 1 == ties.count)
        #expect(text.contains("USAGOV") && text.contains("RUS"))
        let refused = try CLI.run(["convert", zip, "--directed-csv", "-o", dir.appendingPathComponent("x.graphml").path])
        #expect(refused.status == 2 && refused.stderr.contains("--directed-csv applies to CSV edge lists only"))
    }
}
