import Foundation
import SimTestSupport
import Testing

@testable import SimSupport

/// The JSON writer: layout, escaping, and numbers that parse back to the same bits.
struct JSONWriterTests {
    private func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    @Test func layoutKeepsKeyOrderAndIndents() {
        let value: JSONValue = [
            "zeta": .int(1),
            "alpha": ["b": .bool(true), "a": .null],
            "series": .array([.number(0.5), .number(2), .int(3)]),
            "people": .array([["name": .string("x")]]),
            "empty": .object([]),
            "none": .array([]),
        ]
        #expect(
            value.serialized() == """
                {
                  "zeta": 1,
                  "alpha": {
                    "b": true,
                    "a": null
                  },
                  "series": [0.5, 2.0, 3],
                  "people": [
                    {
                      "name": "x"
                    }
                  ],
                  "empty": {},
                  "none": []
                }

                """)
    }

    @Test func longNumberSeriesStayOnOneLineButLongStringListsDoNot() {
        let series = JSONValue.array((0..<200).map { .number(Double($0) / 7) })
        #expect(series.serialized().split(separator: "\n").count == 1)
        let ids = JSONValue.array([.string("wagner"), .string("fama")])
        #expect(ids.serialized() == "[\"wagner\", \"fama\"]\n")
        let sentences = JSONValue.array((0..<5).map { .string("warning number \($0) about something") })
        #expect(sentences.serialized().split(separator: "\n").count == 7)
    }

    @Test func escaping() throws {
        let tricky = "quote \" backslash \\ slash / newline \n tab \t nul \u{0} bell \u{7} unit \u{1F} é → 🚀"
        let text = JSONValue.string(tricky).serialized()
        #expect(text.hasPrefix(#""quote \" backslash \\ slash / newline \u000a tab \u0009 nul \u0000"#))
        #expect(text.contains(#"bell \u0007 unit \u001f é → 🚀""#))
        #expect(!text.dropLast().contains("\n"))
        #expect(try parse(text) as? String == tricky)
    }

    @Test func keysAreEscapedToo() throws {
        let text = JSONValue.object([("a\"b\n", .int(1))]).serialized()
        let object = try #require(try parse(text) as? [String: Any])
        #expect(object["a\"b\n"] as? Int == 1)
    }

    @Test(arguments: [
        0.1 + 0.2, 1e-300, 123456789.123456789, 0.1, 5, 1e-05, -2.5e-8, 1e300, .greatestFiniteMagnitude,
        .leastNonzeroMagnitude, .leastNormalMagnitude, 0x1p53 + 2, -0.0, 1.0 / 3.0, 6.02214076e23,
    ])
    func doublesRoundTrip(x: Double) throws {
        let text = JSONValue.array([.number(x)]).serialized()
        let parsed = try #require(try parse(text) as? [NSNumber])
        #expect(parsed[0].exactDouble.bitPattern == x.bitPattern)
        #expect(try JSONDecoder().decode([Double].self, from: Data(text.utf8))[0].bitPattern == x.bitPattern)
    }

    @Test func numberSpelling() {
        #expect(JSONValue.number(0.1).serialized() == "0.1\n")
        #expect(JSONValue.number(5).serialized() == "5.0\n")
        #expect(JSONValue.number(1e-05).serialized() == "1e-05\n")
        #expect(JSONValue.number(.nan).serialized() == "null\n")
        #expect(JSONValue.array([.number(.infinity), .number(-.infinity)]).serialized() == "[null, null]\n")
    }

    @Test func integersStayExact() throws {
        let value: JSONValue = ["int": .int(Int.min), "seed": .unsigned(UInt64.max)]
        #expect(value.serialized().contains("\"seed\": 18446744073709551615"))
        let object = try #require(try parse(value.serialized()) as? [String: NSNumber])
        #expect(object["int"]?.int64Value == Int64.min)
        #expect(object["seed"]?.uint64Value == UInt64.max)
    }

    @Test func optionalStrings() {
        #expect(JSONValue.string(orNull: nil).serialized() == "null\n")
        #expect(JSONValue.string(orNull: "x").serialized() == "\"x\"\n")
    }
}
