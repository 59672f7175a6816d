public import ActorGraphCore

extension EventBrokerage {
    /// One finding as a sentence an analyst can read aloud, with the events in brackets:
    ///
    /// - explicit: "Barack Obama brokered Shinzo Abe - Park Geun-hye (Japan - South Korea,
    ///   liaison) in 2014: named as broker of the summit brokered by the U.S. [e1]"
    /// - temporal: "Park Jie-won brokered Moon Jae-in - Yoshihide Suga (South Korea - Japan,
    ///   representative) from 2020-11-05 to 2020-12-01: met Moon Jae-in on 2020-11-05 [e1],
    ///   then Yoshihide Suga on 2020-11-10 [e2]; they met on 2020-12-01 [e3]"
    ///
    /// A relation is undirected (`A - C`); the period runs from the first to the last event of
    /// the evidence; dates read "in 2014", "in 2020-11", "on 2020-11-13" or "from ... to ...".
    /// Candidates end with why they are not asserted. Group labels that are actor ids (as the
    /// `state` attribute is) are shown by name; "exclusive" is added when no other broker
    /// stood between the two.
    public static func sentence(for finding: BrokerageFinding, in dataset: Dataset) -> String {
        func name(_ a: ActorID) -> String { dataset[a].name }
        func label(_ g: String) -> String { dataset.actorID(forID: g).map { dataset[$0].name } ?? g }
        func verb(_ e: EventRecord) -> String {
            switch e.kind {
            case .meeting: "met"
            case .statement: "exchanged statements with"
            case .dispute: "was in dispute with"
            case .cooperation: "cooperated with"
            }
        }
        let groups =
            "\(label(finding.fromGroup)) - \(label(finding.toGroup)), \(finding.role.rawValue)"
            + (finding.exclusive ? ", exclusive" : "")
        let head =
            "\(name(finding.broker)) brokered \(name(finding.from)) - \(name(finding.to)) (\(groups)) "
            + "\(phrase(finding.date)): "
        var body: String
        switch finding.basis {
        case .explicit:
            let named = finding.events.map { id -> String in
                let e = dataset[id]
                return "the \(e.subtype ?? e.kind.rawValue)"
                    + (finding.events.count > 1 ? " \(phrase(e.date))" : "") + " [\(e.id)]"
            }
            body = "named as broker of " + named.joined(separator: ", ")
        case .temporal:
            let first = dataset[finding.events[0]], second = dataset[finding.events[1]]
            body =
                "\(verb(first)) \(name(finding.from)) \(phrase(first.date)) [\(first.id)], "
                + "then \(second.kind == first.kind ? "" : verb(second) + " ")\(name(finding.to)) \(phrase(second.date)) [\(second.id)]"
            if finding.events.count > 2 {
                let closing = dataset[finding.events[2]]
                body += "; they \(verb(closing)) each other \(phrase(closing.date)) [\(closing.id)]"
            }
        }
        if let reason = finding.reason {
            switch reason {
            case .sameGroup: body += " (candidate: both ends in \(label(finding.fromGroup)))"
            case .open: body += " (candidate: they had no contact afterwards within the closure horizon)"
            }
        }
        return head + body
    }

    /// "in 2014", "in 2020-11", "on 2020-11-13", "from 2020-11-09 to 2020-11-12".
    public static func phrase(_ date: EventDate) -> String {
        switch date.precision {
        case .year, .month: return "in \(date.text)"
        case .day: return "on \(date.text)"
        case .range:
            let parts = date.text.split(separator: "/")
            return parts.count == 2 ? "from \(parts[0]) to \(parts[1])" : "in \(date.text)"
        }
    }
}
