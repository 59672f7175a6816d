// actorgraph-bench OP GRAPH [--repeat N] [--threads N]
//
// Times one operation of ActorGraph on a graph file of "u v w" lines (first line: node count),
// the same files Benchmarks/peers.py gives igraph, NetworKit and networkx. `render-dataset`
// takes a dataset instead and times load + projection + diagram + SVG and PNG, in process;
// `render-svg` draws the graph file's diagram as SVG with the auto engine. Prints
// {"op": ..., "seconds": median, "runs": [...]} on stdout. Reading the file is not timed.
// `brokers-hub N` and `brokers-stream EVENTS:ACTORS` generate their event data in process (the
// second argument is the size, not a file) and time projection + brokers (asserted answer), and
// for the hub also the candidates with the default 90-day window; `cpu_seconds` and
// `projection_cpu_seconds` give the process CPU time of the same spans (the work is single-
// threaded, so on a machine shared with other jobs they show what the wall clock would alone).
// `gdelt-import FILE [--copies N]` writes FILE's rows N times (default 200) into a temporary
// GDELT file, each copy with its own GLOBALEVENTIDs, and times GDELTImporter on it (reading the
// file included); it prints rows, events and rows_per_second too.
// Build in release mode: swift build -c release --product actorgraph-bench
import ActorGraph
import Foundation

struct EdgeFile {
    let nodeCount: Int
    let sources: [Int32]
    let targets: [Int32]
    let weights: [Double]

    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(path: path, reason: "cannot read")
        }
        var sources: [Int32] = [], targets: [Int32] = [], weights: [Double] = []
        var n = 0
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n")) {
            lineNumber += 1
            let fields = line.split(separator: UInt8(ascii: " "))
            if lineNumber == 1 {
                n = Int(String(decoding: line, as: UTF8.self)) ?? 0
                continue
            }
            guard fields.count == 3, let u = Int32(String(decoding: fields[0], as: UTF8.self)),
                let v = Int32(String(decoding: fields[1], as: UTF8.self)),
                let w = Double(String(decoding: fields[2], as: UTF8.self))
            else {
                throw InputError(file: path, line: lineNumber, "expected 'u v w'")
            }
            sources.append(u); targets.append(v); weights.append(w)
        }
        self.nodeCount = n
        self.sources = sources
        self.targets = targets
        self.weights = weights
    }

    func build() -> Graph {
        var builder = GraphBuilder(directed: false)
        builder.reserveCapacity(nodes: nodeCount, edges: sources.count)
        for i in 0..<nodeCount { builder.addNode(String(i)) }
        for i in sources.indices {
            builder.addEdge(from: NodeID(Int(sources[i])), to: NodeID(Int(targets[i])), weight: weights[i])
        }
        return builder.build()
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: actorgraph-bench OP GRAPH [--repeat N]\n".utf8))
    exit(2)
}
let op = arguments[0]
let repeatCount = arguments.firstIndex(of: "--repeat").flatMap { Int(arguments[$0 + 1]) } ?? 3
// --threads N for the analyses that loop over sources (default: every core).
let execution = ExecutionOptions(threads: arguments.firstIndex(of: "--threads").flatMap { Int(arguments[$0 + 1]) })

