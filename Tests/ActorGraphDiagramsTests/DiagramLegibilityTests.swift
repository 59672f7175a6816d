import ActorGraphCore
import ActorGraphDiagrams
import ActorGraphIO
import ActorGraphviz
import Foundation
import Testing

/// A drawing as Graphviz laid it out (`-Tjson`, rendered in process): the canvas and the box of
/// every node, in points. Graphviz reports a node's centre (`pos`, points) and its size
/// (`width`, `height`, inches), so the boxes are the shapes' bounding boxes, labels included.
struct LaidOutDrawing {
    struct Box {
        var name: String
        var minX, minY, maxX, maxY: Double
        var area: Double { (maxX - minX) * (maxY - minY) }
        func overlaps(_ o: Box) -> Bool { minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY }
    }
    var width: Double
    var height: Double
    var boxes: [Box]
    /// The boxes of the clusters (state boxes), from their `bb`.
    var clusters: [Box]

    init(dot: String, engine: GraphvizEngine) throws {
        let bytes = try GraphvizRenderer.render(
            dot: dot, format: GraphvizFormat(rawValue: "json"), engine: engine,
            options: GraphvizRenderOptions(seed: 1))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let bb = try #require(json["bb"] as? String).split(separator: ",").compactMap { Double($0) }
        try #require(bb.count == 4)
        width = bb[2] - bb[0]
        height = bb[3] - bb[1]
        boxes = []
        clusters = []
        for object in json["objects"] as? [[String: Any]] ?? [] {
            if let bb = (object["bb"] as? String)?.split(separator: ",").compactMap({ Double($0) }), bb.count == 4 {
                clusters.append(Box(name: object["label"] as? String ?? "?", minX: bb[0], minY: bb[1], maxX: bb[2], maxY: bb[3]))
            }
            guard let pos = object["pos"] as? String, let w = (object["width"] as? String).flatMap(Double.init),
                let h = (object["height"] as? String).flatMap(Double.init)
            else { continue } // clusters
            let xy = pos.split(separator: ",").compactMap { Double($0) }
            guard xy.count == 2 else { continue }
            boxes.append(
                Box(
                    name: object["name"] as? String ?? "?", minX: xy[0] - w * 36, minY: xy[1] - h * 36,
                    maxX: xy[0] + w * 36, maxY: xy[1] + h * 36))
        }
    }

    /// Pairs of node boxes that overlap (shared borders do not count).
    var overlaps: [(String, String)] {
        var out: [(String, String)] = []
        for i in boxes.indices {
            for j in boxes.indices where j > i && boxes[i].overlaps(boxes[j]) { out.append((boxes[i].name, boxes[j].name)) }
        }
        return out
    }

    /// The share of the canvas covered by node boxes: the measure of empty space we report.
    var fill: Double { boxes.map(\.area).reduce(0, +) / (width * height) }

    /// The height in pixels of a `points`-point font when the whole drawing is scaled to a PNG
    /// `pixels` wide.
    func fontPixels(_ points: Double, atWidth pixels: Double) -> Double { points * pixels / width }
}

/// The whole seed diagram is legible: no node covers another, the canvas is not mostly empty,
/// and its node labels (11 pt) are at least 10 px high in a PNG 1600 px wide. Drawn with fdp,
/// before this test, its node boxes covered 4.6% of a 2898 x 2496 pt canvas and its labels were
/// 6.1 px high at that width.
@Suite(.serialized) struct DiagramLegibilityTests {
    static func seed() throws -> (Dataset, EventProjection) {
        let path = repositoryRoot.appendingPathComponent("Graphs/korea-japan-2020.yaml").path
        let dataset = try DatasetReader.read(path: path)
        return (dataset, EventProjection(dataset))
    }

    @Test func theSeedDiagramHasNoOverlappingNodesLittleEmptySpaceAndReadableLabels() throws {
        let (dataset, projection) = try Self.seed()
        let diagram = RelationshipDiagram(projection: projection, options: .init(title: dataset.title))
        let drawing = try LaidOutDrawing(dot: diagram.dot, engine: .auto)
        #expect(drawing.boxes.count == 57, "56 actors and the legend")
        #expect(drawing.overlaps.isEmpty, "\(drawing.overlaps)")
        // The five state boxes, none over another.
        #expect(drawing.clusters.count == 5)
        for (i, a) in drawing.clusters.enumerated() {
            for b in drawing.clusters[(i + 1)...] { #expect(!a.overlaps(b), "\(a.name) and \(b.name)") }
        }
        let font = drawing.fontPixels(11, atWidth: 1600)
        print("seed diagram: canvas \(Int(drawing.width)) x \(Int(drawing.height)) pt, node boxes cover \(drawing.fill) of it, 11 pt at 1600 px = \(font) px")
        #expect(drawing.fill >= 0.09, "node boxes cover \(drawing.fill) of the canvas")
        #expect(font >= 10, "11 pt labels are \(font) px high at 1600 px")
    }

    @Test func theViewsHaveNoOverlappingNodes() throws {
        let (dataset, projection) = try Self.seed()
        let park = try #require(dataset.actorID(forID: "park-jie-won"))
        let ego = EgoDiagram(projection: projection, center: park, depth: 2)
        let timeline = TimelineDiagram(projection: projection)
        for (name, dot, engine) in [("ego", ego.dot, GraphvizEngine.dot), ("timeline", timeline.dot, .neato)] {
            let drawing = try LaidOutDrawing(dot: dot, engine: engine)
            #expect(drawing.boxes.count > 5, "\(name)")
            #expect(drawing.overlaps.isEmpty, "\(name): \(drawing.overlaps.prefix(5))")
        }
    }
}
