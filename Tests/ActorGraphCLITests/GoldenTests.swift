import Foundation
import Testing

/// Every command's output on the seed dataset, whole, in each of its formats, against the files
/// under `Goldens/` (see ``Golden``). The analyses' numbers in these files are checked against
/// networkx by ``GoldenReferenceTests``; the rest (brokers, sentences, tables of events) was
/// reviewed against the articles in /work/shared/seeds when recorded.
@Suite struct GoldenTests {
    static let seed = CLI.seed
    static let pair = ["netflix", "takeo-kawamura"] // four shortest paths of 4 hops (networkx)

    static let cases: [GoldenCase] = {
        var cases: [GoldenCase] = [
            GoldenCase(file: "validate.txt", arguments: ["validate", seed]),
            GoldenCase(file: "summary.table", arguments: ["summary", seed]),
            GoldenCase(file: "summary.json", arguments: ["summary", seed, "--format", "json"]),
            GoldenCase(file: "dataset.json", arguments: ["dataset", seed, "--format", "json"]),
            GoldenCase(file: "brokerage-state.json", arguments: ["brokerage", seed, "--groups", "state", "--format", "json"]),
            GoldenCase(file: "brokerage-state.csv", arguments: ["brokerage", seed, "--groups", "state", "--format", "csv"]),
            GoldenCase(file: "brokerage-state.table", arguments: ["brokerage", seed, "--groups", "state", "--format", "table"]),
            GoldenCase(file: "brokers-candidates.json", arguments: ["brokers", seed, "--candidates", "--format", "json"]),
            GoldenCase(file: "path-all.json", arguments: ["path", seed] + pair + ["--all", "--format", "json"]),
            GoldenCase(file: "path-k3.json", arguments: ["path", seed] + pair + ["--k", "3", "--format", "json"]),
            GoldenCase(
                file: "path-time-respecting.json",
                arguments: ["path", seed, "moon-jae-in", "shigeru-kitamura", "--time-respecting", "--format", "json"]),
            GoldenCase(file: "communities-seed7.json", arguments: ["communities", seed, "--seed", "7", "--format", "json"]),
            GoldenCase(file: "communities-seed7.csv", arguments: ["communities", seed, "--seed", "7", "--format", "csv"]),
            GoldenCase(file: "communities-seed7.table", arguments: ["communities", seed, "--seed", "7", "--format", "table"]),
            GoldenCase(file: "render.dot", arguments: ["render", seed], output: "dot"),
            GoldenCase(
                file: "render-highlights.dot",
                arguments: [
                    "render", seed, "--highlight-path", "moon-jae-in,shigeru-kitamura", "--highlight-brokers",
                    "--title", "Golden", "--no-legend",
                ], output: "dot"),
            // The focused views, read against the dataset and articles when recorded (see RenderViewsTests).
            GoldenCase(file: "render-ego-park-jie-won.dot", arguments: ["render", seed, "--ego", "Park Jie-won"], output: "dot"),
            GoldenCase(file: "render-brokerage-obama.dot", arguments: ["render", seed, "--brokerage", "barack-obama"], output: "dot"),
            GoldenCase(
                file: "render-brokerage-park-jie-won.dot",
                arguments: ["render", seed, "--brokerage", "park-jie-won"], output: "dot"),
            GoldenCase(
                file: "render-timeline-2020-11.dot",
                arguments: ["render", seed, "--timeline", "--from", "2020-11-01", "--to", "2020-11-30"], output: "dot"),
            GoldenCase(file: "convert.graphml", arguments: ["convert", seed], output: "graphml"),
            GoldenCase(file: "convert.gexf", arguments: ["convert", seed], output: "gexf"),
            GoldenCase(
                file: "convert-contact.node-link.json",
                arguments: ["convert", seed, "--kind", "meeting", "--kind", "cooperation", "--format", "node-link"], output: "json"),
            GoldenCase(file: "convert.csv", arguments: ["convert", seed], output: "csv", nodesFile: "convert.nodes.csv"),
            GoldenCase(file: "convert.dot", arguments: ["convert", seed], output: "dot"),
            GoldenCase(file: "convert.yaml", arguments: ["convert", seed], output: "yaml"),
        ]
        for format in ["json", "csv", "table"] {
            cases.append(GoldenCase(file: "edges.\(format)", arguments: ["edges", seed, "--format", format]))
            cases.append(GoldenCase(file: "structural-holes.\(format)", arguments: ["structural-holes", seed, "--format", format]))
            cases.append(GoldenCase(file: "brokers.\(format)", arguments: ["brokers", seed, "--format", format]))
            cases.append(
                GoldenCase(
                    file: "path.\(format)",
                    arguments: ["path", seed, "moon-jae-in", "shigeru-kitamura", "--format", format]))
            cases.append(GoldenCase(file: "components.\(format)", arguments: ["components", seed, "--format", format]))
            cases.append(
                GoldenCase(
                    file: "centrality-betweenness.\(format)",
                    arguments: ["centrality", seed, "--measure", "betweenness", "--format", format]))
        }
        for measure in centralityMeasures where measure != "betweenness" {
            cases.append(
                GoldenCase(
                    file: "centrality-\(measure).json",
                    arguments: ["centrality", seed, "--measure", measure, "--format", "json"]))
        }
        return cases
    }()

