import ActorGraphCore
import Dispatch
import Foundation

/// The edge-list builder behind ``CSVEdgeListReader``.
///
/// The header is read first; then the rows, in stretches read on every core when the file has
/// no quote at all (every line break then ends a row, so stretches can start after any line
/// break), else in one stretch. Each stretch (``CSVEdgeChunk``) reads its rows into a reusable
/// list of field ranges and builds as it goes: names interned as bytes (a `String` per distinct
/// name only), numbers parsed in place, lines counted on the way. The stretches are then joined
/// in file order: each one's names re-interned in order, so nodes keep the order of first
/// appearance and the graph is the same for any number of stretches. A column that turns out
/// not to be numeric is read as text in a second pass.
struct CSVEdgeListParser {
    static let diagnosticLimit = 100
    /// Files smaller than this are read in one stretch.
    static let parallelThreshold = 1 << 22

    private let file: String
    private var source: SourceText
    private var diagnostics: [Diagnostic] = []
    /// The number of stretches to cut a quote-free file into, whatever its size (tests); `nil`:
    /// one per core for files of ``parallelThreshold`` bytes or more.
    var stretchCount: Int?

    init(bytes: [UInt8], file: String) {
        self.file = file
        self.source = SourceText(bytes)
    }

    // MARK: Diagnostics

    /// Turns the problems found, in the order found, into diagnostics: the first
    /// ``diagnosticLimit``, then one saying the reading stopped where the next one was.
    private mutating func record(_ problems: [(offset: Int, problem: CSVProblem)]) {
        for (k, (offset, problem)) in problems.enumerated() {
            let (line, column) = source.location(ofOffset: offset)
            if k == Self.diagnosticLimit {
                diagnostics.append(
                    Diagnostic(
                        file: file, line: line, column: column,
                        message: "too many problems (more than \(Self.diagnosticLimit)); stopped reading here"))
                return
            }
            let message: String
            switch problem {
            case .message(let text): message = text
            case .fieldCount(let count, let expected):
                message = "line \(line) has \(count) field\(count == 1 ? "" : "s"), the header has \(expected)"
            }
            diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
        }
    }

    /// All diagnostics, in file order.
    private func failure() -> InputError {
        InputError(Diagnostic.inFileOrder(diagnostics))
    }

    // MARK: Building

    /// The header's columns: names, and where the source and target are.
    private struct Header {
        var names: [String] = []
        var sourceColumn: Int?
        var targetColumn: Int?
    }

    /// Checks the header row `scanner` has just read from `b`, at byte `offset`.
    private static func readHeader(_ b: UnsafeBufferPointer<UInt8>, _ scanner: inout CSVRecordScanner, at offset: Int) -> Header {
        let fields = scanner.fields
        var header = Header()
        var seen: [String: Int] = [:]
        for (c, f) in fields.enumerated() {
            let name = CSVRecordScanner.text(b, f).trimmingCharacters(in: .whitespaces)
            header.names.append(name)
            let lower = name.lowercased()
            if name.isEmpty {
                scanner.report(f.offset, "column \(c + 1) of the header has no name; every column needs one")
                continue
            }
            if let first = seen[name] {
                scanner.report(f.offset, "column name '\(name)' appears twice in the header (columns \(first + 1) and \(c + 1))")
                continue
            }
            seen[name] = c
            if CSVEdgeListReader.sourceColumnNames.contains(lower) {
                if let s = header.sourceColumn {
                    scanner.report(f.offset, "two source columns: '\(header.names[s])' (column \(s + 1)) and '\(name)' (column \(c + 1))")
                } else {
                    header.sourceColumn = c
                }
            }
            if CSVEdgeListReader.targetColumnNames.contains(lower) {
                if let t = header.targetColumn {
                    scanner.report(f.offset, "two target columns: '\(header.names[t])' (column \(t + 1)) and '\(name)' (column \(c + 1))")
                } else {
                    header.targetColumn = c
                }
            }
        }
        let names = header.names
        var found = names.map { "'\($0)'" }.joined(separator: ", ")
        if names.count == 1, let only = names.first, only.contains(";") || only.contains("\t") {
            found += " (fields must be separated by commas)"
        }
        if header.sourceColumn == nil {
            scanner.report(offset, "the header has no source column (named 'source' or 'from'); it has \(found)")
        }
        if header.targetColumn == nil {
            scanner.report(offset, "the header has no target column (named 'target' or 'to'); it has \(found)")
        }
        return header
    }

