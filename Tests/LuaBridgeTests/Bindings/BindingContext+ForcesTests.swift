// BindingContext+ForcesTests: forces and resources — sim.deploy, sim.move (arrival after
// distance/speed days), sim.forces, sim.clash, sim.get / sim.set / sim.add.
import Foundation
import SimBatch
import SimCore
import SimReports
import SimSupport
import Testing

@testable import LuaBridge

@Suite("BindingContext+Forces")
struct ForcesTests {
    /// Agents a, b; regions r, s (600 km apart by link), t (unlinked); the body starts on line 8.
    static func world(steps: Int = 4) -> String {
        header(steps: steps) + """
            sim.agent{id="a", kind="state", resources={strength=10, funds=5}, effectiveness=0.05}
            sim.agent{id="b", kind="armed_group", resources={morale=1}, effectiveness=0.04}
            sim.region{id="r", lat=0, lon=0}
            sim.region{id="s", lat=0, lon=1}
            sim.region{id="t", lat=1, lon=0}
            sim.link("r", "s", 600)

            """
    }

    /// `sim.forces(agent)` as "region=strength" pairs in region order.
    static let describeForces = """
        local function forces(agent)
          local parts = {}
          for region, strength in pairs(sim.forces(agent)) do parts[#parts + 1] = region .. "=" .. strength end
          return table.concat(parts, ",")
        end

        """

    @Test("sim.deploy adds strength, and a negative deployment withdraws, never below 0")
    func deploy() throws {
        let report = try runCompleted(
            Self.world(steps: 0) + Self.describeForces + """
                sim.deploy("a", "r", 10)
                sim.deploy("a", "r", 5)
                sim.deploy("a", "s", 2.5)
                sim.log(forces("a"), forces("b"))
                sim.deploy("a", "r", -4)
                sim.deploy("a", "s", -20)
                sim.log(forces("a"))
                """)
        #expect(report.logTexts == ["r=15.0,s=2.5\t", "r=11.0"])
        #expect(report.world.force(of: 0, in: 1) == 0)
    }

    @Test("sim.move takes strength out and it arrives after distance/speed days with an arrival event")
    func move() throws {
        let report = try runCompleted(
            Self.world(steps: 4) + Self.describeForces + """
                sim.deploy("a", "r", 15)
                sim.metric("r", function() return sim.forces("a").r or 0 end)
                sim.metric("s", function() return sim.forces("a").s or 0 end)
                sim.on("arrival", function(e)
                  sim.log("arrival", e.tick, e.agents[1], e.region, e.data.from, e.data.strength)
                end)
                sim.at(0, function()
                  sim.log("days", sim.move("a", "r", "s", 4))
                  sim.log(forces("a"))
                end)
                """)
        #expect(report.logTexts == ["days\t2.0", "r=11.0", "arrival\t1\ta\ts\tr\t4.0"])
        #expect(report.metric("r") == [15, 11, 11, 11, 11])
        // In transit after day 1, in s after day 2.
        #expect(report.metric("s") == [0, 0, 4, 4, 4])
        #expect(report.events("arrival").count == 1)
        #expect(report.events("move").first?.value("km") == .number(600))
    }

    @Test("sim.move moves everything by default, and along the straight line without links")
    func moveDefaults() throws {
        let report = try runCompleted(
            Self.world(steps: 2) + """
                sim.dynamics{speed=100}
                sim.deploy("b", "r", 7)
                sim.at(0, function()
                  local days = sim.move("b", "r", "t")
                  sim.log(days * 100 - sim.distance("r", "t"), sim.forces("b").r == nil)
                end)
                sim.metric("t", function() return sim.forces("b").t or 0 end)
                """)
        #expect(report.logTexts == ["0.0\ttrue"])
        let km = report.world.regions[0].greatCircleKm(to: report.world.regions[2])
        // ~111 km at 100 km/day: in transit after day 1, arrived after day 2.
        #expect(km > 100 && km < 200)
        #expect(report.metric("t") == [0, 0, 7])
    }

    @Test("sim.moving lists the agent's forces on the move, oldest first")
    func moving() throws {
        let report = try runCompleted(
            Self.world(steps: 3) + """
                sim.deploy("a", "r", 10)
                sim.deploy("b", "r", 3)
                local function show()
                  local parts = {}
                  for _, m in ipairs(sim.moving("a")) do
                    parts[#parts + 1] = m.from .. ">" .. m.to .. " " .. m.strength .. " " .. m.remaining_km
                  end
                  sim.log(#sim.moving("b"), table.concat(parts, ","))
                end
                sim.at(0, function()
                  sim.move("a", "r", "s", 4)
                  sim.move("a", "r", "s", 6)
                  show()
                end)
                sim.at(1, show)
                sim.at(2, show)
                """)
        #expect(report.logTexts == ["0\tr>s 4.0 600.0,r>s 6.0 600.0", "0\tr>s 4.0 300.0,r>s 6.0 300.0", "0\t"])
    }

