import ActorGraph
import ArgumentParser
import Foundation
import Synchronization

/// Output formats shared by the analysis commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, csv, table
}

/// Writes a result to stdout.
enum Output {
    static func json(_ value: JSONValue) {
        RunTimer.shared.writing { print(value.serialized(pretty: true)) }
    }

    /// A CSV table (RFC 4180 quoting; text cells neutralised for spreadsheets, see
    /// ``csvField(_:)``).
    static func csv(header: [String], rows: [[String]]) {
        RunTimer.shared.writing {
            var out = header.map(csvField).joined(separator: ",") + "\n"
            for row in rows { out += row.map(csvField).joined(separator: ",") + "\n" }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }

    /// An aligned plain-text table for people, fitted to ``tableWidth``.
    ///
    /// - Parameters:
    ///   - rightAligned: columns aligned right (numbers).
    ///   - elidable: columns left out when every row holds the same value (they say nothing).
    static func table(header: [String], rows: [[String]], rightAligned: Set<Int> = [], elidable: Set<Int> = []) {
        RunTimer.shared.writing {
            print(
                renderTable(header: header, rows: rows, rightAligned: rightAligned, elidable: elidable, width: tableWidth),
                terminator: "")
        }
    }

    /// The width tables are fitted to: the terminal's when stdout is one, else `COLUMNS`, else 120.
    static let tableWidth: Int = {
        var size = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 120
    }()

    /// The table as text. Cells are shown with control characters escaped
    /// (``TerminalText/safe(_:)``) and measured in terminal columns (East Asian wide characters
    /// take two). When the natural width exceeds `width`, the widest columns are narrowed (never
    /// below their header or their longest word, up to 24 columns) and their cells wrapped at
    /// spaces (long words at `;`, `,` or `-`), so nothing is cut; full values stay in JSON and CSV.
    static func renderTable(
        header: [String], rows: [[String]], rightAligned: Set<Int> = [], elidable: Set<Int> = [],
        width: Int = tableWidth
    ) -> String {
        let all = ([header] + rows).map { $0.map(TerminalText.safe) }
        let keep = header.indices.filter { c in
            let values = all.dropFirst().map { c < $0.count ? $0[c] : "" }
            if values.allSatisfy(\.isEmpty) && !values.isEmpty { return false }
            return !(elidable.contains(c) && values.count > 1 && Set(values).count == 1)
        }
        let cells = all.map { row in keep.map { c in c < row.count ? row[c] : "" } }
        let aligned = Set(keep.enumerated().filter { rightAligned.contains($0.element) }.map(\.offset))
        var widths = keep.indices.map { c in cells.map { TerminalText.width($0[c]) }.max() ?? 0 }
        // A column narrows down to its header or its longest word (at most 24), so words break
        // only when they are very long.
        let floor = keep.indices.map { c in
            let word = cells.dropFirst().flatMap { $0[c].split(separator: " ") }.map { TerminalText.width(String($0)) }.max() ?? 0
            return min(widths[c], max(TerminalText.width(cells[0][c]), min(word, 24), 8))
        }
        // Narrow to the floors first; if that is not enough, down to the headers (long words
        // then break at punctuation).
        let lastResort = keep.indices.map { c in min(widths[c], max(TerminalText.width(cells[0][c]), 6)) }
        for limit in [floor, lastResort] {
            while widths.reduce(0, +) + 2 * max(0, widths.count - 1) > width,
                let widest = widths.indices.filter({ widths[$0] > limit[$0] }).max(by: { widths[$0] < widths[$1] })
            {
                widths[widest] -= 1
            }
        }
        func lines(_ row: [String]) -> String {
            let wrapped = row.enumerated().map { c, cell in TerminalText.wrap(cell, width: widths[c]) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { l in
                wrapped.enumerated().map { c, parts in
                    let cell = l < parts.count ? parts[l] : ""
                    let pad = String(repeating: " ", count: max(0, widths[c] - TerminalText.width(cell)))
                    return aligned.contains(c) ? pad + cell : cell + pad
                }.joined(separator: "  ").trailingSpacesTrimmed + "\n"
            }.joined()
        }
        var out = lines(cells[0])
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells.dropFirst() { out += lines(row) }
        return out
    }

    /// One CSV cell: RFC 4180 quoting and spreadsheet neutralisation, by the library's one rule
    /// (``CSVCell/field(_:)``), which ActorGraph's CSV readers undo.
    static func csvField(_ s: String) -> String { CSVCell.field(s) }

    /// A number for tables: up to 6 significant decimals, no trailing zeros.
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return d.isNaN ? "nan" : (d > 0 ? "inf" : "-inf") }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(format: "%.6g", d)
    }

    /// One paragraph for people (a finding, a sentence): control characters escaped, wrapped to
    /// ``tableWidth`` at spaces with the following lines indented by four, so every paragraph
    /// still starts at the left margin.
    static func paragraph(_ text: String) {
        let lines = TerminalText.wrap(TerminalText.safe(text), width: max(20, tableWidth))
        guard let first = lines.first else { return print("") }
        var out = first + "\n"
        for line in TerminalText.wrap(lines.dropFirst().joined(separator: " "), width: max(16, tableWidth - 4)) where !line.isEmpty {
            out += "    " + line + "\n"
        }
        print(out, terminator: "")
    }

    /// A list shortened for a table cell: the first `keep` items, then "+N more".
    static func shortList(_ items: [String], keep: Int = 3, separator: String = "; ") -> String {
        guard items.count > keep else { return items.joined(separator: separator) }
        return items.prefix(keep).joined(separator: separator) + "\(separator)+\(items.count - keep) more"
    }
}

