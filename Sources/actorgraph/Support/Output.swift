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
        print(value.serialized(pretty: true))
    }

    /// A CSV table (RFC 4180 quoting).
    static func csv(header: [String], rows: [[String]]) {
        var out = header.map(csvField).joined(separator: ",") + "\n"
        for row in rows { out += row.map(csvField).joined(separator: ",") + "\n" }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    /// An aligned plain-text table for people.
    static func table(header: [String], rows: [[String]], rightAligned: Set<Int> = []) {
        print(renderTable(header: header, rows: rows, rightAligned: rightAligned), terminator: "")
    }

    static func renderTable(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: max(0, widths[c] - cell.count))
                return rightAligned.contains(c) ? pad + cell : cell + pad
            }.joined(separator: "  ").trailingSpacesTrimmed
        }
        var out = line(header) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// A number for tables: up to 6 significant decimals, no trailing zeros.
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return d.isNaN ? "nan" : (d > 0 ? "inf" : "-inf") }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(format: "%.6g", d)
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
