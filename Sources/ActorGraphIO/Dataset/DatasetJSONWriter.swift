public import ActorGraphCore

/// The normalised dataset as JSON: the stable contract that scripts and other tools read.
///
/// ```
/// {"title", "description", "schema": 1 | 2,
///  "sources": [{"id", "title", "publisher", "date", "url", "file"}],
///  "actors":  [{"id", "name", "kind", "affiliation", "aliases": [...], "roles": [...], "description"}],
///  "events":  [{"id", "date", "kind", "subtype", "participants": [actor ids], "source", "target",
///              "broker", "tone", "citations": [{"source", "quote"}], "principal", "cameo", "summary"}],
///  "relations": [{"id", "kind", "actors": [first, second], "from", "to", "summary",
///                 "citations": [{"source", "quote"}]}]}      (schema 2 on)
/// ```
/// Schema 3 adds a source's `"line"` (after `"file"`) and an event's `"attributes"` (an object
/// of typed values, keys sorted, after `"summary"`); a source's `"title"` and a citation's
/// `"quote"` may be `null` there. Schemas 1 and 2 are written exactly as before.
/// `schema` is always written (1 for a file that names none); `relations` is written, possibly
/// empty, from schema 2 on, and never in schema 1, whose readers do not know the key.
/// Absent optional values are `null`; references are ids; `participants` always includes the
/// source and target. The output is itself a valid dataset file: reading it back with
/// ``DatasetReader`` gives the same dataset. (`url` is the source's web address; `file`, its
/// local copy.)
public enum DatasetJSONWriter {
    /// - Complexity: O(size of the dataset).
    public static func json(_ dataset: Dataset) -> JSONValue {
        func actorRef(_ id: ActorID?) -> JSONValue { .optional(id.map { dataset[$0].id }) }
        var top: [(String, JSONValue)] = []
        if let title = dataset.title { top.append(("title", .string(title))) }
        if let description = dataset.description { top.append(("description", .string(description))) }
        top.append(("schema", .int(dataset.schemaVersion)))
        let evidence = dataset.schemaVersion >= Dataset.evidenceSchemaVersion
        func quote(_ c: Citation) -> JSONValue { evidence && !c.hasQuote ? .null : .string(c.quote) }
        top.append(
            (
                "sources",
                .array(
                    dataset.sources.map { s in
                        var fields: [(String, JSONValue)] = [
                            ("id", .string(s.id)), ("title", evidence && !s.hasTitle ? .null : .string(s.title)),
                            ("publisher", .optional(s.publisher)), ("date", .optional(s.date?.text)), ("url", .optional(s.url)),
                            ("file", .optional(s.file)),
                        ]
                        if evidence { fields.append(("line", s.line.map { .int($0) } ?? .null)) }
                        return DatasetSchema.object(DatasetSchema.source, fields)
                    })
            ))
        top.append(
            (
                "actors",
                .array(
                    dataset.actors.map { a in
                        DatasetSchema.object(
                            DatasetSchema.actor,
                            [
                                ("id", .string(a.id)), ("name", .string(a.name)), ("kind", .string(a.kind.rawValue)),
                                ("affiliation", actorRef(a.affiliation)), ("aliases", .array(a.aliases.map { .string($0) })),
                                (
                                    "roles",
                                    .array(
                                        a.roles.map { r in
                                            DatasetSchema.object(
                                                DatasetSchema.role,
                                                [
                                                    ("title", .string(r.title)), ("of", actorRef(r.organization)),
                                                    ("from", .optional(r.from?.text)), ("to", .optional(r.to?.text)),
                                                ])
                                        })
                                ),
                                ("description", .optional(a.description)),
                            ])
                    })
            ))
        top.append(
            (
                "events",
                .array(
                    dataset.events.map { e in
                        var fields: [(String, JSONValue)] = [
                            ("id", .string(e.id)), ("date", .string(e.date.text)), ("kind", .string(e.kind.rawValue)),
                            ("subtype", .optional(e.subtype)),
                            ("participants", .array(e.participants.map { .string(dataset[$0].id) })),
                            ("source", actorRef(e.source)), ("target", actorRef(e.target)), ("broker", actorRef(e.broker)),
                            ("tone", .optional(e.tone)),
                            (
                                "citations",
                                .array(
                                    e.citations.map { c in
                                        DatasetSchema.object(DatasetSchema.citation, [("source", .string(dataset[c.source].id)), ("quote", quote(c))])
                                    })
                            ),
                            ("principal", actorRef(e.principal)), ("cameo", .optional(e.cameo)), ("summary", .optional(e.summary)),
                        ]
                        if evidence {
                            fields.append(("attributes", .object(e.attributes.map { ($0.key, attributeJSON($0.value)) })))
                        }
                        return DatasetSchema.object(DatasetSchema.event, fields)
                    })
            ))
        if dataset.schemaVersion >= Dataset.relationsSchemaVersion {
            top.append(
                (
                    "relations",
                    .array(
                        dataset.relations.map { r in
                            DatasetSchema.object(
                                DatasetSchema.relation,
                                [
                                    ("id", .string(r.id)), ("kind", .string(r.kind.rawValue)),
                                    ("actors", .array([.string(dataset[r.first].id), .string(dataset[r.second].id)])),
                                    ("from", .optional(r.from?.text)), ("to", .optional(r.to?.text)),
                                    ("summary", .optional(r.summary)),
                                    (
                                        "citations",
                                        .array(
                                            r.citations.map { c in
                                                DatasetSchema.object(DatasetSchema.citation, [("source", .string(dataset[c.source].id)), ("quote", quote(c))])
                                            })
                                    ),
                                ])
                        })
                ))
        }
        return DatasetSchema.object(DatasetSchema.root, top)
    }

    /// An attribute value as JSON, its type kept (`010` as a string stays a string).
    static func attributeJSON(_ value: AttributeValue) -> JSONValue {
        switch value {
        case .string(let s): return .string(s)
        case .int(let i): return .int(i)
        case .double(let d): return .number(d)
        case .bool(let b): return .bool(b)
        }
    }
}
