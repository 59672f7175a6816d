import ActorGraphCore
import Testing

@testable import ActorGraphIO

/// How `<data>` text becomes a typed value, per `attr.type`.
@Suite("GraphML values")
struct GraphMLValueTests {
    @Test(arguments: [
        ("long", "42", AttributeValue.int(42)), ("int", " -7\n", .int(-7)), ("integer", "+3", .int(3)),
        ("double", "2.5", .double(2.5)), ("float", "1e-3", .double(0.001)), ("double", " inf ", .double(.infinity)),
        ("double", "-inf", .double(-.infinity)), ("boolean", "True", .bool(true)), ("boolean", "false", .bool(false)),
        ("boolean", " 1 ", .bool(true)), ("boolean", "0", .bool(false)), ("string", "  kept  ", .string("  kept  ")),
        ("string", "", .string("")),
    ])
    func parses(_ attrType: String, _ text: String, _ expected: AttributeValue) throws {
        let type = try #require(GraphMLValueType(attrType: attrType))
        #expect(try type.parse(text).get() == expected)
    }

    @Test func nanIsADouble() throws {
        guard case .double(let d) = try GraphMLValueType.double.parse("nan").get() else {
            Issue.record("nan is not a double")
            return
        }
        #expect(d.isNaN)
    }

    @Test(arguments: [
        ("long", "2.0", "'2.0' is not an integer, as key 'k' requires (attr.type \"long\")"),
        ("long", "-", "'-' is not an integer, as key 'k' requires (attr.type \"long\")"),
        ("long", "--1", "'--1' is not an integer, as key 'k' requires (attr.type \"long\")"),
        ("long", "-99999999999999999999", "'-99999999999999999999' does not fit in a 64-bit integer (key 'k', attr.type \"long\")"),
        ("double", "0x10", "'0x10' is not a number, as key 'k' requires (attr.type \"double\")"),
        ("double", "1,5", "'1,5' is not a number, as key 'k' requires (attr.type \"double\")"),
        ("double", "  ", "empty value for key 'k' (attr.type \"double\")"),
        ("boolean", "yes", "'yes' is not a boolean (true, false, 1 or 0), as key 'k' requires (attr.type \"boolean\")"),
    ])
    func refuses(_ attrType: String, _ text: String, _ message: String) throws {
        let type = try #require(GraphMLValueType(attrType: attrType))
        switch type.parse(text) {
        case .success(let value): Issue.record("'\(text)' parsed as \(value)")
        case .failure(let problem): #expect(problem.message(type: type, attrType: attrType, key: "k") == message)
        }
    }
}
