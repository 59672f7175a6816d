import ActorGraphCore

/// The edges of one stretch of a CSV edge list's rows, read on their own: names interned in a
/// local ``ByteInterner`` (local ids), lines counted from the stretch's start, attribute columns
/// parsed as numbers while they are numbers. ``CSVEdgeListParser`` reads stretches on several
/// threads and joins them in file order.
struct CSVEdgeChunk {
    /// What every stretch needs from the header.
    struct Layout {
        let fieldCount: Int
        let sourceColumn: Int
        let targetColumn: Int
        /// The columns besides source and target, in header order.
        let attributeColumns: [Int]
        let names: [String]
    }

    var scanner: CSVRecordScanner
    var interner = ByteInterner()
    /// Edges with local node ids.
    var endpoints = ContiguousArray<Graph.Endpoints>()
    /// Each edge's line, counted from 0 at the stretch's first byte.
    var edgeLines = ContiguousArray<Int32>()
    /// Line breaks in the stretch.
    var lineBreaks = 0
    /// Per attribute column: still numeric, and its values (nan where empty).
    var numeric: [Bool]
    var values: [ContiguousArray<Double>]

    /// Names interned together, source and target of `batch / 2` rows.
    private static let batch = 64

    /// `expectedNames` sizes the interner, and with it which integer names it keeps in an array.
    init(layout: Layout, problemLimit: Int, expectedRows: Int, expectedNames: Int) {
        scanner = CSVRecordScanner(limit: problemLimit)
        interner = ByteInterner(expected: expectedNames)
        numeric = [Bool](repeating: true, count: layout.attributeColumns.count)
        values = [ContiguousArray<Double>](repeating: [], count: layout.attributeColumns.count)
        endpoints.reserveCapacity(expectedRows)
        edgeLines.reserveCapacity(expectedRows)
    }

    /// Reads the rows in `b[start..<end]` (whole rows: `end` is the file's end or follows a line
    /// break outside quotes), checking each and building while no problem was found.
    /// O(end - start).
    mutating func read(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, layout: Layout) {
        var i = start, line = 0
        var pending: [ByteInterner.Key] = []
        pending.reserveCapacity(Self.batch)
        var touched: UInt32 = 0
        let sourceColumn = layout.sourceColumn, targetColumn = layout.targetColumn
        while i < end && !scanner.stopped {
            CSVRecordScanner.skipBlankLines(b, &i, end, &line)
            guard i < end else { break }
            let recordOffset = i, recordLine = line
            guard scanner.readRecord(b, &i, end, &line) else { break }
            // `scanner.fields` is read in place: a local copy would be copied by the next record.
            if scanner.fields.count != layout.fieldCount {
                scanner.report(recordOffset, .fieldCount(count: scanner.fields.count, expected: layout.fieldCount))
                continue
            }
            if sourceColumn >= 0, scanner.fields[sourceColumn].isEmpty {
                scanner.report(scanner.fields[sourceColumn].offset, "empty source (column \(sourceColumn + 1), '\(layout.names[sourceColumn])')")
            }
            if targetColumn >= 0, scanner.fields[targetColumn].isEmpty {
                scanner.report(scanner.fields[targetColumn].offset, "empty target (column \(targetColumn + 1), '\(layout.names[targetColumn])')")
            }
            guard scanner.problems.isEmpty, sourceColumn >= 0, targetColumn >= 0 else { continue }
            let source = scanner.fields[sourceColumn], target = scanner.fields[targetColumn]
            if let s = CSVRecordScanner.plainKey(b, source), let t = CSVRecordScanner.plainKey(b, target) {
                // Names as they are in the file: interned in batches (see ``ByteInterner/touch(_:)``).
                touched &+= interner.touch(s) &+ interner.touch(t)
                pending.append(s)
                pending.append(t)
                if pending.count == Self.batch { internPending(&pending) }
            } else {
                internPending(&pending)
                let s = CSVRecordScanner.withKeyBytes(b, source) { interner.intern($0) }
                let t = CSVRecordScanner.withKeyBytes(b, target) { interner.intern($0) }
                endpoints.append(Graph.Endpoints(source: NodeID(s), target: NodeID(t)))
            }
            edgeLines.append(Int32(clamping: recordLine))
            for (k, c) in layout.attributeColumns.enumerated() where numeric[k] {
                if scanner.fields[c].isEmpty {
                    values[k].append(.nan)
                } else if let v = CSVRecordScanner.number(b, scanner.fields[c]) {
                    values[k].append(v)
                } else {
                    numeric[k] = false
                    values[k] = []
                }
            }
        }
        internPending(&pending) // while the keys' bytes are in reach
        ByteInterner.keep(touched)
        lineBreaks = line
    }

    /// Interns the pending names (source, target, source, ...) in order and adds their edges.
    private mutating func internPending(_ pending: inout [ByteInterner.Key]) {
        var k = 0
        while k < pending.count {
            let s = interner.intern(pending[k]), t = interner.intern(pending[k + 1])
            endpoints.append(Graph.Endpoints(source: NodeID(s), target: NodeID(t)))
            k += 2
        }
        pending.removeAll(keepingCapacity: true)
    }
}
