import Foundation
import Testing

/// What a new user meets in the first hour: names, flags, tables, mistyped commands.
@Suite struct RoughEdgesTests {
    /// A dataset written to a temporary file, for inputs the bundled ones do not have.
    static func dataset(_ yaml: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-\(UUID().uuidString).yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Two Parks, one of them with the alias `Park`, meeting a third actor.
    static let parks = """
        sources: [{id: s, title: Notes}]
        actors:
          - {id: park-jie-won, name: Park Jie-won, kind: person, aliases: [Park]}
          - {id: park-geun-hye, name: Park Geun-hye, kind: person}
          - {id: suga, name: Yoshihide Suga, kind: person}
          - {id: kim-jin-pyo, name: Kim Jin-pyo, kind: person}
          - {id: nam, name: Nam Chang-hee, kind: person}
          - {id: kim-jong-un, name: Kim Jong-un, kind: person}
        events:
          - {id: e1, date: 2020-11-10, kind: meeting, participants: [park-jie-won, suga], citations: [{source: s, quote: q}]}
          - {id: e2, date: 2020-11-11, kind: meeting, participants: [park-geun-hye, suga], citations: [{source: s, quote: q}]}
          - {id: e3, date: 2020-11-12, kind: meeting, participants: [kim-jin-pyo, suga], citations: [{source: s, quote: q}]}
        """

    @Test func aMistypedCommandSuggestsTheClosest() throws {
        let r = try CLI.run(["broker", CLI.seed])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown command 'broker'. Did you mean 'brokers' or 'brokerage'?"), "\(r.stderr)")
        let far = try CLI.run(["xyzzy"])
        #expect(far.status == 2)
        #expect(far.stderr.contains("unknown command 'xyzzy'") && !far.stderr.contains("Did you mean"))
    }

    @Test func versionIsPrinted() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test func pathTakesTheActorsAsArgumentsAndFromToAsTheWindow() throws {
        let whole = try CLI.json(try CLI.run(["path", CLI.seed, "Moon Jae-in", "Shigeru Kitamura", "--format", "json"]))
        #expect(!((whole["paths"] as? [Any]) ?? []).isEmpty)
        // The same pair before November 2020: Kitamura's contacts come later, so no path.
        let early = try CLI.run(["path", CLI.seed, "Moon Jae-in", "Shigeru Kitamura", "--to", "2020-10"])
        #expect(early.status == 1)
        #expect(early.stderr.contains("no path"), "\(early.stderr)")
        // The old spelling still works for one release and says so.
        let old = try CLI.run(["path", CLI.seed, "--from", "Moon Jae-in", "--to", "Shigeru Kitamura", "--format", "json"])
        #expect(old.status == 0)
        #expect(old.stderr.contains("deprecated"))
        #expect(try CLI.json(old)["paths"] as? NSArray == whole["paths"] as? NSArray)
        let oldWindow = try CLI.run(["path", CLI.seed, "--from", "Moon Jae-in", "--to", "Shigeru Kitamura", "--until", "2020-10"])
        #expect(oldWindow.status == 1 && oldWindow.stderr.contains("no path"))
        // Mixing the spellings is a usage error, as are options that cannot apply.
        #expect(try CLI.run(["path", CLI.seed, "Moon Jae-in", "Suga", "--since", "2020"]).status == 2)
        #expect(try CLI.run(["path", CLI.seed, "Moon Jae-in"]).status == 2)
        #expect(try CLI.run(["path", CLI.seed, "Moon Jae-in", "Suga", "--max-paths", "3"]).status == 2)
        #expect(try CLI.run(["path", CLI.seed, "Moon Jae-in", "Suga", "--all", "--max-paths", "0"]).status == 2)
    }

    @Test func anAliasThatIsAWordOfAnotherNameIsExplained() throws {
        let file = try Self.dataset(Self.parks)
        let r = try CLI.run(["path", file, "Park", "suga", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("'Park' chose Park Jie-won [park-jie-won]"), "\(r.stderr)")
        #expect(r.stderr.contains("Park Geun-hye [park-geun-hye]"))
        let nodes = ((try CLI.json(r)["paths"] as? [[String: Any]])?.first?["nodes"] as? [String]) ?? []
        #expect(nodes.first == "park-jie-won")
        // A full name is not ambiguous: no note.
        let full = try CLI.run(["path", file, "Park Geun-hye", "Yoshihide Suga"])
        #expect(full.status == 0 && full.stderr.isEmpty, "\(full.stderr)")
    }

    @Test func suggestionsRankWholeWordsFirst() throws {
        let file = try Self.dataset(Self.parks)
        let r = try CLI.run(["path", file, "Kim", "Suga"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("did you mean 'kim-jin-pyo', 'kim-jong-un'"), "\(r.stderr)")
        let seed = try CLI.run(["path", CLI.seed, "Kim", "Suga"])
        #expect(seed.stderr.contains("did you mean 'kim-jin-pyo', 'kim-jong-un'"), "\(seed.stderr)")
    }

    @Test func anEmptyDatasetHasNoNodesToSuggest() throws {
        let file = try Self.dataset("sources: []\nactors: []\nevents: []\n")
        let r = try CLI.run(["path", file, "a", "b"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("has no nodes") && !r.stderr.contains("did you mean"), "\(r.stderr)")
    }

    @Test func tablesFitTheWidthAndDropColumnsThatSayNothing() throws {
        for arguments in [
            ["edges", CLI.seed, "--format", "table"], ["edges", CLI.seed, "--format", "table", "--roll-up", "state"],
            ["summary", CLI.seed], ["brokers", CLI.seed], ["brokers", CLI.seed, "--candidates"],
        ] {
            let r = try CLI.run(arguments, environment: ["COLUMNS": "100"])
            #expect(r.status == 0, "\(r.stderr)")
            let widest = r.stdout.split(separator: "\n").map(\.count).max() ?? 0
            #expect(widest <= 100, "\(arguments.joined(separator: " ")): a line of \(widest) characters")
        }
        let edges = try CLI.run(["edges", CLI.seed, "--format", "table"], environment: ["COLUMNS": "100"])
        let header = edges.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(!header.contains("directed") && !header.contains("layer")) // constant: false, all
        #expect(edges.stdout.contains("more")) // long event lists shortened
        let layers = try CLI.run(["edges", CLI.seed, "--format", "table", "--layers"], environment: ["COLUMNS": "200"])
        #expect(layers.stdout.split(separator: "\n").first?.contains("layer") == true)
    }

    @Test func centralityTablesAreRankedAndTopIsEverywhere() throws {
        let r = try CLI.run(["centrality", CLI.seed, "--measure", "degree"])
        let scores = r.stdout.split(separator: "\n").dropFirst(2).compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
        #expect(scores.count > 10)
        #expect(scores == scores.sorted(by: >))
        for command in [
            ["centrality", CLI.seed, "--measure", "degree"], ["structural-holes", CLI.seed],
            ["brokerage", CLI.seed], ["edges", CLI.seed, "--format", "table"],
        ] {
            let top = try CLI.run(command + ["--top", "3"], environment: ["COLUMNS": "400"]) // no wrapping
            #expect(top.status == 0, "\(top.stderr)")
            // Header, rule and three rows (brokerage adds the whole graph's row and a note).
            let rows = top.stdout.split(separator: "\n").filter { !$0.hasPrefix("view: ") }
            #expect(rows.count == 5 + (command[0] == "brokerage" ? 2 : 0), "\(command[0]): \(top.stdout)")
            #expect(try CLI.run(command + ["--top", "0"]).status == 2)
        }
        // structural holes: lowest constraint first.
        let holes = try CLI.run(["structural-holes", CLI.seed, "--top", "5", "--format", "csv"])
        let constraints = holes.stdout.split(separator: "\n").dropFirst().compactMap { Double($0.split(separator: ",")[1]) }
        #expect(constraints.count == 5 && constraints == constraints.sorted())
    }

    @Test func controlCharactersFromFilesAreEscapedOnTheTerminal() throws {
        let file = try Self.dataset(
            """
            sources: [{id: s, title: Notes}]
            actors:
              - {id: a, name: "Evil\\e[2J\\e]0;pwned\\aName", kind: person}
              - {id: b, name: "Two\\nLines", kind: person}
            events:
              - {id: e1, date: 2020-11-10, kind: meeting, participants: [a, b], citations: [{source: s, quote: q}]}
            """)
        for arguments in [["summary", file], ["centrality", file, "--measure", "degree"], ["path", file, "a", "x"]] {
            let r = try CLI.run(arguments)
            let all = r.stdout + r.stderr
            #expect(!all.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, "\(arguments[0]) printed a raw control character")
        }
        let summary = try CLI.run(["summary", file])
        #expect(summary.stdout.contains("Evil\\e[2J\\e]0;pwned\\u{7}Name"), "\(summary.stdout)")
        #expect(summary.stdout.contains("Two\\nLines"))
        // JSON keeps the exact text.
        let json = try CLI.run(["dataset", file, "--format", "json"])
        #expect(json.stdout.contains(#"Evil\u001b[2J"#))
    }

    @Test func csvTextCellsAreNeutralisedForSpreadsheets() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-\(UUID().uuidString).csv")
        try "source,target,weight\n\"=HYPERLINK(\"\"x\"\")\",@SUM(A1),2.5\n+cmd,-x,1\n-1,x,1\n".write(to: url, atomically: true, encoding: .utf8)
        let r = try CLI.run(["components", url.path, "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#""'=HYPERLINK(""x"")""#), "\(r.stdout)")
        #expect(r.stdout.contains("'@SUM(A1)") && r.stdout.contains("'+cmd") && r.stdout.contains("'-x"))
        let c = try CLI.run(["centrality", url.path, "--measure", "strength", "--format", "csv"])
        #expect(c.stdout.contains("'-x,"), "\(c.stdout)")
        #expect(c.stdout.contains("\n-1,") && !c.stdout.contains("'-1")) // a number stays a number
    }
}
