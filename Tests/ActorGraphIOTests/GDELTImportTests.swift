import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphIO

func gdeltFixture(_ name: String) throws -> String {
    try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/gdelt")).path
}

/// The importer against an independent parse of the real files (scripts/reference/gdelt_counts.py,
/// Python's csv module), the hand-made 2.0 sample (plain and zipped), and malformed rows.
@Suite struct GDELTImportTests {
    struct Reference: Decodable {
        let rows: Int
        let kinds: [String: Int]
        let quadClasses: [String: Int]
        let oneActorEvents: Int
        let actorCodes: [String]
    }

    static func reference() throws -> [String: Reference] {
        try JSONDecoder().decode([String: Reference].self, from: Data(contentsOf: URL(fileURLWithPath: gdeltFixture("gdelt-georgia-counts.json"))))
    }

    @Test(arguments: ["gdelt-georgia-2012-09.tsv", "gdelt-georgia-2013-04.tsv"])
    func countsEqualTheIndependentParse(file: String) throws {
        let expected = try #require(try Self.reference()[file])
        let (dataset, summary) = try GDELTImporter.importFiles([try gdeltFixture(file)])
        #expect(summary.rowsRead == expected.rows)
        #expect(summary.eventsMade == expected.rows)
        #expect(summary.rejectedCount == 0 && summary.duplicates == 0)
        #expect(summary.oneActorEvents == expected.oneActorEvents)
        var kinds: [String: Int] = [:]
        var quads: [String: Int] = [:]
        for e in dataset.events {
            kinds[e.kind.rawValue, default: 0] += 1
            if case .int(let q)? = e.attributes["QuadClass"] { quads[String(q), default: 0] += 1 }
        }
        #expect(kinds == expected.kinds)
        #expect(quads == expected.quadClasses)
        // Every distinct code is an actor (by id), plus states made for affiliations only.
        let codes = Set(dataset.actors.map(\.id))
        #expect(Set(expected.actorCodes).isSubset(of: codes))
        let extra = codes.subtracting(expected.actorCodes)
        #expect(extra.allSatisfy { id in dataset.actors.contains { $0.id == id && $0.kind == .state } }, "\(extra.sorted())")
        #expect(dataset.schemaVersion == 3)
    }

    @Test func theSeptember2012FileIsCitedByFileAndLine() throws {
        let path = try gdeltFixture("gdelt-georgia-2012-09.tsv")
        let (dataset, _) = try GDELTImporter.importFiles([path])
        // Line 2 of the file: GLOBALEVENTID 214784411, OPP, CAMEO 060, Goldstein 6 (read from the raw file).
        let event = try #require(dataset.eventID(forID: "gdelt-214784411").map { dataset[$0] })
        let source = dataset[event.citations[0].source]
        #expect(source.file == path && source.line == 2 && source.url == nil && !source.hasTitle)
        #expect(!event.citations[0].hasQuote)
        #expect(event.cameo == "060" && event.tone == 6 && event.kind == .cooperation)
        #expect(event.participants.map { dataset[$0].id } == ["OPP"])
    }

