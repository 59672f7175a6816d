/// The schema's keys, in one place: the reader allows these and no others (in this order in
/// its messages), and ``DatasetJSONWriter`` writes every record through ``object(_:_:)``, which
/// checks its keys against these, so what is written reads back. `docs/dataset-format.md`
/// documents the same keys.
enum DatasetSchema {
    static let root = ["title", "description", "schema", "sources", "actors", "events", "relations"]
    static let source = ["id", "title", "publisher", "date", "url", "file", "line"]
    static let actor = ["id", "name", "kind", "aliases", "affiliation", "roles", "description"]
    static let role = ["title", "of", "from", "to"]
    static let event = [
        "id", "date", "kind", "subtype", "participants", "source", "target", "broker",
        "principal", "tone", "cameo", "summary", "citations", "attributes",
    ]
    static let citation = ["source", "quote"]
    /// Schema 2.
    static let relation = ["id", "kind", "actors", "from", "to", "summary", "citations"]

    /// A record as the writer writes it: `fields` in the written order, each key one of
    /// `record`'s (checked in debug builds; the round-trip tests read every key back).
    static func object(_ record: [String], _ fields: [(String, JSONValue)]) -> JSONValue {
        assert(fields.allSatisfy { record.contains($0.0) }, "a key outside the dataset schema")
        return .object(fields)
    }
}
