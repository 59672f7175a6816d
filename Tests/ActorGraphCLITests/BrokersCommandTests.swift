import Foundation
import Testing

/// A validator for the subset of JSON Schema (2020-12) that `docs/brokers.schema.json` uses:
/// `type` (one or a list), `properties`, `required`, `additionalProperties: false`, `items`,
/// `enum` (of strings), `minItems`, `maxItems`, `minimum`, and `$ref` into `#/$defs/`.
/// Any other keyword is reported as unsupported, so the schema cannot silently outgrow it.
struct SchemaSubsetValidator {
    let root: [String: Any]
    static let keywords: Set<String> = [
        "$schema", "$id", "title", "description", "type", "properties", "required",
        "additionalProperties", "items", "enum", "minItems", "maxItems", "minimum",
        "$defs", "$ref",
    ]

    /// Every violation, as `path: message`.
    func errors(_ value: Any, _ schema: [String: Any]? = nil, at path: String = "$") -> [String] {
        let schema = schema ?? root
        var out: [String] = []
        for key in schema.keys where !Self.keywords.contains(key) { out.append("\(path): unsupported keyword \(key)") }
        if let ref = schema["$ref"] as? String {
            let name = ref.replacingOccurrences(of: "#/$defs/", with: "")
            guard let defs = root["$defs"] as? [String: Any], let target = defs[name] as? [String: Any] else {
                return out + ["\(path): unresolved \(ref)"]
            }
            return out + errors(value, target, at: path)
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as? String ?? "?"]
            if !types.contains(where: { Self.matches(value, $0) }) {
                out.append("\(path): expected \(types.joined(separator: " or ")), got \(Self.describe(value))")
                return out
            }
        }
        if let options = schema["enum"] as? [String] {
            if !(Self.isString(value) && options.contains(value as! String)) {
                out.append("\(path): \(Self.describe(value)) is not one of \(options)")
            }
        }
        if let minimum = schema["minimum"] as? Int, Self.isInteger(value), (value as! NSNumber).intValue < minimum {
            out.append("\(path): \(value) < \(minimum)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                out.append("\(path): missing \(key)")
            }
            for (key, member) in object {
                if let sub = properties[key] as? [String: Any] {
                    out += errors(member, sub, at: "\(path).\(key)")
                } else if (schema["additionalProperties"] as? Bool) == false {
                    out.append("\(path): unexpected key \(key)")
                }
            }
        }
        if let array = value as? [Any], !Self.isString(value) {
            if let min = schema["minItems"] as? Int, array.count < min { out.append("\(path): fewer than \(min) items") }
            if let max = schema["maxItems"] as? Int, array.count > max { out.append("\(path): more than \(max) items") }
            if let items = schema["items"] as? [String: Any] {
                for (i, item) in array.enumerated() { out += errors(item, items, at: "\(path)[\(i)]") }
            }
        }
        return out
    }

    /// JSONSerialization gives `true` as `__NSCFBoolean` and `1` as `NSNumber` (both `is Bool`
    /// on Linux), so booleans are told apart by their dynamic type.
    static func isBool(_ v: Any) -> Bool {
        type(of: v) == Bool.self || String(describing: type(of: v)).contains("Boolean")
    }
    static func isString(_ v: Any) -> Bool { v is String }
    static func isInteger(_ v: Any) -> Bool {
        guard !isBool(v), let n = v as? NSNumber else { return false }
        return n.doubleValue == n.doubleValue.rounded() && type(of: v) != Double.self
    }

    static func matches(_ v: Any, _ type: String) -> Bool {
        switch type {
        case "object": v is [String: Any]
        case "array": v is [Any] && !(v is String)
        case "string": isString(v)
        case "boolean": isBool(v)
        case "integer": isInteger(v)
        case "number": !isBool(v) && v is NSNumber
        case "null": v is NSNull
        default: false
        }
    }

    static func describe(_ v: Any) -> String { isBool(v) ? "boolean" : "\(type(of: v)) \(v)" }
}

