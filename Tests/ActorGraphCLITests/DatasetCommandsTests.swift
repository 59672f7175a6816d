import Foundation
import Testing

@Suite struct DatasetCommandsTests {
    /// The seed articles beside the package (`../shared/seeds`): absent in a fresh clone.
    static var hasSeedArticles: Bool {
        var isDirectory: ObjCBool = false
        let seeds = CLI.root.deletingLastPathComponent().appendingPathComponent("shared/seeds").path
        return FileManager.default.fileExists(atPath: seeds, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    @Test func everyBundledDatasetValidatesWithoutWarnings() throws {
        #expect(CLI.datasets.contains(CLI.seed))
        for file in CLI.datasets {
            let r = try CLI.run(["validate", file])
            #expect(r.status == 0, "\(file): \(r.stderr)")
            #expect(r.stdout.hasPrefix("\(file): ok: "))
            #expect(!r.stdout.contains("warning") && r.stderr.isEmpty, "\(file): \(r.stderr)")
        }
        let seed = try CLI.run(["validate", CLI.seed])
        #expect(seed.stdout.contains(": ok: 5 sources, 70 actors, 81 events, 4 relations from 1965-01-01 to 2021-02-28"), "\(seed.stdout)")
    }

    @Test(.enabled(if: hasSeedArticles, "needs the seed articles in ../shared/seeds beside the package"))
    func everyBundledDatasetValidatesWithItsQuotes() throws {
        for file in CLI.datasets {
            let r = try CLI.run(["validate", "--check-quotes", file])
            #expect(r.status == 0, "\(file): \(r.stderr)")
            #expect(r.stdout.hasPrefix("\(file): ok: "))
            #expect(r.stdout.contains("every quote found verbatim"))
        }
    }

    /// Issue 13, finding 10: a quote check answers whether a string occurs in a file, so without a
    /// bound a dataset can probe any readable file. `--quotes-root` refuses files outside it, through
    /// `../` or a link, without opening them; a missing file inside it is reported as missing.
    @Test func quotesRootBoundsWhichFilesAQuoteCheckReads() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("quotes-root-\(UUID().uuidString)")
        let root = base.appendingPathComponent("root"), outside = base.appendingPathComponent("outside")
        // A sibling whose name starts with the root's: outside too, though its path has the root's as a prefix.
        let sibling = base.appendingPathComponent("root2")
        for folder in [root, outside, sibling] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try "secret line\n".write(to: sibling.appendingPathComponent("s.txt"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: base) }
        try "secret line\n".write(to: outside.appendingPathComponent("s.txt"), atomically: true, encoding: .utf8)
        try "hello world\n".write(to: root.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("link.txt").path,
            withDestinationPath: "../outside/s.txt")
        let dataset = root.appendingPathComponent("d.yaml")
        try """
        sources:
          - {id: a, title: A, file: a.txt}
          - {id: b, title: B, file: ../outside/s.txt}
          - {id: c, title: C, file: link.txt}
          - {id: d, title: D, file: ../root2/s.txt}
        actors:
          - {id: x, name: X, kind: state}
          - {id: y, name: Y, kind: state}
        events:
          - {id: e1, date: "2020-01-01", kind: meeting, participants: [x, y], citations: [{source: a, quote: hello}]}
          - {id: e2, date: "2020-01-02", kind: meeting, participants: [x, y], citations: [{source: b, quote: secret}]}
          - {id: e3, date: "2020-01-03", kind: meeting, participants: [x, y], citations: [{source: c, quote: secret}]}
          - {id: e4, date: "2020-01-04", kind: meeting, participants: [x, y], citations: [{source: d, quote: secret}]}

        """.write(to: dataset, atomically: true, encoding: .utf8)
        // Unbounded (documented): the outside files are read and the quotes found.
        let open = try CLI.run(["validate", "--check-quotes", dataset.path])
        #expect(open.status == 0 && open.stdout.contains("every quote found verbatim"), "\(open.stderr)")
        // Bounded: the three outside files are refused at their citations' lines, the inside one is checked.
        let bounded = try CLI.run(["validate", "--check-quotes", "--quotes-root", root.path, dataset.path])
        #expect(bounded.status == 1)
        let errors = bounded.stderr.split(separator: "\n").filter { $0.contains("error:") }
        #expect(errors.count == 3, "\(bounded.stderr)")
        let expected = [("d.yaml:11:", "'b'"), ("d.yaml:12:", "'c'"), ("d.yaml:13:", "'d'")]
        for ((line, source), error) in zip(expected, errors) {
            #expect(error.contains(line) && error.contains("\(source) is outside the quotes root"), "\(bounded.stderr)")
        }
        // The option means nothing without the check, and a root that is not a directory is an error.
        #expect(try CLI.run(["validate", "--quotes-root", root.path, dataset.path]).status == 2)
        let missing = try CLI.run(["validate", "--check-quotes", "--quotes-root", base.appendingPathComponent("nope").path, dataset.path])
        #expect(missing.status == 1 && missing.stderr.contains("the quotes root is not an existing directory"), "\(missing.stderr)")
    }

    @Test func warningsAreLocatedAndKeepExitStatus0() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("warned-\(UUID().uuidString).yaml")
        try """
        sources: [{id: s, title: T}]
        actors:
          - {id: a, name: Park Jie-won, kind: person, aliases: [Park]}
          - {id: b, name: Park Geun-hye, kind: person}
        events:
          - {id: e, date: 2020-11, kind: meeting, participants: [a, b], cameo: "036", citations: [{source: s, quote: q}]}
        """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CLI.run(["validate", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("\(file.path): ok: ") && r.stdout.contains("2 warnings"))
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(r.stderr)")
        #expect(lines.first?.hasPrefix("\(file.path):3:57: warning: the alias 'Park' of 'a'") == true, "\(r.stderr)")
        #expect(lines.last?.hasPrefix("\(file.path):6:72: warning: event 'e' is a meeting, but CAMEO 036") == true, "\(r.stderr)")
    }

    @Test func malformedDatasetGivesLocatedErrorsAndExit1() throws {
        let r = try CLI.run(["validate", CLI.small, CLI.bad])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("\(CLI.small): ok:"))
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("\(CLI.bad):") && $0.contains(": error: ") }.count == 13)
        #expect(r.stderr.contains("\(CLI.bad):20:11: error: unknown event kind 'meating'"))
    }

    @Test func datasetJSONFollowsTheContract() throws {
        let r = try CLI.run(["dataset", CLI.seed, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try CLI.json(r)
        let sources = try #require(json["sources"] as? [[String: Any]])
        let actors = try #require(json["actors"] as? [[String: Any]])
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(sources.count == 5)
        for s in sources { for key in ["id", "title", "publisher", "date", "url"] { #expect(s.keys.contains(key), "source lacks \(key)") } }
        for a in actors {
            for key in ["id", "name", "kind", "affiliation", "aliases"] { #expect(a.keys.contains(key), "actor lacks \(key)") }
            #expect(["person", "institution", "state"].contains(a["kind"] as? String))
        }
        let ids = Set(actors.compactMap { $0["id"] as? String })
        for e in events {
            for key in ["id", "date", "kind", "subtype", "participants", "source", "target", "broker", "tone", "citations"] {
                #expect(e.keys.contains(key), "event lacks \(key)")
            }
            let participants = try #require(e["participants"] as? [String])
            #expect(!participants.isEmpty && participants.allSatisfy(ids.contains))
            let citations = try #require(e["citations"] as? [[String: Any]])
            #expect(!citations.isEmpty && citations.allSatisfy { $0["source"] is String && $0["quote"] is String })
            if let broker = e["broker"] as? String { #expect(ids.contains(broker)) }
        }
        // Absent optional values are null, not missing.
        #expect(events.contains { $0["broker"] is NSNull })
        // Schema 2: the version and the relations, whose two actors are actor ids.
        #expect(json["schema"] as? Int == 2)
        let relations = try #require(json["relations"] as? [[String: Any]])
        #expect(relations.count == 4)
        for r in relations {
            for key in ["id", "kind", "actors", "from", "to", "summary", "citations"] { #expect(r.keys.contains(key), "relation lacks \(key)") }
            let pair = try #require(r["actors"] as? [String])
            #expect(pair.count == 2 && pair.allSatisfy(ids.contains))
            #expect(["friendship", "membership", "envoy-of"].contains(r["kind"] as? String))
        }
        let small = try CLI.json(try CLI.run(["dataset", CLI.small, "--format", "json"]))
        #expect(small["schema"] as? Int == 1 && small["relations"] == nil)
    }

    @Test func normalisedJSONIsItselfAValidDataset() throws {
        let r = try CLI.run(["dataset", CLI.small])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("normalised-\(UUID().uuidString).json")
        try r.stdout.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let again = try CLI.run(["dataset", file.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == r.stdout)
    }

    @Test func edgesCarryTheirEventsInJSONAndCSV() throws {
        let json = try CLI.json(try CLI.run(["edges", CLI.small, "--roll-up", "state", "--format", "json"]))
        let edges = try #require(json["edges"] as? [[String: Any]])
        #expect(edges.count == 1)
        #expect(edges[0]["source"] as? String == "south-korea" && edges[0]["target"] as? String == "japan")
        #expect(edges[0]["events"] as? [String] == ["e3", "e2", "e4"])
        #expect(edges[0]["weight"] as? Double == 3)
        let csv = try CLI.run(["edges", CLI.small, "--format", "csv", "--aggregate", "sum", "--kind", "meeting"])
        #expect(csv.status == 0)
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first == "source,target,directed,layer,weight,count,first,last,events")
        #expect(rows.contains("park-jie-won,yoshihide-suga,false,all,2.9,2,2020-11-10,2020-12-03,e2;e4"))
        let window = try CLI.json(try CLI.run(["edges", CLI.small, "--from", "2020-12", "--format", "json"]))
        #expect((window["edges"] as? [[String: Any]])?.count == 1)
    }

    @Test func summaryCountsByKind() throws {
        let json = try CLI.json(try CLI.run(["summary", CLI.small, "--format", "json"]))
        let actors = try #require(json["actors"] as? [String: Int])
        #expect(actors == ["total": 6, "person": 3, "institution": 1, "state": 2])
        let events = try #require(json["events"] as? [String: Int])
        #expect(events["meeting"] == 3 && events["statement"] == 1)
        #expect((json["most_active"] as? [[String: Any]])?.first?["events"] as? Int == 3)
        let table = try CLI.run(["summary", CLI.seed])
        #expect(table.status == 0 && table.stdout.contains("most active actors"))
    }

    @Test(
        arguments: [
            (["edges", "Tests/ActorGraphIOTests/Fixtures/datasets/small.yaml", "--aggregate", "median"], 2),
            (["edges", "Tests/ActorGraphIOTests/Fixtures/datasets/small.yaml", "--from", "2020-13"], 2),
            (["edges"], 2),
            (["frobnicate"], 2),
            (["summary", "no/such/file.yaml"], 1),
            (["dataset", "Tests/ActorGraphIOTests/Fixtures/datasets/bad.yaml"], 1),
            (["validate", "--help"], 0),
            (["edges", "Tests/ActorGraphIOTests/Fixtures/datasets/small.yaml", "--half-life", "10"], 2),
            (["edges", "Tests/ActorGraphIOTests/Fixtures/datasets/small.yaml", "--from", "2021", "--to", "2020"], 2),
            (["summary", "Tests/ActorGraphIOTests/Fixtures/csv/karate.csv"], 2),
            (["centrality", "Tests/ActorGraphIOTests/Fixtures/csv/karate.csv", "--measure", "degree", "--roll-up", "state"], 2),
            (["centrality", "Tests/ActorGraphIOTests/Fixtures/graphml/karate.graphml", "--measure", "degree", "--directed-csv"], 2),
            (["centrality", "Graphs/korea-japan-2020.yaml", "--measure", "eigenvector", "--conversion", "inverse"], 2),
        ] as [([String], Int32)])
    func exitCodesSeparateUsageFromBadInput(arguments: [String], status: Int32) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == status, "\(arguments): \(r.stderr)")
        if status != 0 { #expect(r.stdout.isEmpty && !r.stderr.isEmpty) }
    }
}
