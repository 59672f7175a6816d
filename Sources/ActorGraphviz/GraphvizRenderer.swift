import CGraphviz
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process-wide Graphviz state: one context, created on first use. Graphviz keeps global
/// state (its parser, error log, string pools, plugin tables), so every call into it, from any
/// thread or task, happens while this lock is held.
private let graphviz = Mutex<GraphvizState>(GraphvizState())

private struct GraphvizState: ~Copyable {
    var context: GraphvizContext?
    /// The context without text layout for reproducible `fdp` (`ReproducibleLayout`); the
    /// outer optional is "not tried yet", the inner "plugins not found".
    var textFreeContext: GraphvizContext??

    mutating func sharedContext() throws(GraphvizError) -> GraphvizContext {
        if let context { return context }
        let made = try GraphvizContext.make()
        context = made
        return made
    }

    mutating func sharedTextFreeContext() -> GraphvizContext? {
        if let textFreeContext { return textFreeContext }
        _ = PlacementThread.shared // started before Graphviz first lays out text: a fresh malloc arena
        let made = GraphvizContext.withoutTextLayout()
        textFreeContext = .some(made)
        return made
    }
}

/// Renders DOT text to SVG, PNG or PDF in memory with the system Graphviz library.
///
/// ```swift
/// let svg = try GraphvizRenderer.render(dot: "graph { a -- b }", format: .svg)
/// ```
///
/// The text is parsed with `agmemread`, laid out with `gvLayout` and rendered with
/// `gvRenderData`; the graph, layout and buffer are freed before the call returns. libgraphviz
/// is not thread-safe, so all calls are serialised behind one process-wide lock: the API is safe
/// from any thread or task, but renders do not run in parallel.
///
/// Graphviz's messages are captured, not printed: failures throw ``GraphvizError`` with
/// Graphviz's text, warnings come back in ``GraphvizOutput/warnings``.
///
/// Reproducibility: the same text gives the same bytes from process to process. Within one
/// process, Graphviz 2.43 orders *named* subgraphs by the address of their interned name and
/// names anonymous graphs `%N` with a growing counter, so give graphs a name and wrap clusters in
/// anonymous `{ }` blocks (as `DOTDocument` does). `fdp`, which in Graphviz 2.43 varies from run
/// to run when the font plugin is loaded, is laid out by `ReproducibleLayout` (measure with the
/// fonts, place without them, draw with them); only when Graphviz's plugin libraries cannot be
/// opened for the second context does it fall back to plain `fdp`, which may vary.
public enum GraphvizRenderer {
    /// Renders `dot` and returns the bytes of the output file.
    /// - Throws: ``GraphvizError``: `syntax` for bad DOT text, `layout` for an unknown engine or a
    ///   failed layout, `render` for an unknown format, `invalidOption`, `unavailable`.
    /// - Complexity: that of the layout engine: `dot` is roughly quadratic or worse in the
    ///   number of edges; `sfdp` is O((n + m) log n) per iteration.
    public static func render(
        dot: String, format: GraphvizFormat, engine: GraphvizEngine = .auto,
        options: GraphvizRenderOptions = GraphvizRenderOptions()
    ) throws(GraphvizError) -> [UInt8] {
        try renderDetailed(dot: dot, format: format, engine: engine, options: options).bytes
    }

    /// Renders `dot`, returning the bytes with the engine used and Graphviz's warnings.
    /// - Throws: ``GraphvizError``, as ``render(dot:format:engine:options:)``.
    public static func renderDetailed(
        dot: String, format: GraphvizFormat, engine: GraphvizEngine = .auto,
        options: GraphvizRenderOptions = GraphvizRenderOptions()
    ) throws(GraphvizError) -> GraphvizOutput {
        let attributes = try graphAttributes(for: format, options: options)
        return try graphviz.withLock { (state: inout GraphvizState) throws(GraphvizError) -> GraphvizOutput in
            let textFree = state.sharedTextFreeContext()
            let context = try state.sharedContext()
            return try renderLocked(
                context.gvc, textFree: textFree?.gvc, dot: dot, format: format, engine: engine,
                options: options, attributes: attributes)
        }
    }

