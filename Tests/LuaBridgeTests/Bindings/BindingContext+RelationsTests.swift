// BindingContext+RelationsTests: sim.align (clamping with one warning per pair), sim.alignment,
// sim.shift, sim.tie, sim.cut and sim.tied (events only on change).
import Foundation
import SimBatch
import SimCore
import SimReports
import SimSupport
import Testing

@testable import LuaBridge

@Suite("BindingContext+Relations")
struct RelationsTests {
    /// Agents a, b, c after the header (lines 1–4); the body starts on line 5.
    static func world(steps: Int = 3) -> String {
        header(steps: steps) + """
            sim.agent{id="a", kind="state"}
            sim.agent{id="b", kind="armed_group"}
            sim.agent{id="c", kind="pmc"}

            """
    }

    @Test("sim.align sets one direction; alignments never set are 0")
    func align() throws {
        let report = try runCompleted(
            Self.world(steps: 0) + """
                sim.align("a", "b", 0.25)
                sim.log(sim.alignment("a", "b"), sim.alignment("b", "a"), sim.alignment("a", "c"))
                sim.align("b", "c", -0.5, {mutual=true})
                sim.log(sim.alignment("b", "c"), sim.alignment("c", "b"))
                sim.align("a", "c", 0.75, {mutual=false})
                sim.log(sim.alignment("a", "c"), sim.alignment("c", "a"))
                """)
        #expect(report.logTexts == ["0.25\t0.0\t0.0", "-0.5\t-0.5", "0.75\t0.0"])
        #expect(report.world.warnings.isEmpty)
    }

