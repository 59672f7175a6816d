/// Where a graph's edges came from, so an analysis that refuses an edge can say where to look.
///
/// Readers of graph files (CSV edge lists, GraphML) record the file and, per edge, the line of
/// its row or `<edge>` element: 4 bytes per edge, filled in the reader's one pass. Graphs built
/// by hand or derived from other graphs have no origin; graphs projected from events name their
/// events instead (``Graph/edgeEvents(_:)``).
public struct GraphOrigin: Hashable, Sendable {
    /// The file the graph was read from, as the user named it.
    public let file: String
    /// The 1-based line of each edge's row or element, indexed by `EdgeID.index`; `nil` when the
    /// reader does not know lines.
    public let edgeLines: ContiguousArray<Int32>?

    public init(file: String, edgeLines: ContiguousArray<Int32>? = nil) {
        self.file = file
        self.edgeLines = edgeLines
    }
}

extension Graph {
    /// The same graph naming another origin: a dataset's projection gets the dataset's file, so
    /// an error about one of its edges names the file and the edge's events. O(1) (the storage
    /// is shared).
    public func with(origin: GraphOrigin?) -> Graph {
        var copy = self
        copy.origin = origin
        return copy
    }

    /// `FILE:LINE` of `edge` when the graph was read from a file with lines, `FILE` when only the
    /// file is known, `nil` otherwise. O(1).
    public func location(of edge: EdgeID) -> String? {
        guard let origin else { return nil }
        if let lines = origin.edgeLines, edge.index < lines.count {
            return "\(origin.file):\(lines[edge.index])"
        }
        return origin.file
    }

    /// How errors name an edge: `edge A -> B`, and for a projected graph the events behind it
    /// (at most three ids, then how many more), so a dataset's user knows which records to read.
    public func describe(_ edge: EdgeID) -> String {
        let ends = edges[edge.index]
        var text = "edge \(name(of: ends.source)) -> \(name(of: ends.target))"
        let ids = edgeEvents(edge)
        if !ids.isEmpty {
            let shown = ids.prefix(3).joined(separator: ", ")
            text += " (event\(ids.count == 1 ? "" : "s") \(shown)\(ids.count > 3 ? " and \(ids.count - 3) more" : ""))"
        }
        return text
    }
}
