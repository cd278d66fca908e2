// ParamOverrideTests: a value given for a param — command-line text read by the one grammar that
// `--sweep` items share, or a typed value that reaches the scenario as it is, with no text between.
import Foundation
import SimBatch
import SimCore
import SimReports
import Testing

@testable import LuaBridge

@Suite("ParamOverride")
struct ParamOverrideTests {
    /// One param of each type, without bounds; each is logged with its Lua type.
    static let params =
        header(steps: 0) + """
            local n = sim.param("count", 3)
            local r = sim.param("rate", 0.5)
            local f = sim.param("flag", false)
            local s = sim.param("label", "base")

            """

    /// The value `--param name=text` gives the param, or nil when it is refused.
    private func paramValue(_ name: String, _ text: String) -> ScalarValue? {
        let fixture = ScenarioFixture()
        fixture.write("main.lua", Self.params)
        guard case .success(let summary) = fixture.check(params: [(name, text)]) else { return nil }
        return summary.params.first { $0.name == name }?.value
    }

    @Test(
        "a typed value fits a param of its type, or an integer a number param",
        arguments: [
            (ParamOverride.value(.integer(4)), ScalarValue.integer(1), ScalarValue?.some(.integer(4))),
            (.value(.integer(4)), .number(1), .number(4)),
            (.value(.number(-0.0)), .number(1), .number(-0.0)),
            (.value(.boolean(true)), .boolean(false), .boolean(true)),
            (.value(.string("yes")), .string(""), .string("yes")),
            (.value(.number(4)), .integer(1), nil),
            (.value(.number(.infinity)), .number(1), nil),
            (.value(.string("1")), .number(1), nil),
            (.value(.integer(1)), .boolean(false), nil),
            (.value(.boolean(true)), .string(""), nil),
            (.text("yes"), .boolean(false), .boolean(true)),
            (.text("2.5"), .integer(1), nil),
        ])
    func resolved(override: ParamOverride, defaultValue: ScalarValue, expected: ScalarValue?) {
        let value = override.resolved(like: defaultValue)
        #expect(value == expected)
        if case .number(let x) = value, case .number(let y) = expected { #expect(x.sign == y.sign) }
    }

    @Test(
        "--param and a --sweep item accept and refuse the same values",
        arguments: [
            ("count", "7"), ("count", "-3"), ("count", "2.5"), ("count", "1e3"), ("count", "0x10"), ("count", "many"),
            ("rate", "0.25"), ("rate", "2"), ("rate", "1e-3"), ("rate", "0x10"), ("rate", "inf"), ("rate", "nan"),
            ("rate", "fast"), ("flag", "yes"), ("flag", "YES"), ("flag", "No"), ("flag", "1"), ("flag", "0"),
            ("flag", "true"), ("flag", "False"), ("flag", "maybe"), ("label", "a b"), ("label", "yes"),
            ("label", "2.5"),
        ])
    func oneGrammar(name: String, text: String) throws {
        let fixture = ScenarioFixture()
        fixture.write("main.lua", Self.params)
        let declared = try #require(try fixture.check().get().params.first { $0.name == name })
        let swept = try? Sweep.parse("\(name)=\(text)", defaultValue: declared.defaultValue).values
        #expect(swept == paramValue(name, text).map { [$0] })
    }

    @Test("--sweep flag=yes is accepted, as --param flag=yes is")
    func sweepYes() throws {
        #expect(try Sweep.parse("flag=yes", defaultValue: .boolean(false)).values == [.boolean(true)])
        #expect(paramValue("flag", "yes") == .boolean(true))
    }

    @Test("an integer param refuses 2.5, from --param and from --sweep alike")
    func integerRefusesFraction() {
        #expect(usageMessage(run(Self.params, params: [("count", "2.5")])) == "--param count=2.5: expected an integer")
        #expect(throws: DesignError.self) { try Sweep.parse("count=2.5", defaultValue: .integer(3)) }
    }

    @Test(
        "a typed value reaches the scenario as it is: the sign of -0.0 and every bit of a double survive",
        arguments: [-0.0, 0.1 + 0.2, 1e300, Double.leastNonzeroMagnitude, Double.pi, -Double.greatestFiniteMagnitude])
    func typedValueUnchanged(_ x: Double) throws {
        let fixture = ScenarioFixture()
        fixture.write(
            "main.lua",
            header(steps: 0) + """
                local x = sim.param("x", 0.5)
                sim.outcome("x", function() return x end)
                sim.outcome("bits", function() return string.format("%a", x) end)
                """)
        let report = try completed(
            ScenarioRunner.run(
                RunRequest(file: fixture.path("main.lua"), overrides: [("x", .value(.number(x)))]),
                simrunVersion: "test"))
        guard case .number(let seen) = report.outcome("x") else {
            Issue.record("outcome x: \(String(describing: report.outcome("x")))")
            return
        }
        #expect(seen.bitPattern == x.bitPattern)
        #expect(report.params.first?.1 == .number(x))
        #expect(report.outcome("bits") == .string(String(format: "%a", x)))
    }

    @Test("a typed value of another type is refused as text of it would be")
    func typedValueIllTyped() {
        let fixture = ScenarioFixture()
        fixture.write("main.lua", Self.params)
        let result = ScenarioRunner.check(
            RunRequest(
                file: fixture.path("main.lua"),
                overrides: [("rate", .value(.string("fast")))]))
        guard case .failure(.usage(let message)) = result else {
            Issue.record("expected a usage failure, got \(result)")
            return
        }
        #expect(message == "--param rate=fast: expected a number")
    }

    @Test("command-line params are text overrides, in the order given")
    func requestFromText() {
        let request = RunRequest(file: "main.lua", params: [("rate", "2"), ("flag", "yes")])
        #expect(request.overrides.map(\.0) == ["rate", "flag"])
        #expect(request.overrides.map(\.1) == [.text("2"), .text("yes")])
    }
}
