import Foundation
import Synchronization
import Testing

/// One command line run twice, with and without an option (or with two values of it): the
/// outputs (exit status, stdout, the written file) must differ, so a CLI that ignored the
/// option fails. `a` is the line without the option, `b` the line with it.
struct OptionProbe: Sendable, CustomTestStringConvertible {
    let command: String
    let covers: [String]
    let a: [String]
    let b: [String]
    /// For commands writing a file: its extension; the file's bytes are part of the output.
    var output: String? = nil

    var testDescription: String { "\(command) \(covers.joined(separator: " ")): \(b.dropFirst(2).joined(separator: " "))" }

    struct Outcome: Equatable {
        let status: Int32
        let stdout: String
        let file: Data?
    }

    static let cache = Mutex<[String: Outcome]>([:])

    /// `text` without the lines that only repeat the options given (the view, the aggregation,
    /// the direction, the measure; a drawing's subtitle), so a probe passes only when the
    /// results change, not because the output names the option it was given.
    static func withoutEchoes(_ text: String, graphLabel: Bool = false) -> String {
        let echoes = ["view", "aggregate", "roll_up", "directed", "half_life", "measure"].map { "  \"\($0)\": " }
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            !line.hasPrefix("view: ") && !echoes.contains { line.hasPrefix($0) } && !(graphLabel && line.hasPrefix("  label=<"))
        }.joined(separator: "\n")
    }

    /// Runs `arguments` (cached: many probes share their `a` line).
    static func outcome(_ arguments: [String], output: String?) throws -> Outcome {
        let key = arguments.joined(separator: "\u{1}") + "\u{1}" + (output ?? "")
        if let hit = cache.withLock({ $0[key] }) { return hit }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments = arguments
        let file = output.map { folder.appendingPathComponent("out.\($0)") }
        if let file { arguments += ["-o", file.path] }
        let r = try CLI.run(arguments, environment: Golden.environment)
        var data = file.flatMap { try? Data(contentsOf: $0) }
        if output == "dot", let text = data.map({ String(decoding: $0, as: UTF8.self) }) {
            data = Data(withoutEchoes(text, graphLabel: true).utf8)
        }
        let outcome = Outcome(
            status: r.status, stdout: withoutEchoes(r.stdout.replacingOccurrences(of: folder.path, with: "OUT")),
            file: data)
        cache.withLock { $0[key] = outcome }
        return outcome
    }
}

/// Every option of every command is exercised by a test that fails when the option is ignored
/// (issue 14): the probes below, the precise tests after them, and the coverage table that the
/// meta-test checks against each command's `--help`.
@Suite struct OptionCoverageTests {
    static let seed = CLI.seed
    /// Every event kind, where the contact view (meetings, cooperation) is too symmetric to show
    /// an option (directions come from statements and disputes).
    static let allKinds = ["--kind", "meeting", "--kind", "statement", "--kind", "dispute", "--kind", "cooperation"]