    /// Where the rows after `start` are cut into stretches: after line breaks, one stretch per
    /// core, or a single stretch for a small file or one with a quote anywhere.
    private func stretches(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> [Range<Int>] {
        let n = b.count
        let parts = stretchCount ?? ProcessInfo.processInfo.activeProcessorCount
        guard n - start >= (stretchCount == nil ? Self.parallelThreshold : 1), parts > 1,
            memchr(b.baseAddress! + start, Int32(CSVRecordScanner.quote), n - start) == nil
        else { return [start..<n] }
        var cuts = [start]
        for k in 1..<parts {
            var cut = max(start + (n - start) * k / parts, cuts[cuts.count - 1], start + 1)
            while cut < n && b[cut - 1] != CSVRecordScanner.lf { cut += 1 }
            if cut < n && cut > cuts[cuts.count - 1] { cuts.append(cut) }
        }
        cuts.append(n)
        return (0..<cuts.count - 1).map { cuts[$0]..<cuts[$0 + 1] }
    }

    /// Tokenizes, checks and builds the graph; throws ``InputError`` with every problem.
    /// `parsed` is called once the file is read, before the adjacency is built (`--time`).
    mutating func graph(directed: Bool, parsed: () -> Void = {}) throws -> Graph {
        if let bad = UTF8Check.firstInvalidOffset(source.bytes) {
            let hex = String(source.bytes[bad], radix: 16, uppercase: true)
            record([(bad, .message("invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" : "")\(hex)); save the file as UTF-8"))])
            throw failure()
        }
        var bytes = source.bytes
        let n = bytes.count
        var i = 0
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        var line = 1
        var header = Header()
        var headerScanner = CSVRecordScanner(limit: Self.diagnosticLimit)
        let headerRead: Bool = bytes.withUnsafeBufferPointer { b in
            CSVRecordScanner.skipBlankLines(b, &i, n, &line)
            guard i < n else { return false }
            let offset = i
            guard headerScanner.readRecord(b, &i, n, &line) else { return false }
            header = Self.readHeader(b, &headerScanner, at: offset)
            return true
        }
        let headerProblems = headerScanner.problems
        guard headerRead else {
            record(headerProblems)
            if diagnostics.isEmpty {
                record([(0, .message("the file is empty; expected a header row naming the source and target columns (e.g. source,target,weight)"))])
            }
            throw failure()
        }
        let (dataStart, dataLine) = (i, line)
        let names = header.names
        let layout = CSVEdgeChunk.Layout(
            fieldCount: names.count, sourceColumn: header.sourceColumn ?? -1, targetColumn: header.targetColumn ?? -1,
            attributeColumns: (0..<names.count).filter { $0 != header.sourceColumn && $0 != header.targetColumn }, names: names)

        // The rows, stretch by stretch (in parallel when there are several).
        let parts = bytes.withUnsafeBufferPointer { stretches($0, from: dataStart) }
        let results = ThreadLock([CSVEdgeChunk?](repeating: nil, count: parts.count))
        let limit = Self.diagnosticLimit - headerProblems.count - diagnostics.count
        bytes.withUnsafeBufferPointer { b in
            let shared = SharedBytes(b)
            DispatchQueue.concurrentPerform(iterations: parts.count) { k in
                let range = parts[k]
                var chunk = CSVEdgeChunk(
                    layout: layout, problemLimit: max(0, limit), expectedRows: range.count / 12, expectedNames: min(max(1, n / 16), 1 << 20))
                chunk.read(shared.buffer, from: range.lowerBound, to: range.upperBound, layout: layout)
                results.withLock { $0[k] = chunk }
            }
        }
        var chunks = results.withLock { $0.map { $0! } }
        let problems = headerProblems + chunks.flatMap(\.scanner.problems)
        guard problems.isEmpty, diagnostics.isEmpty, layout.sourceColumn >= 0, layout.targetColumn >= 0 else {
            record(problems)
            throw failure()
        }

        // Joined in file order.
        var interner = chunks[0].interner
        var endpoints = chunks[0].endpoints
        var edgeLines = chunks[0].edgeLines
        var lineBase = dataLine + chunks[0].lineBreaks
        for k in 0..<edgeLines.count { edgeLines[k] = Int32(clamping: Int(edgeLines[k]) + dataLine) }
        for k in chunks.indices.dropFirst() {
            var global: [UInt32] = []
            global.reserveCapacity(chunks[k].interner.count)
            chunks[k].interner.forEachKey { global.append(interner.intern($0)) }
            endpoints.reserveCapacity(endpoints.count + chunks[k].endpoints.count)
            for e in chunks[k].endpoints {
                endpoints.append(Graph.Endpoints(source: NodeID(global[e.source.index]), target: NodeID(global[e.target.index])))
            }
            for l in chunks[k].edgeLines { edgeLines.append(Int32(clamping: Int(l) + lineBase)) }
            lineBase += chunks[k].lineBreaks
            chunks[k].interner = ByteInterner()
            chunks[k].endpoints = []
        }
        let attributeCount = layout.attributeColumns.count
        let numeric = (0..<attributeCount).map { c in chunks.allSatisfy { $0.numeric[c] } }
        var values = [ContiguousArray<Double>](repeating: [], count: attributeCount)
        for c in 0..<attributeCount where numeric[c] {
            values[c] = chunks[0].values[c]
            for chunk in chunks.dropFirst() { values[c].append(contentsOf: chunk.values[c]) }
        }
        chunks = []

        let textColumns = endpoints.isEmpty ? [] : (0..<attributeCount).filter { !numeric[$0] }
        var texts = [[String?]](repeating: [], count: attributeCount)
        if !textColumns.isEmpty {
            // Second pass, for the columns that are text: the file was read without a problem.
            (i, line) = (dataStart, dataLine)
            var scanner = CSVRecordScanner(limit: Self.diagnosticLimit)
            bytes.withUnsafeBufferPointer { b in
                while i < n {
                    CSVRecordScanner.skipBlankLines(b, &i, n, &line)
                    guard i < n, scanner.readRecord(b, &i, n, &line) else { break }
                    for k in textColumns {
                        let f = scanner.fields[layout.attributeColumns[k]]
                        texts[k].append(f.isEmpty ? nil : CSVRecordScanner.text(b, f))
                    }
                }
            }
        }
        // The text is not needed any more: release it before the adjacency is built.
        let nodeNames = interner.strings()
        interner = ByteInterner()
        bytes = []
        source = SourceText([])
        parsed()

        var builder = GraphBuilder(directed: directed, nodeNames: nodeNames, endpoints: endpoints)
        builder.setOrigin(GraphOrigin(file: file, edgeLines: edgeLines))
        guard builder.edgeCount > 0 else { return builder.build() }
        for (k, c) in layout.attributeColumns.enumerated() {
            if numeric[k] {
                builder.setEdgeColumn(names[c], values[k])
            } else {
                builder.setEdgeTextColumn(names[c], texts[k])
            }
        }
        return builder.build()
    }
}

/// The file's bytes, lent to the reading threads for the time of one `withUnsafeBufferPointer`
/// (they only read them, and are all joined before it returns).
private struct SharedBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }
}
