import Foundation
import Testing

/// Runs the built `actorgraph` binary (and example programs) the way a user would.
enum CLI {
    /// The package root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The directory holding the built products: the test bundle's own directory.
    static let products: URL = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("actorgraph").path) { return url }
        }
        return root.appendingPathComponent(".build/debug")
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `program` (default `actorgraph`) with `arguments` in the package root, no stdin;
    /// `environment` adds to (or overrides) the test's own.
    static func run(
        _ arguments: [String], program: String = "actorgraph", in directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = products.appendingPathComponent(program)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = directory ?? root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes concurrently so a large output never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = readToEnd(err.fileHandleForReading)
            group.leave()
        }
        let outData = readToEnd(out.fileHandleForReading)
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Everything `handle` gives until its end, retrying reads a signal interrupts (Foundation's
    /// `readDataToEndOfFile` traps on `EINTR`, which took the whole test run down once).
    static func readToEnd(_ handle: FileHandle) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let fd = handle.fileDescriptor
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                data.append(contentsOf: buffer[0..<n])
            } else if n == 0 || errno != EINTR {
                return data
            }
        }
    }

    /// Parses stdout as JSON.
    static func json(_ result: Result) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
            "stdout is not a JSON object: \(result.stdout.prefix(200)) \(result.stderr)")
    }

    /// Every dataset under `Graphs/`.
    static var datasets: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Graphs").path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
            .map { "Graphs/" + $0 }
    }

    static let seed = "Graphs/korea-japan-2020.yaml"
    static let small = "Tests/ActorGraphIOTests/Fixtures/datasets/small.yaml"
    static let bad = "Tests/ActorGraphIOTests/Fixtures/datasets/bad.yaml"
}
