// swift-tools-version: 6.1
// ActorGraph: actor-relationship graphs from dated, sourced events.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ActorGraph",
    platforms: [.macOS(.v15)],
    products: [
        // Everything: the model, analyses, file formats and the Graphviz renderer.
        .library(name: "ActorGraph", targets: ["ActorGraph"]),
        // The parts that need no Graphviz: depend on these alone to avoid the system library.
        .library(name: "ActorGraphCore", targets: ["ActorGraphCore"]),
        .library(name: "ActorGraphAnalysis", targets: ["ActorGraphAnalysis"]),
        .library(name: "ActorGraphIO", targets: ["ActorGraphIO"]),
        .library(name: "ActorGraphDiagrams", targets: ["ActorGraphDiagrams"]),
        .executable(name: "actorgraph", targets: ["actorgraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // GDELT distributes its exports as .zip archives (the GDELT importer only).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // `swift package generate-documentation --enable-experimental-combined-documentation`
        // builds the DocC catalog (Sources/ActorGraph/ActorGraph.docc) with every module's symbols.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The model: actors, events, typed IDs, builder and immutable CSR snapshot. No C, no I/O.
        .target(
            name: "ActorGraphCore",
            swiftSettings: strict
        ),
        // Analysis passes, one algorithm per file: Centrality/, Paths/, Communities/, Brokerage/.
        .target(
            name: "ActorGraphAnalysis",
            dependencies: [
                "ActorGraphCore",
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: strict
        ),
        // File formats: dataset YAML/JSON, GraphML, CSV, GDELT, DOT text, atomic writes.
        .target(
            name: "ActorGraphIO",
            dependencies: [
                "ActorGraphCore", .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["CAMEO/Resources"], // compiled in: CAMEO/CAMEOShippedTables.swift
            swiftSettings: strict
        ),
        // The system Graphviz library (headers from libgraphviz-dev; nothing copied).
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // DOT text -> SVG/PNG/PDF bytes. The only module that imports CGraphviz.
        .target(
            name: "ActorGraphviz",
            dependencies: ["ActorGraphCore", "CGraphviz"],
            swiftSettings: strict
        ),
        // Diagrams as DOT: a dataset's relationship diagram, the ego, brokerage and timeline
        // views, a plain graph (DOTWriter). Pure Swift: DOT text in, Graphviz renders it.
        .target(
            name: "ActorGraphDiagrams",
            dependencies: ["ActorGraphCore", "ActorGraphIO"],
            swiftSettings: strict
        ),
        // The explorable HTML page: the Graphviz SVG, its own script and style, the data as JSON.
        .target(
            name: "ActorGraphHTML",
            dependencies: ["ActorGraphCore", "ActorGraphIO", "ActorGraphDiagrams", "ActorGraphviz"],
            exclude: ["Resources"], // compiled in: PageAssets.swift (scripts/embed-page.py)
            swiftSettings: strict
        ),
        // Umbrella: `import ActorGraph` re-exports the public modules.
        .target(
            name: "ActorGraph",
            dependencies: ["ActorGraphCore", "ActorGraphAnalysis", "ActorGraphIO", "ActorGraphDiagrams", "ActorGraphviz", "ActorGraphHTML"],
            swiftSettings: strict
        ),
        // The command-line tool: one file per subcommand, thin.
        .executableTarget(
            name: "actorgraph",
            dependencies: ["ActorGraph", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),

        // Examples: executable programs that use the library as a user would.
        .executableTarget(name: "strongest-ties", dependencies: ["ActorGraph"], path: "Examples/strongest-ties"),
        .executableTarget(name: "central-actors", dependencies: ["ActorGraph"], path: "Examples/central-actors"),
        .executableTarget(name: "who-brokered", dependencies: ["ActorGraph"], path: "Examples/who-brokered"),
        .executableTarget(name: "render-diagram", dependencies: ["ActorGraph"], path: "Examples/render-diagram"),
        .executableTarget(name: "strongest-tie-of-broker", dependencies: ["ActorGraph"], path: "Examples/strongest-tie-of-broker"),

        // Benchmarks: timed in release mode against igraph, NetworKit and networkx by Benchmarks/peers.py.
        .executableTarget(name: "actorgraph-bench", dependencies: ["ActorGraph"], path: "Benchmarks/actorgraph-bench"),

        .testTarget(name: "ActorGraphCoreTests", dependencies: ["ActorGraphCore"]),
        .testTarget(name: "ActorGraphIOTests", dependencies: ["ActorGraphIO", "ActorGraphviz"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ActorGraphAnalysisTests", dependencies: ["ActorGraphAnalysis", "ActorGraphIO"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ActorGraphDiagramsTests", dependencies: ["ActorGraphDiagrams", "ActorGraphIO", "ActorGraphviz"], exclude: ["Fixtures"]),
        .testTarget(name: "ActorGraphvizTests", dependencies: ["ActorGraphviz"]),
        .testTarget(name: "ActorGraphCLITests", dependencies: ["ActorGraph"], exclude: ["Goldens", "Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
