import SimCore
import Testing

@testable import SimSupport

/// Two values alike in case, order and bits (JSONValue has no ==: a Double's -0.0 and 0.0 must differ here).
private func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.unsigned(let x), .unsigned(let y)): return x == y
    case (.number(let x), .number(let y)): return x.bitPattern == y.bitPattern
    case (.string(let x), .string(let y)): return x == y
    case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy(same)
    case (.object(let x), .object(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && same($0.1, $1.1) }
    default: return false
    }
}

/// The strict JSON reader, the one-line writer, and the round trip between them.
struct JSONValueParseTests {
    private static let trickyDoubles: [Double] = [
        0.1 + 0.2, 1e-300, -0.0, .leastNonzeroMagnitude, 1.7976931348623157e308, 0.1, 5, 1e-05, -2.5e-8, 1e300,
        .leastNormalMagnitude, 0x1p53 + 2, 1.0 / 3.0, 6.02214076e23, 123456789.123456789,
        Double.leastNormalMagnitude.nextDown,
    ]

    @Test func compactIsOneLineWithoutSpaces() {
        let value: JSONValue = [
            "a": .int(1), "b": [.int(1), .int(2)], "c": ["d": .null, "e": .bool(false)],
            "f": .string("x y, \"z\"\n"), "g": .number(2), "h": .array([]), "i": .object([]),
        ]
        #expect(
            value.compact()
                == #"{"a":1,"b":[1,2],"c":{"d":null,"e":false},"f":"x y, \"z\"\u000a","g":2.0,"h":[],"i":{}}"#)
        #expect(JSONValue.number(.nan).compact() == "null")
        #expect(JSONValue.unsigned(.max).compact() == "18446744073709551615")
    }

