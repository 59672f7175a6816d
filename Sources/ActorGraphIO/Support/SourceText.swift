/// The bytes of an input file, with line and column arithmetic for diagnostics.
///
/// Lines are 1-based and end at `\n`, `\r\n` or a lone `\r`. Columns are 1-based and count Unicode
/// scalars (characters), not bytes; a UTF-8 byte order mark at the start is not counted.
/// The line table is built on first use, so a file without problems never pays for it.
struct SourceText {
    let bytes: [UInt8]
    private var lineStarts: [Int] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The 1-based line of each of `offsets`, which must be ascending (rows in file order): one
    /// forward walk over the line starts, O(lines + offsets).
    mutating func lines<Offsets: Collection>(ofOffsets offsets: Offsets) -> ContiguousArray<Int32> where Offsets.Element == Int {
        let starts = lines()
        var result = ContiguousArray<Int32>()
        result.reserveCapacity(offsets.count)
        var line = 0
        for offset in offsets {
            while line + 1 < starts.count && starts[line + 1] <= offset { line += 1 }
            result.append(Int32(clamping: line + 1))
        }
        return result
    }

    /// Byte offsets of the first byte of every line.
    private mutating func lines() -> [Int] {
        if lineStarts.isEmpty {
            var starts = [0]
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b == UInt8(ascii: "\n") {
                    starts.append(i + 1)
                } else if b == UInt8(ascii: "\r") && (i + 1 == n || bytes[i + 1] != UInt8(ascii: "\n")) {
                    starts.append(i + 1)
                }
                i += 1
            }
            lineStarts = starts
        }
        return lineStarts
    }

    private func hasBOM(at offset: Int) -> Bool {
        offset == 0 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// The 1-based line and column of the byte at `offset`.
    mutating func location(ofOffset offset: Int) -> (line: Int, column: Int) {
        let starts = lines()
        let offset = max(0, min(offset, bytes.count))
        // Last line start <= offset.
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var i = starts[lo]
        if hasBOM(at: i) { i += 3 }
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (lo + 1, column)
    }

    /// The byte offset of 1-based `line` and `column` (columns counted in scalars), clamped to
    /// the end of that line.
    mutating func offset(line: Int, column: Int) -> Int {
        let starts = lines()
        guard line >= 1 else { return 0 }
        guard line <= starts.count else { return bytes.count }
        var i = starts[line - 1]
        if hasBOM(at: i) { i += 3 }
        let end = line < starts.count ? starts[line] : bytes.count
        var remaining = column - 1
        while remaining > 0 && i < end {
            i += 1
            while i < end && bytes[i] & 0xC0 == 0x80 { i += 1 }
            remaining -= 1
        }
        return i
    }
}

extension SourceText {
    /// The bytes of the file at `path` (see `InputFile`).
    /// - Throws: ``FileError`` naming the file and the reason: missing, a directory, unreadable,
    ///   or a device or FIFO that gives more than ``InputFile/nonRegularLimit`` bytes.
    static func load(path: String) throws -> [UInt8] {
        try InputFile.read(path: path)
    }
}
