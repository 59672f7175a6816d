import Foundation
import Testing

/// Options that a mutant of the command line can drop (scripts/mutation.sh): each test fails
/// when its option is ignored. The expected answers are worked out by hand from the small
/// datasets written here and the rules the options document (README, docs/dataset-format.md,
/// `actorgraph path --help`).
@Suite struct MutationKillCLITests {
    /// Writes `text` to a new file `name` in a fresh temporary folder.
    static func file(_ name: String, _ text: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ag-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// A dataset of people `a`..`g` whose meetings are `events` (id, date, two participants).
    static func meetings(_ events: [(String, String, String, String)]) throws -> URL {
        let lines = events.map { id, date, x, y in
            "  - {id: \(id), date: \(date), kind: meeting, participants: [\(x), \(y)], citations: [{source: s, quote: q}]}"
        }
        return try file(
            "meetings.yaml",
            """
            sources: [{id: s, title: Notes}]
            actors:
            \(["a", "b", "c", "d", "e", "f", "g"].map { "  - {id: \($0), name: \($0.uppercased()), kind: person}" }.joined(separator: "\n"))
            events:
            \(lines.joined(separator: "\n"))
            """)
    }

    static func nodesAndEvents(_ result: CLI.Result) throws -> [(nodes: [String], events: [[String]])] {
        let paths = try #require(try CLI.json(result)["paths"] as? [[String: Any]], "\(result.stderr)")
        return paths.map { path in
            (
                (path["nodes"] as? [String]) ?? [],
                ((path["hops"] as? [[String: Any]]) ?? []).map { ($0["events"] as? [String]) ?? [] }
            )
        }
    }

    /// a - c in two hops through b or f, but b is met after b met c; f is met in January
    /// (a month) and f met c on January 15; a - d - e - c is the only chain of days.
    ///
    /// By the rules of `path --help`: the plain shortest path has 2 hops. Time-respecting by
    /// start days, a - f counts from January 1, so a - f - c arrives on January 15, before
    /// a - d - e - c (January 20); with `--order certain` a - f ends January 31, after f - c,
    /// so only a - d - e - c remains; `--order possible` places a - f on a day up to the 15th.
    @Test func pathFollowsTimeRespectingAndItsOrder() throws {
        let url = try Self.meetings([
            ("ab", "2020-03-01", "a", "b"), ("bc", "2020-01-10", "b", "c"),
            ("ad", "2020-01-01", "a", "d"), ("de", "2020-01-05", "d", "e"), ("ec", "2020-01-20", "e", "c"),
            ("af", "2020-01", "a", "f"), ("fc", "2020-01-15", "f", "c"),
        ])
        func path(_ extra: [String]) throws -> [(nodes: [String], events: [[String]])] {
            try Self.nodesAndEvents(try CLI.run(["path", url.path, "a", "c", "--format", "json"] + extra))
        }
        let plain = try path([])
        #expect(plain.count == 1 && plain.first?.nodes.count == 3)
        let certain = try path(["--time-respecting", "--order", "certain"])
        #expect(certain.map(\.nodes) == [["a", "d", "e", "c"]])
        #expect(certain.first?.events == [["ad"], ["de"], ["ec"]]) // the one event each hop used
        let start = try path(["--time-respecting"])
        #expect(start.map(\.nodes) == [["a", "f", "c"]])
        #expect(start.first?.events == [["af"], ["fc"]])
        #expect(try path(["--time-respecting", "--order", "possible"]).map(\.nodes) == [["a", "f", "c"]])
        // Without a chain of days there is no time-respecting path at all.
        let none = try CLI.run(["path", url.path, "b", "d", "--time-respecting"])
        #expect(none.status == 1 && none.stderr.contains("respects the order of events"), "\(none.stderr)")
    }

    /// a - b - d and a - c - d: two shortest paths; `--max-paths 1` stops at one and says so.
    @Test func pathAllListsEveryShortestPathUpToMaxPaths() throws {
        let url = try Self.meetings([
            ("ab", "2020-01-01", "a", "b"), ("bd", "2020-01-02", "b", "d"),
            ("ac", "2020-01-03", "a", "c"), ("cd", "2020-01-04", "c", "d"),
        ])
        let all = try Self.nodesAndEvents(try CLI.run(["path", url.path, "a", "d", "--all", "--format", "json"]))
        #expect(Set(all.map(\.nodes)) == [["a", "b", "d"], ["a", "c", "d"]] && all.count == 2)
        let capped = try CLI.run(["path", url.path, "a", "d", "--all", "--max-paths", "1", "--format", "json"])
        #expect(try Self.nodesAndEvents(capped).count == 1)
        #expect(capped.stderr.contains("listing stopped at 1"), "\(capped.stderr)")
    }

    /// Moon (South Korea) and Suga (Japan) meet on 2020-01-10 with Park (South Korea) as the
    /// named broker, tone 2; on 2020-06-01 Moon makes a statement to Suga, tone -3.
    static let twoEvents = """
        sources: [{id: s, title: Notes}]
        actors:
          - {id: kr, name: Korea, kind: state}
          - {id: jp, name: Japan, kind: state}
          - {id: moon, name: Moon, kind: person, affiliation: kr}
          - {id: suga, name: Suga, kind: person, affiliation: jp}
          - {id: park, name: Park, kind: person, affiliation: kr}
          - {id: iso, name: Isolated One, kind: person, affiliation: jp}
        events:
          - {id: e1, date: 2020-01-10, kind: meeting, participants: [moon, suga], broker: park, tone: 2, citations: [{source: s, quote: q}]}
          - {id: e2, date: 2020-06-01, kind: statement, participants: [moon, suga], source: moon, target: suga, tone: -3, citations: [{source: s, quote: q}]}
        """

    /// `edges --format csv` as rows of header -> cell (no cell here holds a comma).
    static func edges(_ url: URL, _ extra: [String]) throws -> [[String: String]] {
        let r = try CLI.run(["edges", url.path, "--format", "csv"] + extra)
        #expect(r.status == 0, "\(extra): \(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// Each events-to-edges option against the table of docs/dataset-format.md.
    @Test func edgeOptionsChangeTheEdges() throws {
        let url = try Self.file("two.yaml", Self.twoEvents)
        func pair(_ row: [String: String]) -> String { [row["source"]!, row["target"]!].sorted().joined(separator: "-") }

        let plain = try Self.edges(url, [])
        #expect(plain.map { "\(pair($0)) \($0["count"]!) \($0["weight"]!) \($0["events"]!)" } == ["moon-suga 2 2 e1;e2"])
        // --directed: the statement is an arc from its source; the meeting gives arcs both ways.
        let directed = try Self.edges(url, ["--directed"])
        #expect(
            Set(directed.map { "\($0["source"]!)>\($0["target"]!) \($0["events"]!) \($0["directed"]!)" })
                == ["moon>suga e1;e2 true", "suga>moon e1 true"])
        // --broker-ties: the broker is linked with each participant of e1.
        let brokered = try Self.edges(url, ["--broker-ties"])
        #expect(Set(brokered.map { "\(pair($0)) \($0["events"]!)" }) == ["moon-suga e1;e2", "moon-park e1", "park-suga e1"])
        // --roll-up state: everyone to their state.
        #expect(try Self.edges(url, ["--roll-up", "state"]).map { "\(pair($0)) \($0["count"]!)" } == ["jp-kr 2"])
        // --from: only events wholly inside the window.
        #expect(try Self.edges(url, ["--from", "2020-03"]).map { "\(pair($0)) \($0["events"]!)" } == ["moon-suga e2"])
        #expect(try Self.edges(url, ["--to", "2020-03"]).map { "\(pair($0)) \($0["events"]!)" } == ["moon-suga e1"])
        // --aggregate sum: the tones add up, 2 + (-3).
        #expect(try Self.edges(url, ["--aggregate", "sum"]).map { $0["weight"]! } == ["-1"])
    }

    /// `--directed-csv` makes the edge list directed, which `components --strong` requires.
    @Test func directedCSVIsRead() throws {
        let url = try Self.file("arcs.csv", "source,target\na,b\nb,c\n")
        let r = try CLI.run(["components", url.path, "--strong", "--directed-csv", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let plain = try CLI.run(["components", url.path, "--strong", "--format", "json"])
        #expect(plain.status == 2 && plain.stderr.contains("directed"), "\(plain.stderr)")
    }

    /// Park brokered Moon (Korea) - Suga (Japan) from Korea: a representative by state; by
    /// `--groups kind` all three are people, so a coordinator.
    @Test func brokersGroupsByTheAttributeAsked() throws {
        let url = try Self.file("two.yaml", Self.twoEvents)
        func findings(_ extra: [String]) throws -> [String] {
            let json = try CLI.json(try CLI.run(["brokers", url.path, "--format", "json"] + extra))
            return ((json["brokerages"] as? [[String: Any]]) ?? []).map {
                "\($0["broker"] as? String ?? "?") \(($0["between"] as? [String] ?? []).joined(separator: "-")) \($0["role"] as? String ?? "?")"
            }
        }
        #expect(try findings([]) == ["park moon-suga representative"])
        #expect(try findings(["--groups", "kind"]) == ["park moon-suga coordinator"])
    }

    /// The DOT text shows what `render`'s options ask for: the legend (unless `--no-legend`),
    /// isolated actors (only with `--include-isolated`), the brokers' fill (only with
    /// `--highlight-brokers`).
    @Test func renderOptionsShowInTheDOT() throws {
        let url = try Self.file("two.yaml", Self.twoEvents)
        func dot(_ extra: [String]) throws -> String {
            let out = url.deletingLastPathComponent().appendingPathComponent("d.dot")
            let r = try CLI.run(["render", url.path, "-o", out.path] + extra)
            #expect(r.status == 0, "\(extra): \(r.stderr)")
            return try String(contentsOf: out, encoding: .utf8)
        }
        let plain = try dot([])
        #expect(plain.contains("\"legend\" ["))
        #expect(!plain.contains("\"iso\" ["))
        #expect(!plain.contains("#F0E442")) // the broker fill
        #expect(!(try dot(["--no-legend"])).contains("\"legend\" ["))
        #expect(try dot(["--include-isolated"]).contains("\"iso\" ["))
        let brokers = try dot(["--highlight-brokers"])
        #expect(brokers.contains("\"park\" [") && brokers.contains("#F0E442"))
    }

    /// A write that fails after the temporary file was created (here: past a file-size limit,
    /// with SIGXFSZ ignored so `write(2)` returns EFBIG) removes that temporary file: the folder
    /// holds the old file, byte for byte, and nothing else. No root or mount needed.
    @Test func aFailedWriteLeavesNoTemporaryFile() throws {
        let dir = try Self.file("x.svg", "<svg>old</svg>\n").deletingLastPathComponent()
        let out = dir.appendingPathComponent("x.svg")
        let binary = CLI.products.appendingPathComponent("actorgraph").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f 8; exec \"$0\" render \"$1\" -o \"$2\"", binary, CLI.seed, out.path]
        process.currentDirectoryURL = CLI.root
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8) == "<svg>old</svg>\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["x.svg"])
    }
}
