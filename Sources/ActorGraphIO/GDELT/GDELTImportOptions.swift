public import ActorGraphCore

/// What a GDELT import keeps and how it names actors and weighs events.
public struct GDELTImportOptions: Hashable, Sendable {
    /// How actors are keyed.
    public enum ActorKey: String, Hashable, Sendable, CaseIterable {
        /// By CAMEO actor code (`USAGOV`): one actor per code, named by the first ActorName seen.
        case code
        /// By ActorName (`UNITED STATES`), case and spacing ignored; kind and affiliation from the
        /// code of the first row that names it.
        case name
    }

    /// What an event counts for when its edges are formed: the `weight` attribute it carries.
    public enum Weight: String, Hashable, Sendable, CaseIterable {
        /// Every event counts once (no `weight` attribute).
        case count
        /// NumMentions: how often the event was mentioned across all documents.
        case mentions
        /// NumSources: how many information sources mentioned it.
        case sources
        /// NumArticles: how many documents mentioned it.
        case articles

        /// The GDELT column whose value becomes the `weight` attribute, or `nil` for `count`.
        var column: Int? {
            switch self {
            case .count: nil
            case .mentions: GDELTLayout.numMentions
            case .sources: GDELTLayout.numSources
            case .articles: GDELTLayout.numArticles
            }
        }
    }

    /// Keep rows whose SQLDATE lies in this window (default: all).
    public var window: DateWindow = .all
    /// Keep rows where either actor's country code (Actor1CountryCode or Actor2CountryCode) is one
    /// of these (empty: all).
    public var countries: Set<String> = []
    /// Keep rows whose EventRootCode is one of these, compared as text (`"04"`, not `"4"`; empty: all).
    public var rootCodes: Set<String> = []
    /// Keep rows whose QuadClass is one of these, 1-4 (empty: all).
    public var quadClasses: Set<Int> = []
    /// Keep only rows with IsRootEvent = 1.
    public var rootEventsOnly = false
    public var weight: Weight = .count
    public var actorKey: ActorKey = .code
    /// Stop at the first malformed row (default: report it and skip it).
    public var strict = false

    public init() {}
}
