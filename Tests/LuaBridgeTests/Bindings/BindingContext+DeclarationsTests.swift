// BindingContext+DeclarationsTests: sim.scenario, sim.param (typing of --param, ranges, unknown
// params), sim.dynamics, sim.region, sim.link, sim.agent (pending references) and refusal in hooks.
import Foundation
import SimBatch
import SimCore
import SimReports
import SimSupport
import Testing

@testable import LuaBridge

@Suite("BindingContext+Declarations")
struct DeclarationsTests {
    // MARK: sim.scenario

    @Test("sim.scenario names the run, its start, steps and source")
    func scenario() throws {
        let report = try runCompleted(
            """
            sim.scenario{name="Duel", description="two sides", start="2023-06-30", steps=3, source="doc.pdf"}
            sim.metric("t", function() return sim.tick() end)
            sim.at(2, function() sim.log(sim.date()) end)
            """)
        #expect(report.scenario.name == "Duel")
        #expect(report.scenario.description == "two sides")
        #expect(report.scenario.source == "doc.pdf")
        #expect(report.steps == 3)
        #expect(report.world.start == SimDate(iso: "2023-06-30"))
        #expect(report.logTexts == ["2023-07-02"])
    }

    @Test("a scenario without sim.scenario is a scenario failure")
    func missingScenario() {
        let failure = setupFailure(run("sim.agent{id=\"a\", kind=\"state\"}\n", steps: 3))
        #expect(
            failure?.message.hasSuffix("main.lua: the scenario never calls sim.scenario{name=, start=, ...}") == true,
            "\(failure?.message ?? "")")
    }

    @Test("a scenario without steps needs --steps")
    func missingSteps() throws {
        let lua =
            "sim.scenario{name=\"x\", start=\"2024-01-01\"}\nsim.metric(\"t\", function() return sim.tick() end)\n"
        let message = usageMessage(run(lua))
        #expect(message?.hasSuffix("main.lua declares no steps: give --steps N") == true, "\(message ?? "")")
        let report = try runCompleted(lua, steps: 2)
        #expect(report.metric("t") == [0, 1, 2])
    }

    @Test(
        "sim.scenario checks its fields",
        arguments: [
            (
                "sim.scenario{name=\"x\", start=\"2024-13-01\", steps=1}",
                "sim.scenario: field 'start' must be a date YYYY-MM-DD, got '2024-13-01'"
            ),
            (
                "sim.scenario{name=\"x\", start=\"2024-01-01\", steps=-1}",
                "sim.scenario: field 'steps' must be in [0, 10000000], got -1"
            ),
            (
                "sim.scenario{name=\"x\", start=\"2024-01-01\", tick_days=0}",
                "sim.scenario: field 'tick_days' must be in [0.001, 3650], got 0.0"
            ),
            ("sim.scenario{start=\"2024-01-01\"}", "sim.scenario: field 'name' must be a string, got nil"),
            (
                "sim.scenario{name=\"x\", start=\"2024-01-01\", step=3}",
                "sim.scenario: unknown field 'step'; expected one of description, name, source, start, steps, tick_days"
            ),
            (
                "sim.scenario{name=\"x\", start=\"2024-01-01\"}\nsim.scenario{name=\"y\", start=\"2024-01-01\"}",
                "main.lua:2: sim.scenario: the scenario is already declared"
            ),
        ])
    func scenarioRefused(_ lua: String, _ expected: String) {
        let message = setupError(lua + "\n")
        #expect(message.hasSuffix(expected), "\(message)")
    }

    // MARK: sim.param

    static let params =
        header(steps: 0) + """
            local n = sim.param("count", 3, {min=0, max=10, doc="how many"})
            local r = sim.param("rate", 0.5, {min=0})
            local f = sim.param("flag", false)
            local s = sim.param("label", "base")
            sim.log(math.type(n) or type(n), n, math.type(r) or type(r), r, type(f), tostring(f), type(s), s)

            """

    @Test("sim.param returns the default without --param")
    func paramDefaults() throws {
        let report = try runCompleted(Self.params)
        #expect(report.logTexts == ["integer\t3\tfloat\t0.5\tboolean\tfalse\tstring\tbase"])
        #expect(report.params.map(\.0) == ["count", "rate", "flag", "label"])
        #expect(report.params.map(\.1) == [.integer(3), .number(0.5), .boolean(false), .string("base")])
    }

    @Test(
        "--param values are typed like the default",
        arguments: [
            ("count", "7", "integer\t7\tfloat\t0.5\tboolean\tfalse\tstring\tbase"),
            ("rate", "2", "integer\t3\tfloat\t2.0\tboolean\tfalse\tstring\tbase"),
            ("rate", "1e-3", "integer\t3\tfloat\t0.001\tboolean\tfalse\tstring\tbase"),
            ("flag", "true", "integer\t3\tfloat\t0.5\tboolean\ttrue\tstring\tbase"),
            ("flag", "yes", "integer\t3\tfloat\t0.5\tboolean\ttrue\tstring\tbase"),
            ("flag", "0", "integer\t3\tfloat\t0.5\tboolean\tfalse\tstring\tbase"),
            ("label", "42", "integer\t3\tfloat\t0.5\tboolean\tfalse\tstring\t42"),
            ("label", "", "integer\t3\tfloat\t0.5\tboolean\tfalse\tstring\t"),
        ])
    func paramOverride(_ name: String, _ value: String, _ expected: String) throws {
        let report = try runCompleted(Self.params, params: [(name, value)])
        #expect(report.logTexts == [expected])
    }

    @Test(
        "an ill-typed --param is a usage error",
        arguments: [
            ("count", "2.5", "--param count=2.5: expected an integer"),
            ("count", "many", "--param count=many: expected an integer"),
            ("rate", "fast", "--param rate=fast: expected a number"),
            ("rate", "nan", "--param rate=nan: expected a number"),
            ("rate", "inf", "--param rate=inf: expected a number"),
            ("flag", "maybe", "--param flag=maybe: expected true or false"),
        ])
    func paramIllTyped(_ name: String, _ value: String, _ expected: String) {
        #expect(usageMessage(run(Self.params, params: [(name, value)])) == expected)
    }

    @Test(
        "a --param outside [min, max] is a usage error",
        arguments: [
            ("count", "-1", "--param count=-1 is below its min 0"),
            ("rate", "-0.5", "--param rate=-0.5 is below its min 0"),
        ])
    func paramOutOfRange(_ name: String, _ value: String, _ expected: String) {
        #expect(usageMessage(run(Self.params, params: [(name, value)])) == expected)
    }

    @Test("a --param above the max of a param that also has a min is a usage error")
    func paramAboveMax() {
        let result = run(Self.params, params: [("count", "11")])
        #expect(usageMessage(result) == "--param count=11 is above its max 10")
        let onlyMax = run(header(steps: 0) + "local n = sim.param(\"n\", 1, {max=5})\n", params: [("n", "6")])
        #expect(usageMessage(onlyMax) == "--param n=6 is above its max 5")
    }

    @Test("a default outside [min, max] is the scenario's error")
    func defaultOutOfRange() {
        let message = setupError(header(steps: 0) + "local n = sim.param(\"n\", -2, {min=0})\n")
        #expect(message.hasSuffix("main.lua:2: sim.param: the default -2 of 'n' is below its min 0"), "\(message)")
        let above = run(header(steps: 0) + "local n = sim.param(\"n\", 20, {min=0, max=10})\n")
        let failure = setupFailure(above)
        #expect(failure?.message.hasSuffix("sim.param: the default 20 of 'n' is above its max 10") == true)
    }

    @Test("an unknown --param is a usage error listing the known params")
    func unknownParam() {
        #expect(
            usageMessage(run(Self.params, params: [("cuont", "4")]))
                == "--param cuont: the scenario has no such param (known: count, rate, flag, label)")
        #expect(
            usageMessage(run(header(steps: 0), params: [("x", "1")]))
                == "--param x: the scenario has no such param (known: none)")
    }

    @Test("a --param given twice is a usage error")
    func paramTwice() {
        #expect(
            usageMessage(run(Self.params, params: [("count", "4"), ("count", "5")])) == "--param count is given twice")
    }

    @Test("a param declared twice, or with a table default, is the scenario's error")
    func paramRefused() {
        let twice = setupError(header(steps: 0) + "sim.param(\"n\", 1)\nsim.param(\"n\", 2)\n")
        #expect(twice.hasSuffix("main.lua:3: sim.param: param 'n' is already declared"), "\(twice)")
        let table = setupError(header(steps: 0) + "sim.param(\"n\", {})\n")
        #expect(
            table.hasSuffix("sim.param: argument #2 (default) must be a number, boolean or string, got table"),
            "\(table)")
    }

    @Test("a param whose default is NaN or infinite is refused")
    func paramNotFinite() {
        for value in ["0/0", "math.huge"] {
            let result = run(header(steps: 0) + "local x = sim.param(\"x\", \(value))\n")
            let message = setupFailure(result)?.message ?? ""
            #expect(message.contains("sim.param: argument #2 (default) must be a finite number"), "\(message)")
        }
    }

    @Test("check reports the params in force")
    func checkParams() throws {
        let summary = try ScenarioRunnerCheck.summary(Self.params, params: [("count", "9")])
        #expect(summary.params.map(\.name) == ["count", "rate", "flag", "label"])
        #expect(
            summary.params.first
                == ParamDeclaration(
                    name: "count", value: .integer(9), defaultValue: .integer(3),
                    min: 0, max: 10, doc: "how many"))
    }

    @Test("choices and fixed say how a param is sampled; a value outside the choices is refused")
    func sampledParams() throws {
        let lua =
            header(steps: 0) + """
                sim.param("side", "north", {choices = {"north", "south"}})
                sim.param("w", 0.5, {choices = {0.25, 0.5, 1}})
                sim.param("cut", 0.5, {min = 0, max = 1, fixed = true})
                sim.param("gate", true, {sample = false})
                """
        let summary = try ScenarioRunnerCheck.summary(lua)
        #expect(
            summary.params.map(\.choices) == [
                [.string("north"), .string("south")], [.number(0.25), .number(0.5), .number(1)], nil, nil,
            ])
        #expect(summary.params.map(\.fixed) == [false, false, true, true])
        #expect(usageMessage(run(lua, params: [("side", "west")])) == "--param side=west is not one of north, south")
        #expect(try completed(run(lua, params: [("w", "1")])).params.first { $0.0 == "w" }?.1 == .number(1))
    }

    @Test(
        "bad choices are the scenario's error",
        arguments: [
            (
                "sim.param(\"s\", \"a\", {choices = {}})",
                "field 'choices' must be an array of 1 to 1000 values like the default"
            ),
            (
                "sim.param(\"s\", \"a\", {choices = {\"a\", 1}})",
                "field 'choices' must hold values of the default's type (a string)"
            ),
            ("sim.param(\"s\", \"a\", {choices = {\"a\", \"a\"}})", "field 'choices' names a twice"),
            ("sim.param(\"s\", \"c\", {choices = {\"a\", \"b\"}})", "the default c of 's' is not one of a, b"),
        ])
    func badChoices(_ call: String, _ expected: String) {
        let message = setupError(header(steps: 0) + call + "\n")
        #expect(message.hasSuffix("main.lua:2: sim.param: " + expected), "\(message)")
    }

    // MARK: Agents and regions

    @Test("a patron naming an unknown agent is an error with file and line")
    func unknownPatron() {
        let failure = setupFailure(
            run(
                header() + """
                    sim.agent{id="pmc", kind="pmc", patron="russia"}
                    sim.agent{id="mali", kind="state"}
                    """))
        #expect(
            failure?.message.hasSuffix("main.lua:2: sim.agent: field 'patron' of 'pmc': unknown agent 'russia'")
                == true, "\(failure?.message ?? "")")
    }

    @Test("a country naming an unknown agent is an error with file and line")
    func unknownCountry() {
        let failure = setupFailure(
            run(
                header() + """
                    sim.agent{id="mali", kind="state"}
                    sim.region{id="kidal", lat=18.4, lon=1.4, country="malli"}
                    """))
        #expect(
            failure?.message.hasSuffix("main.lua:3: sim.region: field 'country' of 'kidal': unknown agent 'malli'")
                == true, "\(failure?.message ?? "")")
    }

    @Test("patron and country may name agents declared later")
    func pendingReferences() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                sim.region{id="kidal", name="Kidal", lat=18.4, lon=1.4, country="mali"}
                sim.agent{id="pmc", kind="pmc", patron="russia"}
                sim.agent{id="mali", kind="state"}
                sim.agent{id="russia", kind="state"}
                """)
        let world = report.world
        #expect(world.regions[0].country == world.agents.firstIndex { $0.id == "mali" })
        #expect(world.agents[0].patron == world.agents.firstIndex { $0.id == "russia" })
        #expect(world.regions[0].name == "Kidal")
        #expect(world.agents[0].name == "pmc")
    }

    @Test(
        "declarations are refused inside hooks",
        arguments: [
            "sim.agent{id='late', kind='state'}", "sim.region{id='late', lat=0, lon=0}", "sim.link('r', 's')",
            "sim.param('late', 1)", "sim.scenario{name='again', start='2024-01-01'}", "sim.metric('late', sim.tick)",
            "sim.outcome('late', sim.tick)",
        ])
    func declarationsInHooks(_ call: String) throws {
        let report = try report(
            run(
                header() + """
                    sim.region{id="r", lat=0, lon=0}
                    sim.region{id="s", lat=0, lon=1}
                    sim.at(1, function()
                      \(call)
                    end)
                    """))
        let message = report.failure?.message ?? ""
        #expect(
            message.hasSuffix(
                "main.lua:5: sim.\(call.prefix { $0 != "{" && $0 != "(" }.dropFirst(4)): "
                    + "only allowed while the scenario sets up, not in hooks"), "\(message)")
    }

    @Test("sim.dynamics may change rates from a hook, part-way through a run")
    func dynamicsInHooks() throws {
        let report = try runCompleted(
            header(steps: 6) + """
                sim.region{id="a", lat=0, lon=0}
                sim.region{id="b", lat=0, lon=20}
                sim.agent{id="x", kind="state"}
                sim.deploy("x", "a", 10)
                sim.at(0, function() sim.move("x", "a", "b") end)
                sim.at(1, function() sim.dynamics{speed = 0} end)
                sim.metric("moving", function() return #sim.moving("x") end)
                """)
        // 2,224 km at 300 km/day would take 8 days; the road stops at day 1 and the force waits.
        #expect(report.metric("moving") == [0, 1, 1, 1, 1, 1, 1])
        #expect(report.world.dynamics.speed == 0)
        // The report's rates are those after setup.
        #expect(report.dynamics.speed == Dynamics().speed)
    }

    @Test(
        "duplicate ids and bad coordinates are refused",
        arguments: [
            (
                "sim.agent{id=\"a\", kind=\"state\"}\nsim.agent{id=\"a\", kind=\"pmc\"}",
                "main.lua:3: sim.agent: agent 'a' is already declared"
            ),
            (
                "sim.region{id=\"r\", lat=0, lon=0}\nsim.region{id=\"r\", lat=1, lon=1}",
                "main.lua:3: sim.region: region 'r' is already declared"
            ),
            ("sim.region{id=\"r\", lat=91, lon=0}", "sim.region: field 'lat' must be in [-90, 90], got 91.0"),
            ("sim.region{id=\"r\", lat=0, lon=-181}", "sim.region: field 'lon' must be in [-180, 180], got -181.0"),
            (
                "sim.agent{id=\"a\", kind=\"state\", effectiveness=-1}",
                "sim.agent: field 'effectiveness' must be 0 or more, got -1.0"
            ),
            (
                "sim.region{id=\"r\", lat=0, lon=0}\nsim.link(\"r\", \"r\")",
                "sim.link: cannot link region 'r' to itself"
            ),
            (
                "sim.region{id=\"r\", lat=0, lon=0}\nsim.region{id=\"s\", lat=0, lon=1}\nsim.link(\"r\", \"s\", 0)",
                "sim.link: argument #3 (km) must be above 0, got 0.0"
            ),
        ])
    func declarationRefused(_ lua: String, _ expected: String) {
        let message = setupError(header() + lua + "\n")
        #expect(message.hasSuffix(expected), "\(message)")
    }

    // MARK: sim.dynamics

    @Test("sim.dynamics sets the rates it names and keeps the others")
    func dynamics() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                sim.dynamics{speed=100, noise=0, hostility=-0.25, thresholds={-0.25, 0.5}}
                sim.dynamics{balance=0.5}
                """)
        var expected = Dynamics()
        expected.speed = 100
        expected.noise = 0
        expected.hostility = -0.25
        expected.thresholds = [-0.25, 0.5]
        expected.balance = 0.5
        #expect(report.world.dynamics == expected)
    }

    @Test("sim.dynamics() returns the rates in force, pinned ones and thresholds included")
    func dynamicsRead() throws {
        let lua =
            header(steps: 0) + """
                sim.dynamics{war_days=7, thresholds={-0.25, 0.5}}
                local d = sim.dynamics()
                sim.log(d.war_days, d.min_force, d.balance, #d.thresholds, d.thresholds[2])
                sim.dynamics{hysteresis=0.1}
                sim.log(sim.dynamics().hysteresis, #sim.dynamics().thresholds)
                """
        let report = try completed(run(lua, params: [("dynamics.min_force", "5")]))
        #expect(report.logTexts == ["7.0\t5.0\t0.001\t2\t0.5", "0.1\t2"])
    }

    @Test(
        "sim.dynamics refuses negative rates and a hostility outside [-1, 1]",
        arguments: [
            ("sim.dynamics{decay=-0.1}", "sim.dynamics: field 'decay' must be in [0, 1000], got -0.1"),
            ("sim.dynamics{hostility=-2}", "sim.dynamics: field 'hostility' must be in [-1, 1], got -2.0"),
            ("sim.dynamics{thresholds=0.5}", "sim.dynamics: field 'thresholds' must be an array of numbers"),
            (
                "sim.dynamics{thresholds={0.1, \"x\"}}",
                "sim.dynamics: field 'thresholds[2]' must be a number, got string"
            ),
        ])
    func dynamicsRefused(_ lua: String, _ expected: String) {
        let message = setupError(header() + lua + "\n")
        #expect(message.hasSuffix(expected), "\(message)")
    }
}