    static let centralityMeasures = [
        "degree", "in-degree", "out-degree", "strength", "betweenness", "closeness", "harmonic",
        "eigenvector", "pagerank", "katz", "clustering", "core",
    ]

    @Test(arguments: cases)
    func outputEqualsItsGolden(_ golden: GoldenCase) throws {
        let (text, nodes) = try golden.run()
        Golden.check(text, golden.file)
        if let nodesFile = golden.nodesFile, let nodes { Golden.check(nodes, nodesFile) }
    }

    /// Every file under `Goldens/` belongs to a case, so a renamed case leaves no stale file behind.
    @Test func everyGoldenFileHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Golden.directory.path).filter { !$0.hasPrefix(".") }
        let named = Set(Self.cases.flatMap { [$0.file] + ($0.nodesFile.map { [$0] } ?? []) })
        #expect(Set(files).subtracting(named).sorted() == [])
        #expect(named.subtracting(files).sorted() == [] || Golden.recording)
    }

    /// Without `RECORD_GOLDENS=1` a missing golden is a failure, never a silent recording.
    @Test(.disabled(if: Golden.recording, "recording would write the file"))
    func aMissingGoldenFails() {
        withKnownIssue("no golden file") {
            Golden.check("{}", "no-such-golden-\(UUID().uuidString).json")
        }
        let stray = try? FileManager.default.contentsOfDirectory(atPath: Golden.directory.path).filter { $0.hasPrefix("no-such-golden") }
        #expect(stray == [])
    }

    /// The comparison itself: each kind finds a changed value and names where, and tolerates
    /// what it should (float noise, column padding).
    @Test func comparisonFindsDifferencesAndNamesThem() {
        let json = Golden.diff(
            golden: #"{"a": [1, 2.5, {"b": "x"}], "c": 0.1}"#,
            actual: #"{"a": [1, 2.5000001, {"b": "y"}], "c": 0.10000000000000002, "d": null}"#, kind: .json)
        #expect(json == ["$.a[1]: golden 2.5, output 2.5000001", "$.a[2].b: golden \"x\", output \"y\"", "$.d: in output, not in golden"])
        #expect(Golden.diff(golden: "a,b\n\"x,1\",2\n", actual: "a,b\n\"x,1\",3\n", kind: .csv) == [#"row 2, cell 2: golden "2", output "3""#])
        #expect(Golden.diff(golden: "name   score\nmoon  1\n", actual: "name  score\nmoon      1\n", kind: .table) == [])
        #expect(Golden.diff(golden: "name  score\nmoon  1\n", actual: "name  score\nmoon  2\n", kind: .table) == [#"row 2, cell 2: golden "1", output "2""#])
        #expect(Golden.diff(golden: "a\nb\n", actual: "a\nc\n", kind: .lines) == [#"row 2, cell 1: golden "b", output "c""#])
        #expect(CSVText.rows("a,\"b \"\"q\"\"\nc\",d\n") == [["a", "b \"q\"\nc", "d"]])
    }
}
