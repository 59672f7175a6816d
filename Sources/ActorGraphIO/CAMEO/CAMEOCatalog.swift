import Foundation

/// The CAMEO event codes with their descriptions, Goldstein values and QuadClass families.
///
/// ``shipped()`` loads the tables that ship with ActorGraph (`CAMEO/Resources`: the CAMEO event
/// codes and the Goldstein (1992) scale from the public repository mpiccirilli/UNDP-BCPR-Project,
/// commit e009a80, 2013; see `PROVENANCE.md` beside them). The families follow GDELT 1.0 (see
/// ``CAMEOQuadClass``).
///
/// ```swift
/// let cameo = try CAMEOCatalog.shipped()
/// cameo.description(of: "042")   // "Make a visit"
/// cameo.goldstein(of: "042")     // 1.9
/// cameo.quadClass(of: "042")     // .verbalCooperation
/// ```
public struct CAMEOCatalog: Sendable {
    /// One code of the table.
    public struct Entry: Hashable, Sendable {
        /// The code as written, leading zeros kept: `042`, `0242`.
        public let code: String
        public let description: String
        /// The Goldstein value, -10 (conflict) ... +10 (cooperation).
        public let goldstein: Double
        public let quadClass: CAMEOQuadClass
    }

    private let entries: [String: Entry]
    /// Every code, in the order of the event-codes table.
    public let codes: [String]

    /// Parses the two tab-separated tables (a header row, then `CODE<TAB>VALUE` lines). Every code
    /// must appear in both, once, with a root in 01-20 and a Goldstein value in -10...10.
    /// - Parameters:
    ///   - eventCodes: the text of `CAMEO.eventcodes.txt`.
    ///   - goldsteinScale: the text of `CAMEO.goldsteinscale.txt`.
    ///   - files: the names used in error messages.
    /// - Throws: ``InputError`` with a located ``Diagnostic`` per bad line.
    /// - Complexity: O(size of the tables).
    public init(
        eventCodes: String, goldsteinScale: String,
        files: (eventCodes: String, goldsteinScale: String) = ("CAMEO.eventcodes.txt", "CAMEO.goldsteinscale.txt")
    ) throws {
        var problems: [Diagnostic] = []
        func rows(_ text: String, file: String) -> [(code: String, value: String, line: Int)] {
            var result: [(String, String, Int)] = []
            for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().dropFirst() {
                let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
                if line.isEmpty { continue }
                let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                guard fields.count == 2 else {
                    problems.append(Diagnostic(file: file, line: i + 1, column: 1, message: "expected CODE<TAB>VALUE"))
                    continue
                }
                let code = fields[0].trimmingCharacters(in: .whitespaces)
                guard CAMEOQuadClass(code: code) != nil else {
                    problems.append(Diagnostic(file: file, line: i + 1, column: 1, message: "'\(code)' is not a CAMEO code"))
                    continue
                }
                result.append((code, fields[1].trimmingCharacters(in: .whitespaces), i + 1))
            }
            return result
        }
        var goldstein: [String: Double] = [:]
        for row in rows(goldsteinScale, file: files.goldsteinScale) {
            guard let value = Double(row.value), (-10...10).contains(value) else {
                problems.append(
                    Diagnostic(
                        file: files.goldsteinScale, line: row.line, column: row.code.count + 2,
                        message: "'\(row.value)' is not a Goldstein value in -10...10"))
                continue
            }
            if goldstein.updateValue(value, forKey: row.code) != nil {
                problems.append(Diagnostic(file: files.goldsteinScale, line: row.line, column: 1, message: "code \(row.code) is listed twice"))
            }
        }
        var entries: [String: Entry] = [:]
        var codes: [String] = []
        for row in rows(eventCodes, file: files.eventCodes) {
            guard let value = goldstein[row.code] else {
                problems.append(
                    Diagnostic(
                        file: files.eventCodes, line: row.line, column: 1,
                        message: "code \(row.code) has no Goldstein value in \(files.goldsteinScale)"))
                continue
            }
            let entry = Entry(code: row.code, description: row.value, goldstein: value, quadClass: CAMEOQuadClass(code: row.code)!)
            if entries.updateValue(entry, forKey: row.code) != nil {
                problems.append(Diagnostic(file: files.eventCodes, line: row.line, column: 1, message: "code \(row.code) is listed twice"))
            } else {
                codes.append(row.code)
            }
        }
        for code in goldstein.keys.sorted() where entries[code] == nil {
            problems.append(
                Diagnostic(
                    file: files.goldsteinScale, line: 1, column: 1,
                    message: "code \(code) has a Goldstein value but no description in \(files.eventCodes)"))
        }
        guard problems.isEmpty else { throw InputError(problems) }
        self.entries = entries
        self.codes = codes
    }

    /// The entry for `code` (leading zeros matter: `"042"`, not `"42"`), or `nil` if the table
    /// has no such code. O(1).
    public func entry(_ code: String) -> Entry? { entries[code] }
    /// CAMEO's description of `code`: `"Make a visit"` for `"042"`.
    public func description(of code: String) -> String? { entries[code]?.description }
    /// The Goldstein value of `code`: `1.9` for `"042"`.
    public func goldstein(of code: String) -> Double? { entries[code]?.goldstein }
    /// The QuadClass family of a code in the table (for any well-formed code, use
    /// ``CAMEOQuadClass/init(code:)``).
    public func quadClass(of code: String) -> CAMEOQuadClass? { entries[code]?.quadClass }

    /// The tables shipped with ActorGraphIO (compiled in from `CAMEO/Resources/`, so an
    /// installed binary needs no resource bundle), parsed once (thread-safe).
    /// - Throws: ``InputError`` if a table cannot be parsed (a broken build).
    public static func shipped() throws -> CAMEOCatalog { try loadedShipped.get() }

    /// The text of a shipped file: `CAMEO.eventcodes.txt`, `CAMEO.goldsteinscale.txt` or
    /// `PROVENANCE.md` (where the tables come from), byte for byte; `nil` for another name.
    public static func shippedText(_ name: String) -> String? { shippedTexts[name] }

    private static let loadedShipped: Result<CAMEOCatalog, InputError> = {
        func text(_ name: String) -> Result<String, InputError> {
            guard let text = shippedText(name) else {
                return .failure(InputError(file: name, "the CAMEO table is not compiled into ActorGraphIO", code: .unreadable))
            }
            return .success(text)
        }
        switch (text("CAMEO.eventcodes.txt"), text("CAMEO.goldsteinscale.txt")) {
        case (.failure(let error), _), (_, .failure(let error)):
            return .failure(error)
        case (.success(let codes), .success(let scale)):
            do {
                return .success(try CAMEOCatalog(eventCodes: codes, goldsteinScale: scale))
            } catch let error as InputError {
                return .failure(error)
            } catch {
                return .failure(InputError(file: "CAMEO.eventcodes.txt", "\(error)"))
            }
        }
    }()
}
