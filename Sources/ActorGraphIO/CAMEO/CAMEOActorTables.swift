/// CAMEO's actor tables: country and region codes (`USA`, `GEO`, `CAU`) and actor type codes,
/// the roles (`GOV`, `MIL`, `OPP`), each with its label.
///
/// ``shipped()`` loads GDELT's lookup tables `CAMEO.country.txt` and `CAMEO.type.txt`, shipped in
/// `CAMEO/Resources` with their provenance (`PROVENANCE.md`): they come from the CAMEO actor
/// codebook (Schrodt 2012, ch. 3) by way of GDELT's published lookups.
public struct CAMEOActorTables: Sendable {
    /// Country or region code -> label: `"USA"` -> `"United States"`.
    public let countries: [String: String]
    /// Actor type (role) code -> label: `"GOV"` -> `"Government"`.
    public let types: [String: String]

    /// Parses two `CODE<TAB>LABEL` tables with a header row.
    /// - Throws: ``InputError`` naming the line of a row without a tab or with an empty code.
    /// - Complexity: O(size of the tables).
    public init(
        countryTable: String, typeTable: String,
        files: (countries: String, types: String) = ("CAMEO.country.txt", "CAMEO.type.txt")
    ) throws {
        func parse(_ text: String, file: String) throws -> [String: String] {
            var table: [String: String] = [:]
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().dropFirst() {
                let row = line.hasSuffix("\r") ? line.dropLast() : line
                if row.isEmpty { continue }
                guard let tab = row.firstIndex(of: "\t"), tab != row.startIndex else {
                    throw InputError([Diagnostic(file: file, line: i + 1, column: 1, message: "expected CODE<TAB>LABEL")])
                }
                table[String(row[..<tab])] = String(row[row.index(after: tab)...])
            }
            return table
        }
        countries = try parse(countryTable, file: files.countries)
        types = try parse(typeTable, file: files.types)
    }

    /// The tables shipped with ActorGraphIO, parsed once (thread-safe).
    /// - Throws: ``InputError`` if a table cannot be parsed (a broken build).
    public static func shipped() throws -> CAMEOActorTables { try loadedShipped.get() }

    private static let loadedShipped: Result<CAMEOActorTables, InputError> = {
        guard let countries = CAMEOCatalog.shippedText("CAMEO.country.txt"),
            let types = CAMEOCatalog.shippedText("CAMEO.type.txt")
        else {
            return .failure(InputError(file: "CAMEO.country.txt", "the CAMEO actor tables are not compiled into ActorGraphIO", code: .unreadable))
        }
        do {
            return .success(try CAMEOActorTables(countryTable: countries, typeTable: types))
        } catch let error as InputError {
            return .failure(error)
        } catch {
            return .failure(InputError(file: "CAMEO.country.txt", "\(error)"))
        }
    }()
}
