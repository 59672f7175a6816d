public import ActorGraphCore
public import ActorGraphDiagrams
public import ActorGraphIO
public import ActorGraphviz

/// A self-contained HTML page to explore a dataset's relationship diagram offline: the Graphviz
/// SVG inline, the page's own CSS and JavaScript (``PageAssets``, no third-party code), and the
/// data as JSON (``PageData``).
///
/// The page pans and zooms, finds an actor by name or alias, lists an actor's ties and events
/// and a tie's events with their sources and verbatim quotes, fades ties and actors outside a
/// kind and time filter, highlights an asserted brokerage and a shortest path. It makes no
/// network request: its Content-Security-Policy allows no fetch, frame or remote resource, and
/// only the page's own script (by its SHA-256).
///
/// Every dataset text reaches the page escaped: HTML text by ``ScriptSafe/html(_:)``, the SVG
/// by Graphviz's own XML escaping (its comments, which carry node names, are removed), the JSON
/// by ``ScriptSafe/scriptJSON(_:)``; the script puts names into the page with `textContent` only.
public struct ExplorerPage: Sendable {
    /// The diagram, its nodes and edges tagged (``DiagramTags``).
    public let diagram: DOTDocument
    /// The embedded data.
    public let data: JSONValue
    /// The page's title.
    public let title: String

    /// The page of `dataset` seen through `projection`, drawn as `diagram` (made from the same
    /// projection), with `brokerages` as `actorgraph brokers --format json` prints them.
    /// - Complexity: O(actors + events + ties × events per tie).
    public init(
        dataset: Dataset, projection: EventProjection, diagram: RelationshipDiagram, brokerages: JSONValue,
        title: String? = nil
    ) {
        self.diagram = DiagramTags.tagged(diagram.document, dataset: dataset, projection: projection)
        self.title = title ?? dataset.title ?? "ActorGraph"
        self.data = PageData.json(dataset: dataset, projection: projection, title: self.title, brokerages: brokerages)
    }

    /// The page as HTML text: lays the diagram out with Graphviz.
    /// - Throws: ``/ActorGraphviz/GraphvizError`` with Graphviz's message.
    /// - Complexity: Graphviz's layout, then linear in the SVG and data.
    public func html(engine: GraphvizEngine = .auto, options: GraphvizRenderOptions = GraphvizRenderOptions()) throws(GraphvizError) -> String {
        let svg = try GraphvizRenderer.render(dot: diagram.text, format: .svg, engine: engine, options: options)
        return Self.page(
            title: title, svg: Self.inlineSVG(svg),
            json: ScriptSafe.scriptJSON(data.serialized(pretty: false)))
    }

    /// Graphviz's SVG document as an element to inline in HTML: from `<svg` on, without the XML
    /// prologue, doctype and comments.
    /// - Complexity: O(length of `svg`): one pass over its bytes.
    static func inlineSVG(_ svg: [UInt8]) -> String {
        let open: [UInt8] = Array("<!--".utf8), close: [UInt8] = Array("-->".utf8), start: [UInt8] = Array("<svg".utf8)
        func matches(_ pattern: [UInt8], at i: Int) -> Bool {
            i + pattern.count <= svg.count && pattern.indices.allSatisfy { svg[i + $0] == pattern[$0] }
        }
        var out: [UInt8] = []
        out.reserveCapacity(svg.count)
        var i = 0
        while i < svg.count, !matches(start, at: i) { i += 1 }
        if i == svg.count { i = 0 }
        while i < svg.count {
            if svg[i] == UInt8(ascii: "<"), matches(open, at: i) {
                i += open.count
                while i < svg.count, !matches(close, at: i) { i += 1 }
                i += close.count
            } else {
                out.append(svg[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The page around an SVG element and escaped JSON.
    static func page(title: String, svg: String, json: String) -> String {
        let heading = ScriptSafe.html(title)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src '\(PageAssets.scriptHash)'; style-src 'unsafe-inline'; img-src data:">
            <meta name="generator" content="actorgraph render">
            <title>\(heading)</title>
            <style>
            \(PageAssets.css)</style>
            </head>
            <body>
            <header>
            <h1>\(heading)</h1>
            <p id="counts" role="status" aria-live="polite"></p>
            </header>
            <main>
            <aside id="controls" aria-label="Search and filters">
            <form id="search-form" role="search">
            <label for="search">Find an actor (name or alias)</label>
            <div class="row"><input id="search" type="search" list="actor-names" autocomplete="off"><button type="submit">Find</button></div>
            <datalist id="actor-names"></datalist>
            <p id="search-result" class="note" aria-live="polite"></p>
            </form>
            <fieldset id="kinds"><legend>Event kinds</legend></fieldset>
            <fieldset id="time"><legend>Time</legend>
            <label for="time-from">From <output id="time-from-label" for="time-from"></output></label>
            <input id="time-from" type="range" min="0" max="0" step="1">
            <label for="time-to">To <output id="time-to-label" for="time-to"></output></label>
            <input id="time-to" type="range" min="0" max="0" step="1">
            </fieldset>
            <fieldset id="path"><legend>Shortest path</legend>
            <label for="path-from">From</label><select id="path-from"></select>
            <label for="path-to">To</label><select id="path-to"></select>
            <button id="path-go" type="button">Highlight path</button>
            </fieldset>
            <section id="brokers" aria-labelledby="brokers-heading"><h2 id="brokers-heading">Asserted brokerages</h2><ol id="broker-list"></ol></section>
            </aside>
            <div id="diagram" tabindex="0" aria-label="Relationship diagram: drag or arrow keys to pan, wheel or + and - to zoom, 0 to reset">
            <div id="zoom" role="toolbar" aria-label="Zoom"><button type="button" data-zoom="in" aria-label="Zoom in">+</button><button type="button" data-zoom="out" aria-label="Zoom out">−</button><button type="button" data-zoom="reset">Fit</button></div>
            \(svg)
            </div>
            <aside id="details" aria-label="Details" aria-live="polite"><h2>Details</h2><p class="note">Choose an actor, a tie, a brokerage or a path. Escape clears.</p></aside>
            </main>
            <script type="application/json" id="actorgraph-data">\(json)</script>
            <script>\(PageAssets.script)</script>
            </body>
            </html>

            """
    }
}