    @Test("a move at speed 0 never arrives and returns infinity")
    func moveAtSpeedZero() throws {
        let report = try runCompleted(
            Self.world(steps: 3) + """
                sim.dynamics{speed=0}
                sim.deploy("a", "r", 3)
                sim.at(0, function() sim.log(sim.move("a", "r", "s") == math.huge) end)
                sim.metric("s", function() return sim.forces("a").s or 0 end)
                """)
        #expect(report.logTexts == ["true"])
        #expect(report.metric("s") == [0, 0, 0, 0])
    }

    @Test(
        "moving more than is there, or to the same region, is an error",
        arguments: [
            ("sim.move(\"a\", \"r\", \"s\", 20)", "sim.move: a has 15.0 in r, cannot move 20.0"),
            ("sim.move(\"a\", \"s\", \"r\", 1)", "sim.move: a has 0.0 in s, cannot move 1.0"),
            ("sim.move(\"a\", \"r\", \"s\", -1)", "sim.move: argument #4 (strength) must be 0 or more, got -1.0"),
            ("sim.move(\"a\", \"r\", \"r\")", "sim.move: 'from' and 'to' are the same region 'r'"),
        ])
    func moveRefused(_ call: String, _ expected: String) {
        let message = setupError(Self.world() + "sim.deploy(\"a\", \"r\", 15)\n" + call + "\n")
        #expect(message.hasSuffix("main.lua:9: " + expected), "\(message)")
    }

    @Test("sim.clash returns both losses, following the square law without noise")
    func clash() throws {
        let report = try runCompleted(
            Self.world(steps: 1) + """
                sim.dynamics{noise=0, grievance=0}
                sim.deploy("a", "r", 100)
                sim.deploy("b", "r", 80)
                sim.at(0, function()
                  local losses = sim.clash{attacker="b", defender="a", region="r", days=2}
                  sim.log(string.format("%.12f %.12f", losses.attacker, losses.defender))
                end)
                """)
        // x: a (effectiveness 0.05), y: b (0.04); dx/dt = -0.04 y, dy/dt = -0.05 x.
        let lambda = (0.05 * 0.04).squareRoot(), t = 2.0
        let x = 100 * cosh(lambda * t) - 80 * (0.04 / 0.05).squareRoot() * sinh(lambda * t)
        let y = 80 * cosh(lambda * t) - 100 * (0.05 / 0.04).squareRoot() * sinh(lambda * t)
        let parts = (report.logTexts.first ?? "").split(separator: " ").compactMap { Double($0) }
        try #require(parts.count == 2)
        #expect(abs(parts[0] - (80 - y)) < 1e-6)
        #expect(abs(parts[1] - (100 - x)) < 1e-6)
        let event = try #require(report.events("clash").first)
        #expect(event.agents == [1, 0], "the attacker first")
        #expect(event.region == 0)
        #expect(abs(report.world.force(of: 1, in: 0) - y) < 1e-6)
    }

    @Test(
        "sim.clash is refused between one agent and itself, or over no time",
        arguments: [
            (
                "sim.clash{attacker=\"a\", defender=\"a\", region=\"r\"}",
                "sim.clash: attacker and defender are the same agent"
            ),
            (
                "sim.clash{attacker=\"a\", defender=\"b\", region=\"r\", days=0}",
                "sim.clash: field 'days' must be above 0, got 0.0"
            ),
            (
                "sim.clash{attacker=\"a\", defender=\"z\", region=\"r\"}",
                "sim.clash: field 'defender': unknown agent 'z'"
            ),
            ("sim.clash{attacker=\"a\", defender=\"b\"}", "sim.clash: field 'region' must be a string, got nil"),
            ("sim.clash{attacker=\"a\", defender=\"b\", region=\"r\", length=1}", "sim.clash: unknown field 'length'"),
        ])
    func clashRefused(_ call: String, _ expected: String) {
        let message = setupError(Self.world() + call + "\n")
        #expect(message.contains("main.lua:8: " + expected), "\(message)")
    }

