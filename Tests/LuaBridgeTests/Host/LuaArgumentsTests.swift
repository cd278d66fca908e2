// LuaArgumentsTests: a wrong call into `sim.*` raises a Lua error whose message gives the caller's
// file:line, the function and the argument (or field), and what is wrong.
import Foundation
import SimBatch
import SimCore
import SimReports
import SimSupport
import Testing

@testable import LuaBridge

@Suite("LuaArguments")
struct LuaArgumentsTests {
    /// Two agents `a` and `b` and a region `r`, after the header (lines 1–4).
    static let world =
        header(steps: 1) + """
            sim.agent{id="a", kind="state", resources={strength=10}}
            sim.agent{id="b", kind="armed_group"}
            sim.region{id="r", lat=0, lon=0}

            """

    /// The setup error of `call` on line 5 of a scenario with agents a, b and region r.
    private func error(_ call: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let message = setupError(Self.world + call + "\n", sourceLocation: sourceLocation)
        #expect(message.contains("main.lua:5: "), "\(message)", sourceLocation: sourceLocation)
        return message
    }

    @Test("an unknown agent names the function, the argument and the id")
    func unknownAgent() {
        let message = error("sim.align(\"a\", \"x\", 0.5)")
        #expect(message.hasSuffix("main.lua:5: sim.align: argument #2 (b): unknown agent 'x'"), "\(message)")
    }

    @Test("an unknown region names the function, the argument and the id")
    func unknownRegion() {
        let message = error("sim.deploy(\"a\", \"nowhere\", 5)")
        #expect(message.hasSuffix("sim.deploy: argument #2 (region): unknown region 'nowhere'"), "\(message)")
    }

    @Test(
        "an id, name, key or value that is not valid UTF-8 is refused, naming it and its first bad byte",
        arguments: [
            (
                "sim.agent{id=\"c\\xff\", kind=\"state\"}",
                "sim.agent: field 'id' must be valid UTF-8 text; byte 2 is not"
            ),
            ("sim.align(\"\\xfe\", \"b\", 0.5)", "sim.align: argument #1 (a) must be valid UTF-8 text; byte 1 is not"),
            (
                "sim.set(\"a\", \"fu\\xe2\\x82nds\", 1)",
                "sim.set: argument #2 (resource) must be valid UTF-8 text; byte 3 is not"
            ),
            (
                "sim.agent{id=\"c\", kind=\"state\", resources={[\"\\xc3\"]=1}}",
                "sim.agent: field 'resources' has a key that is not valid UTF-8 text"
            ),
            ("sim.emit(\"e\", {[\"\\x80\"]=1})", "sim.emit: argument #2 (data) has a key that is not valid UTF-8 text"),
            ("sim.emit(\"e\", {note=\"\\xff\"})", "sim.emit: field 'note' must be valid UTF-8 text; byte 1 is not"),
            ("sim.param(\"p\\xff\", 1)", "sim.param: argument #1 (name) must be valid UTF-8 text; byte 2 is not"),
        ])
    func invalidUTF8(_ call: String, _ expected: String) {
        let message = error(call)
        #expect(message.hasSuffix(expected), "\(message)")
    }

    @Test("a log line keeps going with U+FFFD for bytes that are not UTF-8, and the report is valid JSON")
    func invalidUTF8InLog() throws {
        let report = try runCompleted(Self.world + "sim.log(\"a\\xffb\")\n")
        #expect(report.logTexts == ["a\u{FFFD}b"])
        let json = report.json()
        _ = try JSONValue.parse(json)
        #expect(json.contains("a\u{FFFD}b"))
    }

    @Test(
        "a wrong type names what was expected and what came",
        arguments: [
            ("sim.align(\"a\", 3, 0.5)", "sim.align: argument #2 (b) must be a string, got number"),
            ("sim.align(\"a\", \"b\", \"0.5\")", "sim.align: argument #3 (value) must be a number, got string"),
            ("sim.align(\"a\", \"b\")", "sim.align: argument #3 (value) must be a number, got no value"),
            ("sim.deploy(\"a\", \"r\", nil)", "sim.deploy: argument #3 (strength) must be a number, got nil"),
            ("sim.every(1, 5)", "sim.every: argument #2 (fn) must be a function, got number"),
            ("sim.dynamics(\"x\")", "sim.dynamics: argument #1 (rates) must be a table, got string"),
            ("sim.align(\"a\", \"b\", 0.5, true)", "sim.align: argument #4 (options) must be a table, got boolean"),
            ("sim.agent{id=1, kind=\"state\"}", "sim.agent: field 'id' must be a string, got number"),
            ("sim.region{id=\"q\", lat=\"north\", lon=0}", "sim.region: field 'lat' must be a number, got string"),
            (
                "sim.agent{id=\"c\", kind=\"state\", resources={funds=\"many\"}}",
                "sim.agent: field 'resources.funds' must be a number, got string"
            ),
        ])
    func wrongType(_ call: String, _ expected: String) {
        let message = error(call)
        #expect(message.hasSuffix(expected), "\(message)")
    }

