public import ActorGraphAnalysis
public import ActorGraphCore
public import ActorGraphDiagrams

extension BrokerageDiagram.Link {
    /// The link of a brokerage finding (``/ActorGraphAnalysis/EventBrokerage``), with its basis, role and evidence.
    public init(_ finding: BrokerageFinding) {
        self.init(
            broker: finding.broker, from: finding.from, to: finding.to, basis: finding.basis.rawValue,
            role: finding.role.rawValue, events: finding.events)
    }
}

extension BrokerageDiagram {
    /// The panels of the asserted findings of `result` whose broker is `broker`, or `nil` when
    /// there are none (a broker with candidates only has no asserted brokerage to show).
    /// - Complexity: O(findings) plus the diagram's own.
    public init?(dataset: Dataset, brokerage result: EventBrokerage, broker: ActorID, title: String? = nil) {
        let links = result.findings.filter { $0.broker == broker && $0.status == .asserted }.map(Link.init)
        guard !links.isEmpty else { return nil }
        self.init(dataset: dataset, links: links, title: title)
    }
}
