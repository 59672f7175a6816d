import Foundation
import Testing

/// Every example under `Examples/` runs, and the public API is usable from another package.
@Suite struct ExamplesTests {
    @Test func strongestTiesPrintsTiesWithTheirEvents() throws {
        let r = try CLI.run([CLI.small, "--top", "3"], program: "strongest-ties")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("South Korea - Japan: 3 events, 2020-11-01 to 2020-12-03"))
        #expect(r.stdout.contains("2020-11-10  meeting (envoy visit)  e2"))
        let seed = try CLI.run([CLI.seed], program: "strongest-ties")
        #expect(seed.status == 0, "\(seed.stdout)\(seed.stderr)")
        #expect(seed.stdout.contains("South Korea - Japan"))
    }

    @Test func centralActorsPrintsScoresAndTheMoonSugaPath() throws {
        let r = try CLI.run([CLI.seed], program: "central-actors")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        // networkx 3.6.1 betweenness_centrality (normalised, unweighted) of the default projection
        // (all kinds, principal - envoy ties; 70 actors as nodes, the 90 edges of `actorgraph edges
        // --format csv`): Japan 0.27387.
        #expect(r.stdout.contains("Most central by betweenness:\n  Japan  0.2739"))
        #expect(r.stdout.contains("Moon Jae-in reaches Yoshihide Suga in 1 hop(s):"))
        #expect(r.stdout.contains("2020-09  meeting  Suga's first telephone call as prime minister with Moon"))
        let far = try CLI.run([CLI.seed, "--from", "Park Geun-hye", "--to", "Kitamura"], program: "central-actors")
        #expect(far.status == 0 && far.stdout.contains("Park Geun-hye reaches Shigeru Kitamura in"))
    }

    @Test func whoBrokeredPrintsFindingsWithTheirEvents() throws {
        let r = try CLI.run([CLI.seed], program: "who-brokered")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        // The envoy brokers his principal and the host ("traveled to Tokyo on November 9 as a
        // presidential envoy", CFR); Obama "brokered a meeting between Abe and then-President
        // Park Geun-hye in 2014" (Japan Times); each with its quote.
        #expect(r.stdout.contains("[explicit] Park Jie-won brokered Moon Jae-in - Yoshihide Suga (South Korea - Japan, representative"))
        #expect(r.stdout.contains("[explicit] Barack Obama brokered Shinzo Abe - Park Geun-hye (Japan - South Korea, liaison, exclusive) in 2014"))
        #expect(r.stdout.contains("\"Obama even brokered a meeting between Abe and then-President Park Geun-hye in 2014 to break simmering tensions.\""))
        // No temporal finding on the seed dataset meets the evidence standard.
        #expect(!r.stdout.contains("[temporal]"))
    }

    @Test func strongestTieOfBrokerRanksByStrengthAsCostAndPrintsTheTiesEvents() throws {
        let r = try CLI.run([CLI.seed], program: "strongest-tie-of-broker")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        // networkx 3.6.1 betweenness_centrality(G, weight=1/count) of the contact view
        // (scripts/reference/seed_goldens.py): the top actor and its score.
        let reference = try #require((try GoldenReferenceTests.results()["centrality"] as? [String: Any])?["betweenness-strength-inverse"] as? [String: Double])
        let top = try #require(reference.max { $0.value < $1.value })
        #expect(top.key == "yoshihide-suga")
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("Highest betweenness") })
        let score = try #require(Double(line.split(separator: ", ").last.map(String.init) ?? ""))
        #expect(line.contains("Yoshihide Suga") && abs(score - top.value) <= 1e-12 * top.value, "\(line)")
        // Suga's strongest contact tie is Moon, the only one of weight 2: the September phone call
        // (Japan Times, CFR) and the ASEAN Plus Three video summit of 2020-11-14 (Yonhap, Japan Times).
        #expect(r.stdout.contains("Strongest tie: Yoshihide Suga - Moon Jae-in, weight 2.0"))
        #expect(r.stdout.contains("2020-09  meeting  Suga's first telephone call as prime minister with Moon"))
    }

    /// The DocC getting-started article shows the program the test above runs, line for line, so
    /// the article's code cannot drift from code that compiles and gives networkx's answer.
    @Test func gettingStartedArticleShowsTheExampleThatRuns() throws {
        let article = try String(contentsOf: CLI.root.appendingPathComponent("Sources/ActorGraph/ActorGraph.docc/GettingStarted.md"), encoding: .utf8)
        let example = try String(contentsOf: CLI.root.appendingPathComponent("Examples/strongest-tie-of-broker/main.swift"), encoding: .utf8)
        let block = try #require(article.components(separatedBy: "```swift\n").dropFirst().first?.components(separatedBy: "\n```").first)
        let lines = example.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("import ActorGraph") })
        let program = lines[start...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(block == program)
    }

    /// Builds a throwaway package that depends on ActorGraph by path and uses its public API.
    @Test(.timeLimit(.minutes(10)))
    func publicAPIIsUsableFromAnotherPackage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-consumer-\(UUID().uuidString)")
        let sources = dir.appendingPathComponent("Sources/consumer")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
        // swift-tools-version: 6.1
        import PackageDescription
        let package = Package(
            name: "consumer",
            dependencies: [.package(path: "\(CLI.root.path)")],
            targets: [.executableTarget(name: "consumer", dependencies: [.product(name: "ActorGraph", package: "\(CLI.root.lastPathComponent)")])]
        )
        """.write(to: dir.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        // The README's library example compiles as written (wrapped in a function; not run).
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let snippet = try #require(
            readme.components(separatedBy: "```swift\nimport ActorGraph\n").dropFirst().first?
                .components(separatedBy: "\n```").first, "the README's library example")
        try ("import ActorGraph\n\nfunc readmeExample() throws {\n" + snippet + "\n}\n")
            .write(to: sources.appendingPathComponent("Readme.swift"), atomically: true, encoding: .utf8)
        try """
        import ActorGraph

        var builder = GraphBuilder(directed: false)
        builder.addEdge(from: "moon-jae-in", to: "yoshihide-suga", weight: 2, events: ["call"])
        let graph = builder.build()
        let dataset = try DatasetReader.read(path: CommandLine.arguments[1])
        let projection = EventProjection(dataset, options: ProjectionOptions(rollUp: .state))
        let costs = try PathCost.strength(column: "weight", conversion: .inverse).costs(in: projection.graph)
        print("nodes=\\(graph.nodeCount) edges=\\(projection.edges.count) costs=\\(costs.values?.count ?? 0)")
        print(DatasetJSONWriter.json(dataset).serialized(pretty: false).prefix(12))
        """.write(to: sources.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        let (status, text) = try Self.runConsumer(at: dir, scratch: ".build/consumer-check")
        #expect(status == 0, "\(text.suffix(3000))")
        #expect(text.contains("nodes=2 edges=1 costs=1"), "\(text.suffix(2000))")
        #expect(text.contains(#"{"title":"A "#))
    }

    /// A program that wants only the model, analyses and file formats depends on those products
    /// and never builds the Graphviz binding (so needs no Graphviz installed).
    @Test func theModelAndAnalysesNeedNoGraphviz() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actorgraph-core-consumer-\(UUID().uuidString)")
        let sources = dir.appendingPathComponent("Sources/consumer")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let package = CLI.root.lastPathComponent
        try """
        // swift-tools-version: 6.1
        import PackageDescription
        let package = Package(
            name: "consumer",
            dependencies: [.package(path: "\(CLI.root.path)")],
            targets: [.executableTarget(name: "consumer", dependencies: [
                .product(name: "ActorGraphCore", package: "\(package)"),
                .product(name: "ActorGraphAnalysis", package: "\(package)"),
                .product(name: "ActorGraphIO", package: "\(package)"),
            ])]
        )
        """.write(to: dir.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try """
        import ActorGraphAnalysis
        import ActorGraphCore
        import ActorGraphIO

        let dataset = try DatasetReader.read(path: CommandLine.arguments[1])
        let projection = EventProjection(dataset)
        let top = try Centrality.betweenness(projection.graph).ranked().first!
        print("top=\\(top.name)")
        """.write(to: sources.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        let scratch = CLI.root.appendingPathComponent(".build/consumer-check-core")
        let (status, text) = try Self.runConsumer(at: dir, scratch: ".build/consumer-check-core")
        #expect(status == 0, "\(text.suffix(3000))")
        #expect(text.contains("top="), "\(text.suffix(2000))")
        // Nothing of the Graphviz binding was compiled for it (SwiftPM plans a folder for every
        // target of the package, but compiles only what the product needs).
        let built = (FileManager.default.enumerator(atPath: scratch.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".o") || $0.hasSuffix(".swiftmodule") }
        #expect(built.contains { $0.hasSuffix("ActorGraphCore.swiftmodule") })
        #expect(built.contains { $0.contains("ActorGraphAnalysis.build/") && $0.hasSuffix(".o") })
        #expect(!built.contains { $0.contains("Graphviz") }, "\(built.filter { $0.contains("Graphviz") })")
    }

    /// Builds and runs the package at `dir` (`swift run consumer SMALL-DATASET`) with a scratch
    /// path inside our own `.build`, which keeps the dependencies' build between runs.
    static func runConsumer(at dir: URL, scratch: String) throws -> (status: Int32, output: String) {
        let build = Process()
        build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        build.arguments = [
            "swift", "run", "--package-path", dir.path, "--scratch-path",
            CLI.root.appendingPathComponent(scratch).path, "consumer",
            CLI.root.appendingPathComponent(CLI.small).path,
        ]
        let out = Pipe()
        build.standardOutput = out
        build.standardError = out
        build.standardInput = FileHandle.nullDevice
        try build.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        build.waitUntilExit()
        return (build.terminationStatus, text)
    }
}