/// `actorgraph brokers` end to end: the JSON follows its schema, the options do what they say.
@Suite struct BrokersCommandTests {
    static func schema() throws -> SchemaSubsetValidator {
        let data = try Data(contentsOf: CLI.root.appendingPathComponent("docs/brokers.schema.json"))
        return SchemaSubsetValidator(root: try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
    }

    /// A dataset that gives asserted findings, candidates of both reasons and a skipped event.
    static let dataset = """
        sources:
          - {id: s, title: A source}
        actors:
          - {id: korea, name: Korea, kind: state}
          - {id: japan, name: Japan, kind: state}
          - {id: usa, name: USA, kind: state}
          - {id: k1, name: K One, kind: person, affiliation: korea}
          - {id: k2, name: K Two, kind: person, affiliation: korea}
          - {id: j1, name: J One, kind: person, affiliation: japan}
          - {id: u1, name: U One, kind: person, affiliation: usa}
          - {id: c1, name: C One, kind: person}
          - {id: d1, name: D One, kind: person}
          - {id: e1, name: E One, kind: person}
        events:
          - {id: u-k, date: 2020-01-10, kind: meeting, participants: [u1, k1], citations: [{source: s, quote: q1}]}
          - {id: u-j, date: 2020-01-20, kind: meeting, participants: [u1, j1], citations: [{source: s, quote: q2}]}
          - {id: k-j, date: 2020-02-01, kind: meeting, participants: [k1, j1], citations: [{source: s, quote: q3}]}
          - {id: u-k2, date: 2020-01-25, kind: meeting, participants: [u1, k2], citations: [{source: s, quote: q4}]}
          - {id: k-k2, date: 2020-02-10, kind: meeting, participants: [k1, k2], citations: [{source: s, quote: q5}]}
          - {id: crowd, date: "2020", kind: meeting, participants: [korea, japan, c1, d1], broker: e1,
             citations: [{source: s, quote: q6}]}
        """

    func run(_ extra: [String]) throws -> (CLI.Result, [String: Any]) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("brokers-\(UUID().uuidString).yaml")
        try Self.dataset.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CLI.run(["brokers", file.path, "--format", "json"] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return (r, try CLI.json(r))
    }

    @Test func jsonFollowsTheSchema() throws {
        let validator = try Self.schema()
        let (_, json) = try run(["--candidates"])
        #expect(validator.errors(json) == [])
        let brokerages = try #require(json["brokerages"] as? [[String: Any]])
        let candidates = try #require(json["candidates"] as? [[String: Any]])
        #expect(brokerages.map { $0["status"] as? String }.allSatisfy { $0 == "asserted" })
        #expect(Set(candidates.compactMap { $0["reason"] as? String }) == ["same-group", "open"])
        #expect(json["view"] as? String == "contact")
        // The seed dataset's answer follows it too.
        let seed = try CLI.run(["brokers", CLI.seed, "--format", "json", "--candidates", "--window", "3000"])
        #expect(validator.errors(try CLI.json(seed)) == [])
    }

    /// The validator rejects what the schema forbids (so the check above can fail).
    @Test func validatorRejectsViolations() throws {
        let validator = try Self.schema()
        let (_, json) = try run(["--candidates"])
        var broken = json
        var findings = try #require(json["brokerages"] as? [[String: Any]])
        findings[0]["status"] = "probable"
        broken["brokerages"] = findings
        #expect(validator.errors(broken).contains { $0.contains("probable") })
        var missing = json
        missing["view"] = nil
        #expect(validator.errors(missing).contains("$: missing view"))
        var extra = json
        extra["rank"] = 1
        #expect(validator.errors(extra).contains("$: unexpected key rank"))
        findings = try #require(json["brokerages"] as? [[String: Any]])
        findings[0]["exclusive"] = 1
        broken["brokerages"] = findings
        #expect(validator.errors(broken).contains { $0.contains("exclusive: expected boolean") })
    }

    @Test func optionsFilterAndBound() throws {
        let (_, all) = try run(["--candidates"])
        let asserted = try #require(all["brokerages"] as? [[String: Any]])
        let temporal = asserted.filter { $0["basis"] as? String == "temporal" }
        #expect(temporal.map { $0["between"] as? [String] ?? [] } == [["k1", "j1"]])
        #expect(temporal.first?["role"] as? String == "liaison")
        #expect(temporal.first?["date"] as? String == "2020-01-10/2020-02-01")
        #expect((temporal.first?["evidence"] as? [[String: Any]])?.compactMap { $0["quote"] as? String } == ["q1", "q2", "q3"])
        // The named broker of the four-sided meeting (Korea, Japan, C One, D One): one finding
        // per pair of sides, six.
        let (_, explicitOnly) = try run(["--explicit-only"])
        let named = try #require(explicitOnly["brokerages"] as? [[String: Any]])
        #expect(named.count == 6 && named.allSatisfy { $0["basis"] as? String == "explicit" })
        let (_, itinerant) = try run(["--candidates", "--role", "itinerant"])
        #expect((itinerant["brokerages"] as? [Any])?.isEmpty == true)
        #expect((itinerant["candidates"] as? [[String: Any]])?.map { $0["role"] as? String } == ["itinerant"])
        let (_, cross) = try run(["--candidates", "--cross-group"])
        #expect((cross["candidates"] as? [[String: Any]])?.allSatisfy { $0["reason"] as? String != "same-group" } == true)
        let (_, top) = try run(["--top", "1"])
        #expect((top["brokers"] as? [Any])?.count == 1)
        let (_, narrow) = try run(["--window", "4", "--candidates"]) // the shortest two-path spans 5 days
        #expect((narrow["brokerages"] as? [[String: Any]])?.allSatisfy { $0["basis"] as? String == "explicit" } == true)
        #expect((narrow["candidates"] as? [Any])?.isEmpty == true)
        let bad = try CLI.run(["brokers", CLI.seed, "--window", "-1"])
        #expect(bad.status == 2)
        let csv = try CLI.run(["brokers", CLI.seed, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("status,reason,basis,broker,from,to,role"))
    }

    /// Analyses of a dataset run on the contact view and say so; graph files are read as they are.
    @Test func analysesNameTheirView() throws {
        let contact = try CLI.json(try CLI.run(["centrality", CLI.seed, "--measure", "degree", "--format", "json"]))
        #expect(contact["view"] as? String == "contact")
        // The Supreme Court of Korea appears only in a dispute (the 2018 ruling): no tie in the view.
        #expect((contact["scores"] as? [String: Double])?["supreme-court-of-korea"] == 0)
        let disputes = try CLI.json(try CLI.run(["centrality", CLI.seed, "--measure", "degree", "--kind", "dispute", "--format", "json"]))
        #expect(disputes["view"] as? String == "kinds: dispute")
        #expect(((disputes["scores"] as? [String: Double])?["supreme-court-of-korea"] ?? 0) > 0)
        for command in [["components"], ["communities"], ["structural-holes"], ["brokerage"]] {
            let json = try CLI.json(try CLI.run(command + [CLI.seed, "--format", "json"]))
            #expect(json["view"] as? String == "contact", "\(command)")
        }
        let table = try CLI.run(["components", CLI.seed])
        #expect(table.stdout.hasPrefix("view: contact\n"))
        let graphml = try CLI.json(try CLI.run(["components", "Tests/ActorGraphIOTests/Fixtures/graphml/karate.graphml", "--format", "json"]))
        #expect(graphml["view"] == nil)
    }

    /// A hub meeting 12 actors of no state, one a day: 66 open candidates whose group pairs are
    /// the actors themselves. The summary row names the first 8 pairs and counts the rest; the
    /// findings are all listed, one paragraph each.
    @Test func summaryCellOfManyGroupPairsIsShortened() throws {
        let contacts = (0..<12).map { "a\($0)" }
        var yaml = "sources: [{id: s, title: T}]\nactors:\n  - {id: hub, name: Hub, kind: person}\n"
        for a in contacts { yaml += "  - {id: \(a), name: \(a), kind: person}\n" }
        yaml += "events:\n"
        for (i, a) in contacts.enumerated() {
            yaml += "  - {id: e\(i), date: 2020-01-\(10 + i), kind: meeting, participants: [hub, \(a)], citations: [{source: s, quote: q}]}\n"
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hub-\(UUID().uuidString).yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CLI.run(["brokers", file.path, "--candidates"], environment: ["COLUMNS": "200"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("[candidate: open] Hub brokered") }.count == 66)
        let row = try #require(lines.first { $0.hasPrefix("Hub ") })
        #expect(row.contains("a0 - a1; a0 - a2; a0 - a3; a0 - a4; a0 - a5; a0 - a6; a0 - a7; a0 - a8; +58 more"), "\(row)")
    }
}
