import Foundation
import Testing

/// `render --ego`, `--brokerage` and `--timeline` on the seed dataset, checked against the
/// dataset's events (Graphs/korea-japan-2020.yaml) and the articles they cite: Park Jie-won's
/// envoy visit to Tokyo, 2020-11-09/2020-11-12 (meetings with Suga, Kitamura and Nikai, sent by
/// Moon), and Obama's 2014 meeting of Abe and Park Geun-hye (Japan Times, 2020-11).
@Suite struct RenderViewsTests {
    static func dot(_ options: [String]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("view-\(UUID().uuidString).dot")
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CLI.run(["render", CLI.seed, "-o", file.path] + options)
        #expect(r.status == 0, "\(options): \(r.stderr)")
        return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }

    /// The edge statements of a DOT text as "a -- b" (or "a -> b") and their labels.
    static func edges(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") where line.contains(" -- ") || line.contains(" -> ") {
            let head = line.prefix { $0 != "[" }.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "")
            let label = line.range(of: "label=\"").map { r in String(line[r.upperBound...].prefix { $0 != "\"" }) } ?? ""
            out[head] = label
        }
        return out
    }

    @Test func egoShowsTheActorsNeighboursAndEachTiesEvents() throws {
        let ego = Self.edges(try Self.dot(["--ego", "Park Jie-won"]))
        // Park Jie-won takes part in three events, the envoy meetings with Suga, Kitamura and
        // Nikai, with Moon as principal: four neighbours, and the one tie among them (Moon-Suga).
        #expect(
            ego.keys.sorted() == [
                "moon-jae-in -- park-jie-won", "moon-jae-in -- yoshihide-suga",
                "park-jie-won -- shigeru-kitamura", "park-jie-won -- toshihiro-nikai",
                "park-jie-won -- yoshihide-suga",
            ])
        #expect(ego["moon-jae-in -- park-jie-won"] == "3 events: meeting\\n2020-11-09 – 2020-11-12")
        #expect(ego["park-jie-won -- yoshihide-suga"] == "1 event: meeting\\n2020-11-09 – 2020-11-12")
        // Moon and Suga: the September phone call and its two statements, the November summit
        // invitation (dated 2020-11, so the span ends with that month), the ASEAN+3 summit and
        // Moon's greeting there (2020-11-14).
        #expect(ego["moon-jae-in -- yoshihide-suga"] == "6 events: meeting, statement\\n2020-09 – 2020-11")
        // Depth 2 reaches the neighbours' neighbours: Kim Jin-pyo met Suga on 2020-11-13.
        let two = Self.edges(try Self.dot(["--ego", "park-jie-won", "--depth", "2"]))
        #expect(two.count > ego.count && two.keys.contains("kim-jin-pyo -- yoshihide-suga"))
        #expect(Set(ego.keys).isSubset(of: two.keys))
    }

    @Test func anUnknownEgoOrBrokerIsALocatedErrorWithCloseNames() throws {
        let ego = try CLI.run(["render", CLI.seed, "--ego", "Park Jie-wan", "-o", "/tmp/never.dot"])
        #expect(ego.status != 0)
        #expect(
            ego.stderr.contains("--ego 'Park Jie-wan'") && ego.stderr.contains("korea-japan-2020.yaml")
                && ego.stderr.contains("'park-jie-won'"), "\(ego.stderr)")
        let notABroker = try CLI.run(["render", CLI.seed, "--brokerage", "Suga", "-o", "/tmp/never.dot"])
        #expect(notABroker.status != 0)
        #expect(
            notABroker.stderr.contains("Yoshihide Suga") && notABroker.stderr.contains("brokered no relation")
                && notABroker.stderr.contains("Barack Obama"), "\(notABroker.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.dot"))
    }

    @Test func brokerageShowsOnePanelPerAssertedBrokerageWithDatedEvents() throws {
        let obama = try Self.dot(["--brokerage", "Barack Obama"])
        #expect(obama.components(separatedBy: "subgraph \"cluster_").count - 1 == 1)
        let edges = Self.edges(obama)
        // Obama brokered a meeting between Abe and Park Geun-hye in 2014 (event 2014-obama-brokers-...).
        #expect(edges["p1:shinzo-abe -> p1:barack-obama"] == "2014  meeting (summit brokered by the U.S.)")
        #expect(edges["p1:barack-obama -> p1:park-geun-hye"] == "2014  meeting (summit brokered by the U.S.)")
        #expect(obama.contains("rankdir=\"LR\""))
        // Park Jie-won: three relations (Moon with Suga, Kitamura, Nikai), as `brokers` asserts.
        let park = try Self.dot(["--brokerage", "park-jie-won"])
        #expect(park.components(separatedBy: "subgraph \"cluster_").count - 1 == 3)
        for (k, side) in [(1, "yoshihide-suga"), (2, "shigeru-kitamura"), (3, "toshihiro-nikai")] {
            #expect(Self.edges(park)["p\(k):park-jie-won -> p\(k):\(side)"] == "2020-11-09 – 2020-11-12  meeting (envoy visit)")
        }
    }

    @Test func timelineHasOneRowPerActorAndOneColumnPerEventInDateOrder() throws {
        let text = try Self.dot(["--timeline", "--from", "2020-11-09", "--to", "2020-11-14"])
        // 2020-11-09/12 the envoy's three meetings; 2020-11-10/13 Kim Jin-pyo's delegation;
        // 2020-11-14 the ASEAN+3 summit and Moon's greeting: marks sit at increasing x by date.
        func x(_ id: String) -> Double? {
            guard let line = text.split(separator: "\n").first(where: { $0.contains("\"\(id)\" [") }),
                let r = line.range(of: "pos=\"")
            else { return nil }
            return Double(line[r.upperBound...].prefix { $0 != "," })
        }
        #expect(text.contains("layout=\"neato\""))
        #expect(text.contains("\"row:park-jie-won\"") && text.contains("\"row:yoshihide-suga\""))
        let marks = text.split(separator: "\n").filter { $0.hasPrefix("  \"e") && !$0.contains(" -- ") }
        #expect(!marks.isEmpty && marks.allSatisfy { $0.contains("!\"") }, "every mark is pinned")
        let park = try #require(x("e0:park-jie-won"))
        let summit = text.split(separator: "\n").filter { $0.contains("[2020-11-14-asean-plus-three-virtual-summit]") }
        let summitX = try #require(summit.first.flatMap { line in line.range(of: "pos=\"").flatMap { Double(line[$0.upperBound...].prefix { $0 != "," }) } })
        #expect(park < summitX)
    }

    @Test(arguments: [["--ego", "park-jie-won"], ["--brokerage", "barack-obama"], ["--timeline"]])
    func eachViewRendersToSVGPNGAndPDF(_ view: [String]) throws {
        for (ext, magic) in [("svg", Array("<?xml".utf8)), ("png", [0x89, 0x50, 0x4E, 0x47]), ("pdf", Array("%PDF".utf8))] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("view-\(UUID().uuidString).\(ext)")
            defer { try? FileManager.default.removeItem(at: file) }
            let r = try CLI.run(["render", CLI.seed, "-o", file.path] + view)
            #expect(r.status == 0, "\(view) \(ext): \(r.stderr)")
            let bytes = [UInt8]((try? Data(contentsOf: file)) ?? Data())
            #expect(bytes.count > 1000 && Array(bytes.prefix(magic.count)) == magic, "\(view) \(ext)")
        }
    }

    @Test func viewOptionsThatCannotApplyAreRefused() throws {
        for (options, words) in [
            (["--depth", "2"], "--depth applies with --ego"),
            (["--ego", "moon-jae-in", "--timeline"], "choose one view"),
            (["--ego", "moon-jae-in", "--depth", "0"], "--depth must be between 1 and 10"),
            (["--timeline", "--highlight-path", "a,b"], "--highlight-path does not apply to --timeline"),
            (["--brokerage", "barack-obama", "--no-legend"], "--no-legend does not apply to --brokerage"),
        ] {
            let r = try CLI.run(["render", CLI.seed, "-o", "/tmp/never.dot"] + options)
            #expect(r.status == 2 && r.stderr.contains(words), "\(options): \(r.status) \(r.stderr)")
        }
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("view-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: csv) }
        try "source,target\na,b\n".write(to: csv, atomically: true, encoding: .utf8)
        let graphFile = try CLI.run(["render", csv.path, "--timeline", "-o", "/tmp/never.dot"])
        #expect(graphFile.status == 1 && graphFile.stderr.contains("--timeline needs a dataset"), "\(graphFile.stderr)")
    }
}
