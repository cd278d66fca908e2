// SandboxTemplateTests: a worker's saved sandbox, restored for each run — the same counts as a sandbox
// built afresh, nothing of one run left in the next, memory past the arena taken from malloc and
// given back, and a second state from one cache while the first is held.
import CLuaShim
import Testing

@testable import LuaBridge

@Suite("SandboxTemplate")
struct SandboxTemplateTests {
    /// Memory held, instructions counted and bytes allocated once the sandbox stands.
    static func counts(_ lua: LuaState) -> [Int64] {
        [Int64(lua.memoryUsed), lua.instructionsUsed, lua.bytesAllocated]
    }

    @Test("a restored sandbox starts with the counts of one built afresh, run after run")
    func restoredCountsMatchFresh() {
        LuaThread.run {
            let cache = ScenarioCache()
            var seen: [[Int64]] = []
            for round in 0..<3 {
                let lua = try! LuaState(limits: ScenarioLimits(), cache: cache)
                seen.append(Self.counts(lua))
                // Spend memory and instructions, which the next restore must take back.
                #expect(evaluate(lua, "t = {} for i = 1, 5000 do t[i] = tostring(i) end", chunk: "spend.lua") == nil)
                #expect(lua.memoryUsed > Int(seen[round][0]) + 50_000)
            }
            let fresh = Self.counts(try! LuaState(limits: ScenarioLimits(), cache: ScenarioCache()))
            #expect(seen.allSatisfy { $0 == fresh }, "\(seen) against \(fresh)")
            #expect(fresh[0] > 0 && fresh[2] > 0, "the sandbox's own memory and what its prelude allocated")
        }
    }

    @Test("a run past the arena takes the rest from malloc, reads it back intact, and the restore frees it")
    func pastTheArena() {
        LuaThread.run {
            let cache = ScenarioCache()
            // 1 MiB of range: the sandbox fits, a 3 MiB string and a 200,000-entry table do not.
            let template = try! SandboxTemplate.make(capacity: ScenarioLimits(), cache: cache, arenaCapacity: 1 << 20)
            template.restore()
            var lua: LuaState? = LuaState(building: template, cache: cache)
            let grow = """
                big = string.rep("xy", 1536 * 1024)
                list = {}
                for i = 1, 200000 do list[i] = i * 2 end
                local small = {}
                for i = 1, 3000 do small[i] = { i, tostring(i) } end
                local sum = 0
                for i = 1, #list do sum = sum + list[i] end
                assert(#big == 3 * 1024 * 1024 and big:sub(-2) == "xy")
                assert(sum == 200000 * 200001)
                for i = 1, 3000 do assert(small[i][1] == i and small[i][2] == tostring(i)) end
                """
            #expect(evaluate(lua!, grow, chunk: "grow.lua") == nil)
            #expect(template.outsideBlocks >= 2, "the string and the table's array came from malloc")
            #expect(template.arenaTop <= 1 << 20)
            lua = nil
            template.release()
            template.restore()
            #expect(template.outsideBlocks == 0)
            lua = LuaState(building: template, cache: cache)
            #expect(evaluate(lua!, "assert(big == nil and list == nil)", chunk: "after.lua") == nil)
            template.release()
        }
    }

    @Test("blocks that grow and shrink across size classes keep their contents")
    func reallocationAcrossClasses() {
        withState { lua in
            let churn = """
                local t = {}
                for round = 1, 40 do
                  for i = 1, round * 50 do t[i] = round * 100000 + i end
                  for i = round * 50, 1, -1 do assert(t[i] == round * 100000 + i) end
                  for i = #t, round * 10 + 1, -1 do t[i] = nil end
                  local parts = {}
                  for i = 1, round do parts[i] = string.rep(string.char(64 + round % 26), i * 37) end
                  local joined = table.concat(parts)
                  assert(#joined == 37 * round * (round + 1) // 2)
                end
                """
            #expect(evaluate(lua, churn, chunk: "churn.lua") == nil)
        }
    }

    @Test("a second state from one cache while the first is held gets a sandbox of its own")
    func secondStateWhileHeld() {
        LuaThread.run {
            let cache = ScenarioCache()
            let first = try! LuaState(limits: ScenarioLimits(), cache: cache)
            #expect(evaluate(first, "marker = 1", chunk: "first.lua") == nil)
            let second = try! LuaState(limits: ScenarioLimits(), cache: cache)
            #expect(first.L != second.L)
            #expect(evaluate(second, "assert(marker == nil) marker = 2", chunk: "second.lua") == nil)
            #expect(evaluate(first, "assert(marker == 1)", chunk: "check.lua") == nil)
        }
    }

    @Test("a sandbox made under other caps is not reused")
    func otherCapsNewTemplate() {
        LuaThread.run {
            let cache = ScenarioCache()
            let tightCaps = ScenarioLimits(maxInstructions: 1_000_000, maxMemory: 8 << 20)
            let roomy = try! cache.sandbox(for: ScenarioLimits())
            let tight = try! cache.sandbox(for: tightCaps)
            #expect(roomy !== tight)
            #expect(try! cache.sandbox(for: tightCaps) === tight)
            // The deadline is set per run: another one keeps the sandbox.
            var later = tightCaps
            later.maxSeconds = 5
            #expect(try! cache.sandbox(for: later) === tight)
        }
    }
}