    /// Small files for the options of CSV inputs: a chain a -> b -> c, and a node table with a
    /// node d that the edge list does not name.
    static let files: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("option-coverage-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? "source,target\na,b\nb,c\n".write(to: folder.appendingPathComponent("chain.csv"), atomically: true, encoding: .utf8)
        try? "id,kind\na,person\nb,person\nc,person\nd,person\n"
            .write(to: folder.appendingPathComponent("table.csv"), atomically: true, encoding: .utf8)
        // Two chains for --order: a-b on 2020-11-10 then b-c some day in November 2020 (starts
        // earlier, may end later); x-y some day in November, then y-z on 2020-11-10.
        try? """
        sources:
          - {id: s, title: Made up for a test, publisher: Test, date: 2020-12-01}
        actors:
          - {id: a, name: A, kind: person}
          - {id: b, name: B, kind: person}
          - {id: c, name: C, kind: person}
          - {id: x, name: X, kind: person}
          - {id: y, name: Y, kind: person}
          - {id: z, name: Z, kind: person}
        events:
          - {id: ab, date: 2020-11-10, kind: meeting, participants: [a, b], citations: [{source: s, quote: made up}]}
          - {id: bc, date: 2020-11, kind: meeting, participants: [b, c], citations: [{source: s, quote: made up}]}
          - {id: xy, date: 2020-11, kind: meeting, participants: [x, y], citations: [{source: s, quote: made up}]}
          - {id: yz, date: 2020-11-10, kind: meeting, participants: [y, z], citations: [{source: s, quote: made up}]}

        """.write(to: folder.appendingPathComponent("order.yaml"), atomically: true, encoding: .utf8)
        // Made-up contacts for brokers: B (group y) meets A (x) on 1 January, C (z) on 20 January
        // and D (x) on 1 February; A and C meet on 1 March. B brokered A - C (liaison, closed
        // after 40 days, 19 days from A-B to B-C); B - D after A-B is same-group, after B-C open.
        try? """
        sources:
          - {id: s, title: Made up for a test, publisher: Test, date: 2020-12-01}
        actors:
          - {id: x, name: X, kind: state}
          - {id: y, name: Y, kind: state}
          - {id: z, name: Z, kind: state}
          - {id: a, name: A, kind: person, affiliation: x}
          - {id: b, name: B, kind: person, affiliation: y}
          - {id: c, name: C, kind: person, affiliation: z}
          - {id: d, name: D, kind: person, affiliation: x}
        events:
          - {id: ab, date: 2020-01-01, kind: meeting, participants: [a, b], citations: [{source: s, quote: made up}]}
          - {id: bc, date: 2020-01-20, kind: meeting, participants: [b, c], citations: [{source: s, quote: made up}]}
          - {id: bd, date: 2020-02-01, kind: meeting, participants: [b, d], citations: [{source: s, quote: made up}]}
          - {id: ac, date: 2020-03-01, kind: meeting, participants: [a, c], citations: [{source: s, quote: made up}]}

        """.write(to: folder.appendingPathComponent("brokers.yaml"), atomically: true, encoding: .utf8)
        return folder
    }()
    static var chain: String { files.appendingPathComponent("chain.csv").path }

    static func probe(_ command: String, _ covers: [String], _ a: [String], _ b: [String], output: String? = nil) -> OptionProbe {
        OptionProbe(command: command, covers: covers, a: [command] + a, b: [command] + b, output: output)
    }

    /// The events-to-edges options on `command`: `base` is its line, `extra` what an option needs
    /// to show (for example --weight for --aggregate), `skip` the options it cannot show.
    static func projectionProbes(
        _ command: String, _ base: [String], output: String? = nil,
        weight: [String] = [], directed: [String] = [], layers: [String]? = nil,
        skip: Set<String> = []
    ) -> [OptionProbe] {
        var probes: [OptionProbe] = []
        func add(_ option: String, _ a: [String], _ b: [String]) {
            guard !skip.contains(option) else { return }
            probes.append(probe(command, [option], base + a, base + a + b, output: output))
        }
        add("--kind", [], ["--kind", "meeting"])
        add("--from", [], ["--from", "2020-10"])
        add("--to", [], ["--to", "2019"])
        add("--aggregate", weight, ["--aggregate", "decayed"])
        add("--half-life", weight + ["--aggregate", "decayed"], ["--half-life", "30"])
        add("--roll-up", [], ["--roll-up", "state"])
        add("--directed", directed, ["--directed"])
        add("--layers", layers ?? weight, ["--layers"])
        add("--broker-ties", [], ["--broker-ties"])
        return probes
    }

