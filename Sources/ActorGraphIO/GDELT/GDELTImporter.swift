public import ActorGraphCore
internal import Foundation

/// Reads GDELT event exports (1.0 historical, 1.0 daily, 2.0; plain or `.zip`) into a schema 3
/// ``/ActorGraphCore/Dataset``: one event per kept row.
///
/// The mapping (README, "Importing GDELT"): actors by CAMEO actor code or ActorName
/// (`GDELTActorRegistry`); the kind by the root code's QuadClass family (04 meeting; 01, 02,
/// 03, 05 statement; 06-09 cooperation; 10-20 dispute); subtype the CAMEO description of
/// EventCode; `cameo` the EventCode, as text; tone the GoldsteinScale; date the SQLDATE; Actor1 the
/// source and Actor2 the target; the citation SOURCEURL, or the file and line where there is none;
/// QuadClass, NumMentions, NumSources, NumArticles, AvgTone and IsRootEvent as attributes (and
/// `weight` when ``GDELTImportOptions/weight`` is not `count`). A row with one actor is a
/// one-participant event. Rows with a GLOBALEVENTID already imported are dropped and counted.
///
/// Files are read in chunks, so memory grows with the events kept, not with the raw text.
///
/// - Complexity: O(bytes read + events); hash lookups per row for actors and URLs.
public struct GDELTImporter {
    public let options: GDELTImportOptions
    public private(set) var summary = GDELTImportSummary()
    private var registry: GDELTActorRegistry
    private let catalog: CAMEOCatalog
    private var sources: [SourceRecord] = []
    private var sourceByURL: [String: SourceID] = [:]
    private var events: [EventRecord] = []
    private var seen: Set<Int> = []
    private var files: [String] = []
    private var descriptions: [String: String] = [:]
    /// One EventDate per day met (its text is formatted once, not once per row).
    private var dates: [Int32: EventDate] = [:]
    private var fields = GDELTFields()

    /// - Throws: ``InputError`` if the shipped CAMEO tables cannot be loaded (a broken build).
    public init(options: GDELTImportOptions = GDELTImportOptions()) throws {
        self.options = options
        self.catalog = try CAMEOCatalog.shipped()
        self.registry = GDELTActorRegistry(tables: try CAMEOActorTables.shipped(), key: options.actorKey)
    }