    @Test("sim.loss takes strength, records a loss event with its cause, and sim.losses counts the run's")
    func loss() throws {
        let report = try runCompleted(
            Self.world(steps: 2) + """
                sim.dynamics{grievance=1, blame=0, decay=0}
                sim.deploy("a", "r", 100)
                sim.loss("a", "r", 10, {cause="before the run"})
                sim.at(0, function()
                  sim.log(sim.loss("a", "r", 30, {cause="drone strike", by="b"}), sim.losses("a"))
                  sim.log(sim.loss("a", "r", 59.5), sim.strength("a", "r"), sim.losses("a"))
                end)
                sim.metric("ab", function() return sim.alignment("a", "b") end)
                """)
        // Setup's 10 is the starting state; the last loss would leave 0.5 < min_force, so all 60 go.
        #expect(report.logTexts == ["30.0\t30.0", "60.0\t0.0\t90.0"])
        let losses = report.events("loss")
        #expect(losses.map(\.agents) == [[0, 1], [0]])
        #expect(losses.first?.value("cause") == .string("drone strike"))
        #expect(losses.first?.value("strength") == .number(30))
        #expect(report.events("eliminated").map(\.agents) == [[0]])
        #expect(report.world.losses == [90, 0])
        // `by` is a grievance like a clash's: 30 of 90 lost.
        #expect(abs(report.metric("ab")[1] - -1.0 / 3) < 1e-12)
    }

    @Test(
        "sim.loss is refused with the argument named",
        arguments: [
            ("sim.loss(\"a\", \"r\", -1)", "sim.loss: argument #3 (strength) must be 0 or more, got -1.0"),
            ("sim.loss(\"a\", \"r\", 1, {by=\"z\"})", "sim.loss: field 'by': unknown agent 'z'"),
            ("sim.loss(\"a\", \"r\", 1, {why=1})", "sim.loss: unknown field 'why'"),
        ])
    func lossRefused(_ call: String, _ expected: String) {
        let message = setupError(Self.world() + "sim.deploy(\"a\", \"r\", 15)\n" + call + "\n")
        #expect(message.contains("main.lua:9: " + expected), "\(message)")
    }

    @Test("in the run, a move of less than min_force is refused: no force that small exists")
    func moveBelowMinForce() {
        let lua =
            Self.world() + "sim.deploy(\"a\", \"r\", 15)\n"
            + "sim.at(0, function() sim.move(\"a\", \"r\", \"s\", 0.5) end)\n"
        let failure = runFailure(run(lua))
        #expect(
            failure?.message.hasSuffix(
                "main.lua:9: sim.move: argument #4 (strength) 0.5 is below min_force 1.0: no force that small exists")
                == true, "\(String(describing: failure))")
    }

    @Test("a move that would leave less than min_force behind takes it along")
    func moveTakesTheRemainder() throws {
        let report = try runCompleted(
            Self.world(steps: 1) + """
                sim.deploy("a", "r", 15)
                sim.at(0, function() sim.move("a", "r", "s", 14.5) end)
                """)
        #expect(report.events("move").first?.value("strength") == .number(15))
        #expect(report.world.force(of: 0, in: 0) == 0)
    }

    @Test("sim.get, sim.set and sim.add read and write resources")
    func resources() throws {
        let report = try runCompleted(
            Self.world(steps: 0) + """
                sim.log(sim.get("a", "strength"), sim.get("a", "funds"), sim.get("b", "strength"), sim.get("b", \
                "morale"))
                sim.set("b", "strength", 3)
                sim.log(sim.get("b", "strength"), sim.add("a", "funds", 2.5), sim.get("a", "funds"))
                sim.set("a", "oil", 1)
                sim.log(sim.get("b", "oil"), sim.add("b", "oil", -4))
                """)
        #expect(report.logTexts == ["10.0\t5.0\t0.0\t1.0", "3.0\t7.5\t7.5", "0.0\t-4.0"])
        #expect(report.world.resourceNames == ["funds", "strength", "morale", "oil"])
    }

    @Test("resource names Swift finds canonically equivalent are two resources, as in Lua")
    func equivalentResourceNames() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                sim.agent{id = "a", kind = "state", resources = {["\\u{C5}"] = 1, ["A\\u{30A}"] = 2}}
                sim.log(sim.get("a", "\\u{C5}"), sim.get("a", "A\\u{30A}"))
                """)
        #expect(report.logTexts == ["1.0\t2.0"])
        // The declaration's keys in byte order: 0x41 before 0xC3.
        #expect(report.world.resourceNames.map { Array($0.utf8) } == [[0x41, 0xCC, 0x8A], [0xC3, 0x85]])
    }

    @Test(
        "a resource no agent declares is an error naming the known ones",
        arguments: [
            (
                "sim.get(\"a\", \"fundz\")",
                "sim.get: argument #2 (resource): no agent declares a resource 'fundz' (known: funds, strength, morale)"
            ),
            (
                "sim.add(\"b\", \"moral\", 1)",
                "sim.add: argument #2 (resource): no agent declares a resource 'moral' (known: funds, strength, morale)"
            ),
            ("sim.get(\"x\", \"funds\")", "sim.get: argument #1 (agent): unknown agent 'x'"),
        ])
    func unknownResource(_ call: String, _ expected: String) {
        let message = setupError(Self.world() + call + "\n")
        #expect(message.hasSuffix("main.lua:8: " + expected), "\(message)")
    }
}