    /// The hand-made 2.0 rows (scripts/reference/gdelt_samples.py), each checked field by field.
    @Test(arguments: ["sample-v2.export.CSV", "sample-v2.export.CSV.zip"])
    func theHandMade20Sample(file: String) throws {
        let (dataset, summary) = try GDELTImporter.importFiles([try gdeltFixture(file)])
        #expect(summary.layouts.values.map(\.self) == [.v2])
        #expect(summary.rowsRead == 6 && summary.eventsMade == 6 && summary.oneActorEvents == 1)
        let e = dataset.events.map { $0 }
        #expect(e.map(\.kind) == [.meeting, .dispute, .statement, .statement, .cooperation, .dispute])
        #expect(e.map(\.cameo) == ["042", "112", "010", "0311", "070", "190"])
        #expect(e.map(\.tone) == [1.9, -2, 0, 5.2, 7, -10])
        #expect(e.map(\.date.text) == ["2015-03-01", "2015-03-02", "2015-03-03", "2015-03-04", "2015-03-05", "2015-03-06"])
        // USAGOV: an institution of the state United States, made for it.
        let usagov = try #require(dataset.actorID(forID: "USAGOV").map { dataset[$0] })
        #expect(usagov.kind == .institution && usagov.affiliation.map { dataset[$0].id } == "USA")
        // Named by CAMEO's country and type tables, not by one row's ActorName.
        #expect(usagov.name == "United States Government")
        #expect(dataset[dataset.actorID(forID: "USA")!].name == "United States")
        #expect(dataset[dataset.actorID(forID: "USA")!].kind == .state)
        #expect(e[0].source.map { dataset[$0].id } == "USAGOV" && e[0].target.map { dataset[$0].id } == "RUS")
        #expect(e[2].participants.count == 1 && e[2].source == nil)
        #expect(
            e[0].attributes == [
                "QuadClass": .int(1), "NumMentions": .int(10), "NumSources": .int(2),
                "NumArticles": .int(10), "AvgTone": .double(2.5), "IsRootEvent": .bool(true),
            ])
        // Rows 1 and 4 cite the same URL: one source. Row 3 has none: file and line 3.
        #expect(e[0].citations[0].source == e[3].citations[0].source)
        #expect(dataset[e[2].citations[0].source].line == 3)
        #expect(e[0].subtype == "Make a visit")
    }

    @Test func malformedRowsAreReportedByLine() throws {
        let path = try gdeltFixture("malformed.tsv")
        let (dataset, summary) = try GDELTImporter.importFiles([path])
        #expect(summary.problems.map(\.line) == [2, 3, 5])
        #expect(summary.problems.map(\.reason) == [.fieldCount, .badDate, .badGoldstein])
        #expect(summary.problems.allSatisfy { $0.file == path })
        #expect(summary.duplicates == 1 && summary.rowsRead == 6)
        #expect(dataset.events.map(\.id) == ["gdelt-2001", "gdelt-2004"])
        var strict = GDELTImportOptions()
        strict.strict = true
        #expect(throws: GDELTImportError.self) { try GDELTImporter.importFiles([path], options: strict) }
        do {
            _ = try GDELTImporter.importFiles([path], options: strict)
        } catch let error as GDELTImportError {
            #expect(error.problem.line == 2 && error.description.hasPrefix("\(path):2: wrong field count"))
            #expect(error.code == .fieldCount && error.location == "\(path):2")
            #expect(error.message.hasPrefix("wrong field count: "))
        }
    }

    @Test func filtersWeightsAndNameKeys() throws {
        let path = try gdeltFixture("sample-v2.export.CSV")
        var options = GDELTImportOptions()
        options.rootCodes = ["04", "19"]
        #expect(try GDELTImporter.importFiles([path], options: options).dataset.events.map(\.id) == ["gdelt-1001", "gdelt-1006"])
        options = GDELTImportOptions()
        options.quadClasses = [3]
        #expect(try GDELTImporter.importFiles([path], options: options).dataset.events.map(\.id) == ["gdelt-1002"])
        options = GDELTImportOptions()
        options.rootEventsOnly = true
        #expect(try GDELTImporter.importFiles([path], options: options).dataset.events.map(\.id) == ["gdelt-1001", "gdelt-1003", "gdelt-1004", "gdelt-1006"])
        options = GDELTImportOptions()
        options.window = DateWindow(from: EventDate("2015-03-02"), to: EventDate("2015-03-03"))
        let windowed = try GDELTImporter.importFiles([path], options: options)
        #expect(windowed.dataset.events.map(\.id) == ["gdelt-1002", "gdelt-1003"] && windowed.summary.filteredOut == 4)
        options = GDELTImportOptions()
        options.countries = ["USA"]
        #expect(try GDELTImporter.importFiles([path], options: options).dataset.events.map(\.id) == ["gdelt-1001", "gdelt-1004", "gdelt-1005"])
        options = GDELTImportOptions()
        options.weight = .mentions
        let weighted = try GDELTImporter.importFiles([path], options: options).dataset
        #expect(weighted.events.map(\.countWeight) == [10, 4, 3, 6, 2, 20])
        // Weighted by mentions, the USAGOV-RUS tie weighs 10 (NumMentions of row 1); counted, 1.
        func weight(_ d: Dataset) -> Double? {
            guard let a = d.actorID(forID: "USAGOV"), let b = d.actorID(forID: "RUS") else { return nil }
            return EventProjection(d, options: ProjectionOptions()).edges
                .first { Set([$0.source, $0.target]) == Set([a, b]) }?.weight
        }
        #expect(weight(weighted) == 10)
        #expect(weight(try GDELTImporter.importFiles([path]).dataset) == 1)
        options = GDELTImportOptions()
        options.actorKey = .name
        let byName = try GDELTImporter.importFiles([path], options: options).dataset
        // By name, "UNITED STATES" on the USAGOV and USA rows is the state United States; GEORGIA
        // (GEO, GEOGOV) is Georgia and RUSSIA (RUS, RUSMIL) is Russia.
        #expect(byName.actors.map(\.name).sorted() == ["Georgia", "Russia", "United States"])
        #expect(byName.actors.allSatisfy { $0.kind == .state })
    }

    /// A schema 3 dataset written and read back is the same dataset; schema 1 and 2 refuse the new keys.
    @Test func schema3RoundTripsAndOlderSchemasRefuseItsKeys() throws {
        let (dataset, _) = try GDELTImporter.importFiles([try gdeltFixture("sample-v2.export.CSV")])
        for format in DatasetCanonicalWriter.Format.allCases {
            let text = DatasetCanonicalWriter.string(for: dataset, format: format)
            let back = try DatasetReader.read(text: text, file: "x.\(format.rawValue)")
            #expect(back.sources == dataset.sources && back.actors == dataset.actors)
            // JSON numbers do not tell 1.0 from 1: an integral double reads back as an integer,
            // equal as a number (row 3's AvgTone is written "1").
            func plain(_ e: EventRecord) -> EventRecord { var e = e; e.attributes = [:]; return e }
            #expect(back.events.map(plain) == dataset.events.map(plain))
            for (b, d) in zip(back.events, dataset.events) {
                #expect(b.attributes.mapValues { $0.number ?? .nan } == d.attributes.mapValues { $0.number ?? .nan })
            }
        }
        let old = """
            schema: 2
            sources: [{id: s, url: "http://x"}]
            actors: [{id: a, name: A, kind: state}]
            events: [{id: e, date: 2020, kind: meeting, participants: [a], citations: [{source: s}], attributes: {n: 1}}]
            """
        #expect(throws: InputError.self) { try DatasetReader.read(text: old, file: "old.yaml") }
        let messages =
            (try? DatasetReader.read(text: old, file: "old.yaml")).map { _ in [String]() }
            ?? {
                do { _ = try DatasetReader.read(text: old, file: "old.yaml"); return [] } catch let e as InputError {
                    return e.diagnostics.map(\.message)
                } catch { return [] }
            }()
        #expect(messages.contains { $0.contains("missing required key 'title'") })
        #expect(messages.contains { $0.contains("missing required key 'quote'") })
        #expect(messages.contains { $0.contains("attributes need 'schema: 3'") })
        let new = old.replacingOccurrences(of: "schema: 2", with: "schema: 3")
        let read = try DatasetReader.read(text: new, file: "new.yaml")
        #expect(read.events[0].attributes == ["n": .int(1)] && !read.events[0].citations[0].hasQuote)
    }

    /// The actor tables: compiled in byte for byte from CAMEO/Resources, with the codes the
    /// provenance note counts, and codes read into country and roles.
    @Test func actorTablesAndCodes() throws {
        for name in ["CAMEO.country.txt", "CAMEO.type.txt"] {
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Sources/ActorGraphIO/CAMEO/Resources/\(name)")
            #expect(Data(try #require(CAMEOCatalog.shippedText(name)).utf8) == (try Data(contentsOf: file)))
        }
        let tables = try CAMEOActorTables.shipped()
        #expect(tables.countries.count == 261 && tables.types.count == 39)
        #expect(tables.countries["USA"] == "United States" && tables.countries["GEO"] == "Georgia" && tables.types["GOV"] == "Government")
        let usagov = GDELTActorCode("USAGOV", tables: tables)
        #expect(usagov.country == "USA" && usagov.roles == ["GOV"] && !usagov.isState)
        #expect(GDELTActorCode("USA", tables: tables).isState)
        let igo = GDELTActorCode("IGOWSTNAT", tables: tables)
        #expect(igo.country == nil && igo.roles == ["IGO"] && igo.otherParts == ["WST", "NAT"])
        #expect(GDELTActorCode("AB", tables: tables).otherParts == ["AB"])
    }
}
