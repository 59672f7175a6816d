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
    private var files: [String] = []
    /// One EventDate per SQLDATE met (its text is formatted once, not once per row).
    private var dates: [Int: EventDate] = [:]
    private var fields = GDELTFields()
    /// Row bytes -> what they were read as, so repeated texts are decoded and hashed once.
    private var urlTable = GDELTByteTable<(source: SourceID, citations: [Citation])>()
    private var codeTable = GDELTByteTable<ActorID>()
    private var eventCodeTable = GDELTByteTable<EventCodeInfo>()
    private var seenIDs = GDELTEventIDSet()
    /// The last SOURCEURL read and its citations.
    private var lastURL: [UInt8] = []
    private var lastCitations: [Citation] = []
    /// The attribute names of every event, in name order: one array all events share.
    private let attributeKeys: [String]

    /// A validated EventCode / EventBaseCode / EventRootCode combination and what it maps to.
    private struct EventCodeInfo {
        let code: String, rootText: String, root: Int, description: String?
    }

    /// - Throws: ``InputError`` if the shipped CAMEO tables cannot be loaded (a broken build).
    public init(options: GDELTImportOptions = GDELTImportOptions()) throws {
        self.options = options
        self.catalog = try CAMEOCatalog.shipped()
        self.registry = GDELTActorRegistry(tables: try CAMEOActorTables.shipped(), key: options.actorKey)
        self.attributeKeys =
            ["AvgTone", "IsRootEvent", "NumArticles", "NumMentions", "NumSources", "QuadClass"]
            + (options.weight.column == nil ? [] : [EventRecord.weightAttribute])
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
        // Room for the rows a plain file can hold (GDELT rows are 250-400 bytes), so the event
        // array is not copied as it grows; pages never written are never resident.
        if !GDELTSource.isZip(path) { events.reserveCapacity(events.count + GDELTSource.size(of: path) / 160) }
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
        guard let ymd = f.int(GDELTLayout.sqlDate), f.field(GDELTLayout.sqlDate).count == 8, let date = eventDate(ymd) else {
            return try reject(.badDate, file, number, "SQLDATE '\(f.string(GDELTLayout.sqlDate) ?? "")'")
        }
        let day = date.start
        guard let goldstein = f.double(GDELTLayout.goldstein), (-10...10).contains(goldstein) else {
            return try reject(.badGoldstein, file, number, "GoldsteinScale '\(f.string(GDELTLayout.goldstein) ?? "")'")
        }
        guard let codes = eventCodeInfo(f) else {
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
        let byName = options.actorKey == .name
        let has1 = !f.isEmpty(GDELTLayout.actor1Code) || (byName && !f.isEmpty(GDELTLayout.actor1Name))
        let has2 = !f.isEmpty(GDELTLayout.actor2Code) || (byName && !f.isEmpty(GDELTLayout.actor2Name))
        guard has1 || has2 else {
            return try reject(.noActor, file, number, "no Actor1Code or Actor2Code")
        }
        guard seenIDs.insert(id) else {
            summary.duplicates += 1
            return
        }
        // Filters, on well-formed rows.
        if !(options.window.from.map { day >= $0 } ?? true) || !(options.window.to.map { day <= $0 } ?? true) || (options.rootEventsOnly && isRoot != 1)
            || (!options.quadClasses.isEmpty && !options.quadClasses.contains(quad))
            || (!options.rootCodes.isEmpty && !options.rootCodes.contains(codes.rootText))
            || (!options.countries.isEmpty && !(f.string(GDELTLayout.actor1Country).map(options.countries.contains) ?? false)
                && !(f.string(GDELTLayout.actor2Country).map(options.countries.contains) ?? false))
        {
            summary.filteredOut += 1
            return
        }

        let a1 = actor(f, code: GDELTLayout.actor1Code, name: GDELTLayout.actor1Name)
        let a2 = actor(f, code: GDELTLayout.actor2Code, name: GDELTLayout.actor2Name)
        let participants: [ActorID]
        switch (a1, a2) {
        case (let a1?, let a2?) where a1 != a2: participants = [a1, a2]
        case (let a1?, _): participants = [a1]
        case (nil, let a2?): participants = [a2]
        case (nil, nil): participants = []
        }
        let directed = participants.count == 2
        if participants.count == 1 { summary.oneActorEvents += 1 }

        let citations: [Citation]
        if let urlColumn = layout.sourceURL, !f.isEmpty(urlColumn) {
            citations = urlCitations(f.field(urlColumn))
        } else {
            let citation = SourceID(sources.count)
            sources.append(SourceRecord(id: "f\(file + 1)-line-\(number)", title: "", file: files[file], line: number))
            citations = [Citation(source: citation)]
        }
        var values: [AttributeValue] = [.double(tone), .bool(isRoot == 1), .int(articles), .int(mentions), .int(sourcesCount), .int(quad)]
        if let column = options.weight.column { values.append(.int(f.int(column) ?? 0)) } // a number column, parsed above
        events.append(
            EventRecord(
                id: eventID(f, id), date: date, kind: GDELTImporter.kind(root: codes.root), subtype: codes.description,
                participants: participants, source: directed ? participants[0] : nil, target: directed ? participants[1] : nil,
                tone: goldstein, cameo: codes.code, citations: citations,
                attributes: EventAttributes(sortedKeys: attributeKeys, values: values)))
        summary.eventsMade += 1
    }

    /// The date of SQLDATE `ymd` (YYYYMMDD), `nil` when no such day exists; one EventDate per day
    /// met, so its text is formatted once.
    private mutating func eventDate(_ ymd: Int) -> EventDate? {
        if let known = dates[ymd] { return known }
        guard let day = Day(year: ymd / 10000, month: ymd / 100 % 100, day: ymd % 100) else { return nil }
        let date = EventDate(day)
        dates[ymd] = date
        return date
    }

    /// The row's EventCode, EventRootCode (EventRootCode or, when empty, the code's first two
    /// digits) and CAMEO description, when they are consistent: checked and looked up once per
    /// distinct combination of the three code columns.
    private mutating func eventCodeInfo(_ f: GDELTFields) -> EventCodeInfo? {
        let key = f.fields(GDELTLayout.eventCode...GDELTLayout.eventRootCode)
        if let known = eventCodeTable.value(for: key) { return known }
        guard let eventCode = f.string(GDELTLayout.eventCode),
            let rootText = f.string(GDELTLayout.eventRootCode) ?? Optional(String(eventCode.prefix(2))),
            rootText.utf8.count == 2, let root = Int(rootText), (1...20).contains(root), eventCode.hasPrefix(rootText)
        else { return nil }
        let info = EventCodeInfo(code: eventCode, rootText: rootText, root: root, description: catalog.description(of: eventCode))
        eventCodeTable.insert(key, info)
        return info
    }

    /// The actor of a row's code and name columns (``GDELTActorRegistry``); keyed by code, a
    /// code seen before is found by its bytes.
    private mutating func actor(_ f: GDELTFields, code: Int, name: Int) -> ActorID? {
        guard options.actorKey == .code else {
            return registry.actor(code: f.string(code)) { f.string(name) }
        }
        guard !f.isEmpty(code) else { return nil }
        let key = f.field(code)
        if let known = codeTable.value(for: key) { return known }
        guard let made = registry.actor(code: f.string(code), name: { f.string(name) }) else { return nil }
        codeTable.insert(key, made)
        return made
    }

    /// The citation of a SOURCEURL: one source per URL (as text, so two byte sequences that
    /// decode to one text are one source), its one-citation list shared by every event citing it.
    private mutating func urlCitations(_ bytes: UnsafeBufferPointer<UInt8>) -> [Citation] {
        // Rows coded from one article come together: the previous row's URL needs no hashing.
        if bytes.count == lastURL.count, lastURL.withUnsafeBufferPointer({ memcmpEqual($0.baseAddress!, bytes.baseAddress!, bytes.count) }) {
            return lastCitations
        }
        let citations = urlCitationsLookedUp(bytes)
        lastURL.removeAll(keepingCapacity: true)
        lastURL.append(contentsOf: bytes)
        lastCitations = citations
        return citations
    }

    private mutating func urlCitationsLookedUp(_ bytes: UnsafeBufferPointer<UInt8>) -> [Citation] {
        if let known = urlTable.value(for: bytes) { return known.citations }
        let url = String(decoding: bytes, as: UTF8.self)
        let source: SourceID
        if let known = sourceByURL[url] {
            source = known
        } else {
            source = SourceID(sources.count)
            sourceByURL[url] = source
            sources.append(SourceRecord(id: "url-\(sources.count + 1)", title: "", url: url))
        }
        let citations = [Citation(source: source)]
        urlTable.insert(bytes, (source, citations))
        return citations
    }

    /// `gdelt-GLOBALEVENTID`, copied from the row's digits when they are written as `String(id)`
    /// would write them (no sign, no leading zero), in one allocation.
    private func eventID(_ f: GDELTFields, _ id: Int) -> String {
        let digits = f.field(GDELTLayout.globalEventID)
        guard let first = digits.first, first != 43, first != 45, first != 48 || digits.count == 1 else { return "gdelt-" + String(id) }
        let prefix: StaticString = "gdelt-"
        return String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + digits.count) { buffer in
            let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
            _ = buffer.initialize(from: p)
            _ = UnsafeMutableBufferPointer(rebasing: buffer[p.count...]).initialize(from: digits)
            return p.count + digits.count
        }
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
