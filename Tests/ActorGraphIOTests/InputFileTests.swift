import Foundation
import Testing

@testable import ActorGraphIO

#if canImport(Glibc)
import Glibc
#endif

/// Finding 9 (inputs): every reader says why a file cannot be read, and stops on endless input.
@Suite struct InputFileTests {
    /// Reads `path` with each reader and returns the three errors' descriptions.
    func errors(_ path: String) -> [String] {
        var found: [String] = []
        for read in [
            { _ = try DatasetReader.read(path: path) }, { _ = try GraphMLReader.read(path: path) },
            { _ = try CSVEdgeListReader.read(path: path) },
        ] as [() throws -> Void] {
            do { try read(); found.append("no error") } catch { found.append("\(error)") }
        }
        return found
    }

    @Test func aMissingFileSaysNoSuchFile() {
        #expect(errors("/nonexistent/nope.yaml") == Array(repeating: "/nonexistent/nope.yaml: error: no such file", count: 3))
    }

    @Test func aDirectorySaysSo() throws {
        try withScratchDirectory { dir in
            #expect(errors(dir) == Array(repeating: "\(dir): error: is a directory, not a file", count: 3))
        }
    }

    @Test(.enabled(if: geteuid() != 0)) func anUnreadableFileSaysPermissionDenied() throws {
        try withScratchDirectory { dir in
            let path = dir + "/secret.yaml"
            #expect(FileManager.default.createFile(atPath: path, contents: Data("x: 1".utf8)))
            #expect(chmod(path, 0) == 0)
            #expect(errors(path) == Array(repeating: "\(path): error: permission denied", count: 3))
        }
    }

    @Test func anEndlessDeviceIsRefusedAfterTheLimitNotReadForever() throws {
        for device in ["/dev/zero", "/dev/urandom"] {
            let error = try #require(throws: FileError.self) { try InputFile.read(path: device, nonRegularLimit: 1 << 20) }
            #expect(error.reason == "is not a regular file (a character device) and gives more than 1 MiB; stopped reading")
            #expect(!error.reason.contains("permission"))
        }
    }

    @Test func aFIFOIsReadUpToTheLimit() throws {
        try withScratchDirectory { dir in
            let fifo = dir + "/edges.csv"
            #expect(mkfifo(fifo, 0o600) == 0)
            let writer = Thread {
                let fd = open(fifo, O_WRONLY)
                let text = Array("source,target\na,b\n".utf8)
                _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
            }
            writer.start()
            let graph = try CSVEdgeListReader.read(path: fifo)
            #expect(graph.nodeCount == 2 && graph.edgeCount == 1)
        }
    }

    @Test func aDatasetWithAByteOrderMarkReads() throws {
        try withScratchDirectory { dir in
            let path = dir + "/bom.yaml"
            #expect(FileManager.default.createFile(atPath: path, contents: Data([0xEF, 0xBB, 0xBF] + Array("sources: []\nactors: []\nevents: []\n".utf8))))
            let dataset = try DatasetReader.read(path: path)
            #expect(dataset.events.isEmpty)
        }
    }

    @Test func anEmptyDeviceReadsAsAnEmptyFile() throws {
        #expect(try InputFile.read(path: "/dev/null").isEmpty)
    }

    @Test func aRegularFileIsReadWhole() throws {
        try withScratchDirectory { dir in
            let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            #expect(FileManager.default.createFile(atPath: dir + "/f", contents: Data(bytes)))
            let read = try InputFile.read(path: dir + "/f", nonRegularLimit: 10)
            #expect(read == bytes)
        }
    }
}
