// BindingContext+OutputTests: sim.metric (numbers only), sim.outcome (number, boolean or string)
// and sim.log (tabs).
import Foundation
import SimBatch
import SimCore
import SimReports
import SimSupport
import Testing

@testable import LuaBridge

@Suite("BindingContext+Output")
struct OutputTests {
    @Test(
        "a metric that returns something other than a number fails the run",
        arguments: [
            ("return 'high'", "metric 'm' returned a string, expected a number"),
            ("return nil", "metric 'm' returned a nil, expected a number"),
            ("return {}", "metric 'm' returned a table, expected a number"),
            ("", "metric 'm' returned a nil, expected a number"),
            ("return 0/0", "metric 'm' returned "),
            ("return math.huge", "metric 'm' returned inf"),
        ])
    func metricMustBeANumber(_ body: String, _ expected: String) throws {
        let report = try report(run(header(steps: 2) + "sim.metric(\"m\", function() \(body) end)\n"))
        let message = report.failure?.message ?? ""
        #expect(message.contains("main.lua:2: " + expected), "\(message)")
        #expect(report.metric("m").isEmpty)
    }

    @Test("a metric may return a boolean, recorded as 1 or 0; integers and floats as numbers")
    func metricValues() throws {
        let report = try runCompleted(
            header(steps: 2) + """
                sim.metric("odd", function() return sim.tick() % 2 == 1 end)
                sim.metric("int", function() return 3 end)
                sim.metric("float", function() return 0.25 end)
                """)
        #expect(report.metric("odd") == [0, 1, 0])
        #expect(report.metric("int") == [3, 3, 3])
        #expect(report.metric("float") == [0.25, 0.25, 0.25])
    }

    @Test(
        "metric and outcome names are unique and not empty",
        arguments: [
            (
                "sim.metric(\"m\", sim.tick)\nsim.metric(\"m\", sim.tick)",
                "main.lua:3: sim.metric: metric 'm' is already declared"
            ),
            ("sim.metric(\"\", sim.tick)", "main.lua:2: sim.metric: argument #1 (name) must not be empty"),
            (
                "sim.outcome(\"o\", sim.tick)\nsim.outcome(\"o\", sim.tick)",
                "main.lua:3: sim.outcome: outcome 'o' is already declared"
            ),
            ("sim.metric(\"m\", 5)", "main.lua:2: sim.metric: argument #2 (fn) must be a function, got number"),
        ])
    func namesRefused(_ lua: String, _ expected: String) {
        let message = setupError(header() + lua + "\n")
        #expect(message.hasSuffix(expected), "\(message)")
    }

    @Test("outcomes are numbers, booleans or strings, evaluated once at the end")
    func outcomes() throws {
        let report = try runCompleted(
            header(steps: 4) + """
                calls = 0
                sim.outcome("share", function() calls = calls + 1 return 2.5 end)
                sim.outcome("ticks", function() return sim.tick() end)
                sim.outcome("won", function() return true end)
                sim.outcome("winner", function() return "jnim" end)
                sim.outcome("calls", function() return calls end)
                """)
        #expect(report.outcomes.map(\.0) == ["share", "ticks", "won", "winner", "calls"])
        #expect(report.outcomes.map(\.1) == [.number(2.5), .integer(4), .boolean(true), .string("jnim"), .integer(1)])
    }

    @Test(
        "an outcome of another type fails the run, keeping the metrics",
        arguments: [
            ("return {}", "outcome 'o' returned a table, expected a number, boolean or string"),
            ("return nil", "outcome 'o' returned a nil, expected a number, boolean or string"),
            ("return 0/0", "outcome 'o' returned "),
            ("return 'ab\\xc3'", "outcome 'o' returned a string that is not valid UTF-8 text (byte 3)"),
        ])
    func outcomeRefused(_ body: String, _ expected: String) throws {
        let report = try report(
            run(
                header(steps: 2) + """
                    sim.metric("t", function() return sim.tick() end)
                    sim.outcome("o", function() \(body) end)
                    """))
        #expect(report.failure?.message.contains("main.lua:3: " + expected) == true, "\(report.status)")
        #expect(report.metric("t") == [0, 1, 2])
        #expect(report.outcomes.isEmpty)
    }

