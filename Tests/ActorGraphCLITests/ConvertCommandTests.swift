import Foundation
import Testing

/// `actorgraph convert`, run as a user runs it.
@Suite struct ConvertCommandTests {
    static let seed = "Graphs/korea-japan-2020.yaml"

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: ["x.graphml", "x.gexf", "x.csv", "x.dot"])
    func everyGraphFormatIsWrittenByExtension(file: String) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent(file).path
        let result = try CLI.run(["convert", Self.seed, "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        switch (file as NSString).pathExtension {
        case "graphml": #expect(text.contains("<graphml") && text.contains("attr.name=\"events\""))
        case "gexf": #expect(text.contains("version=\"1.3\"") && text.contains("<spell start="))
        case "csv": #expect(text.hasPrefix("source,target,") && FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.nodes.csv").path))
        default: #expect(text.contains("graph"))
        }
    }

    @Test func aDatasetToYAMLIsCanonicalAndStable() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let once = dir.appendingPathComponent("once.yaml").path, twice = dir.appendingPathComponent("twice.yaml").path
        #expect(try CLI.run(["convert", Self.seed, "-o", once]).status == 0)
        #expect(try CLI.run(["convert", once, "-o", twice]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: once)) == Data(contentsOf: URL(fileURLWithPath: twice)))
        // JSON from the seed and JSON from its canonical YAML are the same bytes too.
        let a = dir.appendingPathComponent("a.json").path, b = dir.appendingPathComponent("b.json").path
        #expect(try CLI.run(["convert", Self.seed, "-o", a]).status == 0)
        #expect(try CLI.run(["convert", once, "-o", b]).status == 0)
        let json = try Data(contentsOf: URL(fileURLWithPath: a))
        #expect(json == (try Data(contentsOf: URL(fileURLWithPath: b))))
        #expect(String(decoding: json, as: UTF8.self).contains("\"actors\""), "a dataset to .json stays a dataset")
    }

    @Test func nodeLinkJSONIsToldApartFromADatasetByItsKeys() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graph = dir.appendingPathComponent("graph.json").path
        #expect(try CLI.run(["convert", Self.seed, "-o", graph, "--format", "node-link", "--kind", "meeting"]).status == 0)
        let text = try String(contentsOfFile: graph, encoding: .utf8)
        #expect(text.contains("\"edges\": [") && !text.contains("\"actors\""))
        // Read back as a graph, by convert and by the analysis commands.
        let back = dir.appendingPathComponent("back.graphml").path
        let converted = try CLI.run(["convert", graph, "-o", back])
        #expect(converted.status == 0, "\(converted.stderr)")
        let summary = try CLI.run(["components", graph])
        #expect(summary.status == 0, "\(summary.stderr)")
        // A graph written to .json is node-link; links on request.
        let links = dir.appendingPathComponent("links.json").path
        #expect(try CLI.run(["convert", back, "-o", links, "--edges-key", "links"]).status == 0)
        #expect(try String(contentsOfFile: links, encoding: .utf8).contains("\"links\": ["))
    }

    @Test func viewOptionsShapeTheGraph() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = dir.appendingPathComponent("all.csv").path, meetings = dir.appendingPathComponent("m.csv").path
        #expect(try CLI.run(["convert", Self.seed, "-o", all]).status == 0)
        #expect(try CLI.run(["convert", Self.seed, "-o", meetings, "--kind", "meeting", "--roll-up", "state"]).status == 0)
        let allRows = try String(contentsOfFile: all, encoding: .utf8).split(separator: "\n").count
        let meetingRows = try String(contentsOfFile: meetings, encoding: .utf8).split(separator: "\n").count
        #expect(meetingRows < allRows)
    }

    @Test(arguments: [
        ["--kind", "meeting"], // view options with a dataset output
        ["--edges-key", "links"], // node-link option with a dataset output
    ])
    func optionsThatCannotApplyAreUsageErrors(extra: [String]) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["convert", Self.seed, "-o", dir.appendingPathComponent("x.yaml").path] + extra)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.yaml").path))
    }

    @Test func aGraphCannotBeWrittenAsADatasetNorToAnUnknownExtension() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let graphml = dir.appendingPathComponent("g.graphml").path
        #expect(try CLI.run(["convert", Self.seed, "-o", graphml]).status == 0)
        let asDataset = try CLI.run(["convert", graphml, "-o", dir.appendingPathComponent("g.yaml").path])
        #expect(asDataset.status == 2 && asDataset.stderr.contains("not a dataset"))
        let unknown = try CLI.run(["convert", Self.seed, "-o", dir.appendingPathComponent("g.xlsx").path])
        #expect(unknown.status == 2 && unknown.stderr.contains("extension"))
    }
}