    @Test(
        "NaN and infinities are refused",
        arguments: [
            ("sim.align(\"a\", \"b\", 0/0)", "sim.align: argument #3 (value) must be a finite number, got "),
            (
                "sim.deploy(\"a\", \"r\", math.huge)",
                "sim.deploy: argument #3 (strength) must be a finite number, got inf"
            ),
            ("sim.shift(\"a\", \"b\", -math.huge)", "sim.shift: argument #3 (delta) must be a finite number, got -inf"),
            ("sim.region{id=\"q\", lat=0/0, lon=0}", "sim.region: field 'lat' must be a finite number, got "),
            ("sim.set(\"a\", \"strength\", 0/0)", "sim.set: argument #3 (value) must be a finite number, got "),
        ])
    func notFinite(_ call: String, _ expected: String) {
        let message = error(call)
        #expect(message.contains(expected), "\(message)")
        #expect(message.lowercased().contains("nan") || message.contains("inf"), "\(message)")
    }

    @Test("a whole number is required where a count is expected")
    func wholeNumber() {
        let message = error("sim.every(1.5, function() end)")
        #expect(message.hasSuffix("sim.every: argument #1 (n) must be a whole number, got 1.5"), "\(message)")
        let field = error("sim.policy(\"a\", function() end, {every=2.5})")
        #expect(field.hasSuffix("sim.policy: field 'every' must be a whole number, got 2.5"), "\(field)")
    }

    @Test(
        "a whole number of magnitude 9e15 or more is refused, not converted (Int(1e300) would trap)",
        arguments: [
            ("9e15", "9000000000000000.0"), ("-9e15", "-9000000000000000.0"),
            ("9000000000000000", "9000000000000000.0"), ("2^53", "9007199254740992.0"), ("1e300", "1e+300"),
            ("-1e300", "-1e+300"), ("math.maxinteger", "9.223372036854776e+18"),
        ])
    func wholeNumberTooLarge(_ n: String, _ shown: String) {
        let message = error("sim.every(\(n), function() end)")
        #expect(message.hasSuffix("sim.every: argument #1 (n) must be a whole number, got \(shown)"), "\(message)")
    }

    @Test("a whole number just inside ±9e15 is converted")
    func wholeNumberJustInside() throws {
        let report = try runCompleted(
            Self.world + """
                sim.every(8999999999999999, function() sim.log("fired at " .. sim.tick()) end)
                """, steps: 2)
        #expect(report.logTexts == ["fired at 0"])
        let message = error("sim.every(-8999999999999999, function() end)")
        #expect(message.hasSuffix("sim.every: argument #1 (n) must be 1 or more, got -8999999999999999"), "\(message)")
    }

    @Test("a float with an integral value counts as a whole number")
    func integralFloat() throws {
        let report = try runCompleted(
            Self.world + """
                sim.every(2.0, function() sim.log(sim.tick()) end)
                """, steps: 4)
        #expect(report.logTexts == ["0", "2"])
    }

    @Test("an unknown option field is refused, listing the known ones")
    func unknownField() {
        let message = error("sim.align(\"a\", \"b\", 0.5, {mutal=true})")
        #expect(message.hasSuffix("sim.align: unknown field 'mutal'; expected one of mutual"), "\(message)")
        let spec = error("sim.agent{id=\"c\", kind=\"state\", strength=5}")
        #expect(
            spec.contains(
                "sim.agent: unknown field 'strength'; expected one of "
                    + "effectiveness, id, kind, name, patron, resources"), "\(spec)")
        let dynamics = error("sim.dynamics{balanse=1}")
        #expect(dynamics.contains("sim.dynamics: unknown field 'balanse'"), "\(dynamics)")
    }

    @Test("a key that is not a string in an option table is refused")
    func nonStringField() {
        let message = error("sim.align(\"a\", \"b\", 0.5, {true})")
        #expect(
            message.hasSuffix("sim.align: the options table must have string keys, found a key of type number"),
            "\(message)")
    }

    @Test("a missing required field is named")
    func missingField() {
        let message = error("sim.agent{kind=\"state\"}")
        #expect(message.hasSuffix("sim.agent: field 'id' must be a string, got nil"), "\(message)")
    }

    @Test("an error raised from a function called by the script points at that call")
    func locationOfNestedCall() {
        let message = setupError(
            Self.world + """
                local function helper()
                  sim.alignment("a", "zz")
                end
                helper()
                """)
        #expect(message.hasSuffix("main.lua:6: sim.alignment: argument #2 (b): unknown agent 'zz'"), "\(message)")
    }

    @Test("a wrong call inside a hook fails the run with the same message")
    func wrongCallInHook() throws {
        let report = try report(
            run(
                Self.world + """
                    sim.at(0, function()
                      sim.align("a", "ghost", 1)
                    end)
                    """))
        #expect(
            report.failure
                == RunFailure(.error, "\(report.scenario.file):6: sim.align: argument #2 (b): unknown agent 'ghost'"))
    }

    @Test("a wrong call caught by pcall can be recovered from")
    func pcallCatchesBindingErrors() throws {
        let report = try runCompleted(
            Self.world + """
                local ok, message = pcall(sim.align, "a", "x", 0.5)
                sim.log(tostring(ok), message)
                """)
        // Called from pcall (C), the message has no Lua location.
        #expect(report.logTexts == ["false\tsim.align: argument #2 (b): unknown agent 'x'"])
    }
}
