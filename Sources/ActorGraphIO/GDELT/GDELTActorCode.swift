/// A CAMEO actor code read into its parts: `USAGOV` is the country `USA` (United States) with
/// the role `GOV` (Government); `USA` is the state itself; `GOV` is a government of no country.
///
/// CAMEO actor codes are runs of three-letter parts (the CAMEO actor codebook, Schrodt 2012,
/// ch. 3): a country or region code first when there is one, then role (type) codes, then known
/// group, ethnic or religion codes, which are kept as ``otherParts``. A code whose length is not
/// a multiple of three is kept whole in ``otherParts``.
public struct GDELTActorCode: Hashable, Sendable {
    /// The code as written: `USAGOV`.
    public let code: String
    /// The leading country or region code, when the first part is one: `USA`.
    public let country: String?
    /// The role codes that follow (those in the type table): `[GOV]`.
    public let roles: [String]
    /// Parts that are neither (known groups, ethnic and religion codes): `NAT` in `IGOWSTNAT`.
    public let otherParts: [String]

    /// - Complexity: O(length of the code).
    public init(_ code: String, tables: CAMEOActorTables) {
        self.code = code
        let scalars = Array(code.utf8)
        guard !scalars.isEmpty, scalars.count % 3 == 0 else {
            country = nil; roles = []; otherParts = code.isEmpty ? [] : [code]
            return
        }
        var parts: [String] = []
        var i = 0
        while i < scalars.count {
            parts.append(String(decoding: scalars[i..<i + 3], as: UTF8.self))
            i += 3
        }
        var rest = parts[...]
        if let first = rest.first, tables.countries[first] != nil {
            country = first
            rest = rest.dropFirst()
        } else {
            country = nil
        }
        roles = rest.filter { tables.types[$0] != nil }
        otherParts = rest.filter { tables.types[$0] == nil }
    }

    /// True when the code is a bare country: the state itself (`USA`, `GEO`).
    public var isState: Bool { country != nil && roles.isEmpty && otherParts.isEmpty && code.utf8.count == 3 }
}
