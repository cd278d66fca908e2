// BindingContext+HooksTests: what sim.at, sim.every, sim.emit and sim.stop accept — dates turned
// into ticks, refused periods, dates and event types, the default stop reason — and sim.date.
import Foundation
import SimCore
import SimReports
import Testing

@testable import LuaBridge

@Suite("BindingContext+Hooks")
struct HooksTests {
    @Test("sim.every refuses a period below 1")
    func everyZero() {
        let message = setupError(HookRunnerTests.world() + "sim.every(0, function() end)\n")
        #expect(message.hasSuffix("sim.every: argument #1 (n) must be 1 or more, got 0"), "\(message)")
    }

    @Test(
        "sim.at with a date fires at the tick of that date",
        arguments: [
            (1.0, "2024-01-04", 3), (0.5, "2024-01-04", 6), (2.0, "2024-01-05", 2), (2.0, "2024-01-04", 2),
            (1.0, "2024-01-01", 0), (7.0, "2024-03-01", 9),
        ])
    func atDate(_ tickDays: Double, _ date: String, _ tick: Int) throws {
        let report = try runCompleted(
            HookRunnerTests.world(steps: 12, extra: "tick_days=\(tickDays)") + """
                sim.at("\(date)", function() sim.log(sim.tick()) end)
                """)
        #expect(report.log == [LogLine(tick: tick, text: String(tick))])
    }

    @Test("sim.date follows tick_days")
    func dates() throws {
        let report = try runCompleted(
            HookRunnerTests.world(steps: 4, extra: "tick_days=0.5") + """
                sim.every(1, function() sim.log(sim.date()) end)
                """)
        #expect(report.logTexts == ["2024-01-01", "2024-01-01", "2024-01-02", "2024-01-02"])
    }

    @Test(
        "sim.at refuses dates before the start, malformed dates and negative ticks",
        arguments: [
            ("sim.at(\"2023-12-31\", function() end)", "sim.at: 2023-12-31 is before the start 2024-01-01"),
            (
                "sim.at(\"soon\", function() end)",
                "sim.at: argument #1 (when) must be a tick or a date YYYY-MM-DD, got 'soon'"
            ),
            ("sim.at(\"2024-02-30\", function() end)", "got '2024-02-30'"),
            ("sim.at(-1, function() end)", "sim.at: argument #1 (when) must be 0 or more, got -1"),
            ("sim.at(1.5, function() end)", "sim.at: argument #1 (when) must be a whole number, got 1.5"),
        ])
    func atRefused(_ call: String, _ expected: String) {
        let message = setupError(HookRunnerTests.world() + call + "\n")
        #expect(message.hasSuffix(expected), "\(message)")
    }

    @Test("sim.at with a date before sim.scenario is an error")
    func atDateBeforeScenario() {
        let message = setupError("sim.at(\"2024-01-02\", function() end)\n" + HookRunnerTests.world())
        #expect(
            message.hasSuffix("main.lua:1: sim.at: declare sim.scenario{start=...} before using dates"), "\(message)")
    }

    @Test(
        "sim.emit refuses reserved types and bad data",
        arguments: [
            ("sim.emit(\"tick\")", "sim.emit: argument #1 (event_type) cannot be 'tick'"),
            ("sim.emit(\"*\")", "sim.emit: argument #1 (event_type) cannot be '*'"),
            ("sim.emit(\"x\", {agents={\"a\", \"nobody\"}})", "sim.emit: field 'agents[2]': unknown agent 'nobody'"),
            ("sim.emit(\"x\", {region=\"nowhere\"})", "sim.emit: field 'region': unknown region 'nowhere'"),
            ("sim.emit(\"x\", {t={}})", "sim.emit: field 't' must be a number, boolean or string, got table"),
            ("sim.emit(\"x\", {v=0/0})", "sim.emit: field 'v' must be a finite number"),
        ])
    func emitRefused(_ call: String, _ expected: String) throws {
        let report = try report(run(HookRunnerTests.world(steps: 1) + "sim.at(0, function() \(call) end)\n"))
        #expect(report.failure?.message.hasSuffix(expected) == true, "\(report.status)")
    }

    @Test("event types and data keys Swift finds canonically equivalent stay apart, in byte order, in every run")
    func equivalentEventKeys() throws {
        let lua =
            HookRunnerTests.world(steps: 1) + """
                sim.on("\\u{C5}", function(e)
                  local keys = {}
                  for k, v in pairs(e.data) do keys[#keys + 1] = v end
                  sim.log(table.concat(keys, ","))
                end)
                sim.at(0, function()
                  sim.emit("A\\u{30A}", {["\\u{C5}"] = 1})
                  sim.emit("\\u{C5}", {["\\u{C5}"] = 1, ["A\\u{30A}"] = 2, z = 3})
                end)
                """
        // Lua's hash order differs between states: eight runs would show it if the order followed it.
        let runs = try (0..<8).map { _ in try runCompleted(lua) }
        for report in runs {
            // Values by key in byte order: "A\u{30A}" (41 CC 8A), "z" (7A), "\u{C5}" (C3 85).
            #expect(report.logTexts == ["2,3,1"], "only the handler of the exact type runs: \(report.logTexts)")
            let event = report.world.events.last { $0.type.isBytewise("\u{C5}") }
            #expect(event?.data.map { Array($0.0.utf8) } == [[0x41, 0xCC, 0x8A], [0x7A], [0xC3, 0x85]])
        }
    }

    @Test("sim.stop without a reason gives a default one")
    func stopDefaultReason() throws {
        let report = try report(run(HookRunnerTests.world(steps: 10) + "sim.at(0, function() sim.stop() end)\n"))
        #expect(report.status == .stopped(reason: "stopped by the scenario"))
    }
}
