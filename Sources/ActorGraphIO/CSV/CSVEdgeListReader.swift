public import ActorGraphCore
public import Foundation

/// Reads an edge list from CSV: a header row, then one edge per row.
///
/// ## What is accepted
/// - **Format**: RFC 4180. Fields are separated by commas; a field may be quoted with `"`, and a
///   quoted field may hold commas, line breaks and doubled quotes (`""` is one `"`). Rows end
///   with CRLF, LF or CR. A UTF-8 byte order mark is skipped. Blank lines are skipped. The file
///   must be UTF-8.
/// - **Header**: required, the first row. The source column is named `source` or `from`, the
///   target column `target` or `to` (case-insensitive, surrounding spaces ignored); they may be
///   anywhere in the row. Every other column is an edge attribute named by its header
///   (trimmed); names must be non-empty and distinct.
/// - **Rows**: every row has as many fields as the header. Source and target must be non-empty;
///   they are the node names exactly as written (no trimming). Each row is one edge, so
///   repeated pairs are parallel edges and `a,a` is a self-loop. Nodes are numbered in order
///   of first appearance.
/// - **Attribute columns**: a column whose every non-empty value is a decimal number (spaces
///   around it allowed; also `nan`, `inf`, `infinity`) becomes a numeric edge column
///   (``/ActorGraphCore/Graph/edgeColumn(_:)``), with `nan` for empty fields (so a `nan` value, like an empty
///   one, is "no value", as in pandas). Any other column becomes a text column
///   (``/ActorGraphCore/Graph/edgeTextColumn(_:)``), with `nil` for empty fields. A column with no values at all
///   is numeric (all `nan`).
/// - **Spreadsheet formula neutralisation**: a text field (header name, source, target or a
///   text column's value) that starts with `'` followed by `=`, `+`, `-`, `@`, a tab or a
///   carriage return is read without that `'`, which ActorGraph's CSV writers (OWASP's rule
///   for CSV injection) put there so spreadsheets do not run the cell as a formula. A field of
///   several `'` then such a character loses one `'` (a text that itself began `'-` was written
///   `''-`), so a round trip is exact (``unneutralised(_:)``). A `'` before anything else is
///   kept. Such a field is text, never a number.
///
/// ## Errors
/// Every problem is reported at once in one ``InputError``, located at `file:line:column`
/// (columns count characters): no header, a missing or ambiguous source/target column, an
/// empty or repeated column name, a row with the wrong number of fields, an empty source or
/// target, a quote inside an unquoted field, text after a closing quote, an unterminated quote
/// (the reading stops there), invalid UTF-8. A file that cannot be read throws ``FileError``.
/// After 100 problems the reading stops.
///
/// - Complexity: O(file size): one pass over the bytes, and a second one when a column is text.
public enum CSVEdgeListReader {
    /// Names accepted for the source column (compared case-insensitively).
    public static let sourceColumnNames = ["source", "from"]
    /// Names accepted for the target column (compared case-insensitively).
    public static let targetColumnNames = ["target", "to"]

    /// The characters after which a writer puts a `'` so spreadsheets read the cell as text:
    /// `=`, `+`, `-`, `@`, tab and carriage return (OWASP, "CSV Injection").
    public static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// `field` without the `'` a CSV writer adds before a formula trigger: one `'` is removed
    /// when the field is one or more `'` followed by a trigger (``formulaTriggers``); any other
    /// field is unchanged. So a writer that prefixes `'` to every text matching `'*` + trigger
    /// (zero or more `'`, then a trigger) round-trips exactly, texts that start with `'` included:
    /// `-x` is written `'-x`, `'-x` is written `''-x`, and `'a` is written as it is.
    public static func unneutralised(_ field: String) -> String {
        var field = field
        // The reader's one rule, on bytes (``CSVRecordScanner/neutralisingQuote(_:_:_:)``).
        let neutralised = field.withUTF8 { CSVRecordScanner.neutralisingQuote($0, 0, $0.count) == 1 }
        return neutralised ? String(field.dropFirst()) : field
    }

    /// Reads the CSV edge list at `path`; `directed` makes every edge an arc from source to target.
    /// - Throws: ``FileError`` when the file cannot be read; ``InputError`` with every problem.
    public static func read(path: String, directed: Bool = false) throws -> Graph {
        try read(path: path, directed: directed, parsed: {})
    }

    /// ``read(path:directed:)``, calling `parsed` once the file is read and checked, before the
    /// adjacency is built: the CLI's `--time` splits reading from building there.
    package static func read(path: String, directed: Bool, parsed: () -> Void) throws -> Graph {
        var parser = CSVEdgeListParser(bytes: try SourceText.load(path: path), file: path)
        return try parser.graph(directed: directed, parsed: parsed)
    }

    /// Reads a CSV edge list from `data`; `name` is the file name used in diagnostics.
    /// - Throws: ``InputError`` with every problem.
    public static func read(data: Data, name: String = "<data>", directed: Bool = false) throws -> Graph {
        var parser = CSVEdgeListParser(bytes: [UInt8](data), file: name)
        return try parser.graph(directed: directed)
    }
}
