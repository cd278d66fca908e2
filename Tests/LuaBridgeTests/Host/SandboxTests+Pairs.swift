// SandboxTests+Pairs: the sandbox's sorted `pairs` while the loop changes its table — keys the
// loop clears before reaching them are not visited, as with Lua's own `pairs`.
import Testing

@testable import LuaBridge

extension SandboxTests {
    @Test("pairs skips the keys the loop clears before reaching them, and sees values changed ahead")
    func pairsSkipsClearedKeys() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                local t = {a = 1, b = 2, c = 3, d = 4, [1] = "x", [2] = "y", [true] = "z"}
                local seen = {}
                for k, v in pairs(t) do
                  seen[#seen + 1] = tostring(k) .. "=" .. tostring(v)
                  if k == 1 then t[2] = nil end
                  if k == "a" then t.b = nil; t.c = nil; t.d = 40 end
                  if k == "d" then t[true] = nil end
                end
                sim.log(table.concat(seen, " "))
                local left = {}
                for k, v in pairs(t) do left[#left + 1] = tostring(k) .. "=" .. tostring(v) end
                sim.log(table.concat(left, " "))
                """)
        #expect(report.logTexts == ["1=x a=1 d=40", "1=x a=1 d=40"])
    }
}
