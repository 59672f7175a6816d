import ActorGraphIO
import Foundation
import Testing

/// The bounds the public dataset reader promises (docs/dataset-format.md: "a document that
/// expands through its aliases to more than 5,000,000 nodes is refused"), read through the
/// public entry points, so that a reader built without its bound fails here (scripts/mutation.sh).
@Suite struct MutationKillReaderTests {
    /// 1,800 events, each the same event with 1,000 citations: every citation is a mapping
    /// with two texts, so the walk meets more than 3 * 1,000 * 1,800 = 5,400,000 nodes from a
    /// file of 12 KB. The public reader stops at 5,000,000 with the alias message. Walking five
    /// million nodes takes 15-50 s in a debug build, so the test runs when
    /// `ACTORGRAPH_SLOW_TESTS` is set (scripts/mutation.sh sets it).
    @Test(
        .enabled(
            if: ProcessInfo.processInfo.environment["ACTORGRAPH_SLOW_TESTS"] != nil,
            "set ACTORGRAPH_SLOW_TESTS=1 to walk five million alias nodes"))
    func thePublicReaderRefusesAnAliasBomb() throws {
        let text = HostileYAML.aliasBomb(events: 1_800, citations: 1_000)
        let error = #expect(throws: InputError.self) {
            try DatasetReader.read(text: text, file: "bomb.yaml")
        }
        let messages = error?.diagnostics.map(\.message) ?? []
        #expect(
            messages.contains { $0.contains("expands to more than 5000000 nodes through its aliases") },
            "\(messages.prefix(3))")
    }

    /// docs/dataset-format.md: "a key written twice in one mapping is an error located at the
    /// repeat", however it is written. Yams refuses a repeated key only when the tags match too,
    /// so `!t title` next to `title` reaches the reader's own check: one key to the reader.
    @Test func aKeyWrittenTwiceWithAnotherTagIsADuplicate() throws {
        let text = """
            sources:
              - id: s
                title: T
                !t title: U
            actors: []
            events: []
            """
        let error = #expect(throws: InputError.self) {
            try DatasetReader.read(text: text, file: "twice.yaml")
        }
        let found = error?.diagnostics.map { "\($0.line):\($0.column): \($0.message)" } ?? []
        #expect(found.contains { $0.hasPrefix("4:") && $0.contains("duplicate key 'title'") }, "\(found)")
    }
}
