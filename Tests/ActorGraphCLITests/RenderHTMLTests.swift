import ActorGraph
import Foundation
import Testing

/// `actorgraph render INPUT -o PAGE.html` (issue 17): the page's structure, escaping proven on its
/// bytes, atomic writing, the options that apply, and the in-process cost. What the page does in
/// a browser is tested by Tests/browser/test_page.py.
@Suite struct RenderHTMLTests {
    static let hostile = "Tests/browser/hostile-names.yaml"

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("render-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Renders `input` to a page and returns its bytes.
    static func page(_ input: String, _ extra: [String] = [], in dir: URL) throws -> [UInt8] {
        let out = dir.appendingPathComponent("page.html")
        let r = try CLI.run(["render", input, "-o", out.path] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return Array(try Data(contentsOf: out))
    }

    /// Occurrences of `needle` in `bytes`, ASCII case-insensitively.
    static func count(_ needle: String, in bytes: [UInt8]) -> Int {
        let n = Array(needle.lowercased().utf8)
        guard n.count <= bytes.count else { return 0 }
        var found = 0
        for i in 0...(bytes.count - n.count) {
            var j = 0
            while j < n.count, (bytes[i + j] | (bytes[i + j] >= 65 && bytes[i + j] <= 90 ? 0x20 : 0)) == n[j] { j += 1 }
            if j == n.count { found += 1 }
        }
        return found
    }

    /// The text between `<script type="application/json" id="actorgraph-data">` and its end.
    static func dataJSON(_ page: [UInt8]) throws -> String {
        let text = String(decoding: page, as: UTF8.self)
        let open = try #require(text.range(of: "<script type=\"application/json\" id=\"actorgraph-data\">"))
        let close = try #require(text[open.upperBound...].range(of: "</script>"))
        return String(text[open.upperBound..<close.lowerBound])
    }

    @Test func theSeedPageHoldsItsDataInOneJSONScriptAndItsOwnCode() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = try Self.page(CLI.seed, in: dir)
        let text = String(decoding: page, as: UTF8.self)
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        // Two scripts: the data (JSON, never run) and the page's own code; one SVG, one style.
        #expect(Self.count("<script", in: page) == 2 && Self.count("</script", in: page) == 2)
        #expect(Self.count("<script type=\"application/json\"", in: page) == 1)
        #expect(text.contains("<script>" + PageAssets.script + "</script>"))
        #expect(text.contains("script-src '\(PageAssets.scriptHash)'"))
        #expect(Self.count("<svg", in: page) == 1 && Self.count("<style", in: page) == 1)
        // No network: nothing refers to another document or origin.
        for reference in ["https://", " src=", " href=", "<link", "@import", "url("] {
            #expect(Self.count(reference, in: page) == 0, "\(reference)")
        }
        // The embedded data is the dataset's: every event and source, compared with `dataset --format json`.
        let data = try #require(try JSONSerialization.jsonObject(with: Data(try Self.dataJSON(page).utf8)) as? [String: Any])
        let dataset = try CLI.json(try CLI.run(["dataset", CLI.seed, "--format", "json"]))
        let events = try #require(data["events"] as? [[String: Any]]), expected = try #require(dataset["events"] as? [[String: Any]])
        #expect(events.map { $0["id"] as? String } == expected.map { $0["id"] as? String })
        let quotes = { (list: [[String: Any]]) in list.flatMap { ($0["citations"] as? [[String: Any]] ?? []).map { $0["quote"] as? String ?? "" } } }
        #expect(quotes(events) == quotes(expected) && !quotes(events).isEmpty)
        #expect((data["sources"] as? [Any])?.count == (dataset["sources"] as? [Any])?.count)
        // The brokerages are what `brokers --format json` lists.
        let brokers = try CLI.json(try CLI.run(["brokers", CLI.seed, "--format", "json"]))
        let embedded = try #require((data["brokerages"] as? [String: Any])?["brokerages"] as? [[String: Any]])
        let listed = try #require(brokers["brokerages"] as? [[String: Any]])
        #expect(embedded.count == listed.count && !listed.isEmpty)
        #expect(embedded.map { $0["sentence"] as? String } == listed.map { $0["sentence"] as? String })
        // Every tie and every actor with a tie is an SVG group the script can find by id.
        let ties = try #require(data["ties"] as? [[String: Any]])
        for i in ties.indices { #expect(text.contains("<g id=\"tie&#45;\(i)\" class=\"edge tie "), "tie \(i)") }
        let ends = Set(ties.flatMap { [$0["source"] as? Int ?? -1, $0["target"] as? Int ?? -1] })
        for a in ends { #expect(text.contains("<g id=\"actor&#45;\(a)\" class=\"node actor kind&#45;"), "actor \(a)") }
        #expect(Self.count("class=\"edge tie ", in: page) == ties.count)
    }

    /// Names with `</script>`, `<img onerror>`, `<!--`, U+2028 and quotes: on the page's bytes,
    /// none opens an element, closes the JSON's script or starts a comment; the JSON reads back
    /// to the very same names.
    @Test func hostileNamesAreEscapedOnTheBytes() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = try Self.page(Self.hostile, in: dir)
        let source = try String(contentsOf: CLI.root.appendingPathComponent(Self.hostile), encoding: .utf8)
        #expect(source.contains("</script><script>") && source.contains("<img src=x onerror") && source.contains("\\u2028"))
        #expect(Self.count("<script", in: page) == 2 && Self.count("</script", in: page) == 2)
        #expect(Self.count("<img", in: page) == 0 && Self.count("<svg", in: page) == 1)
        #expect(Self.count("<!--", in: page) == 0)
        // `onerror=` and `onload=` may appear only as escaped text, never inside a tag.
        let text = String(decoding: page, as: UTF8.self)
        #expect(!text.contains("<img") && !text.contains("<svg onload"))
        #expect(text.contains("<title>Hostile &lt;/script&gt;&lt;script&gt;window.__pwned=&#39;title&#39;&lt;/script&gt;"))
        let json = try Self.dataJSON(page)
        for byte in ["<", ">", "&", "\u{2028}", "\u{2029}"] { #expect(!json.contains(byte), "raw \(byte.unicodeScalars.first!.value) in the JSON") }
        #expect(json.contains("\\u003c/script\\u003e") && json.contains("\\u2028"))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let dataset = try CLI.json(try CLI.run(["dataset", Self.hostile, "--format", "json"]))
        let names = { (d: [String: Any]) in Set((d["actors"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }) }
        #expect(names(data) == names(dataset) && names(data).contains { $0.contains("\u{2028}") })
        #expect(data["title"] as? String == dataset["title"] as? String)
    }

    @Test func scriptSafeJSONReadsBackUnchanged() throws {
        let hostile = ["</script><script>alert(1)</script>", "<!-- -->", "a\u{2028}b\u{2029}c", "\"'&amp;", "]]>"]
        let serialized = JSONValue.array(hostile.map { .string($0) }).serialized(pretty: false)
        let safe = ScriptSafe.scriptJSON(serialized)
        #expect(!safe.contains("<") && !safe.contains(">") && !safe.contains("&") && !safe.contains("\u{2028}") && !safe.contains("\u{2029}"))
        #expect(try JSONSerialization.jsonObject(with: Data(safe.utf8)) as? [String] == hostile)
        #expect(ScriptSafe.html("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    /// The compiled-in script and style are the files in Resources/ (scripts/embed-page.py).
    @Test func embeddedAssetsEqualTheResourceFiles() throws {
        let folder = CLI.root.appendingPathComponent("Sources/ActorGraphHTML/Resources")
        #expect(try String(contentsOf: folder.appendingPathComponent("page.js"), encoding: .utf8) == PageAssets.script)
        #expect(try String(contentsOf: folder.appendingPathComponent("page.css"), encoding: .utf8) == PageAssets.css)
        #expect(PageAssets.scriptHash.hasPrefix("sha256-") && PageAssets.scriptHash.count == 51)
    }

    /// A failed render leaves an existing page as it was and no temporary file beside it; a
    /// successful one replaces it whole.
    @Test func thePageIsWrittenAtomically() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("page.html")
        try Data("previous".utf8).write(to: out)
        let graphFile =
            "Tests/ActorGraphIOTests/Fixtures/graphml/"
            + (try FileManager.default
                .contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Tests/ActorGraphIOTests/Fixtures/graphml").path)
                .filter { $0.hasSuffix(".graphml") }.sorted().first ?? "missing.graphml")
        let refused = try CLI.run(["render", graphFile, "-o", out.path])
        #expect(refused.status != 0 && refused.stderr.contains("needs a dataset"), "\(refused.stderr)")
        let bad = try CLI.run(["render", CLI.bad, "-o", out.path])
        #expect(bad.status != 0)
        #expect(try String(contentsOf: out, encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["page.html"])
        let ok = try CLI.run(["render", CLI.small, "-o", out.path])
        #expect(ok.status == 0, "\(ok.stderr)")
        let written = try String(contentsOf: out, encoding: .utf8)
        #expect(written.hasPrefix("<!DOCTYPE html>") && written.hasSuffix("</html>\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["page.html"])
        let missingDir = try CLI.run(["render", CLI.small, "-o", dir.appendingPathComponent("no/such/page.html").path])
        #expect(missingDir.status == 1)
    }

    /// PNG-only options are refused for a page; the drawing options apply to the page's drawing.
    @Test func optionsValidForAPage() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("page.HTML").path
        for option in [["--dpi", "150"], ["--max-pixels", "800"]] {
            let r = try CLI.run(["render", CLI.seed, "-o", out] + option)
            #expect(r.status != 0 && r.stderr.contains("PNG output only"), "\(option): \(r.stderr)")
        }
        let plain = String(decoding: try Self.page(CLI.seed, in: dir), as: UTF8.self)
        let drawn = String(
            decoding: try Self.page(
                CLI.seed,
                [
                    "--title", "Seoul & Tokyo <2020>", "--highlight-path", "moon-jae-in,yoshihide-suga",
                    "--highlight-brokers", "--no-legend",
                ], in: dir), as: UTF8.self)
        #expect(drawn.contains("<title>Seoul &amp; Tokyo &lt;2020&gt;</title>") && !plain.contains("Seoul &amp; Tokyo"))
        // The path colour and the broker fill (RelationshipDiagram) reach the page's SVG; the legend does not.
        #expect(drawn.contains("#e69f00") && !plain.contains("#e69f00"))
        #expect(drawn.contains("#f0e442") && !plain.contains("#f0e442"))
        #expect(plain.contains(">Legend<") && !drawn.contains(">Legend<"))
        // --kind changes the brokerages the page lists as it changes `brokers`'.
        let kinds = try Self.dataJSON(try Self.page(CLI.seed, ["--kind", "meeting", "--kind", "cooperation"], in: dir))
        let brokers = try CLI.json(try CLI.run(["brokers", CLI.seed, "--kind", "meeting", "--kind", "cooperation", "--format", "json"]))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(kinds.utf8)) as? [String: Any])
        let embedded = try #require((data["brokerages"] as? [String: Any])?["brokerages"] as? [[String: Any]])
        #expect(embedded.count == (brokers["brokerages"] as? [Any])?.count)
        #expect((data["kinds"] as? [String]) == ["meeting", "cooperation"])
    }

    /// Issue 17's budget for the seed page: built in process in under 1 s (Graphviz layout
    /// included) and under 1 MB. The best of three builds: the suites run in parallel and share
    /// one Graphviz lock, so a single build may wait for another test's drawing.
    @Test func theSeedPageIsSmallAndQuick() throws {
        let dataset = try DatasetReader.read(path: CLI.root.appendingPathComponent(CLI.seed).path)
        let projection = EventProjection(dataset)
        var times: [Duration] = [], bytes = 0
        for _ in 0..<3 {
            let start = ContinuousClock.now
            let diagram = RelationshipDiagram(projection: projection)
            let page = try ExplorerPage(dataset: dataset, projection: projection, diagram: diagram, brokerages: .null).html()
            times.append(ContinuousClock.now - start)
            bytes = page.utf8.count
        }
        print("seed page in process: \(bytes / 1024) KiB in \(times.map(\.description).joined(separator: ", "))")
        #expect(bytes < 1_000_000)
        #expect(times.min()! < .seconds(1))
    }
}