    @Test func keepsKeyOrderAndDuplicates() throws {
        let value = try JSONValue.parse(#" { "z" : 1 , "a" : [ true , false , null ] , "z" : "again" } "#)
        let pairs = try #require(value.object)
        #expect(pairs.map(\.0) == ["z", "a", "z"])
        #expect(value["z"]?.int == 1)
        #expect(value["a"]?.array?.count == 3)
        #expect(value["a"]?.array?[0].bool == true)
        #expect(value["missing"] == nil)
        #expect(JSONValue.int(1)["z"] == nil)
    }

    @Test func integersByRange() throws {
        #expect(try JSONValue.parse("9223372036854775807").int == .max)
        #expect(try JSONValue.parse("-9223372036854775808").int == .min)
        let big = try JSONValue.parse("9223372036854775808")
        guard case .unsigned(let u) = big else { Issue.record("not unsigned: \(big)"); return }
        #expect(u == 9_223_372_036_854_775_808)
        #expect(big.uint64 == u && big.int == nil)
        #expect(try JSONValue.parse("18446744073709551615").uint64 == .max)
        let huge = try JSONValue.parse("18446744073709551616")
        guard case .number(let x) = huge else { Issue.record("not a number: \(huge)"); return }
        #expect(x == 18446744073709551616.0)
        guard case .number = try JSONValue.parse("-9223372036854775809") else { Issue.record("not a number"); return }
        guard case .number(let y) = try JSONValue.parse("5.0") else { Issue.record("not a number"); return }
        #expect(y == 5)
        guard case .number(let z) = try JSONValue.parse("1E2") else { Issue.record("not a number"); return }
        #expect(z == 100)
        #expect(try JSONValue.parse("-0").int == 0)
        #expect(try JSONValue.parse("42").double == 42)
        #expect(try JSONValue.parse("42").uint64 == 42)
        #expect(try JSONValue.parse("-1").uint64 == nil)
    }

    @Test(arguments: trickyDoubles)
    func doublesAreExact(x: Double) throws {
        for text in [JSONValue.number(x).compact(), JSONValue.number(x).serialized()] {
            let parsed = try JSONValue.parse(text)
            guard case .number(let y) = parsed else { Issue.record("\(text) → \(parsed)"); continue }
            #expect(y.bitPattern == x.bitPattern, "\(text)")
        }
    }

    @Test func stringEscapes() throws {
        let text = #""a\"b\\c\/d\b\f\n\r\t\u0041\u00e9\u20ac\ud83d\ude80 raw é 🚀""#
        #expect(try JSONValue.parse(text).string == "a\"b\\c/d\u{8}\u{c}\n\r\tAé€🚀 raw é 🚀")
        #expect(try JSONValue.parse(#""\uD83D\uDE80""#).string == "🚀")
        let tricky = "quote \" backslash \\ newline \n nul \u{0} unit \u{1F} é → 🚀"
        #expect(try JSONValue.parse(JSONValue.string(tricky).compact()).string == tricky)
    }

    @Test(arguments: [
        ("", 0), ("  ", 2), ("tru", 0), ("nul", 0), ("[1,]", 3), ("[1 2]", 3), ("{\"a\" 1}", 5), ("{\"a\":1,}", 7),
        ("{1:2}", 1), ("01", 1), ("1.", 2), (".5", 0), ("-", 1), ("1e", 2), ("1e+", 3), ("+1", 0), ("0x10", 1),
        ("NaN", 0), ("Infinity", 0), ("1e400", 0), ("\"abc", 0), ("\"a\nb\"", 2), ("\"\\x\"", 1), ("\"\\u12\"", 3),
        ("\"\\ud83d\"", 1), ("\"\\ud83d\\u0041\"", 1), ("\"\\ude80\"", 1), ("[1] 2", 4), ("{\"a\":1}}", 7),
        ("'a'", 0), ("[", 1), ("{", 1), ("// c\n1", 0),
    ])
    func rejectsWithOffset(text: String, offset: Int) {
        let error = #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
        #expect(error?.offset == offset)
        #expect(error?.message.isEmpty == false)
    }

    @Test func refusesDeepNesting() throws {
        let ok = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(try JSONValue.parse(ok).array?.count == 1)
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
    }

    @Test func accessors() throws {
        let value = try JSONValue.parse(#"{"i":3,"x":2.5,"b":true,"s":"t","n":null,"u":18446744073709551615}"#)
        #expect(value["u"]?.double == 18446744073709551615.0)
        #expect(value["x"]?.int == nil)
        #expect(value["i"]?.string == nil)
        #expect(value["s"]?.bool == nil)
        #expect(value.array == nil)
        #expect(value["i"]?.object == nil)
    }

    /// Random documents of every kind the writer makes come back the same, in both layouts.
    @Test(arguments: UInt64(1)...20)
    func roundTripsRandomValues(seed: UInt64) throws {
        var random = RandomSource(seed: seed)
        for _ in 0..<20 {
            let value = randomValue(&random, depth: 0)
            let compact = value.compact()
            #expect(compact == withoutLayout(value.serialized()))
            #expect(same(try JSONValue.parse(compact), value), "\(compact)")
            #expect(same(try JSONValue.parse(value.serialized()), value))
        }
    }

    /// A pretty-printed text without its layout: spaces and newlines outside strings.
    private func withoutLayout(_ text: String) -> String {
        var out = "", inString = false, escaped = false
        for c in text {
            if inString {
                if escaped {
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "\"" {
                    inString = false
                }
            } else if c == "\"" {
                inString = true
            } else if c == " " || c == "\n" {
                continue
            }
            out.append(c)
        }
        return out
    }

    private func randomValue(_ random: inout RandomSource, depth: Int) -> JSONValue {
        let kind = random.integer(in: 0...(depth < 3 ? 7 : 5))
        switch kind {
        case 0: return .null
        case 1: return .bool(random.uniform() < 0.5)
        case 2: return .int(Int(random.integer(in: Int64.min...Int64.max)))
        case 3:
            return .unsigned(UInt64(Int64.max) + 1 + UInt64(random.integer(in: 0...Int64.max)))
        case 4:
            switch random.integer(in: 0...3) {
            case 0: return .number(JSONValueParseTests.trickyDoubles[Int(random.integer(in: 0...15))])
            case 1:
                let bits = random.next()
                let x = Double(bitPattern: bits)
                return .number(x.isFinite ? x : 0.5)
            case 2: return .number(random.normal() * 1e6)
            default: return .number(Double(random.integer(in: -1000...1000)))
            }
        case 5: return .string(randomString(&random))
        case 6: return .array((0..<random.integer(in: 0...5)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            return .object(
                (0..<random.integer(in: 0...5)).map { _ in
                    (randomString(&random), randomValue(&random, depth: depth + 1))
                })
        }
    }

    private func randomString(_ random: inout RandomSource) -> String {
        let alphabet: [Character] = [
            "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "é", "€", "🚀", ",", ":", "{",
        ]
        return String((0..<random.integer(in: 0...8)).map { _ in alphabet[Int(random.integer(in: 0...16))] })
    }
}
