// BindingContext+WarTests: sim.war, sim.peace and sim.at_war — the state of war built-in combat
// needs — and the events they record.
import Foundation
import SimCore
import SimReports
import Testing

@testable import LuaBridge

@Suite("BindingContext+War")
struct WarTests {
    /// Agents a, b, c and their 100 men each in region r; the body starts on line 7.
    static func world(steps: Int = 3) -> String {
        header(steps: steps) + """
            sim.agent{id="a", kind="state"}
            sim.agent{id="b", kind="armed_group"}
            sim.agent{id="c", kind="state"}
            sim.region{id="r", lat=0, lon=0}
            for _, id in ipairs({"a", "b", "c"}) do sim.deploy(id, "r", 100) end

            """
    }

    @Test("only agents at war fight; sim.war and sim.peace say whether they changed anything")
    func warAndPeace() throws {
        let report = try runCompleted(
            Self.world(steps: 3) + """
                sim.align("a", "c", -1, {mutual=true})
                sim.log(sim.war("a", "b"), sim.war("b", "a"), sim.at_war("b", "a"), sim.at_war("a", "c"))
                sim.at(1, function() sim.log(sim.peace("a", "b", {cause="ceasefire"}), sim.at_war("a", "b")) end)
                """)
        #expect(report.logTexts == ["true\tfalse\ttrue\tfalse", "true\tfalse"])
        // Setup's war is the starting state; the ceasefire is an event with its cause.
        let changes = report.world.events.filter { $0.type == "war" || $0.type == "peace" }
        #expect(changes.map(\.type) == ["peace"])
        #expect(changes.first?.value("cause") == .string("ceasefire"))
        // a and b fought on day 0 only; a and c, hostile to the bottom of the scale, never.
        #expect(report.events("clash").map(\.tick) == [0])
        #expect(report.events("clash").first?.agents == [0, 1])
        #expect(report.world.force(of: 2, in: 0) == 100)
        #expect(report.world.wars.isEmpty)
    }

    @Test("the report lists the wars at the end")
    func warsInTheReport() throws {
        let report = try runCompleted(Self.world(steps: 0) + "sim.war(\"c\", \"a\")\n")
        #expect(report.world.wars.map { [$0.0, $0.1] } == [[0, 2]])
        let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
        #expect(json?["wars"] as? [[String]] == [["a", "c"]])
    }

    @Test(
        "sim.war is refused with the argument named",
        arguments: [
            ("sim.war(\"a\", \"a\")", "sim.war: an agent cannot be at war with itself ('a')"),
            ("sim.peace(\"a\", \"z\")", "sim.peace: argument #2 (b): unknown agent 'z'"),
            ("sim.war(\"a\", \"b\", {reason=\"x\"})", "sim.war: unknown field 'reason'"),
        ])
    func refused(_ call: String, _ expected: String) {
        let message = setupError(Self.world() + call + "\n")
        #expect(message.contains("main.lua:7: " + expected), "\(message)")
    }
}
