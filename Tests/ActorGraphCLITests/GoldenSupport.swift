import Foundation
import Testing

/// Golden outputs of the CLI, compared structurally: JSON as trees (numbers within a relative
/// 1e-9), CSV as rows of cells, tables as rows of cells split on two or more spaces, other text
/// (DOT, GraphML, GEXF, YAML, messages) line by line.
///
/// `RECORD_GOLDENS=1 swift test --filter Golden` rewrites the files under `Goldens/` (a reviewer
/// reads the `git diff`); without it a missing golden is a failure. Commands run with
/// `COLUMNS=200`, so tables do not depend on the terminal.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }
    static let environment = ["COLUMNS": "200"]

    /// How a golden file is compared, from its extension.
    enum Kind {
        case json, csv, table, lines

        init(file: String) {
            switch (file as NSString).pathExtension {
            case "json": self = .json
            case "csv": self = .csv
            case "table": self = .table
            default: self = .lines
            }
        }
    }

    /// Compares `actual` with the golden file `name`, or records it under `RECORD_GOLDENS=1`.
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if recording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            do { try actual.write(to: url, atomically: true, encoding: .utf8) } catch {
                Issue.record("cannot record \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "no golden file Goldens/\(name); record it with RECORD_GOLDENS=1 swift test --filter Golden and read the diff",
                sourceLocation: sourceLocation)
            return
        }
        let differences = diff(golden: golden, actual: actual, kind: Kind(file: name))
        if !differences.isEmpty {
            Issue.record(
                """
                \(name) differs from its golden (first \(differences.count) differences; re-record with RECORD_GOLDENS=1 only if the change is right):
                \(differences.joined(separator: "\n"))
                """, sourceLocation: sourceLocation)
        }
    }

    /// The first differences (at most `limit`) between two texts of `kind`, each as
    /// `path: golden X, actual Y`; empty when they are equal.
    static func diff(golden: String, actual: String, kind: Kind, limit: Int = 10) -> [String] {
        var out: [String] = []
        switch kind {
        case .json:
            guard let g = try? JSONSerialization.jsonObject(with: Data(golden.utf8), options: [.fragmentsAllowed]) else {
                return ["golden is not JSON"]
            }
            guard let a = try? JSONSerialization.jsonObject(with: Data(actual.utf8), options: [.fragmentsAllowed]) else {
                return ["output is not JSON: \(actual.prefix(200))"]
            }
            compareJSON(g, a, path: "$", into: &out, limit: limit)
        case .csv:
            compareRows(CSVText.rows(golden), CSVText.rows(actual), into: &out, limit: limit)
        case .table:
            compareRows(tableRows(golden), tableRows(actual), into: &out, limit: limit)
        case .lines:
            compareRows(
                golden.split(separator: "\n", omittingEmptySubsequences: false).map { [String($0)] },
                actual.split(separator: "\n", omittingEmptySubsequences: false).map { [String($0)] },
                into: &out, limit: limit)
        }
        return out
    }

    /// A table's lines as cells: split on runs of two or more spaces, edges trimmed.
    static func tableRows(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { line in
            line.split(separator: "  ", omittingEmptySubsequences: true)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    /// Two numbers agree within a relative 1e-9 (or an absolute 1e-12 near zero).
    static func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
        if a == b { return true }
        if a.isNaN && b.isNaN { return true }
        return abs(a - b) <= max(relative * max(abs(a), abs(b)), 1e-12)
    }

    static func compareJSON(_ g: Any, _ a: Any, path: String, into out: inout [String], limit: Int) {
        guard out.count < limit else { return }
        switch (g, a) {
        case (let g as [String: Any], let a as [String: Any]):
            for key in g.keys.sorted() {
                guard let value = a[key] else { out.append("\(path).\(key): in golden, missing in output"); continue }
                compareJSON(g[key]!, value, path: "\(path).\(key)", into: &out, limit: limit)
            }
            for key in a.keys.sorted() where g[key] == nil {
                if out.count < limit { out.append("\(path).\(key): in output, not in golden") }
            }
        case (let g as [Any], let a as [Any]):
            if g.count != a.count { out.append("\(path): golden has \(g.count) items, output \(a.count)") }
            for i in 0..<min(g.count, a.count) { compareJSON(g[i], a[i], path: "\(path)[\(i)]", into: &out, limit: limit) }
        case (let g as String, let a as String):
            if g != a { out.append("\(path): golden \(quoted(g)), output \(quoted(a))") }
        case (is NSNull, is NSNull):
            break
        case (let g as NSNumber, let a as NSNumber):
            if !close(g.doubleValue, a.doubleValue) { out.append("\(path): golden \(g), output \(a)") }
        default:
            out.append("\(path): golden \(g), output \(a)")
        }
    }

    static func compareRows(_ g: [[String]], _ a: [[String]], into out: inout [String], limit: Int) {
        if g.count != a.count { out.append("golden has \(g.count) rows, output \(a.count)") }
        for r in 0..<min(g.count, a.count) where out.count < limit {
            let gr = g[r], ar = a[r]
            if gr.count != ar.count {
                out.append("row \(r + 1): golden \(gr.count) cells \(gr.map(quoted)), output \(ar.count) cells \(ar.map(quoted))")
                continue
            }
            for c in gr.indices where out.count < limit && !cellsAgree(gr[c], ar[c]) {
                out.append("row \(r + 1), cell \(c + 1): golden \(quoted(gr[c])), output \(quoted(ar[c]))")
            }
        }
    }

    /// Cells agree when equal, or when both are numbers within the tolerance.
    static func cellsAgree(_ g: String, _ a: String) -> Bool {
        if g == a { return true }
        guard let x = Double(g), let y = Double(a) else { return false }
        return close(x, y)
    }

    static func quoted(_ s: String) -> String {
        "\"" + (s.count > 120 ? String(s.prefix(117)) + "..." : s) + "\""
    }
}

/// RFC 4180 CSV as rows of cells (quoted fields, doubled quotes, newlines inside quotes).
enum CSVText {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = text.makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? chars.next() {
            pending = nil
            if quoted {
                if ch == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(ch)
                }
                continue
            }
            switch ch {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\n", "\r\n":
                row.append(field); rows.append(row); row = []; field = ""
            default: field.append(ch)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

/// One golden: a command line on the seed dataset and the file its output is compared with:
/// stdout, or for `render` and `convert` (`output` set) the file the command writes.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    let file: String
    let arguments: [String]
    /// For commands writing a file (`-o`): that file's extension; the golden is its content.
    var output: String? = nil
    /// For `convert ... .csv`: also the node table written beside the edge list.
    var nodesFile: String? = nil
    /// The expected exit status (validate on a bad file exits 1).
    var status: Int32 = 0

    var testDescription: String { file }

    /// Runs the command (writing to a temporary file when `output` is set) and returns the text
    /// to compare, and the node table for CSV conversions.
    func run() throws -> (text: String, nodes: String?) {
        var arguments = self.arguments
        var out: URL? = nil
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        if let output {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            out = folder.appendingPathComponent("out.\(output)")
            arguments += ["-o", out!.path]
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLI.run(arguments, environment: Golden.environment)
        #expect(r.status == status, "\(arguments): exit \(r.status); \(r.stderr)")
        guard let out else { return (r.stdout, nil) }
        let text = try String(contentsOf: out, encoding: .utf8)
        var nodes: String? = nil
        if nodesFile != nil {
            nodes = try String(contentsOf: folder.appendingPathComponent("out.nodes.csv"), encoding: .utf8)
        }
        return (text, nodes)
    }
}