if op == "gdelt-import" {
    let copies = arguments.firstIndex(of: "--copies").flatMap { Int(arguments[$0 + 1]) } ?? 200
    guard let text = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
        FileHandle.standardError.write(Data("actorgraph-bench: cannot read \(arguments[1])\n".utf8))
        exit(1)
    }
    let lines = text.split(separator: "\n")
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("gdelt-bench-\(getpid()).tsv").path
    var big = ""
    for copy in 0..<copies {
        for line in lines {
            guard let tab = line.firstIndex(of: "\t"), let id = Int(line[..<tab]) else { continue }
            big += String(copy * 1_000_000_000 + id)
            big += line[tab...]
            big += "\n"
        }
    }
    guard FileManager.default.createFile(atPath: path, contents: Data(big.utf8)) else { exit(1) }
    defer { try? FileManager.default.removeItem(atPath: path) }
    let clock = ContinuousClock()
    var runs: [Double] = [], cpuRuns: [Double] = []
    var rows = 0, events = 0
    do {
        for _ in 0..<max(1, repeatCount) {
            let cpuStart = cpuSeconds()
            defer { cpuRuns.append(cpuSeconds() - cpuStart) }
            let elapsed = try clock.measure {
                let (dataset, summary) = try GDELTImporter.importFiles([path])
                rows = summary.rowsRead
                events = dataset.events.count
            }
            runs.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
    } catch {
        FileHandle.standardError.write(Data("actorgraph-bench: \(error)\n".utf8))
        exit(1)
    }
    let median = runs.sorted()[runs.count / 2]
    print(
        JSONValue.object([
            ("op", .string(op)), ("rows", .int(rows)), ("events", .int(events)),
            ("bytes", .int(big.utf8.count)), ("seconds", .number(median)),
            ("rows_per_second", .number((Double(rows) / median).rounded())),
            ("cpu_seconds", .number(cpuRuns.sorted()[cpuRuns.count / 2])),
            ("rows_per_cpu_second", .number((Double(rows) / cpuRuns.sorted()[cpuRuns.count / 2]).rounded())),
            ("runs", .array(runs.map { .number($0) })),
        ]).serialized(pretty: false))
    exit(0)
}