    @Test("sim.log joins its arguments with tabs, numbers as Lua writes them, with the tick")
    func log() throws {
        let report = try runCompleted(
            header(steps: 2) + """
                sim.log("text", 1, 2.5, true, false, nil, 3.0, -0.0)
                sim.log()
                sim.log("")
                sim.at(1, function() sim.log("in", "hook") end)
                """)
        #expect(
            report.log == [
                LogLine(tick: 0, text: "text\t1\t2.5\ttrue\tfalse\tnil\t3.0\t-0.0"),
                LogLine(tick: 0, text: ""),
                LogLine(tick: 0, text: ""),
                LogLine(tick: 1, text: "in\thook"),
            ])
    }

    @Test("sim.log refuses tables and functions")
    func logRefused() {
        let message = setupError(header() + "sim.log(\"x\", {})\n")
        #expect(
            message.hasSuffix("main.lua:2: sim.log: argument #2 must be a string, number or boolean, got table"),
            "\(message)")
    }

    @Test(
        "sim.log writes numbers exactly as tostring does",
        arguments: [
            "1", "-7", "2.5", "0.1", "1/3", "1e13", "99999999999999.0", "1e15", "2^53", "1e100", "-1e300", "1e-7",
            "math.huge", "-math.huge", "math.maxinteger", "math.mininteger", "123456.789e3",
            // Integral floats from 1e14 on are written with an exponent by %.14g.
            "1e14", "123456789012345.0", "-5e14", "999999999999999.0",
        ])
    func logNumbers(_ expression: String) throws {
        let report = try runCompleted(
            header(steps: 0) + """
                local v = \(expression)
                sim.log(v)
                sim.log(tostring(v))
                """)
        #expect(report.logTexts.count == 2)
        #expect(report.logTexts.first == report.logTexts.last)
    }

    @Test("sim.observed checks a fact of the record at the end, after the outcomes, into the report")
    func observed() throws {
        let report = try runCompleted(
            header(steps: 2) + """
                sim.outcome("ticks", function() return sim.tick() end)
                sim.observed("ran two days", function() return sim.tick() == 2 end)
                sim.observed("ran a year", function() return sim.tick() == 365 end)
                """)
        #expect(report.outcomes.map(\.0) == ["ticks"])
        #expect(report.observed.map(\.0) == ["ran two days", "ran a year"])
        #expect(report.observed.map(\.1) == [true, false])
        let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
        #expect(json?["observed"] as? [String: Bool] == ["ran two days": true, "ran a year": false])
        #expect(report.text(width: 100).contains("OBSERVED  (1 of 2 facts of the record reproduced)"))
    }

    @Test("an observed fact returns a boolean, and is declared once")
    func observedRefused() {
        let failure = runFailure(run(header(steps: 1) + "sim.observed(\"f\", function() return 1 end)\n"))
        #expect(
            failure?.message.hasSuffix(
                "main.lua:2: observed fact 'f' returned a number, expected a boolean (whether this run reproduced it)")
                == true, "\(String(describing: failure))")
        let twice = setupError(
            header(steps: 1) + "sim.observed(\"f\", function() return true end)\n"
                + "sim.observed(\"f\", function() return true end)\n")
        #expect(twice.hasSuffix("main.lua:3: sim.observed: observed fact 'f' is already declared"), "\(twice)")
    }

    @Test("print is sim.log under Lua's name: the terminal belongs to simrun")
    func printLogs() throws {
        let report = try runCompleted(header(steps: 0) + "print(\"a\", 1, true, nil)\n")
        #expect(report.logTexts == ["a\t1\ttrue\tnil"])
        let message = setupError(header(steps: 0) + "print({})\n")
        #expect(message.hasSuffix("main.lua:2: print: argument #1 must be a string, number or boolean, got table"))
    }
}
