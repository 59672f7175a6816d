/// An output format understood by Graphviz's `-T` option.
///
/// ``svg``, ``png`` and ``pdf`` are the formats ActorGraph uses; any other name Graphviz knows
/// (`"json"`, `"png:cairo:gd"`) can be given with ``init(rawValue:)``; an unknown one is
/// reported by Graphviz as a `GraphvizError.Code.render` error.
public struct GraphvizFormat: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Scalable Vector Graphics (Graphviz's core SVG renderer).
    public static let svg = GraphvizFormat(rawValue: "svg")
    /// A PNG bitmap (cairo), at ``GraphvizRenderOptions/dpi``.
    public static let png = GraphvizFormat(rawValue: "png")
    /// A PDF document (cairo).
    public static let pdf = GraphvizFormat(rawValue: "pdf")

    /// True for bitmap formats, whose size in pixels depends on the resolution.
    public var isBitmap: Bool {
        let base = rawValue.split(separator: ":").first.map(String.init) ?? rawValue
        return ["png", "jpg", "jpeg", "jpe", "gif", "bmp", "tif", "tiff", "webp", "ico"].contains(base.lowercased())
    }

    public var description: String { rawValue }
}

/// A Graphviz layout engine (`-K`), or ``auto`` to choose one by the size of the graph.
///
/// Any other engine name can be given with ``init(rawValue:)``; an unknown one is reported by
/// Graphviz as a `GraphvizError.Code.layout` error naming the engines it knows.
public struct GraphvizEngine: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Layered drawings (Sugiyama); draws clusters. Slow past a few hundred nodes and edges.
    public static let dot = GraphvizEngine(rawValue: "dot")
    /// Spring model (stress majorisation).
    public static let neato = GraphvizEngine(rawValue: "neato")
    /// Force-directed (Fruchterman-Reingold); draws clusters.
    public static let fdp = GraphvizEngine(rawValue: "fdp")
    /// Multiscale force-directed, for large graphs.
    public static let sfdp = GraphvizEngine(rawValue: "sfdp")
    /// Circular layout.
    public static let circo = GraphvizEngine(rawValue: "circo")
    /// Radial layout.
    public static let twopi = GraphvizEngine(rawValue: "twopi")
    /// For graphs within ``GraphvizRenderOptions/autoLimit``: the graph's `layout` attribute
    /// when it sets one (a diagram's own choice), else ``fdp`` when undirected (a
    /// force-directed layout that keeps clusters, so a relationship diagram groups actors by
    /// state in a compact square) and ``dot`` when directed (layered). Beyond the limit ``sfdp``,
    /// with straight edges (`splines=true` routing takes minutes on thousands of edges).
    public static let auto = GraphvizEngine(rawValue: "auto")

    /// The engines ActorGraph offers on the command line, ``auto`` first.
    public static let standard: [GraphvizEngine] = [.auto, .dot, .neato, .fdp, .sfdp, .circo, .twopi]

    public var description: String { rawValue }
}

/// Settings applied to a graph before layout; they override the DOT text's own attributes.
public struct GraphvizRenderOptions: Hashable, Sendable {
    /// The largest graph ``GraphvizEngine/auto`` still lays out with `dot`.
    public struct AutoLimit: Hashable, Sendable {
        public var nodes: Int
        public var edges: Int
        public init(nodes: Int, edges: Int) {
            self.nodes = nodes
            self.edges = edges
        }
    }

    /// The resolution of bitmap output in dots per inch (1...1200). `nil`: the DOT text's `dpi`
    /// when it sets one within that range, else 96. Ignored for vector formats.
    public var dpi: Double?
    /// The longest side of a bitmap, in pixels (16...32000, default 3000, which keeps labels of a
    /// 100-actor diagram legible and its PNG quick to draw, about 0.25 s): larger drawings are
    /// scaled down (Graphviz's `size` attribute). Ignored for vector formats.
    public var maxPixels: Int
    /// The seed of the initial layout of `neato`, `fdp` and `sfdp` (Graphviz's `start`), for
    /// reproducible drawings. `nil`: the DOT text's `start`, if any. `dot` ignores it.
    public var seed: Int?
    /// Where ``GraphvizEngine/auto`` switches from `dot`/`fdp` to `sfdp` (default 150 nodes,
    /// 400 edges: `dot` took 24-46 s on 200 nodes and 600 edges).
    public var autoLimit: AutoLimit

    public init(
        dpi: Double? = nil, maxPixels: Int = 3000, seed: Int? = nil,
        autoLimit: AutoLimit = AutoLimit(nodes: 150, edges: 400)
    ) {
        self.dpi = dpi
        self.maxPixels = maxPixels
        self.seed = seed
        self.autoLimit = autoLimit
    }

    /// The engine ``GraphvizEngine/auto`` picks for a graph of this size and direction: within
    /// ``autoLimit`` the graph's own `layout` attribute when it names one, else `dot` when
    /// directed and `fdp` when not; beyond the limit `sfdp`.
    public func automaticEngine(nodes: Int, edges: Int, directed: Bool, layout: String? = nil) -> GraphvizEngine {
        guard nodes <= autoLimit.nodes && edges <= autoLimit.edges else { return .sfdp }
        if let layout { return GraphvizEngine(rawValue: layout) }
        return directed ? .dot : .fdp
    }
}

/// The result of a render: the bytes, the engine that laid the graph out and what Graphviz
/// warned about.
public struct GraphvizOutput: Hashable, Sendable {
    /// The rendered file (SVG text as UTF-8, PNG, PDF...).
    public let bytes: [UInt8]
    /// The engine used (never ``GraphvizEngine/auto``).
    public let engine: GraphvizEngine
    /// Warnings Graphviz reported while reading, laying out and rendering (the last of each stage).
    public let warnings: [String]
}