if op == "projection" {
    let parts = arguments[1].split(separator: ":").compactMap { Int($0) }
    let (eventCount, actorCount) = parts.count == 2 ? (parts[0], parts[1]) : (1_000_000, 200_000)
    var rng = SplitMix64(seed: 42)
    let first = Day(year: 2019, month: 1, day: 1)!.daysSinceEpoch
    let days = (0..<730).map { EventDate(Day(daysSinceEpoch: first + Int32($0))) }
    let actors = (0..<actorCount).map { ActorRecord(id: "a\($0)", name: "A\($0)", kind: .person) }
    var events: [EventRecord] = []
    events.reserveCapacity(eventCount)
    for i in 0..<eventCount {
        let a = Int(rng.next() % UInt64(actorCount))
        let b = (a + 1 + Int(rng.next() % UInt64(actorCount - 1))) % actorCount
        events.append(
            EventRecord(id: "e\(i)", date: days[Int(rng.next() % 730)], kind: .meeting, participants: [ActorID(a), ActorID(b)]))
    }
    let dataset: Dataset
    do {
        dataset = try Dataset(sources: [], actors: actors, events: events)
    } catch {
        FileHandle.standardError.write(Data("actorgraph-bench: \(error)\n".utf8))
        exit(1)
    }
    let clock = ContinuousClock()
    var runs: [Double] = [], cpuRuns: [Double] = []
    // The view is kept past the timed span, as a caller keeps it: freeing it is not building it.
    var view: EventProjection?
    for _ in 0..<max(1, repeatCount) {
        view = nil
        let cpu = cpuSeconds()
        let elapsed = clock.measure { view = EventProjection(dataset) }
        cpuRuns.append(cpuSeconds() - cpu)
        runs.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    print(
        JSONValue.object([
            ("op", .string(op)), ("events", .int(eventCount)), ("actors", .int(actorCount)), ("edges", .int(view?.edges.count ?? 0)),
            ("seconds", .number(runs.sorted()[runs.count / 2])), ("cpu_seconds", .number(cpuRuns.sorted()[cpuRuns.count / 2])),
            ("runs", .array(runs.map { .number($0) })),
        ]).serialized(pretty: false))
    exit(0)
}

if op == "render-dataset" {
    // The seed diagram as users get it: read, project, find brokers, draw SVG and PNG.
    let clock = ContinuousClock()
    var runs: [Double] = []
    do {
        for _ in 0..<max(1, repeatCount) {
            let elapsed = try clock.measure {
                let dataset = try DatasetReader.read(path: arguments[1])
                let projection = EventProjection(dataset)
                let brokers = try EventBrokerage.find(in: projection)
                var options = RelationshipDiagram.Options(title: dataset.title)
                options.brokers = Set(brokers.brokers.map { dataset[$0.broker].id })
                let diagram = RelationshipDiagram(projection: projection, options: options)
                _ = try diagram.render(format: .svg)
                _ = try diagram.render(format: .png)
            }
            runs.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
    } catch {
        FileHandle.standardError.write(Data("actorgraph-bench: \(error)\n".utf8))
        exit(1)
    }
    print(
        JSONValue.object([
            ("op", .string(op)), ("seconds", .number(runs.sorted()[runs.count / 2])),
            ("runs", .array(runs.map { .number($0) })),
        ]).serialized(pretty: false))
    exit(0)
}

/// A hub meeting `n` actors on successive days (issue 13's reproducer), or `events` random
/// two-party meetings (a tenth statements, a tenth disputes, a twentieth three-party summits)
/// among `actors` people in 200 states over two years, dated by day as GDELT is.
func generatedDataset(_ op: String, _ size: String) throws -> Dataset {
    var rng = SplitMix64(seed: 42)
    let first = Day(year: 2019, month: 1, day: 1)!.daysSinceEpoch
    if op == "brokers-hub" {
        let n = Int(size) ?? 400
        var actors = [ActorRecord(id: "hub", name: "Hub", kind: .person)]
        var events: [EventRecord] = []
        for i in 0..<n {
            actors.append(ActorRecord(id: "a\(i)", name: "A\(i)", kind: .person))
            events.append(
                EventRecord(
                    id: "e\(i)", date: EventDate(Day(daysSinceEpoch: first + Int32(i))), kind: .meeting,
                    participants: [ActorID(0), ActorID(i + 1)]))
        }
        return try Dataset(sources: [], actors: actors, events: events)
    }
    let parts = size.split(separator: ":").compactMap { Int($0) }
    let (eventCount, actorCount) = parts.count == 2 ? (parts[0], parts[1]) : (1_000_000, 20_000)
    let states = 200
    var actors = (0..<states).map { ActorRecord(id: "s\($0)", name: "S\($0)", kind: .state) }
    for i in 0..<actorCount {
        actors.append(ActorRecord(id: "p\(i)", name: "P\(i)", kind: .person, affiliation: ActorID(Int(rng.next() % UInt64(states)))))
    }
    var events: [EventRecord] = []
    events.reserveCapacity(eventCount)
    func person() -> ActorID { ActorID(states + Int(rng.next() % UInt64(actorCount))) }
    for i in 0..<eventCount {
        let day = EventDate(Day(daysSinceEpoch: first + Int32(rng.next() % 730)))
        let roll = rng.next() % 20
        let kind: EventKind = roll < 2 ? .statement : (roll < 4 ? .dispute : .meeting)
        var who = [person(), person()]
        if roll == 19 { who.append(person()) }
        if who[0] == who[1] { who[1] = ActorID(states + (who[1].index - states + 1) % actorCount) }
        events.append(
            EventRecord(
                id: "e\(i)", date: day, kind: kind, participants: who,
                source: kind == .meeting ? nil : who[0], target: kind == .meeting ? nil : who[1]))
    }
    return try Dataset(sources: [], actors: actors, events: events)
}

/// CPU time used by this process so far, in seconds.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

if op == "brokers-hub" || op == "brokers-stream" {
    let clock = ContinuousClock()
    var runs: [Double] = [], candidateRuns: [Double] = [], projectionRuns: [Double] = []
    var cpuRuns: [Double] = [], projectionCPURuns: [Double] = [], candidateCPURuns: [Double] = []
    var check = 0
    do {
        let dataset = try generatedDataset(op, arguments[1])
        for _ in 0..<max(1, repeatCount) {
            var cpu = cpuSeconds()
            let projecting = clock.measure { _ = EventProjection(dataset, options: .contactView) }
            projectionCPURuns.append(cpuSeconds() - cpu)
            projectionRuns.append(Double(projecting.components.seconds) + Double(projecting.components.attoseconds) * 1e-18)
            cpu = cpuSeconds()
            let elapsed = try clock.measure {
                let projection = EventProjection(dataset, options: .contactView)
                let result = try EventBrokerage.find(in: projection)
                check = result.findings.count
            }
            cpuRuns.append(cpuSeconds() - cpu)
            runs.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            if op == "brokers-hub" {
                cpu = cpuSeconds()
                defer { candidateCPURuns.append(cpuSeconds() - cpu) }
                let withCandidates = try clock.measure {
                    let projection = EventProjection(dataset, options: .contactView)
                    let result = try EventBrokerage.find(
                        in: projection,
                        options: EventBrokerageOptions(includeCandidates: true))
                    check += result.candidates.count
                }
                candidateRuns.append(Double(withCandidates.components.seconds) + Double(withCandidates.components.attoseconds) * 1e-18)
            }
        }
    } catch {
        FileHandle.standardError.write(Data("actorgraph-bench: \(error)\n".utf8))
        exit(1)
    }
    var fields: [(String, JSONValue)] = [
        ("op", .string(op)), ("size", .string(arguments[1])),
        ("seconds", .number(runs.sorted()[runs.count / 2])),
        ("runs", .array(runs.map { .number($0) })),
    ]
    fields.append(("projection_seconds", .number(projectionRuns.sorted()[projectionRuns.count / 2])))
    fields.append(("cpu_seconds", .number(cpuRuns.sorted()[cpuRuns.count / 2])))
    fields.append(("projection_cpu_seconds", .number(projectionCPURuns.sorted()[projectionCPURuns.count / 2])))
    if !candidateRuns.isEmpty {
        fields.append(("seconds_with_candidates", .number(candidateRuns.sorted()[candidateRuns.count / 2])))
        fields.append(("cpu_seconds_with_candidates", .number(candidateCPURuns.sorted()[candidateCPURuns.count / 2])))
    }
    fields.append(("check", .int(check)))
    print(JSONValue.object(fields).serialized(pretty: false))
    exit(0)
}

do {
    let file = try EdgeFile(path: arguments[1])
    let graph = file.build()
    let costs = try EdgeCosts(graph: graph, cost: .cost(column: "weight"))
    var sink = 0.0
    let work: () throws -> Void
    switch op {
    case "build": work = { sink += Double(file.build().edgeCount) }
    case "bfs": work = { sink += ShortestPaths.breadthFirst(in: graph, from: NodeID(0)).distance(to: NodeID(1)) ?? 0 }
    case "dijkstra": work = { sink += ShortestPaths.dijkstra(in: graph, from: NodeID(0), costs: costs).distance(to: NodeID(1)) ?? 0 }
    case "components": work = { sink += Double(Components.connected(graph).components.count) }
    case "pagerank": work = { sink += try Centrality.pageRank(graph, options: PageRankOptions(weight: .unit)).values[0] }
    case "core": work = { sink += try Centrality.coreNumber(graph).values[0] }
    case "betweenness": work = { sink += try Centrality.betweenness(graph, execution: execution).values[0] }
    case "closeness": work = { sink += try Centrality.closeness(graph, execution: execution).values[0] }
    case "harmonic": work = { sink += try Centrality.harmonic(graph, execution: execution).values[0] }
    case "louvain": work = { sink += try Communities.louvain(graph).modularity }
    case "clustering": work = { sink += try Centrality.clustering(graph, execution: execution).values[0] }
    case "render-svg": work = { sink += Double(try RelationshipDiagram(graph: graph).render(format: .svg).count) }
    default:
        FileHandle.standardError.write(Data("actorgraph-bench: unknown op '\(op)'\n".utf8))
        exit(2)
    }
    var runs: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<max(1, repeatCount) {
        let elapsed = try clock.measure { try work() }
        runs.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    let median = runs.sorted()[runs.count / 2]
    print(
        JSONValue.object([
            ("op", .string(op)), ("seconds", .number(median)),
            ("runs", .array(runs.map { .number($0) })), ("check", .number(sink)),
        ])
        .serialized(pretty: false))
} catch {
    FileHandle.standardError.write(Data("actorgraph-bench: \(error)\n".utf8))
    exit(1)
}
