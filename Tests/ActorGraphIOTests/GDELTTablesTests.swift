import ActorGraphCore
import Testing

@testable import ActorGraphIO

/// The importer's lookup structures against the standard library's: the duplicate-id set
/// against `Set<Int>`, the byte-keyed table against a dictionary of byte arrays.
@Suite("GDELT lookup tables")
struct GDELTTablesTests {
    @Test("GLOBALEVENTIDs: mostly increasing, some out of order, repeats", arguments: 0..<20)
    func eventIDSetMatchesSet(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var model = Set<Int>()
        var set = GDELTEventIDSet()
        var next = Int(rng.next() % 1000)
        for _ in 0..<5000 {
            let id: Int
            switch rng.next() % 10 {
            case 0: id = Int(rng.next() % UInt64(next + 1)) // anywhere below, often a repeat
            case 1: id = next // the last one again
            default:
                next += Int(rng.next() % 3)
                id = next
            }
            #expect(set.insert(id) == model.insert(id).inserted, "\(id)")
        }
    }

    @Test("Byte keys, empty and long ones included", arguments: 0..<10)
    func byteTableMatchesDictionary(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var model: [[UInt8]: Int] = [:]
        var table = GDELTByteTable<Int>()
        for step in 0..<3000 {
            let length = Int(rng.next() % 5 == 0 ? rng.next() % 200 : rng.next() % 4)
            let key = (0..<length).map { _ in UInt8(97 + rng.next() % 3) }
            key.withUnsafeBufferPointer { bytes in
                #expect(table.value(for: bytes) == model[key])
                if model[key] == nil {
                    table.insert(bytes, step)
                    model[key] = step
                }
            }
        }
        #expect(table.count == model.count)
    }

    /// Event ids are copied from the row's digits only when they read as `String(id)` would write
    /// them; any other spelling of a number gives the same id, and is a duplicate of it.
    @Test func eventIDsAreTheNumbersWrittenPlainly() throws {
        let text = try String(contentsOfFile: try gdeltFixture("sample-v2.export.CSV"), encoding: .utf8)
        let rows = text.split(separator: "\n").map { String($0.drop { $0 != "\t" }) }
        let spellings = ["+0042", "007", "0", "7", "42", "9"]
        let bytes = Array(zip(spellings, rows).map { $0 + $1 + "\n" }.joined().utf8)
        var importer = try GDELTImporter()
        try importer.read(name: "ids.tsv") { feed in try bytes.withUnsafeBufferPointer { try feed($0) } }
        #expect(try importer.dataset().events.map(\.id) == ["gdelt-42", "gdelt-7", "gdelt-0", "gdelt-9"])
        #expect(importer.summary.duplicates == 2)
    }
}