    /// Imports `paths` and returns the dataset and what was read.
    /// - Parameters:
    ///   - paths: GDELT export files, plain or zipped, read in this order.
    ///   - options: how rows become actors and events, and how strict reading is.
    ///   - progress: called now and then with bytes done and bytes in all.
    /// - Throws: ``InputError`` for a file that cannot be read or a bad archive;
    ///   ``GDELTImportError`` for a malformed row with `strict`; ``/ActorGraphCore/DatasetError`` if the records
    ///   are inconsistent (a bug).
    public static func importFiles(
        _ paths: [String], options: GDELTImportOptions = GDELTImportOptions(),
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> (dataset: Dataset, summary: GDELTImportSummary) {
        var importer = try GDELTImporter(options: options)
        let total = paths.reduce(0) { $0 + GDELTSource.size(of: $1) }
        var before = 0
        for path in paths {
            try importer.read(path: path) { done in progress?(before + done, total) }
            before += GDELTSource.size(of: path)
        }
        return (try importer.dataset(), importer.summary)
    }

    /// Reads one file, plain or `.zip` (every file entry in the archive).
    public mutating func read(path: String, progress: ((Int) -> Void)? = nil) throws {
        try GDELTSource.chunks(of: path, progress: progress) { name, chunks in
            try read(name: name, chunks: chunks)
        }
    }

    /// Reads rows from `chunks`, a stream of bytes named `name` in problems and citations.
    mutating func read(name: String, chunks: ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void) throws {
        let fileIndex = files.count
        files.append(name)
        var splitter = GDELTLineSplitter()
        var layout: GDELTLayout?
        try chunks { chunk in
            try splitter.feed(chunk) { line, number in try row(line, number, fileIndex, &layout) }
        }
        try splitter.finish { line, number in try row(line, number, fileIndex, &layout) }
    }

    /// The dataset of the rows read so far.
    public func dataset() throws -> Dataset {
        let names = files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        return try Dataset(
            title: "GDELT events from \(names)",
            description:
                "Imported by actorgraph import gdelt (\(options.actorKey.rawValue)-keyed actors, weight \(options.weight.rawValue)); see the README's Importing GDELT for the mapping.",
            schemaVersion: Dataset.evidenceSchemaVersion, sources: sources,
            actors: registry.actors, events: events)
    }

    private mutating func reject(_ reason: GDELTRejection, _ file: Int, _ line: Int, _ detail: String) throws {
        let problem = GDELTRowProblem(file: files[file], line: line, reason: reason, detail: detail)
        if options.strict && reason.isMalformed { throw GDELTImportError(problem: problem) }
        summary.rejected[reason, default: 0] += 1
        summary.problems.append(problem)
    }

    private mutating func row(_ line: UnsafeBufferPointer<UInt8>, _ number: Int, _ file: Int, _ layout: inout GDELTLayout?) throws {
        if line.isEmpty || (line.count == 1 && line[0] == 13) { return }
        summary.rowsRead += 1
        fields.split(line)
        return try convert(fields, number, file, &layout)
    }

    private mutating func convert(_ f: GDELTFields, _ number: Int, _ file: Int, _ layout: inout GDELTLayout?) throws {
        if layout == nil, let detected = GDELTLayout(fieldCount: f.count) {
            layout = detected
            summary.layouts[files[file]] = detected
        }
        guard let layout, f.count == layout.fieldCount else {
            let expected = layout.map { "the file's \($0.fieldCount)" } ?? "57, 58 or 61"
            return try reject(.fieldCount, file, number, "\(f.count) fields, expected \(expected)")
        }
        guard let id = f.int(GDELTLayout.globalEventID), id >= 0 else {
            return try reject(.badEventID, file, number, "GLOBALEVENTID '\(f.string(GDELTLayout.globalEventID) ?? "")'")
        }
        guard let ymd = f.int(GDELTLayout.sqlDate), f.field(GDELTLayout.sqlDate).count == 8,
            let day = Day(year: ymd / 10000, month: ymd / 100 % 100, day: ymd % 100)
        else {
            return try reject(.badDate, file, number, "SQLDATE '\(f.string(GDELTLayout.sqlDate) ?? "")'")
        }
        guard let goldstein = f.double(GDELTLayout.goldstein), (-10...10).contains(goldstein) else {
            return try reject(.badGoldstein, file, number, "GoldsteinScale '\(f.string(GDELTLayout.goldstein) ?? "")'")
        }
        guard let eventCode = f.string(GDELTLayout.eventCode), let rootText = f.string(GDELTLayout.eventRootCode) ?? Optional(String(eventCode.prefix(2))),
            rootText.utf8.count == 2, let root = Int(rootText), (1...20).contains(root), eventCode.hasPrefix(rootText)
        else {
            return try reject(
                .badEventCode, file, number,
                "EventCode '\(f.string(GDELTLayout.eventCode) ?? "")', EventRootCode '\(f.string(GDELTLayout.eventRootCode) ?? "")'")
        }
        guard let quad = f.int(GDELTLayout.quadClass), (1...4).contains(quad),
            let mentions = f.int(GDELTLayout.numMentions), let sourcesCount = f.int(GDELTLayout.numSources),
            let articles = f.int(GDELTLayout.numArticles), let tone = f.double(GDELTLayout.avgTone),
            let isRoot = f.int(GDELTLayout.isRootEvent), isRoot == 0 || isRoot == 1
        else {
            let cols = [
                GDELTLayout.isRootEvent, GDELTLayout.quadClass, GDELTLayout.numMentions, GDELTLayout.numSources,
                GDELTLayout.numArticles, GDELTLayout.avgTone,
            ]
            let names = ["IsRootEvent", "QuadClass", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
            let shown = zip(names, cols).map { "\($0) '\(f.string($1) ?? "")'" }.joined(separator: ", ")
            return try reject(.badNumber, file, number, shown)
        }
        let code1 = f.string(GDELTLayout.actor1Code), code2 = f.string(GDELTLayout.actor2Code)
        let byName = options.actorKey == .name
        let has1 = code1 != nil || (byName && !f.isEmpty(GDELTLayout.actor1Name))
        let has2 = code2 != nil || (byName && !f.isEmpty(GDELTLayout.actor2Name))
        guard has1 || has2 else {
            return try reject(.noActor, file, number, "no Actor1Code or Actor2Code")
        }
        guard seen.insert(id).inserted else {
            summary.duplicates += 1
            return
        }
        // Filters, on well-formed rows.
        if !(options.window.from.map { day >= $0 } ?? true) || !(options.window.to.map { day <= $0 } ?? true) || (options.rootEventsOnly && isRoot != 1)
            || (!options.quadClasses.isEmpty && !options.quadClasses.contains(quad))
            || (!options.rootCodes.isEmpty && !options.rootCodes.contains(rootText))
            || (!options.countries.isEmpty && !(f.string(GDELTLayout.actor1Country).map(options.countries.contains) ?? false)
                && !(f.string(GDELTLayout.actor2Country).map(options.countries.contains) ?? false))
        {
            summary.filteredOut += 1
            return
        }

        let a1 = registry.actor(code: code1) { f.string(GDELTLayout.actor1Name) }
        let a2 = registry.actor(code: code2) { f.string(GDELTLayout.actor2Name) }
        var participants: [ActorID] = []
        if let a1 { participants.append(a1) }
        if let a2, a2 != a1 { participants.append(a2) }
        let directed = participants.count == 2
        if participants.count == 1 { summary.oneActorEvents += 1 }

        let citation: SourceID
        if let urlColumn = layout.sourceURL, let url = f.string(urlColumn) {
            if let known = sourceByURL[url] {
                citation = known
            } else {
                citation = SourceID(sources.count)
                sourceByURL[url] = citation
                sources.append(SourceRecord(id: "url-\(sources.count + 1)", title: "", url: url))
            }
        } else {
            citation = SourceID(sources.count)
            sources.append(SourceRecord(id: "f\(file + 1)-line-\(number)", title: "", file: files[file], line: number))
        }
        var attributes: [String: AttributeValue] = [
            "QuadClass": .int(quad), "NumMentions": .int(mentions), "NumSources": .int(sourcesCount),
            "NumArticles": .int(articles), "AvgTone": .double(tone), "IsRootEvent": .bool(isRoot == 1),
        ]
        if let column = options.weight.column, let w = f.int(column) { attributes[EventRecord.weightAttribute] = .int(w) }
        events.append(
            EventRecord(
                id: "gdelt-" + String(id), date: eventDate(day), kind: GDELTImporter.kind(root: root), subtype: description(eventCode),
                participants: participants, source: directed ? participants[0] : nil, target: directed ? participants[1] : nil,
                tone: goldstein, cameo: eventCode, citations: [Citation(source: citation)], attributes: attributes))
        summary.eventsMade += 1
    }

    private mutating func eventDate(_ day: Day) -> EventDate {
        if let known = dates[day.daysSinceEpoch] { return known }
        let date = EventDate(day)
        dates[day.daysSinceEpoch] = date
        return date
    }

    /// CAMEO's description of `code`, looked up once per code.
    private mutating func description(_ code: String) -> String? {
        if let known = descriptions[code] { return known }
        guard let text = catalog.description(of: code) else { return nil }
        descriptions[code] = text
        return text
    }

    /// The event kind of a CAMEO root code, by GDELT's QuadClass families: 04 meeting; 01, 02,
    /// 03, 05 statement; 06-09 cooperation; 10-20 dispute.
    public static func kind(root: Int) -> EventKind {
        switch root {
        case 4: .meeting
        case 1, 2, 3, 5: .statement
        case 6...9: .cooperation
        default: .dispute
        }
    }
}
