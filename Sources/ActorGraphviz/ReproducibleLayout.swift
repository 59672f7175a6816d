import CGraphviz
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `fdp` that gives the same layout from run to run.
///
/// Graphviz 2.43's `fdp` orders the edges of its derived cluster graph by comparing memory
/// addresses (graphviz issue 1214); with the pango text-layout plugin loaded, pango's font
/// threads change the heap's order from run to run, so the same DOT text and `start` seed give a
/// different layout each time. Without a text-layout plugin `fdp` is reproducible, but text is
/// then sized from built-in metrics, not from the fonts. So the layout runs in three steps:
/// 1. **measure** in the full context: a cheap layout (`twopi`) sizes every node from its label
///    with the real fonts;
/// 2. **place** in a context without text layout: `fdp` with those sizes fixed
///    (`fixedsize=true`), seeded by `start`;
/// 3. **draw** in the full context: `nop2` (neato -n2) keeps the nodes, edge routes and cluster
///    boxes of step 2 and renders text with the fonts.
///
/// - Complexity: step 1 adds a `twopi` layout (about linear in nodes and edges, plus edge
///   routing) to `fdp`'s own cost; step 3 only renders.
enum ReproducibleLayout {
    /// The DOT text of `graph` (already parsed in the full context `gvc`) with `fdp` positions
    /// computed in `plain`, ready for `nop2`. Graphviz's messages go to `warnings`.
    /// - Throws: ``GraphvizError`` with code `layout` when a step fails.
    static func fdpPositions(
        of graph: UnsafeMutablePointer<Agraph_t>, measuring gvc: OpaquePointer, placing plain: OpaquePointer,
        start: String?, warnings: inout [String],
        takeMessage: () -> String
    ) throws(GraphvizError) -> String {
        // 1. Measure: sizes from the real fonts.
        guard gvLayout(gvc, graph, "twopi") == 0 else {
            throw GraphvizError(.layout, nonEmpty(takeMessage(), "measuring the nodes for fdp failed"))
        }
        let measured = dotText(gvc, graph)
        _ = gvFreeLayout(gvc, graph)
        note(takeMessage(), &warnings)
        guard let measured else { throw GraphvizError(.layout, nonEmpty(takeMessage(), "measuring the nodes for fdp failed")) }

        // 2. Place: fdp over fixed sizes, without a text-layout plugin, on the placement thread.
        let placedOK: Int32
        var result: UnsafeMutablePointer<CChar>? = nil
        do {
            let text = strdup(measured), engine = strdup("fdp"), startText = start.map { strdup($0) } ?? nil
            defer { free(text); free(engine); free(startText) }
            var job = cgraphviz_place_job(
                gvc: plain, text: text, engine: engine, start: startText,
                result: nil, length: 0, rc: -1)
            PlacementThread.shared.run(&job)
            placedOK = job.rc
            result = job.result
        }
        defer { free(result) }
        note(takeMessage(), &warnings)
        guard placedOK == 0, let result else { throw GraphvizError(.layout, nonEmpty(takeMessage(), "layout with fdp failed")) }
        return String(cString: result)
    }

    /// The laid-out graph as DOT text (Graphviz's `dot` output: positions, sizes, boxes).
    private static func dotText(_ gvc: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>) -> String? {
        var buffer: UnsafeMutablePointer<CChar>? = nil
        var length = 0
        guard cgraphviz_render_data(gvc, graph, "dot", &buffer, &length) == 0, let buffer else { return nil }
        defer { gvFreeRenderData(buffer) }
        return String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
    }

    private static func note(_ message: String, _ warnings: inout [String]) {
        if !message.isEmpty && !warnings.contains(message) { warnings.append(message) }
    }

    private static func nonEmpty(_ message: String, _ fallback: String) -> String {
        message.isEmpty ? fallback : message
    }
}

/// The one thread on which every `fdp` placement runs, started before Graphviz first lays out text.
///
/// Graphviz 2.43's `fdp` compares node addresses (graphviz issue 1214), so its layout depends on
/// where malloc puts the nodes. On the calling thread that depends on earlier work (pango's font
/// set-up differs from run to run); a new thread per layout may inherit the arena of an exited
/// thread. This thread gets a fresh malloc arena when it starts, and only placements allocate
/// from it, so the same sequence of renders gives the same addresses, and layouts, in every
/// process. Within one process a later placement starts from the arena the earlier ones left,
/// so the same text rendered twice in one process may be placed differently.
final class PlacementThread: @unchecked Sendable {
    static let shared = PlacementThread()

    private let ready = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    /// Set by ``run(_:)`` and read by the thread between the two semaphores (no overlap).
    private nonisolated(unsafe) var job: UnsafeMutablePointer<cgraphviz_place_job>?

    private init() {
        let started = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            // The first malloc binds this thread to its arena: do it now, while the creator waits,
            // so the arena is a new one and not that of a thread that exits later (pango's).
            free(malloc(64))
            started.signal()
            while true {
                ready.wait()
                if let job { cgraphviz_place(job) }
                done.signal()
            }
        }
        thread.stackSize = 16 << 20 // Graphviz recurses over clusters
        thread.name = "actorgraph-fdp-placement"
        thread.start()
        started.wait()
    }

    /// Runs the placement `job` on the thread and waits for it. Called with the Graphviz lock held.
    func run(_ job: inout cgraphviz_place_job) {
        withUnsafeMutablePointer(to: &job) { pointer in
            self.job = pointer
            ready.signal()
            done.wait()
            self.job = nil
        }
    }
}
