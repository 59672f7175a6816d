import Foundation

/// Test inputs shared by the reader suites.
enum HostileYAML {
    /// A dataset whose one event, with `citations` citations through one alias, is repeated
    /// `events` times through another: about 3 * citations * events nodes for the walk from a
    /// file of a few KB.
    static func aliasBomb(events: Int, citations: Int) -> String {
        """
        sources:
          - {id: s, title: T}
        actors:
          - {id: a, name: A, kind: state}
        events:
          - &E
            id: e
            date: 2020
            kind: meeting
            participants: [a]
            citations: [&C {source: s, quote: q}\(String(repeating: ", *C", count: citations - 1))]
        \(String(repeating: "  - *E\n", count: events - 1))
        """
    }
}
