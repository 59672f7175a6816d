/// Finds processing instructions without data (`<?target?>`), which the GraphML reader refuses
/// before parsing.
///
/// Such an instruction is well-formed XML, but libxml2 hands its data to Foundation's
/// `XMLParser` as a null pointer, which `XMLParser` (swift-corelibs-foundation, Swift 6.3.1)
/// passes to `strlen`: the process dies with SIGSEGV, whatever the delegate does. Found by
/// `scripts/fuzz.sh graphml` (`Fuzz/regressions/graphml/`). With any data, even one space
/// (`<?target ?>`), it is read and ignored as before. GraphML writers do not write such
/// instructions, so each one is an error located at its `<?`.
///
/// Comments and CDATA sections are skipped (a `<?` inside them is text); elsewhere `<` cannot
/// be text, so every other `<?` starts an instruction.
///
/// - Complexity: O(input length).
enum ProcessingInstructionScan {
    /// Byte offsets of the `<?` of every instruction whose target is followed directly by `?>`.
    static func withoutData(in bytes: [UInt8]) -> [Int] {
        let n = bytes.count
        let commentStart: [UInt8] = Array("<!--".utf8), commentEnd: [UInt8] = Array("-->".utf8)
        let cdataStart: [UInt8] = Array("<![CDATA[".utf8), cdataEnd: [UInt8] = Array("]]>".utf8)
        let markup = MarkupBytes(bytes: bytes)
        func starts(_ t: [UInt8], at j: Int) -> Bool { markup.starts(t, at: j) }
        func skip(past end: [UInt8], from j: Int) -> Int { markup.skip(past: end, from: j) }
        func endsName(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: "?") }
        var found: [Int] = []
        var i = 0
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if starts(commentStart, at: i) { i = skip(past: commentEnd, from: i + commentStart.count); continue }
            if starts(cdataStart, at: i) { i = skip(past: cdataEnd, from: i + cdataStart.count); continue }
            guard i + 1 < n, bytes[i + 1] == UInt8(ascii: "?") else { i += 1; continue }
            var j = i + 2
            while j < n && !endsName(bytes[j]) { j += 1 }
            if j > i + 2, j + 1 < n, bytes[j] == UInt8(ascii: "?"), bytes[j + 1] == UInt8(ascii: ">") { found.append(i) }
            i = j
        }
        return found
    }
}