/// Text from files shown on a terminal: escaped so that it cannot move the cursor, clear the
/// screen, retitle the window or fake an output line; measured and wrapped in terminal columns.
enum TerminalText {
    /// `s` with every control character shown as an escape: `\n`, `\t`, `\r`, `\e` (ESC), and
    /// `\u{XX}` for the other C0 and C1 controls, DEL and the bidirectional overrides and
    /// isolates (which can reorder what a line appears to say). Backslashes are left alone.
    static func safe(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{1B}": out += "\\e"
            case _ where isControl(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F
    }

    /// Terminal columns `s` takes: two for East Asian wide and full-width characters (Hangul,
    /// CJK, kana, full-width forms), none for combining marks, one otherwise.
    static func width<S: StringProtocol>(_ s: S) -> Int {
        var columns = 0
        for scalar in s.unicodeScalars { columns += width(scalar) }
        return columns
    }

    static func width(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        // Below U+0300 (the first combining mark) every printable scalar takes one column.
        if v < 0x300 { return 1 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark
            || v == 0x200B || v == 0x200D
        {
            return 0
        }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// `s` broken into lines of at most `width` columns: at spaces where it can; a word longer
    /// than the line after `;`, `,` or `-`; inside a word only where nothing else fits.
    ///
    /// Linear in the length of `s`: the line's width is kept as it grows, never measured again.
    static func wrap(_ s: String, width: Int) -> [String] {
        guard width > 0, TerminalText.width(s) > width else { return [s] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0 // columns of `line`, trailing spaces included
        func flush() {
            let trimmed = line.trailingSpacesTrimmed
            if !trimmed.isEmpty { lines.append(trimmed) }
            line = ""
            lineWidth = 0
        }
        /// Whether `piece` (its width `w`, `spaces` of which trail it) fits after the line.
        func fits(_ w: Int, _ spaces: Int) -> Bool { lineWidth + w - spaces <= width }
        func append<S: StringProtocol>(_ piece: S, _ w: Int) {
            line += piece
            lineWidth += w
        }
        for word in pieces(of: s, after: [" "]) {
            let w = TerminalText.width(word), spaces = trailingSpaceCount(word)
            if fits(w, spaces) { append(word, w); continue }
            flush()
            if fits(w, spaces) { append(word, w); continue }
            // A word longer than the line: at punctuation, else by character.
            for part in pieces(of: String(word), after: [";", ",", "-"]) {
                let pw = TerminalText.width(part), ps = trailingSpaceCount(part)
                if !fits(pw, ps) { flush() }
                if fits(pw, ps) { append(part, pw); continue }
                for ch in part {
                    let cw = TerminalText.width(String(ch))
                    let cs = ch == " " ? 1 : 0
                    if !fits(cw, cs) { flush() }
                    append(String(ch), cw)
                }
            }
        }
        flush()
        return lines.isEmpty ? [""] : lines
    }

    /// How many spaces end `s`.
    private static func trailingSpaceCount(_ s: Substring) -> Int {
        var n = 0
        for scalar in s.unicodeScalars.reversed() {
            guard scalar == " " else { break }
            n += 1
        }
        return n
    }

    /// `s` cut after each of `separators` (single scalars), each piece keeping its separator.
    /// Slices, not copies: linear in `s`.
    static func pieces(of s: String, after separators: [Unicode.Scalar]) -> [Substring] {
        let scalars = s.unicodeScalars
        var out: [Substring] = []
        var start = scalars.startIndex, i = start
        while i != scalars.endIndex {
            let scalar = scalars[i]
            scalars.formIndex(after: &i)
            if separators.contains(scalar) {
                out.append(Substring(scalars[start..<i]))
                start = i
            }
        }
        if start != scalars.endIndex { out.append(Substring(scalars[start...])) }
        return out
    }
}

extension String {
    var trailingSpacesTrimmed: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

/// Progress on stderr for long work: shown only when stderr is a terminal, and only once the
/// work has taken more than a second and a half (`ACTORGRAPH_PROGRESS_DELAY_MS` overrides the
/// delay, for tests), so quick commands and pipes stay quiet.
final class TerminalProgress: Sendable {
    private let label: String
    private let delay: Duration
    private let started = ContinuousClock.now
    private let shown = Mutex(false)

    private init(label: String, delay: Duration) {
        self.label = label
        self.delay = delay
    }

    /// A progress display for `label`, or `nil` when stderr is no terminal.
    static func onTerminal(label: String) -> TerminalProgress? {
        guard isatty(2) == 1 else { return nil }
        let milliseconds = ProcessInfo.processInfo.environment["ACTORGRAPH_PROGRESS_DELAY_MS"].flatMap(Int.init) ?? 1500
        return TerminalProgress(label: label, delay: .milliseconds(max(0, milliseconds)))
    }

    /// Execution options that report to this display.
    var execution: ExecutionOptions {
        ExecutionOptions(progress: { [self] done, total in update(done, of: total) })
    }

    func update(_ done: Int, of total: Int) {
        guard ContinuousClock.now - started >= delay, total > 0 else { return }
        shown.withLock { $0 = true }
        FileHandle.standardError.write(Data("\r\(label): \(done * 100 / total)% (\(done)/\(total))\u{1B}[K".utf8))
    }

    /// Clears the progress line, if one was shown.
    func finish() {
        if shown.withLock({ $0 }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
