public import ActorGraphDiagrams
public import ActorGraphviz

extension RelationshipDiagram {
    /// Renders the diagram with Graphviz: SVG, PNG or PDF bytes.
    ///
    /// The diagram's seed (`RelationshipDiagram.Options.seed`) is in its DOT text; `options`
    /// sets resolution, size cap and the `auto` engine's limits, and may override the seed.
    /// - Throws: ``/ActorGraphviz/GraphvizError`` with Graphviz's message.
    public func render(
        format: GraphvizFormat, engine: GraphvizEngine = .auto,
        options: GraphvizRenderOptions = GraphvizRenderOptions()
    ) throws(GraphvizError) -> [UInt8] {
        try GraphvizRenderer.render(dot: dot, format: format, engine: engine, options: options)
    }
}
