import Foundation
import Testing

/// The **release** binary on a pseudo-terminal, as a user types it: every subcommand and `--help`.
///
/// `swift test` builds debug with pipes for stdout and stderr, which hid a crash of the optimised
/// build on terminals. These tests run the binary named by `ACTORGRAPH_BIN` (`.ci/run` builds
/// release and sets it) under `script`, so both streams are a pty; without it they are skipped.
@Suite(.serialized, .enabled(if: Terminal.binary != nil, "set ACTORGRAPH_BIN to a release build of actorgraph to run the terminal tests"))
struct TerminalTests {
    /// Every subcommand with arguments that succeed, on the bundled dataset or a graph file.
    static let invocations: [[String]] = [
        ["--help"],
        ["--version"],
        ["validate", CLI.seed],
        ["summary", CLI.seed],
        ["dataset", CLI.seed, "--format", "json"],
        ["edges", CLI.seed],
        ["brokerage", CLI.seed, "--groups", "state"],
        ["structural-holes", CLI.seed],
        ["brokers", CLI.seed],
        ["centrality", CLI.seed, "--measure", "betweenness"],
        ["path", CLI.seed, "Moon Jae-in", "Yoshihide Suga"],
        ["communities", CLI.seed],
        ["components", CLI.seed],
        ["render", CLI.seed, "-o", "OUT/seed.svg"],
        ["centrality", Terminal.karate, "--measure", "closeness"],
    ]

    @Test(arguments: invocations)
    func runsOnATerminal(arguments: [String]) throws {
        let result = try Terminal.run(arguments)
        #expect(result.status == 0, "actorgraph \(arguments.joined(separator: " ")) on a terminal: \(result.output.suffix(500))")
        #expect(!result.output.contains("Program crashed"))
        // Every command answers on the terminal, except render, which writes its file silently.
        #expect(arguments.first == "render" ? result.output.isEmpty : !result.output.isEmpty, "\(result.output.prefix(300))")
    }

    @Test(arguments: [
        "validate", "summary", "dataset", "edges", "brokerage", "structural-holes", "brokers",
        "centrality", "path", "communities", "components", "render",
    ])
    func subcommandHelpOnATerminal(subcommand: String) throws {
        let result = try Terminal.run([subcommand, "--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("USAGE: actorgraph \(subcommand)"))
    }

    /// A long analysis shows a progress line on a terminal (the display delay set to zero) and
    /// clears it; piped, the same command writes nothing to stderr.
    @Test func progressIsShownOnATerminalAndNotWhenPiped() throws {
        let arguments = ["centrality", Terminal.karate, "--measure", "betweenness", "--format", "json"]
        let onTerminal = try Terminal.run(arguments, environment: ["ACTORGRAPH_PROGRESS_DELAY_MS": "0"])
        #expect(onTerminal.status == 0)
        #expect(onTerminal.output.contains("centrality: 100%"), "no progress line in \(onTerminal.output.prefix(300))")
        #expect(onTerminal.output.contains("\r\u{1B}[K"), "the progress line is not cleared")

        let piped = try Terminal.runPiped(arguments, environment: ["ACTORGRAPH_PROGRESS_DELAY_MS": "0"])
        #expect(piped.status == 0)
        #expect(piped.stderr.isEmpty, "stderr when piped: \(piped.stderr)")
        #expect(piped.stdout.contains("\"betweenness\""))
    }
}

/// Runs a binary under `script(1)`, which gives it a pseudo-terminal for stdin, stdout and stderr.
enum Terminal {
    static let binary: String? = ProcessInfo.processInfo.environment["ACTORGRAPH_BIN"].flatMap { $0.isEmpty ? nil : $0 }
    static let karate = "Tests/ActorGraphIOTests/Fixtures/graphml/karate.graphml"

    struct Result {
        let status: Int32
        /// stdout and stderr as the terminal showed them.
        let output: String
    }

    static func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// `OUT/` in an argument becomes a fresh temporary folder.
    static func resolve(_ arguments: [String]) throws -> [String] {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-tty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        return arguments.map { $0.replacingOccurrences(of: "OUT/", with: out.path + "/") }
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let binary = try #require(binary)
        let command = ([binary] + (try resolve(arguments))).map(quoted).joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = CLI.root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    static func runPiped(_ arguments: [String], environment: [String: String]) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(binary))
        process.arguments = try resolve(arguments)
        process.currentDirectoryURL = CLI.root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
