// TriadScenario: a scenario of three agents and no forces, written into a test's scratch folder by
// the tests that pin built-in rates (`dynamics.NAME`). Only balance and decay move its alignments,
// so each of the two shows in an outcome of its own, whatever the engine's combat does.
import Foundation

/// The triad scenario and where a test writes it.
enum TriadScenario {
    /// a–b and b–c are friends, a–c neutral. At tick 0 a hook cuts a–b by `w` × 0.5, which decay
    /// pulls back toward its baseline 0.5 (`ab` is 0 at the end when decay is 0); balance pulls a–c
    /// toward a–b × b–c (`ac` stays 0 when balance is 0). The scenario sets decay itself: the rates
    /// after setup are not all defaults.
    static let text = """
        sim.scenario{ name = "triad", start = "2024-01-01", steps = 20 }
        for _, id in ipairs({ "a", "b", "c" }) do sim.agent{ id = id, name = id, kind = "state" } end
        local w = sim.param("w", 1, { min = 0, max = 1, doc = "share of a-b cut at tick 0" })
        sim.param("tag", "plain")
        sim.dynamics{ decay = 0.02 }
        sim.align("a", "b", 0.5, { mutual = true })
        sim.align("b", "c", 0.5, { mutual = true })
        sim.at(0, function() sim.shift("a", "b", -0.5 * w, { mutual = true }) end)
        sim.metric("ac", function() return sim.alignment("a", "c") end)
        sim.outcome("ac", function() return sim.alignment("a", "c") end)
        sim.outcome("ab", function() return sim.alignment("a", "b") end)

        """

    /// The decay the scenario sets.
    static let decay = 0.02

    /// Writes the scenario as `triad.lua` in `dir` and returns its path.
    static func write(in dir: BatchScratch) throws -> String {
        let path = dir.path("triad.lua")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
