// HookRunnerTests: one tick as the engine drives the scenario's hooks — their order, the
// schedules of at/every/when, event dispatch, metrics, stop and failures during the run.
import Foundation
import SimBatch
import SimCore
import SimReports
import SimSupport
import Testing

@testable import LuaBridge

@Suite("HookRunner")
struct HookRunnerTests {
    /// Agents `a`, `b`, `c` (in that order) and regions `r`, `s`, after a header of `steps` ticks.
    static func world(steps: Int = 5, extra: String = "") -> String {
        header(steps: steps, extra: extra) + """
            sim.agent{id="a", kind="state"}
            sim.agent{id="b", kind="armed_group"}
            sim.agent{id="c", kind="pmc"}
            sim.region{id="r", lat=0, lon=0}
            sim.region{id="s", lat=0, lon=1}

            """
    }

    // MARK: Hook order

    @Test("hooks fire in the order at, every, on(tick), policies in agent declaration order")
    func hookOrder() throws {
        let report = try runCompleted(
            Self.world(steps: 2) + """
                sim.policy("c", function(id) sim.log("policy " .. id) end)
                sim.on("tick", function(t) sim.log("tick " .. t) end)
                sim.every(1, function() sim.log("every") end)
                sim.policy("a", function(id) sim.log("policy " .. id .. " first") end)
                sim.at(0, function() sim.log("at") end)
                sim.policy("b", function(id) sim.log("policy " .. id) end)
                sim.policy("a", function(id) sim.log("policy " .. id .. " second") end)
                """)
        #expect(
            report.log == [
                LogLine(tick: 0, text: "at"), LogLine(tick: 0, text: "every"), LogLine(tick: 0, text: "tick 0"),
                LogLine(tick: 0, text: "policy a first"), LogLine(tick: 0, text: "policy a second"),
                LogLine(tick: 0, text: "policy b"), LogLine(tick: 0, text: "policy c"),
                LogLine(tick: 1, text: "every"), LogLine(tick: 1, text: "tick 1"),
                LogLine(tick: 1, text: "policy a first"), LogLine(tick: 1, text: "policy a second"),
                LogLine(tick: 1, text: "policy b"), LogLine(tick: 1, text: "policy c"),
            ])
    }

    @Test("hooks of one kind fire in registration order")
    func registrationOrder() throws {
        let report = try runCompleted(
            Self.world(steps: 1) + """
                sim.at(0, function() sim.log("at 1") end)
                sim.at(0, function() sim.log("at 2") end)
                sim.on("tick", function() sim.log("tick 1") end)
                sim.on("tick", function() sim.log("tick 2") end)
                """)
        #expect(report.logTexts == ["at 1", "at 2", "tick 1", "tick 2"])
    }

    @Test("sim.every(n) fires at ticks 0, n, 2n, ...")
    func every() throws {
        let report = try runCompleted(
            Self.world(steps: 10) + """
                sim.every(3, function() sim.log("three") end)
                sim.every(4, function() sim.log("four") end)
                """)
        #expect(report.log.filter { $0.text == "three" }.map(\.tick) == [0, 3, 6, 9])
        #expect(report.log.filter { $0.text == "four" }.map(\.tick) == [0, 4, 8])
    }

    @Test("a policy with {every=n} fires every n ticks and receives its agent's id")
    func policyEvery() throws {
        let report = try runCompleted(
            Self.world(steps: 7) + """
                sim.policy("b", function(id) sim.log(id) end, {every=3})
                """)
        #expect(report.log == [LogLine(tick: 0, text: "b"), LogLine(tick: 3, text: "b"), LogLine(tick: 6, text: "b")])
    }

    // MARK: sim.at

    @Test("sim.at with a tick fires once, at the start of that tick")
    func atTick() throws {
        let report = try runCompleted(
            Self.world(steps: 6) + """
                x = 0
                sim.metric("x", function() return x end)
                sim.at(2, function() x = x + 1; sim.log(sim.tick()) end)
                sim.at(99, function() sim.log("never") end)
                """)
        #expect(report.log == [LogLine(tick: 2, text: "2")])
        // Fired at the start of tick 2: the state after 3 days shows it.
        #expect(report.metric("x") == [0, 0, 0, 1, 1, 1, 1])
    }

    // MARK: sim.when

    @Test("sim.when fires once, at the end of the first tick its predicate holds")
    func when() throws {
        let report = try runCompleted(
            Self.world(steps: 8) + """
                checks, fired = 0, 0
                sim.metric("fired", function() return fired end)
                sim.when(function() checks = checks + 1; return sim.tick() == 3 or sim.tick() >= 5 end,
                         function() fired = fired + 1; sim.log("fired at " .. sim.tick()) end)
                sim.outcome("checks", function() return checks end)
                """)
        // Checked after ticks 0, 1, 2 (clock 1, 2, 3): it holds at the end of tick 2, never again.
        #expect(report.log == [LogLine(tick: 3, text: "fired at 3")])
        #expect(report.metric("fired") == [0, 0, 0, 1, 1, 1, 1, 1, 1])
        #expect(report.outcome("checks") == .integer(3))
    }

    @Test("sim.when whose predicate holds from the start fires at the end of tick 0")
    func whenAtOnce() throws {
        let report = try runCompleted(
            Self.world(steps: 3) + """
                sim.when(function() return true end, function() sim.log("now") end)
                """)
        #expect(report.log == [LogLine(tick: 1, text: "now")])
    }

    // MARK: Metrics

    @Test("metrics hold steps+1 values, value t being the state after t days")
    func metrics() throws {
        let report = try runCompleted(
            Self.world(steps: 5) + """
                days = 0
                sim.every(1, function() days = days + 1 end)
                sim.metric("days", function() return days end)
                sim.metric("tick", function() return sim.tick() end)
                sim.metric("half", function() return days / 2 end)
                """)
        #expect(report.metricNames == ["days", "tick", "half"])
        #expect(report.metric("days") == [0, 1, 2, 3, 4, 5])
        #expect(report.metric("tick") == [0, 1, 2, 3, 4, 5])
        #expect(report.metric("half") == [0, 0.5, 1, 1.5, 2, 2.5])
        #expect(report.steps == 5)
    }

    @Test("--steps overrides the scenario's steps")
    func stepsOverride() throws {
        let report = try runCompleted(
            Self.world(steps: 5) + "sim.metric(\"t\", function() return sim.tick() end)\n",
            steps: 2)
        #expect(report.metric("t") == [0, 1, 2])
        #expect(report.steps == 2)
    }

    // MARK: Events

    @Test("an event handler receives {type, tick, date, agents, region, data}")
    func eventTable() throws {
        let report = try runCompleted(
            Self.world(steps: 4) + """
                local function describe(e)
                  local data = {}
                  for k, v in pairs(e.data) do data[#data + 1] = k .. "=" .. tostring(v) end
                  local fields = {}
                  for k in pairs(e) do fields[#fields + 1] = k end
                  return table.concat({e.type, e.tick, e.date, table.concat(e.agents, ","), tostring(e.region),
                                       table.concat(data, ","), table.concat(fields, ",")}, "|")
                end
                sim.on("raid", function(e) sim.log(describe(e)) end)
                sim.on("tie_made", function(e) sim.log(describe(e)) end)
                sim.at(2, function()
                  sim.emit("raid", {agents={"b", "a"}, region="s", loot=5, share=0.25, note="x", ok=true})
                end)
                sim.at(3, function() sim.tie("c", "a", "support") end)
                """)
        #expect(
            report.logTexts == [
                "raid|2|2024-01-03|b,a|s|loot=5,note=x,ok=true,share=0.25|agents,data,date,region,tick,type",
                "tie_made|3|2024-01-04|c,a|nil|kind=support|agents,data,date,tick,type",
            ])
    }

    @Test("typed handlers run before \"*\" handlers, which see every event")
    func anyHandlers() throws {
        let report = try runCompleted(
            Self.world(steps: 2) + """
                sim.on("*", function(e) sim.log("* " .. e.type) end)
                sim.on("ping", function(e) sim.log("ping handler") end)
                sim.at(0, function()
                  sim.emit("ping")
                  sim.emit("pong", {n=1})
                end)
                sim.at(1, function() sim.tie("a", "b", "support") end)
                """)
        #expect(report.logTexts == ["ping handler", "* ping", "* pong", "* tie_made"])
    }

    @Test("events a hook causes reach handlers before the next hook runs")
    func dispatchAsTheyHappen() throws {
        let report = try runCompleted(
            Self.world(steps: 1) + """
                sim.on("ping", function(e) sim.log("handler") end)
                sim.at(0, function() sim.log("at"); sim.emit("ping") end)
                sim.every(1, function() sim.log("every") end)
                """)
        #expect(report.logTexts == ["at", "handler", "every"])
    }

    @Test("an event a handler emits is dispatched too")
    func handlerEmits() throws {
        let report = try runCompleted(
            Self.world(steps: 1) + """
                sim.on("first", function(e) sim.log("first"); sim.emit("second") end)
                sim.on("second", function(e) sim.log("second") end)
                sim.at(0, function() sim.emit("first") end)
                """)
        #expect(report.logTexts == ["first", "second"])
    }

    @Test("events are recorded only once the run has begun")
    func noEventsDuringSetup() throws {
        let report = try runCompleted(
            Self.world(steps: 1) + """
                sim.tie("a", "b", "support")
                sim.deploy("a", "r", 10)
                sim.on("*", function(e) sim.log(e.type) end)
                """)
        #expect(report.world.events.isEmpty)
        #expect(report.logTexts.isEmpty)
    }

    @Test("an alignment crossing a threshold is a threshold event at the end of the tick")
    func thresholdEvent() throws {
        let report = try runCompleted(
            Self.world(steps: 3) + """
                sim.dynamics{balance=0, decay=0}
                sim.on("threshold", function(e)
                  sim.log(e.tick, table.concat(e.agents, ">"), e.data.direction, e.data.threshold, e.data.value)
                end)
                sim.at(1, function() sim.shift("a", "b", -0.75) end)
                """)
        #expect(report.logTexts == ["2\ta>b\tdown\t-0.5\t-0.75"])
    }

    // MARK: Stop and failures

    @Test("sim.stop ends the run at the end of the tick with status stopped")
    func stop() throws {
        let report = try report(
            run(
                Self.world(steps: 10) + """
                    sim.metric("tick", function() return sim.tick() end)
                    sim.at(2, function() sim.stop("enough") end)
                    sim.at(2, function() sim.log("same tick") end)
                    sim.at(3, function() sim.log("never") end)
                    sim.outcome("last", function() return sim.tick() end)
                    """))
        #expect(report.status == .stopped(reason: "enough"))
        #expect(report.status.label == "stopped")
        #expect(report.metric("tick") == [0, 1, 2, 3])
        #expect(report.logTexts == ["same tick"])
        #expect(report.outcome("last") == .integer(3))
        #expect(report.events("stop").map(\.tick) == [2])
        #expect(report.events("stop").first?.value("reason") == .string("enough"))
    }

    @Test("a failure mid-run keeps the metrics computed before it")
    func failureMidRun() throws {
        let report = try report(
            run(
                Self.world(steps: 10) + """
                    sim.metric("tick", function() return sim.tick() end)
                    sim.metric("double", function() return 2 * sim.tick() end)
                    sim.every(1, function() sim.log("tick " .. sim.tick()) end)
                    sim.at(3, function()
                      error("boom")
                    end)
                    sim.outcome("never", function() return 1 end)
                    """))
        #expect(report.failure == RunFailure(.error, report.scenario.file + ":11: boom"))
        #expect(report.status.label == "error")
        #expect(report.metric("tick") == [0, 1, 2, 3])
        #expect(report.metric("double") == [0, 2, 4, 6])
        #expect(report.logTexts == ["tick 0", "tick 1", "tick 2"])
        #expect(report.outcomes.isEmpty)
    }

    @Test("a metric failing mid-run keeps every metric's earlier values, all of one length")
    func metricFailure() throws {
        let report = try report(
            run(
                Self.world(steps: 10) + """
                    sim.metric("ok", function() return sim.tick() end)
                    sim.metric("bad", function() if sim.tick() == 3 then return "three" end return 0 end)
                    """))
        #expect(
            report.failure?.message.hasSuffix("main.lua:8: metric 'bad' returned a string, expected a number")
                == true, "\(report.status)")
        #expect(report.metric("ok") == [0, 1, 2])
        #expect(report.metric("bad") == [0, 0, 0])
    }

    @Test(
        "an error in an event handler or a when predicate fails the run",
        arguments: [
            "sim.on('ping', function() error('in handler') end)\nsim.at(1, function() sim.emit('ping') end)",
            "sim.when(function() error('in predicate') end, function() end)",
            "sim.when(function() return true end, function() error('in action') end)",
            "sim.policy('a', function() error('in policy') end)",
            "sim.on('tick', function() error('in tick') end)",
        ])
    func errorsInHooks(_ body: String) throws {
        let report = try report(run(Self.world(steps: 3) + body + "\n"))
        #expect(report.failure?.kind == .error)
        #expect(report.failure?.message.contains("main.lua:") == true, "\(report.status)")
        #expect(report.failure?.message.contains(" in ") == true, "\(report.status)")
    }
}
