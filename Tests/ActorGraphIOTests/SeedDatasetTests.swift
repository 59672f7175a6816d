import ActorGraphCore
import ActorGraphIO
import Foundation
import Testing

/// The curated datasets under `Graphs/`, checked against their sources.
@Suite struct SeedDatasetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let datasets: [String] = {
        let dir = root.appendingPathComponent("Graphs").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted().map { dir + "/" + $0 }
    }()

    @Test func theSeedDatasetIsBundled() {
        #expect(Self.datasets.contains { $0.hasSuffix("/korea-japan-2020.yaml") })
    }

    /// Every quote occurs word for word in its article (the reader's quote check, plus a direct
    /// search here so the check itself is checked).
    @Test(arguments: datasets)
    func everyQuoteIsVerbatimInItsArticle(path: String) throws {
        let dataset = try DatasetReader.read(path: path, checkQuotes: true)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        var texts: [SourceID: String] = [:]
        for (i, source) in dataset.sources.enumerated() {
            let file = try #require(source.file, "source \(source.id) has no file")
            texts[SourceID(i)] = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        }
        var citations = 0
        for event in dataset.events {
            #expect(!event.citations.isEmpty, "\(event.id) has no citation")
            for c in event.citations {
                #expect(texts[c.source]!.contains(c.quote), "\(event.id): quote not in \(dataset[c.source].id)")
                citations += 1
            }
        }
        #expect(citations >= dataset.events.count)
    }

    /// Every tone is the Goldstein value of the event's CAMEO code (CAMEO's table in shared data).
    @Test(arguments: datasets)
    func tonesFollowTheGoldsteinScaleOfTheirCAMEOCodes(path: String) throws {
        let table = Self.root.deletingLastPathComponent().appendingPathComponent("shared/data/cameo/CAMEO.goldsteinscale.txt")
        var goldstein: [String: Double] = [:]
        for line in try String(contentsOf: table, encoding: .utf8).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t")
            if fields.count >= 2, let value = Double(fields[1].trimmingCharacters(in: .whitespaces)) {
                goldstein[String(fields[0]).trimmingCharacters(in: .whitespaces)] = value
            }
        }
        #expect(goldstein.count > 200)
        let dataset = try DatasetReader.read(path: path)
        for event in dataset.events {
            guard let code = event.cameo else {
                #expect(event.tone == nil, "\(event.id) has a tone but no CAMEO code")
                continue
            }
            let value = try #require(goldstein[code], "\(event.id): unknown CAMEO code \(code)")
            #expect(event.tone == value, "\(event.id): tone \(String(describing: event.tone)) but CAMEO \(code) is \(value)")
        }
    }

    /// The seed covers what its articles report: the anchor events named when it was commissioned.
    @Test func theSeedHoldsTheAnchorEvents() throws {
        let path = try #require(Self.datasets.first { $0.hasSuffix("/korea-japan-2020.yaml") })
        let d = try DatasetReader.read(path: path)
        #expect(d.sources.count == 5)
        func has(_ year: String, _ kind: EventKind, _ people: [String], broker: String? = nil) -> Bool {
            let ids = people.map { d.actorID(named: $0) }
            return d.events.contains { e in
                e.date.text.hasPrefix(year) && e.kind == kind && ids.allSatisfy { $0.map(e.participants.contains) ?? false }
                    && (broker == nil || e.broker == d.actorID(named: broker!))
            }
        }
        #expect(has("2014", .meeting, ["Shinzo Abe", "Park Geun-hye"], broker: "Barack Obama"))
        #expect(has("2015", .cooperation, ["Japan", "South Korea"]))
        #expect(has("2020-11", .meeting, ["Park Jie-won", "Yoshihide Suga"], broker: "Park Jie-won"))
        #expect(has("2020-09", .meeting, ["Moon Jae-in", "Yoshihide Suga"]))
        #expect(d.events.contains { $0.kind == .dispute && $0.date.text.hasPrefix("2018") })
        #expect(d.events.contains { $0.kind == .dispute && $0.date.text.hasPrefix("2019") })
        #expect(d.events.contains { $0.date.start.description >= "2021-01-01" && $0.kind == .meeting })
        // Spelling variants resolve to one actor.
        #expect(d.actorID(named: "Kang Chang-il") != nil && d.actorID(named: "Kang Chang-il") == d.actorID(named: "Kang Chan-gil"))
        #expect(d[d.actorID(named: "Park Jie-won")!].roles.contains { $0.from?.text.hasPrefix("2020") == true })
    }
}
