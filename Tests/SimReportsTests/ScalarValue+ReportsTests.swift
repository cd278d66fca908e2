import SimCore
import SimSupport
import Testing

@testable import SimReports

@Suite("ScalarValue+Reports")
struct ScalarValueReportsTests {
    @Test func jsonScalars() throws {
        let value = try JSONValue.parse(#"{"i":3,"x":2.5,"b":true,"s":"t","n":null,"u":18446744073709551615}"#)
        #expect(value["i"]?.scalar == .integer(3))
        #expect(value["x"]?.scalar == .number(2.5))
        #expect(value["b"]?.scalar == .boolean(true))
        #expect(value["s"]?.scalar == .string("t"))
        #expect(value["n"]?.scalar == nil)
        #expect(value["u"]?.scalar == nil)
    }

    @Test func readableScalars() {
        #expect(ReadableNumber.text(ScalarValue.number(0.123456)) == "0.123")
        #expect(ReadableNumber.text(ScalarValue.integer(20)) == "20")
        #expect(ReadableNumber.text(ScalarValue.boolean(true)) == "true")
        #expect(ReadableNumber.text(ScalarValue.string("ghadames")) == "ghadames")
    }
}
