import ActorGraphIO
import Foundation
import Testing

@Suite struct JSONValueTests {
    @Test func keepsKeyOrderAndEscapes() throws {
        let value: JSONValue = .object([
            ("z", 1), ("a", .string("quote \" back\\slash\nline\u{01} 한국")),
            ("n", .number(.nan)), ("x", 0.1), ("list", [1, 2.5, nil, true]),
        ])
        let text = value.serialized(pretty: false)
        #expect(text == #"{"z":1,"a":"quote \" back\\slash\nline\u0001 한국","n":null,"x":0.1,"list":[1,2.5,null,true]}"#)
        // Foundation parses it back to the same values.
        let parsed = try JSONSerialization.jsonObject(with: Data(value.serialized().utf8)) as? [String: Any]
        #expect(parsed?["a"] as? String == "quote \" back\\slash\nline\u{01} 한국")
        #expect(parsed?["x"] as? Double == 0.1)
    }

    @Test func numbersRoundTrip() {
        for d in [0.1, 1.0 / 3, 1e-300, 123456789.123, -2.5e20, Double.leastNonzeroMagnitude] {
            #expect(Double(JSONValue.format(d)) == d)
        }
        #expect(JSONValue.format(3) == "3")
        #expect(JSONValue.format(.infinity) == "null")
    }
}

@Suite struct AtomicFileTests {
    @Test func replacesWholeFilesAndLeavesNothingOnFailure() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.txt").path
        try AtomicFile.write("first", to: path)
        try AtomicFile.write("second", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        // Writing into a missing directory fails and leaves the directory listing unchanged.
        #expect(throws: FileError.self) { try AtomicFile.write("x", to: dir.appendingPathComponent("no/such/out.txt").path) }
        // Writing over a directory fails; the directory is untouched and no temporary file remains.
        let sub = dir.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        #expect(throws: FileError.self) { try AtomicFile.write("x", to: sub.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["out.txt", "sub"])
    }

    @Test func keepsPermissionsAndWritesThroughSymlinks() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("private.svg").path
        try AtomicFile.write("one", to: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
        let link = dir.appendingPathComponent("link.svg").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try AtomicFile.write("two", to: link)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "two")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }
}
