// ScalarValue+ParseTests: the one grammar of a param value typed like its default — integers as
// Int reads them, finite numbers as Double does, booleans in three spellings and any case, strings
// as given — and how a value's type is named in messages.
import Testing

@testable import SimCore

struct ScalarValueParseTests {
    @Test(
        "a value is read as the type of the model",
        arguments: [
            ("20", ScalarValue.integer(7), ScalarValue.integer(20)),
            ("-3", .integer(7), .integer(-3)),
            ("0.25", .number(1), .number(0.25)),
            ("2", .number(1), .number(2)),
            ("1e-3", .number(1), .number(0.001)),
            ("0x10", .number(1), .number(16)),
            ("true", .boolean(false), .boolean(true)),
            ("YES", .boolean(false), .boolean(true)),
            ("1", .boolean(false), .boolean(true)),
            ("False", .boolean(true), .boolean(false)),
            ("no", .boolean(true), .boolean(false)),
            ("0", .boolean(true), .boolean(false)),
            ("ghadames", .string(""), .string("ghadames")),
            ("", .string("x"), .string("")),
            ("2.5", .string("x"), .string("2.5")),
        ])
    func parses(text: String, model: ScalarValue, expected: ScalarValue) {
        #expect(ScalarValue.parse(text, like: model) == expected)
    }

    @Test(
        "text that does not fit the model's type is refused",
        arguments: [
            ("2.5", ScalarValue.integer(7)),
            ("1e3", .integer(7)),
            ("0x10", .integer(7)),
            ("", .integer(7)),
            ("many", .integer(7)),
            ("fast", .number(1)),
            ("inf", .number(1)),
            ("nan", .number(1)),
            ("", .number(1)),
            ("maybe", .boolean(false)),
            ("2", .boolean(false)),
            ("", .boolean(false)),
        ])
    func refuses(text: String, model: ScalarValue) {
        #expect(ScalarValue.parse(text, like: model) == nil)
    }

    @Test("a type is named as messages name it")
    func typeDescriptions() {
        #expect(
            [ScalarValue.integer(1), .number(1), .boolean(true), .string("")].map(\.typeDescription)
                == ["an integer", "a number", "true or false", "a string"])
    }

    @Test("a number reads as a Double; a bound is written without a fraction when integral")
    func numericAndPlainText() {
        #expect(ScalarValue.integer(3).numeric == 3)
        #expect(ScalarValue.number(0.5).numeric == 0.5)
        #expect(ScalarValue.boolean(true).numeric == nil)
        #expect(ScalarValue.string("1").numeric == nil)
        #expect(
            [365, 0.25, -2, 1e15, 1e16].map(ScalarValue.plainText)
                == ["365", "0.25", "-2", "1000000000000000.0", "1e+16"])
        #expect(
            [ScalarValue.number(365), .number(0.25), .number(1e16)].map(\.description) == ["365.0", "0.25", "1e+16"])
    }
}