    static let probes: [OptionProbe] = {
        let s = seed
        var p: [OptionProbe] = []
        // validate, summary, dataset
        p.append(probe("validate", ["--check-quotes"], [s], [s, "--check-quotes"]))
        p.append(probe("summary", ["--format"], [s], [s, "--format", "json"]))
        p.append(probe("summary", ["--top"], [s], [s, "--top", "3"]))
        // edges: every events-to-edges option in full
        p += projectionProbes("edges", [s, "--format", "csv"])
        p.append(probe("edges", ["--format"], [s, "--format", "json"], [s, "--format", "csv"]))
        p.append(probe("edges", ["--top"], [s, "--format", "json"], [s, "--format", "json", "--top", "5"]))
        // brokerage
        p += projectionProbes(
            "brokerage", [s, "--format", "json"], directed: ["--kind", "statement"],
            skip: ["--aggregate", "--half-life", "--layers"])
        p.append(probe("brokerage", ["--groups"], [s, "--format", "json"], [s, "--format", "json", "--groups", "kind"]))
        p.append(probe("brokerage", ["--missing-group"], [s, "--groups", "affiliation"], [s, "--groups", "affiliation", "--missing-group", "own"]))
        p.append(probe("brokerage", ["--format"], [s, "--format", "json"], [s, "--format", "csv"]))
        p.append(probe("brokerage", ["--top"], [s, "--format", "table"], [s, "--format", "table", "--top", "3"]))
        // structural-holes
        p += projectionProbes("structural-holes", [s, "--format", "json"], weight: ["--weight", "weight"], directed: [], layers: [])
        p.append(probe("structural-holes", ["--weight"], [s, "--format", "json"], [s, "--format", "json", "--weight", "weight"]))
        p.append(probe("structural-holes", ["--format"], [s, "--format", "json"], [s, "--format", "csv"]))
        p.append(probe("structural-holes", ["--top"], [s, "--format", "table"], [s, "--format", "table", "--top", "3"]))
        // brokers: CSV (the JSON and the table echo --window, --closure and --groups, so they would
        // differ even if the options were ignored); the options that shape edges are refused.
        let brokersBase = [s, "--format", "csv"]
        p.append(probe("brokers", ["--kind"], brokersBase, brokersBase + ["--kind", "cooperation"]))
        p.append(probe("brokers", ["--from"], brokersBase, brokersBase + ["--from", "2020"]))
        p.append(probe("brokers", ["--to"], brokersBase, brokersBase + ["--to", "2019"]))
        p.append(probe("brokers", ["--roll-up"], brokersBase, brokersBase + ["--roll-up", "state"]))
        for (option, value) in [
            ("--aggregate", ["sum"]), ("--half-life", ["30"]), ("--directed", []), ("--layers", []),
            ("--broker-ties", []), ("--directed-csv", []),
        ] {
            p.append(probe("brokers", [option], brokersBase, brokersBase + [option] + value))
        }
        p.append(probe("brokers", ["--top"], brokersBase, brokersBase + ["--top", "1"]))
        p.append(probe("brokers", ["--groups"], brokersBase, brokersBase + ["--groups", "kind"]))
        p.append(probe("brokers", ["--format"], brokersBase, [s, "--format", "json"]))
        // The made-up contacts of `brokers.yaml` (see `brokersOptionsChangeTheFindingsAsDocumented`).
        let made = [files.appendingPathComponent("brokers.yaml").path, "--format", "csv"]
        p.append(probe("brokers", ["--candidates"], made, made + ["--candidates"]))
        p.append(probe("brokers", ["--role"], made + ["--candidates"], made + ["--candidates", "--role", "itinerant"]))
        p.append(probe("brokers", ["--cross-group"], made + ["--candidates"], made + ["--candidates", "--cross-group"]))
        p.append(probe("brokers", ["--explicit-only"], made, made + ["--explicit-only"]))
        p.append(probe("brokers", ["--window"], made, made + ["--window", "10"]))
        p.append(probe("brokers", ["--closure"], made, made + ["--closure", "10"]))
        // centrality
        p += projectionProbes(
            "centrality", [s, "--measure", "strength", "--format", "json"], directed: ["--kind", "statement"],
            layers: ["--measure", "betweenness", "--weight", "weight", "--weight-as", "cost"])
        let betweenness = [s, "--measure", "betweenness", "--format", "json"]
        p.append(probe("centrality", ["--measure"], [s, "--measure", "degree", "--format", "json"], betweenness))
        p.append(probe("centrality", ["--weight", "--weight-as"], betweenness, betweenness + ["--weight", "weight", "--weight-as", "cost"]))
        p.append(
            probe(
                "centrality", ["--weight-as"], betweenness + ["--weight", "weight", "--weight-as", "cost"],
                betweenness + ["--weight", "weight", "--weight-as", "strength"]))
        p.append(
            probe(
                "centrality", ["--conversion"], betweenness + ["--weight", "weight", "--weight-as", "strength"],
                betweenness + ["--weight", "weight", "--weight-as", "strength", "--conversion", "negative-log"]))
        p.append(probe("centrality", ["--normalized/--no-normalized"], betweenness, betweenness + ["--no-normalized"]))
        let directedCloseness = [s, "--measure", "closeness", "--format", "json", "--kind", "statement", "--directed"]
        p.append(probe("centrality", ["--direction"], directedCloseness, directedCloseness + ["--direction", "out"]))
        p.append(probe("centrality", ["--top"], betweenness, betweenness + ["--top", "3"]))
        p.append(probe("centrality", ["--samples"], betweenness, betweenness + ["--samples", "10"]))
        p.append(probe("centrality", ["--seed"], betweenness + ["--samples", "10"], betweenness + ["--samples", "10", "--seed", "3"]))
        p.append(probe("centrality", ["--format"], betweenness, [s, "--measure", "betweenness", "--format", "csv"]))
        p.append(
            probe(
                "centrality", ["--directed-csv"], [chain, "--measure", "in-degree", "--format", "json"],
                [chain, "--measure", "in-degree", "--format", "json", "--directed-csv"]))
        // path: japan - south-korea meet directly (5 events) and through others
        let jsk = [s, "japan", "south-korea", "--format", "json"]
        let cost = ["--weight", "weight", "--weight-as", "cost"]
        p += projectionProbes("path", jsk, weight: cost, directed: ["--kind", "statement"], skip: ["--kind", "--to", "--broker-ties"])
        p.append(probe("path", ["--kind"], [s, "moon-jae-in", "shigeru-kitamura"], [s, "moon-jae-in", "shigeru-kitamura", "--kind", "statement"]))
        p.append(probe("path", ["--to"], [s, "moon-jae-in", "shigeru-kitamura"], [s, "moon-jae-in", "shigeru-kitamura", "--to", "2019"]))
        p.append(probe("path", ["--broker-ties"], [s, "barack-obama", "shinzo-abe"], [s, "barack-obama", "shinzo-abe", "--broker-ties"]))
        p.append(probe("path", ["--weight", "--weight-as"], jsk, jsk + cost))
        p.append(probe("path", ["--weight-as"], jsk + cost, jsk + ["--weight", "weight", "--weight-as", "strength"]))
        p.append(
            probe(
                "path", ["--conversion"], jsk + ["--weight", "weight", "--weight-as", "strength"],
                jsk + ["--weight", "weight", "--weight-as", "strength", "--conversion", "negative-log"]))
        let four = [s, "netflix", "takeo-kawamura", "--format", "json"]
        p.append(probe("path", ["--all"], four, four + ["--all"]))
        p.append(probe("path", ["--max-paths"], four + ["--all"], four + ["--all", "--max-paths", "2"]))
        p.append(probe("path", ["--k"], four, four + ["--k", "3"]))
        p.append(probe("path", ["--time-respecting"], [s, "park-geun-hye", "takeo-kawamura"], [s, "park-geun-hye", "takeo-kawamura", "--time-respecting"]))
        let order = files.appendingPathComponent("order.yaml").path
        p.append(probe("path", ["--order"], [order, "a", "c", "--time-respecting"], [order, "a", "c", "--time-respecting", "--order", "possible"]))
        p.append(probe("path", ["--format"], jsk, [s, "japan", "south-korea", "--format", "csv"]))
        p.append(probe("path", ["--directed-csv"], [chain, "c", "a"], [chain, "c", "a", "--directed-csv"]))
        // communities
        p += projectionProbes("communities", [s, "--format", "json"], weight: ["--weight", "weight"], directed: ["--kind", "statement"], layers: [])
        p.append(probe("communities", ["--seed"], [s, "--format", "json"] + allKinds, [s, "--format", "json", "--seed", "5"] + allKinds))
        p.append(probe("communities", ["--trials"], [s, "--format", "json"] + allKinds, [s, "--format", "json", "--trials", "1"] + allKinds))
        p.append(probe("communities", ["--weight"], [s, "--format", "json"], [s, "--format", "json", "--weight", "weight"]))
        p.append(probe("communities", ["--resolution"], [s, "--format", "json"], [s, "--format", "json", "--resolution", "2"]))
        p.append(probe("communities", ["--format"], [s, "--format", "json"], [s, "--format", "csv"]))
        p.append(probe("communities", ["--directed-csv"], [chain, "--format", "json"], [chain, "--format", "json", "--directed-csv"]))
        // balance (the options it refuses are in OptionPromisesTests)
        p += projectionProbes(
            "balance", [s, "--format", "json"],
            skip: ["--aggregate", "--half-life", "--layers", "--directed"])
        p.append(probe("balance", ["--format"], [s, "--format", "json"], [s, "--format", "csv"]))
        // components
        p += projectionProbes(
            "components", [s, "--format", "json"], directed: ["--kind", "statement", "--strong"],
            skip: ["--aggregate", "--half-life", "--layers"])
        p.append(
            probe(
                "components", ["--strong"], [s, "--format", "json", "--kind", "statement", "--directed"],
                [s, "--format", "json", "--kind", "statement", "--directed", "--strong"]))
        p.append(probe("components", ["--format"], [s, "--format", "json"], [s, "--format", "csv"]))
        p.append(probe("components", ["--directed-csv"], [chain, "--format", "json", "--strong"], [chain, "--format", "json", "--strong", "--directed-csv"]))
        // render (DOT unless the option is about drawing)
        p += projectionProbes("render", [s], output: "dot")
        // Drawings with the layered `dot` engine, the fastest here (`fdp`, what `auto` picks for
        // the seed, is reproducible too since ReproducibleLayout).
        p.append(probe("render", ["--engine"], [s, "--engine", "dot"], [s, "--engine", "circo"], output: "svg"))
        p.append(probe("render", ["--highlight-path"], [s], [s, "--highlight-path", "moon-jae-in,shigeru-kitamura"], output: "dot"))
        p.append(probe("render", ["--highlight-brokers"], [s], [s, "--highlight-brokers"], output: "dot"))
        p.append(probe("render", ["--seed"], [s, "--engine", "neato"], [s, "--engine", "neato", "--seed", "5"], output: "dot"))
        // --dpi shows below the --max-pixels cap only (the seed at 50 dpi is 4281 px wide).
        p.append(
            probe(
                "render", ["--dpi"], [s, "--engine", "dot", "--max-pixels", "10000"],
                [s, "--engine", "dot", "--max-pixels", "10000", "--dpi", "50"], output: "png"))
        p.append(probe("render", ["--max-pixels"], [s, "--engine", "dot"], [s, "--engine", "dot", "--max-pixels", "500"], output: "png"))
        p.append(probe("render", ["--title"], [s], [s, "--title", "Another title"], output: "dot"))
        p.append(probe("render", ["--include-isolated"], [s], [s, "--include-isolated"], output: "dot"))
        p.append(probe("render", ["--no-legend"], [s], [s, "--no-legend"], output: "dot"))
        p.append(probe("render", ["--directed-csv"], [chain], [chain, "--directed-csv"], output: "dot"))
        // convert
        p += projectionProbes("convert", [s], output: "graphml")
        p.append(probe("convert", ["--format"], [s], [s, "--format", "node-link"], output: "json"))
        p.append(probe("convert", ["--edges-key"], [s, "--format", "node-link"], [s, "--format", "node-link", "--edges-key", "links"], output: "json"))
        p.append(probe("convert", ["--nodes"], [chain], [chain, "--nodes", files.appendingPathComponent("table.csv").path], output: "graphml"))
        p.append(probe("convert", ["--directed-csv"], [chain], [chain, "--directed-csv"], output: "graphml"))
        return p
    }()

    @Test(arguments: probes)
    func optionChangesTheOutput(_ probe: OptionProbe) throws {
        let without = try OptionProbe.outcome(probe.a, output: probe.output)
        let with = try OptionProbe.outcome(probe.b, output: probe.output)
        if probe.output == "svg" || probe.output == "png" {
            // A drawing must be reproducible, or the difference below could be noise.
            OptionProbe.cache.withLock { $0[probe.a.joined(separator: "\u{1}") + "\u{1}" + (probe.output ?? "")] = nil }
            let again = try OptionProbe.outcome(probe.a, output: probe.output)
            #expect(again == without, "\(probe.a.joined(separator: " ")) draws differently on a second run")
        }
        let same = without == with
        #expect(
            !same,
            "\(probe.b.joined(separator: " ")) gives what it gives without \(probe.covers) (exit \(with.status)): the option would go unnoticed if ignored")
        // Neither run may crash; a usage error (2) or a refusal (1) is a change too.
        #expect([0, 1, 2].contains(with.status) && [0, 1, 2].contains(without.status), "\(with.stdout)")
    }
}