    /// Starts the thread on which `fdp` places nodes (see `ReproducibleLayout`), if it is not
    /// running yet. Call it first thing in `main` of a program that draws: a thread started
    /// before any other thread has ended gets a malloc arena of its own, and so the same
    /// placement in every run; started later it may inherit the arena of a thread that ended.
    public static func prepareReproducibleLayout() {
        graphviz.withLock { state in _ = state.sharedTextFreeContext() }
    }

    /// Frees the shared Graphviz context (`gvFreeContext`); the next render creates a new one.
    ///
    /// Not needed in normal use: the context is reused by every render. Useful before a
    /// leak check at exit.
    public static func releaseResources() {
        graphviz.withLock { state in
            state.context = nil
            state.textFreeContext = nil
        }
    }

    /// The plugin source of the shared context: `"configuration"` when Graphviz's plugin
    /// configuration was found, else the directory the plugins were loaded from.
    /// - Throws: ``GraphvizError`` with code `unavailable` when no plugins can be found.
    public static func pluginSource() throws(GraphvizError) -> String {
        try graphviz.withLock { (state: inout GraphvizState) throws(GraphvizError) -> String in
            try state.sharedContext().pluginSource
        }
    }

    // MARK: Implementation (lock held)

    /// Validated graph attributes from `options`, as (name, value or nil to keep the DOT's).
    private static func graphAttributes(for format: GraphvizFormat, options: GraphvizRenderOptions)
        throws(GraphvizError) -> (dpi: Double?, maxPixels: Int?, start: String?)
    {
        if let dpi = options.dpi, !(dpi >= 1 && dpi <= 1200) {
            throw GraphvizError(.invalidOption, "dpi \(dpi) is outside 1...1200")
        }
        guard (16...32000).contains(options.maxPixels) else {
            throw GraphvizError(.invalidOption, "maxPixels \(options.maxPixels) is outside 16...32000")
        }
        return (
            format.isBitmap ? options.dpi : nil, format.isBitmap ? options.maxPixels : nil,
            options.seed.map(String.init)
        )
    }

    /// What Graphviz reported since the last mark ("" when nothing), then a new mark.
    private static func takeMessage() -> String {
        guard let text = aglasterr() else { return "" }
        defer { free(text) }
        cgraphviz_mark_messages()
        return String(cString: text).trimmingWhitespace
    }

    private static func renderLocked(
        _ gvc: OpaquePointer, textFree: OpaquePointer?, dot: String, format: GraphvizFormat,
        engine requested: GraphvizEngine, options: GraphvizRenderOptions,
        attributes: (dpi: Double?, maxPixels: Int?, start: String?)
    )
        throws(GraphvizError) -> GraphvizOutput
    {
        // Route every message into cgraph's log instead of stderr, and start a fresh one.
        let previousLevel = agseterr(AGMAX)
        defer { agseterr(previousLevel) }
        _ = agreseterrors()
        cgraphviz_mark_messages()
        var warnings: [String] = []

        guard let graph = dot.withCString({ agmemread($0) }) else {
            let message = takeMessage()
            throw GraphvizError(.syntax, message.isEmpty ? "the DOT text holds no graph" : message)
        }
        defer { agclose(graph) }
        if case let message = takeMessage(), !message.isEmpty { warnings.append(message) }
        if agerrors() > 0 {
            throw GraphvizError(.syntax, warnings.last ?? "the DOT text could not be read")
        }

        if let start = attributes.start { _ = cgraphviz_set_graph_attribute(graph, "start", start) }

        let hint = cgraphviz_graph_attribute(graph, "layout").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        let engine =
            requested == .auto
            ? options.automaticEngine(
                nodes: Int(agnnodes(graph)), edges: Int(agnedges(graph)),
                directed: agisdirected(graph) != 0, layout: hint)
            : requested
        // Graphviz itself switches to the engine a `layout` attribute names; the engine chosen
        // here wins (fdp's placement context, for one, has no dot).
        if hint != nil { _ = cgraphviz_set_graph_attribute(graph, "layout", engine.rawValue) }
        if requested == .auto && engine == .sfdp,
            let splines = cgraphviz_graph_attribute(graph, "splines").map({ String(cString: $0).lowercased() }),
            ["true", "spline", "yes"].contains(splines)
        {
            // Spline routing around nodes is quadratic: minutes on thousands of edges.
            _ = cgraphviz_set_graph_attribute(graph, "splines", "line")
        }
        if engine == .fdp, let textFree {
            // Measure with the fonts, place without them, draw the placed graph (nop2).
            let placedText = try ReproducibleLayout.fdpPositions(
                of: graph, measuring: gvc, placing: textFree,
                start: attributes.start, warnings: &warnings,
                takeMessage: takeMessage)
            guard let placed = placedText.withCString({ agmemread($0) }) else {
                throw GraphvizError(.layout, "the fdp layout could not be read back")
            }
            defer { agclose(placed) }
            // Bitmap size and resolution only now: they do not move nodes, and the placement of
            // the same text is then the same for every format.
            applyBitmapAttributes(placed, attributes)
            return try layOutAndRender(gvc, placed, layout: "nop2", engine: engine, format: format, warnings: warnings)
        }
        applyBitmapAttributes(graph, attributes)
        return try layOutAndRender(gvc, graph, layout: engine.rawValue, engine: engine, format: format, warnings: warnings)
    }

