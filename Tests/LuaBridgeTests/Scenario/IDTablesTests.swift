// IDTablesTests: ids found by the address of their interned string, once looked up, and by the
// table otherwise — short ids however they were built, long ids, and strings that are no id, among
// garbage the collector reclaims, give the same answers every time.
import Foundation
import SimCore
import SimReports
import Testing

@testable import LuaBridge

@Suite("IDTables")
struct IDTablesTests {
    @Test("ids short and long, built or literal, amid garbage: the same agent every time")
    func lookupsAgreeWithTheTable() {
        let long = String(repeating: "x", count: 45)
        let scenario =
            header(steps: 1) + """
                sim.agent{id="a", kind="state"}
                sim.agent{id="\(long)", kind="state"}
                sim.agent{id="b", kind="state"}
                sim.region{id="r", lat=0, lon=0}
                sim.region{id="\(long)", lat=1, lon=1}
                sim.align("a", "\(long)", 0.25)
                sim.align("\(long)", "a", -0.5)
                sim.align("a", "b", 0.125)
                sim.deploy("b", "\(long)", 7)
                sim.at(0, function()
                  for i = 1, 2000 do
                    local junk = {}
                    for k = 1, 20 do junk[k] = "tmp" .. i .. ":" .. k end
                    assert(sim.alignment("a", string.rep("x", 45)) == 0.25)
                    assert(sim.alignment(string.rep("x", 44) .. "x", "a") == -0.5)
                    assert(sim.alignment("a", "b") == 0.125 and sim.alignment("a" .. "", "b") == 0.125)
                    assert(sim.strength("b", string.rep("x", 45)) == 7 and sim.strength("b", "r") == 0)
                    assert(not pcall(sim.alignment, "a", junk[1]))
                    assert(not pcall(sim.alignment, "r", "a"))
                  end
                end)
                """
        let fixture = ScenarioFixture()
        fixture.write("main.lua", scenario)
        guard case .success(let report) = fixture.run() else {
            Issue.record("the scenario failed: \(fixture.run())")
            return
        }
        #expect(report.status == .completed)
    }
}