    @Test("sim.align clamps to [-1, 1] and warns once per pair with file and line")
    func alignClamps() throws {
        let fixture = ScenarioFixture()
        fixture.write(
            "main.lua",
            Self.world(steps: 2) + """
                sim.align("a", "b", 2)
                sim.align("a", "b", 3)
                sim.align("b", "a", -1.5)
                sim.log(sim.alignment("a", "b"), sim.alignment("b", "a"))
                sim.at(1, function() sim.align("a", "c", -7, {mutual=true}) end)
                """)
        let report = try completed(fixture.run())
        #expect(report.logTexts == ["1.0\t-1.0"])
        let file = fixture.path("main.lua")
        #expect(
            report.world.warnings == [
                "\(file):5: sim.align: alignment of a toward b was 2.0, clamped to 1.0",
                "\(file):7: sim.align: alignment of b toward a was -1.5, clamped to -1.0",
                "\(file):9: sim.align: alignment of a toward c was -7.0, clamped to -1.0",
                "\(file):9: sim.align: alignment of c toward a was -7.0, clamped to -1.0",
            ])
    }

    @Test("check lists the clamping warnings too")
    func checkWarnings() throws {
        let summary = try ScenarioRunnerCheck.summary(Self.world() + "sim.align(\"a\", \"b\", 1.5)\n")
        #expect(summary.warnings.count == 1)
        #expect(
            summary.warnings.first?.hasSuffix("main.lua:5: sim.align: alignment of a toward b was 1.5, clamped to 1.0")
                == true)
    }

    @Test("sim.shift returns the new value, saturating without a warning")
    func shift() throws {
        let report = try runCompleted(
            Self.world(steps: 0) + """
                sim.align("a", "b", 0.25)
                sim.log(sim.shift("a", "b", 0.5), sim.alignment("a", "b"))
                sim.log(sim.shift("a", "b", 2), sim.shift("a", "b", -0.5))
                sim.log(sim.shift("b", "c", -0.25, {mutual=true}), sim.alignment("c", "b"))
                sim.log(sim.shift("c", "a", -3, {mutual=true}), sim.alignment("a", "c"))
                """)
        #expect(report.logTexts == ["0.75\t0.75", "1.0\t0.5", "-0.25\t-0.25", "-1.0\t-1.0"])
        #expect(report.world.warnings.isEmpty)
    }

    @Test("an agent has no alignment toward itself")
    func selfAlignment() {
        let message = setupError(Self.world() + "sim.align(\"a\", \"a\", 1)\n")
        #expect(message.hasSuffix("main.lua:5: sim.align: an agent has no alignment toward itself ('a')"), "\(message)")
    }

    @Test("sim.align sets the baseline decay pulls back toward; sim.shift and sim.baseline set one of the two")
    func baseline() throws {
        let report = try runCompleted(
            Self.world(steps: 2) + """
                sim.dynamics{balance=0, decay=1000}
                sim.align("a", "b", 0.5)
                sim.shift("a", "b", -0.25)
                sim.log(sim.baseline("a", "b"), sim.alignment("a", "b"))
                sim.log(sim.baseline("a", "c", -0.25, {mutual=true}), sim.alignment("c", "a"))
                sim.at(1, function() sim.align("a", "b", -1) end)
                sim.metric("ab", function() return sim.alignment("a", "b") end)
                """)
        #expect(report.log.map(\.text) == ["0.5\t0.25", "-0.25\t0.0"])
        // A shift in setup is not the baseline: decay takes it back as it would on day 0.
        #expect(report.metric("ab").first == 0.25)
        #expect(abs(report.metric("ab")[1] - 0.5) < 1e-9)
        // sim.align in a hook moves both: nothing pulls it back.
        #expect(report.metric("ab")[2] == -1)
    }

    @Test("a grievance decays the same whether it comes in setup or on day 0")
    func grievanceInSetupOrOnDayZero() throws {
        func trajectory(_ grievance: String) throws -> [Double] {
            try runCompleted(
                Self.world(steps: 120) + """
                    sim.align("a", "b", 0.5, {mutual=true})
                    \(grievance)
                    sim.metric("ab", function() return sim.alignment("a", "b") end)
                    """
            ).metric("ab")
        }
        let inSetup = try trajectory("sim.shift(\"a\", \"b\", -1.2)")
        let onDayZero = try trajectory("sim.at(0, function() sim.shift(\"a\", \"b\", -1.2) end)")
        // Day 0's value is recorded before the day-0 hook; from the end of day 0 on they agree.
        #expect(Array(inSetup.dropFirst()) == Array(onDayZero.dropFirst()))
        // A war's grievance fades: a → b is back above hostility within the 120 days.
        #expect(inSetup.last! > -0.5)
    }

    @Test("sim.tie and sim.cut record tie_made and tie_cut only when something changes")
    func tiesAndEvents() throws {
        let report = try runCompleted(
            Self.world(steps: 2) + """
                sim.on("tie_made", function(e) sim.log("made", e.agents[1], e.agents[2], e.data.kind) end)
                sim.on("tie_cut", function(e) sim.log("cut", e.agents[1], e.agents[2], e.data.kind) end)
                sim.at(1, function()
                  sim.tie("a", "b", "support")
                  sim.tie("a", "b", "support")
                  sim.tie("a", "b", "support", {mutual=true})
                  sim.log(tostring(sim.tied("a", "b", "support")), tostring(sim.tied("b", "a", "support")),
                          tostring(sim.tied("a", "c", "support")), tostring(sim.tied("a", "b", "never_made")))
                  sim.cut("a", "b", "support")
                  sim.cut("a", "b", "support")
                  sim.cut("a", "c", "arms_supply")
                  sim.log(tostring(sim.tied("a", "b", "support")), tostring(sim.tied("b", "a", "support")))
                  sim.tie("c", "a", "intel_sharing", {mutual=true})
                  sim.cut("c", "a", "intel_sharing", {mutual=true})
                end)
                """)
        // The hook's own lines first: its events reach the handlers once it returns.
        #expect(
            report.logTexts == [
                "true\ttrue\tfalse\tfalse", "false\ttrue",
                "made\ta\tb\tsupport", "made\tb\ta\tsupport", "cut\ta\tb\tsupport",
                "made\tc\ta\tintel_sharing", "made\ta\tc\tintel_sharing",
                "cut\tc\ta\tintel_sharing", "cut\ta\tc\tintel_sharing",
            ])
        #expect(report.events("tie_made").count == 4)
        #expect(report.events("tie_cut").count == 3)
        #expect(report.events("tie_made").allSatisfy { $0.tick == 1 })
    }

    @Test("ties made during setup exist at the start without events")
    func tiesInSetup() throws {
        let report = try runCompleted(
            Self.world(steps: 1) + """
                sim.tie("a", "b", "arms_supply")
                sim.at(0, function() sim.log(tostring(sim.tied("a", "b", "arms_supply"))) end)
                """)
        #expect(report.logTexts == ["true"])
        #expect(report.world.events.isEmpty)
        #expect(report.world.sortedTies.count == 1)
    }

    @Test("a tie needs a kind")
    func emptyKind() {
        let message = setupError(Self.world() + "sim.tie(\"a\", \"b\", \"\")\n")
        #expect(message.hasSuffix("sim.tie: argument #3 (kind) must not be empty"), "\(message)")
    }
}
