internal import ActorGraphCore

/// The actors of a GDELT import, made as rows name them: keyed by CAMEO code or by ActorName,
/// each code read into its country and roles (``GDELTActorCode``).
///
/// - A bare country code (`USA`) is the state, named from CAMEO's country table ("United States").
/// - A code with a country and more (`USAGOV`) is an institution affiliated with that state,
///   which is made too, so `USAGOV` and `USA` meet in a roll-up to states.
/// - A code without a country (`GOV`, `MED`, `IGOWSTNAT`) is an institution of no state.
/// GDELT 1.0 codes do not tell people apart, so no actor is a person. A region code (`EUR`, `CAU`)
/// is in CAMEO's country table and is treated like a country.
///
/// Names must be unique in a dataset: by code, a state is named by CAMEO's country table, a
/// country-and-roles code by CAMEO's tables ("United States Government"), any other code by the
/// first ActorName seen (or the code), with ` (CODE)` added when another actor already has that
/// name. By name, the name is the key, and a row whose ActorName is a state's name is that
/// state.
///
/// - Complexity: O(1) expected per row (hash lookups); O(code length) for a new actor.
struct GDELTActorRegistry {
    let tables: CAMEOActorTables
    let key: GDELTImportOptions.ActorKey
    private(set) var actors: [ActorRecord] = []
    /// The key (code, or name key) -> actor index.
    private var byKey: [String: Int] = [:]
    /// Name keys (``/ActorGraphCore/Dataset/nameKey(_:)``) in use -> actor index.
    private var byName: [String: Int] = [:]
    /// Ids in use (name mode makes ids from names).
    private var ids: Set<String> = []

    init(tables: CAMEOActorTables, key: GDELTImportOptions.ActorKey) {
        self.tables = tables
        self.key = key
    }

    /// The actor a row's code and name stand for, made on first sight; `nil` without either.
    /// `name` is evaluated only when it is needed: keying by name, or making a new actor.
    mutating func actor(code: String?, name nameText: () -> String?) -> ActorID? {
        switch key {
        case .code:
            guard let code else { return nil }
            if let i = byKey[code] { return ActorID(i) }
            let i = make(code: code, name: nameText())
            byKey[code] = i
            return ActorID(i)
        case .name:
            guard let text = nameText() ?? code else { return nil }
            let nameKey = Dataset.nameKey(text)
            if let i = byName[nameKey] { return ActorID(i) }
            let parsed = code.map { GDELTActorCode($0, tables: tables) }
            if let parsed, parsed.isState, let country = parsed.country {
                let state = self.state(country, name: text)
                byName[nameKey] = state
                return ActorID(state)
            }
            let affiliation = parsed?.country.map { state($0, name: nil) }
            // "GEORGIA" on a GEOGOV row names the state Georgia, made just now or before.
            if let i = byName[nameKey] { return ActorID(i) }
            let i = add(
                id: uniqueID(slug(text)), name: text, kind: .institution, affiliation: affiliation,
                description: parsed.map(describe))
            return ActorID(i)
        }
    }

    /// The actor for a code not seen before (code mode); returns its index.
    private mutating func make(code: String, name: String?) -> Int {
        let parsed = GDELTActorCode(code, tables: tables)
        if parsed.isState, let country = parsed.country {
            return state(country, name: name)
        }
        let affiliation = parsed.country.map { state($0, name: nil) }
        return add(
            id: uniqueID(code), name: label(parsed) ?? name ?? code, kind: .institution, affiliation: affiliation,
            description: describe(parsed), code: code)
    }

    /// The name CAMEO's tables give a code made only of a country and roles: `USAGOV` is
    /// "United States Government", `GOV` "Government", `KORMIL` "South Korea Military". `nil` for
    /// a code with other parts (groups, ethnic or religion codes), which is named by its ActorName:
    /// the ActorName of one row ("MINISTRY", "WASHINGTON") would otherwise name every actor that
    /// shares the code.
    private func label(_ parsed: GDELTActorCode) -> String? {
        guard !parsed.roles.isEmpty, parsed.otherParts.isEmpty else { return nil }
        let country = parsed.country.map { tables.countries[$0] ?? $0 }
        return ([country].compactMap { $0 } + parsed.roles.map { tables.types[$0] ?? $0 }).joined(separator: " ")
    }

    /// The state of `country`, made when first needed (keyed by its code in both modes).
    private mutating func state(_ country: String, name: String?) -> Int {
        let stateKey = "state:" + country
        if let i = byKey[stateKey] { return i }
        let label = tables.countries[country] ?? name ?? country
        let i = add(
            id: uniqueID(country), name: label, kind: .state, affiliation: nil,
            description: "CAMEO \(country)", code: country)
        byKey[stateKey] = i
        if key == .code { byKey[country] = i }
        return i
    }

    private func describe(_ parsed: GDELTActorCode) -> String {
        var parts: [String] = []
        if let c = parsed.country { parts.append(tables.countries[c] ?? c) }
        parts += parsed.roles.map { tables.types[$0] ?? $0 }
        parts += parsed.otherParts
        return "CAMEO \(parsed.code)" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
    }

    /// Adds an actor, making its name unique (` (CODE)`, then a number) when another has it.
    private mutating func add(
        id: String, name: String, kind: ActorKind, affiliation: Int?,
        description: String?, code: String? = nil
    ) -> Int {
        var unique = name
        if byName[Dataset.nameKey(unique)] != nil, let code { unique = "\(name) (\(code))" }
        var n = 2
        let base = unique
        while byName[Dataset.nameKey(unique)] != nil {
            unique = "\(base) \(n)"
            n += 1
        }
        let i = actors.count
        actors.append(
            ActorRecord(
                id: id, name: unique, kind: kind, affiliation: affiliation.map { ActorID($0) },
                description: description))
        byName[Dataset.nameKey(unique)] = i
        ids.insert(id)
        return i
    }

    /// `base`, or `base-2`, `base-3`, ... when taken.
    private func uniqueID(_ base: String) -> String {
        guard ids.contains(base) else { return base }
        var n = 2
        while ids.contains("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }

    /// An id from a name: lower-case ASCII letters and digits, other runs as `-`.
    private func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        for c in text.lowercased().unicodeScalars {
            if c.isASCII && (("a"..."z").contains(c) || ("0"..."9").contains(c)) {
                if dash && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(c)
                dash = false
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "actor" : out
    }
}
