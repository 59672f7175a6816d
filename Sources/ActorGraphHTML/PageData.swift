public import ActorGraphCore
public import ActorGraphIO

/// The JSON the explorer page embeds: the drawn view's actors and ties, the dataset's events and
/// sources, and the asserted brokerages.
///
/// ```
/// { "title", "from", "to",                    the dataset's span of event days (ISO dates)
///   "kinds": ["meeting", ...],                the kinds of the view's events
///   "actors": [{"id","name","kind","aliases","state"}],   index N is SVG node `actor-N`
///   "ties":   [{"source","target","kinds","events"}],     index N is SVG edge `tie-N`;
///                                                          ends are actor indices, events event indices
///   "events": [{"id","date","start","end","kind","subtype","summary","participants","citations"}],
///             start/end: ISO first and last possible day; participants: actor ids;
///             citations: [{"source": source index, "quote"}]
///   "sources": [{"id","title","publisher","date","url"}],
///   "brokerages": what `actorgraph brokers --format json` prints }
/// ```
public enum PageData {
    /// The page's JSON value.
    /// - Complexity: O(actors + events × citations + ties × events per tie).
    public static func json(dataset: Dataset, projection: EventProjection, title: String?, brokerages: JSONValue) -> JSONValue {
        let stateOf = EventProjection.representatives(dataset, .state)
        let actors: [JSONValue] = projection.nodes.map { id in
            let a = dataset[id], state = dataset[stateOf[id.index]]
            return .object([
                ("id", .string(a.id)), ("name", .string(a.name)), ("kind", .string(a.kind.rawValue)),
                ("aliases", .array(a.aliases.map { .string($0) })),
                ("state", state.kind == .state && state.id != a.id ? .string(state.name) : .null),
            ])
        }
        var actorIndex: [ActorID: Int] = [:]
        for (i, id) in projection.nodes.enumerated() { actorIndex[id] = i }
        let ties: [JSONValue] = projection.edges.map { e in
            .object([
                ("source", .int(actorIndex[e.source] ?? -1)), ("target", .int(actorIndex[e.target] ?? -1)),
                ("kinds", .array(e.kinds.sorted().map { .string($0.rawValue) })),
                ("events", .array(e.events.map { .int($0.index) })),
            ])
        }
        let events: [JSONValue] = dataset.events.map { e in
            .object([
                ("id", .string(e.id)), ("date", .string(e.date.text)),
                ("start", .string(e.date.start.description)), ("end", .string(e.date.end.description)),
                ("kind", .string(e.kind.rawValue)), ("subtype", .optional(e.subtype)), ("summary", .optional(e.summary)),
                ("participants", .array(e.participants.map { .string(dataset[$0].id) })),
                (
                    "citations",
                    .array(
                        e.citations.map { c in
                            .object([("source", .int(c.source.index)), ("quote", .string(c.quote))])
                        })
                ),
            ])
        }
        let sources: [JSONValue] = dataset.sources.map { s in
            .object([
                ("id", .string(s.id)), ("title", .string(s.title)), ("publisher", .optional(s.publisher)),
                ("date", .optional(s.date?.text)), ("url", .optional(s.url)),
            ])
        }
        let used = projection.edges.flatMap(\.events).map { dataset[$0] }
        let from = used.map(\.date.start).min(), to = used.map(\.date.end).max()
        let kinds = Set(used.map(\.kind)).sorted()
        return .object([
            ("title", .optional(title)), ("from", .optional(from?.description)), ("to", .optional(to?.description)),
            ("kinds", .array(kinds.map { .string($0.rawValue) })),
            ("actors", .array(actors)), ("ties", .array(ties)), ("events", .array(events)),
            ("sources", .array(sources)), ("brokerages", brokerages),
        ])
    }
}
