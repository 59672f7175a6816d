// libFuzzer target: a diagram of a fuzzed dataset written as DOT and drawn by Graphviz in process.
import ActorGraph

/// Datasets above these sizes are read and their DOT written, but not drawn: a layout of a
/// large graph takes seconds, and libFuzzer needs many inputs a second to learn anything.
let drawLimit = (actors: 40, events: 80)

/// One input: bytes read as a dataset (`fuzz.yaml`) must give a dataset or a located
/// ``InputError``. A dataset is drawn as the view the input length picks: the whole
/// relationship diagram, the ego view of its first actor (depth 1 or 2), the timeline, or the
/// brokerage panels of its first asserted broker. The DOT text written from any dataset must be
/// drawn to SVG by Graphviz without an error (our writers escape every name, quote and title).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRender(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let text = FuzzContract.text(bytes, count),
        let dataset = FuzzContract.valueOrLocatedError(file: "fuzz.yaml", { try DatasetReader.read(text: text, file: "fuzz.yaml") })
    else { return 0 }
    let projection = EventProjection(dataset)
    let dot: String
    var engine = GraphvizEngine.auto
    switch count % 5 {
    case 0, 1:
        guard !dataset.actors.isEmpty else { return 0 }
        var options = RelationshipDiagram.Options(title: dataset.title, seed: 1)
        options.includeIsolated = true
        dot = EgoDiagram(projection: projection, center: ActorID(0), depth: 1 + count % 5, options: options).dot
        engine = .dot
    case 2:
        dot = TimelineDiagram(projection: projection, title: dataset.title).dot
        engine = .neato
    case 3:
        let brokerage: EventBrokerage
        do {
            brokerage = try EventBrokerage.find(in: projection)
        } catch {
            fatalError("contract: brokerage of a dataset read failed: \(error)")
        }
        guard let broker = brokerage.findings.first(where: { $0.status == .asserted })?.broker,
            let diagram = BrokerageDiagram(dataset: dataset, brokerage: brokerage, broker: broker, title: dataset.title)
        else { return 0 }
        dot = diagram.dot
    default:
        var options = RelationshipDiagram.Options(title: dataset.title, seed: 1, includeIsolated: true)
        options.brokers = Set(dataset.actors.prefix(2).map(\.id))
        dot = RelationshipDiagram(projection: projection, options: options).dot
    }
    guard dataset.actors.count <= drawLimit.actors, dataset.events.count <= drawLimit.events else { return 0 }
    do {
        _ = try GraphvizRenderer.render(dot: dot, format: .svg, engine: engine)
    } catch {
        fatalError("contract: Graphviz refused the DOT written from a dataset read: \(error)\n\(dot)")
    }
    return 0
}