    /// For PNG: the resolution (`--dpi`, the DOT's own, or 96) and a `size` capped at `maxPixels`.
    private static func applyBitmapAttributes(
        _ graph: UnsafeMutablePointer<Agraph_t>,
        _ attributes: (dpi: Double?, maxPixels: Int?, start: String?)
    ) {
        guard let maxPixels = attributes.maxPixels else { return }
        let ownDPI = cgraphviz_graph_attribute(graph, "dpi").flatMap { Double(String(cString: $0)) }
        let dpi = attributes.dpi ?? ownDPI.flatMap { $0 >= 1 && $0 <= 1200 ? $0 : nil } ?? 96
        _ = cgraphviz_set_graph_attribute(graph, "dpi", number(dpi))
        let own = cgraphviz_graph_attribute(graph, "size").map { String(cString: $0) } ?? ""
        _ = cgraphviz_set_graph_attribute(graph, "size", cappedSize(own, inches: Double(maxPixels) / dpi))
    }

    /// Lays `graph` out with the engine named `layout` and renders it as `format`; `engine` is
    /// what the output reports.
    private static func layOutAndRender(
        _ gvc: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, layout: String,
        engine: GraphvizEngine, format: GraphvizFormat,
        warnings: [String]
    ) throws(GraphvizError) -> GraphvizOutput {
        var warnings = warnings
        let laidOut = gvLayout(gvc, graph, layout)
        defer { _ = gvFreeLayout(gvc, graph) }
        let layoutMessage = takeMessage()
        guard laidOut == 0 else {
            throw GraphvizError(.layout, layoutMessage.isEmpty ? "layout with \(engine) failed" : layoutMessage)
        }
        if !layoutMessage.isEmpty && !warnings.contains(layoutMessage) { warnings.append(layoutMessage) }

        var buffer: UnsafeMutablePointer<CChar>? = nil
        var length = 0
        let rendered = cgraphviz_render_data(gvc, graph, format.rawValue, &buffer, &length)
        defer { gvFreeRenderData(buffer) }
        let renderMessage = takeMessage()
        guard rendered == 0, let buffer else {
            throw GraphvizError(.render, renderMessage.isEmpty ? "rendering \(format) failed" : renderMessage)
        }
        if !renderMessage.isEmpty { warnings.append(renderMessage) }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
        return GraphvizOutput(bytes: Array(bytes), engine: engine, warnings: warnings)
    }

    /// `size` no larger than `inches` on either side, keeping a smaller size the DOT text sets
    /// and its `!` (scale up) flag.
    package static func cappedSize(_ own: String, inches cap: Double) -> String {
        let bang = own.hasSuffix("!")
        let numbers = own.dropLast(bang ? 1 : 0).split(separator: ",").compactMap { Double($0.trimmingWhitespace) }
        let width = numbers.first.map { min($0, cap) } ?? cap
        let height = numbers.count > 1 ? min(numbers[1], cap) : width
        guard width > 0, height > 0 else { return "\(number(cap)),\(number(cap))" }
        return "\(number(width)),\(number(height))" + (bang ? "!" : "")
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// Internal helpers exposed to this package's tests.
package enum GraphvizRendererTestHooks {
    package static func cappedSize(_ own: String, _ inches: Double) -> String {
        GraphvizRenderer.cappedSize(own, inches: inches)
    }
}
