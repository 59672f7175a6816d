/// The column layouts of GDELT event exports, told apart by their field count (no file has a
/// header row).
///
/// From GDELT's event codebooks (GDELT 1.0 Event Database codebook, V1.03, 2013; GDELT 2.0 Event
/// Database codebook, V2.0, 2015): the first 35 columns are the same in both versions, from
/// GLOBALEVENTID to AvgTone. The three geography blocks that follow have 7 fields each in 1.0 and
/// 8 in 2.0 (ADM2Code added), then DATEADDED and, in daily files, SOURCEURL.
public enum GDELTLayout: Int, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// GDELT 1.0 historical backfiles (1979 - March 2013): 57 fields, no SOURCEURL.
    case v1Historical = 57
    /// GDELT 1.0 daily exports (from April 2013): 58 fields, SOURCEURL last.
    case v1Daily = 58
    /// GDELT 2.0 event exports: 61 fields, SOURCEURL last.
    case v2 = 61

    /// The layout with `fieldCount` tab-separated fields, if any.
    public init?(fieldCount: Int) { self.init(rawValue: fieldCount) }

    public var fieldCount: Int { rawValue }

    /// The column of SOURCEURL, or `nil` where the layout has none.
    public var sourceURL: Int? { self == .v1Historical ? nil : rawValue - 1 }

    public var description: String {
        switch self {
        case .v1Historical: "GDELT 1.0 historical (57 fields)"
        case .v1Daily: "GDELT 1.0 daily (58 fields)"
        case .v2: "GDELT 2.0 (61 fields)"
        }
    }

    // Columns shared by every layout (0-based).
    static let globalEventID = 0, sqlDate = 1
    static let actor1Code = 5, actor1Name = 6, actor1Country = 7
    static let actor2Code = 15, actor2Name = 16, actor2Country = 17
    static let isRootEvent = 25, eventCode = 26, eventBaseCode = 27, eventRootCode = 28, quadClass = 29
    static let goldstein = 30, numMentions = 31, numSources = 32, numArticles = 33, avgTone = 34
}
