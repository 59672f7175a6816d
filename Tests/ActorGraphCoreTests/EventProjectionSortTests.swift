import Testing

@testable import ActorGraphCore

/// The projection's counting sort of pair entries gives the order a comparison sort on
/// `(pair, layerEvent)` gives, with hubs (runs beyond the insertion-sort length) and repeats.
@Suite("Event projection: entry sort")
struct EventProjectionSortTests {
    @Test("Counting sort by source, then runs, equals a comparison sort", arguments: 0..<20)
    func sortMatchesComparisonSort(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let actors = Int(rng.next() % 50) + 2
        let count = Int(rng.next() % 2000)
        var entries: [EventProjection.PairEntry] = []
        for i in 0..<count {
            // A fifth of the entries leave actor 0, a hub; some are one event's repeats.
            let s = rng.next() % 5 == 0 ? 0 : rng.next() % UInt64(actors)
            let t = rng.next() % UInt64(actors)
            let event = UInt64(rng.next() % 10 == 0 ? max(0, i - 1) : i)
            let layerEvent = (rng.next() % 4) << 56 | (rng.next() % 3) << 32 | event
            entries.append(.init(pair: s << 32 | t, layerEvent: layerEvent, start: Int32(event % 7), end: Int32(event % 7)))
        }
        var sorted = entries
        EventProjection.sortEntries(&sorted, actorCount: actors)
        let expected = entries.sorted { ($0.pair, $0.layerEvent) < ($1.pair, $1.layerEvent) }
        #expect(sorted.map(\.pair) == expected.map(\.pair))
        #expect(sorted.map(\.layerEvent) == expected.map(\.layerEvent))
        #expect(sorted.map(\.start) == expected.map(\.start))
    }
}
