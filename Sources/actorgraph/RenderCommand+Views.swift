import ActorGraph
import ArgumentParser
import Foundation

/// The focused views of `actorgraph render`: --ego, --brokerage, --timeline.
extension RenderCommand {
    /// The views asked for, by option name.
    var viewsAsked: [String] {
        [(ego != nil, "--ego"), (brokerage != nil, "--brokerage"), (timeline, "--timeline")].filter(\.0).map(\.1)
    }

    /// Usage errors: one view at a time, and no option that a view would ignore.
    func validateView() throws {
        let views = viewsAsked
        if views.count > 1 { throw ValidationError("\(views.joined(separator: ", ")): choose one view") }
        if depth != nil && ego == nil { throw ValidationError("--depth applies with --ego") }
        if let depth, !(1...10).contains(depth) { throw ValidationError("--depth must be between 1 and 10") }
        guard let view = views.first else { return }
        let ignored = [
            (highlightPath != nil, "--highlight-path"), (highlightBrokers, "--highlight-brokers"),
            (signed, "--signed"), (includeIsolated, "--include-isolated"),
            (noLegend && view != "--ego", "--no-legend"),
        ].filter(\.0).map(\.1)
        if !ignored.isEmpty {
            throw ValidationError("\(ignored.joined(separator: ", ")) do\(ignored.count == 1 ? "es" : "") not apply to \(view)")
        }
    }

    /// The DOT text of the view asked for and the engine that draws it, or `nil` for the whole diagram.
    func focusedView(_ loaded: LoadedInput) throws -> (dot: String, engine: GraphvizEngine)? {
        guard let view = viewsAsked.first else { return nil }
        guard let dataset = loaded.dataset, let projection = loaded.projection else {
            throw CLIError("\(view) needs a dataset (.yaml, .yml, .json): it reads events; \(loaded.path) is a graph file")
        }
        let chosen = GraphvizEngine(rawValue: engine)
        if let ego {
            let center = try Self.actor(ego, option: "--ego", in: loaded, dataset)
            var options = RelationshipDiagram.Options(title: title, seed: seed ?? 1, showLegend: !noLegend)
            options.includeIsolated = true
            let diagram = EgoDiagram(projection: projection, center: center, depth: depth ?? 1, options: options)
            // Layered (dot) by default: it keeps edge labels clear of nodes and of each other.
            return (diagram.dot, chosen == .auto ? .dot : chosen)
        }
        if let brokerage {
            let broker = try Self.actor(brokerage, option: "--brokerage", in: loaded, dataset)
            let kinds = input.projection.kinds
            let result = try EventBrokerage.find(
                in: projection,
                options: EventBrokerageOptions(contactKinds: kinds.isEmpty ? [.meeting] : Set(kinds)))
            let representative = projection.representative[broker.index]
            guard let diagram = BrokerageDiagram(dataset: dataset, brokerage: result, broker: representative, title: title) else {
                let asserted = Set(result.findings.filter { $0.status == .asserted }.map(\.broker))
                let names = dataset.actors.indices.filter { asserted.contains(ActorID($0)) }.map { dataset.actors[$0].name }
                throw CLIError(
                    "--brokerage '\(TerminalText.safe(brokerage))': \(TerminalText.safe(dataset[representative].name)) "
                        + "[\(TerminalText.safe(dataset[representative].id))] brokered no relation in \(loaded.path) "
                        + "by the standard of `actorgraph brokers`"
                        + (names.isEmpty ? "; no actor did" : "; brokers there: " + names.joined(separator: ", ")))
            }
            return (diagram.dot, chosen)
        }
        // Timeline: positions are pinned, which neato honours.
        let diagram = TimelineDiagram(projection: projection, title: title)
        return (diagram.dot, chosen == .auto ? .neato : chosen)
    }

    /// An actor named on the command line: its id, name or alias (as `path` resolves names),
    /// or a located error suggesting the closest names.
    static func actor(_ text: String, option: String, in loaded: LoadedInput, _ dataset: Dataset) throws -> ActorID {
        if let match = dataset.match(actor: text) { return match.actor }
        _ = try loaded.node(text, option: option) // throws, naming the file and the closest names
        throw CLIError("\(option) '\(TerminalText.safe(text))' names no actor in \(loaded.path)")
    }
}
