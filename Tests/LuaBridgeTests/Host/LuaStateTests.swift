// LuaStateTests: the Lua state's limits — the instruction budget, the memory cap, deep recursion —
// through whole runs, and the state's loading, calling and converters directly.
import CLua
import Foundation
import SimBatch
import SimCore
import SimReports
import SimSupport
import Testing

@testable import LuaBridge

@Suite("LuaState")
struct LuaStateTests {
    static let smallBudget = ScenarioLimits(maxInstructions: 1_000_000)
    static let smallMemory = ScenarioLimits(maxMemory: 32 << 20)

    @Test("the default limits")
    func defaults() {
        let limits = ScenarioLimits()
        #expect(limits.maxInstructions == 200_000_000)
        #expect(limits.maxMemory == 256 << 20)
        #expect(ScenarioLimits(maxInstructions: 5) == ScenarioLimits(maxInstructions: 5, maxMemory: 256 << 20))
    }

    // MARK: The instruction budget

    @Test("an endless loop in the setup is stopped by the budget, naming file and line")
    func endlessLoopInSetup() {
        let failure = setupFailure(
            run(
                header() + "local x = 0\nwhile true do x = x + 1 end\n",
                limits: Self.smallBudget))
        #expect(failure?.kind == .limit)
        let message = failure?.message ?? ""
        #expect(message.contains("main.lua:3:"), "\(message)")
        #expect(message.contains("instruction limit of 1000000 reached (--max-instructions)"), "\(message)")
    }

    @Test("an endless loop in a hook ends the run with a limit failure naming file and line")
    func endlessLoopInHook() throws {
        let report = try report(
            run(
                header() + """
                    sim.metric("tick", function() return sim.tick() end)
                    sim.at(2, function()
                      while true do end
                    end)
                    """, limits: Self.smallBudget))
        let failure = try #require(report.failure)
        #expect(failure.kind == .limit)
        #expect(failure.message.contains("main.lua:4:"), "\(failure.message)")
        #expect(failure.message.contains("instruction limit of 1000000 reached"), "\(failure.message)")
        #expect(report.metric("tick") == [0, 1, 2])
        #expect(report.status.label == "limit")
    }

    @Test("the budget is deterministic: two runs stop at the same point")
    func deterministicBudget() throws {
        let lua =
            header(steps: 1000) + """
                count = 0
                sim.metric("count", function() return count end)
                sim.every(1, function()
                  for i = 1, 20000 do
                    count = count + 1
                    if i % 500 == 0 then sim.log(count) end
                  end
                end)
                """
        let fixture = ScenarioFixture()
        fixture.write("main.lua", lua)
        let first = try report(fixture.run(limits: Self.smallBudget))
        let second = try report(fixture.run(limits: Self.smallBudget))
        #expect(first.failure?.kind == .limit)
        #expect(first.failure == second.failure)
        #expect(first.metric("count") == second.metric("count"))
        #expect(first.log == second.log)
        // Several whole ticks ran before the budget was spent, and the last one was cut short.
        let counts = first.metric("count")
        #expect(counts.count > 3 && counts.count < 1001)
        #expect(counts == (0..<counts.count).map { Double($0 * 20000) })
        let lastLogged = Double(first.logTexts.last ?? "") ?? 0
        #expect(lastLogged > counts.last! && lastLogged < counts.last! + 20000)
    }

    @Test(
        "a pcall cannot swallow the budget",
        arguments: [
            "local ok = pcall(function() while true do end end)",
            "while true do pcall(function() while true do end end) end",
            "local ok = xpcall(function() while true do end end, function(m) return m end)",
            "local ok = pcall(error, 'x'); while true do local ok2 = pcall(function() while true do end end) end",
        ])
    func pcallCannotSwallowTheBudget(_ body: String) throws {
        let setup = setupFailure(run(header() + body + "\nsim.log('after')\n", limits: Self.smallBudget))
        #expect(setup?.kind == .limit, "\(setup?.message ?? "")")
        let report = try report(
            run(
                header() + """
                    sim.at(1, function()
                      \(body)
                      sim.log("after")
                    end)
                    """, limits: Self.smallBudget))
        #expect(report.failure?.kind == .limit, "\(report.status)")
        #expect(report.logTexts.isEmpty)
    }

    @Test("the budget counts the whole run, not each hook")
    func budgetSpansTheRun() throws {
        // 200 ticks of ~20,000 instructions each: well under the budget per tick, over it in total.
        let tight = try report(
            run(
                header(steps: 200) + """
                    sim.every(1, function() local x = 0 for i = 1, 5000 do x = x + i end end)
                    """, limits: Self.smallBudget))
        #expect(tight.failure?.kind == .limit)
        let generous = try report(
            run(
                header(steps: 200) + """
                    sim.every(1, function() local x = 0 for i = 1, 5000 do x = x + i end end)
                    """, limits: ScenarioLimits(maxInstructions: 50_000_000)))
        #expect(generous.status == .completed)
    }

    // MARK: The memory cap

    @Test("a memory bomb in the setup ends with a limit failure")
    func memoryBombInSetup() {
        let failure = setupFailure(
            run(
                header() + """
                    local s = "x"
                    for i = 1, 40 do s = s .. s end
                    """, limits: Self.smallMemory))
        #expect(failure?.kind == .limit)
        #expect(
            failure?.message.contains("memory limit of 33554432 bytes reached (--max-memory)") == true,
            "\(failure?.message ?? "")")
    }

    @Test("a memory bomb in a hook, even inside pcall, ends the run with a limit failure")
    func memoryBombInHook() throws {
        let report = try report(
            run(
                header() + """
                    sim.metric("tick", function() return sim.tick() end)
                    sim.at(1, function()
                      local ok = pcall(function()
                        local t = {}
                        for i = 1, 1e8 do t[i] = {i} end
                      end)
                    end)
                    """, limits: Self.smallMemory))
        let failure = try #require(report.failure)
        #expect(failure.kind == .limit)
        #expect(failure.message.contains("memory limit of 33554432 bytes reached"), "\(failure.message)")
        #expect(report.metric("tick") == [0, 1])
    }

    @Test("the cap bounds the memory held in all, not each allocation: many small blocks reach it too")
    func manySmallAllocations() throws {
        // A linked list of a million two-slot tables, each a block of some 60 bytes and its array
        // of 32: about 90 MB held, none of it in a block near the 32 MiB cap.
        let report = try report(
            run(
                header() + """
                    sim.metric("tick", function() return sim.tick() end)
                    sim.at(1, function()
                      local head
                      for i = 1, 1e6 do head = {head, i} end
                      sim.log("all held")
                    end)
                    """, limits: Self.smallMemory))
        let failure = try #require(report.failure)
        #expect(failure.kind == .limit)
        #expect(failure.message.contains("memory limit of 33554432 bytes reached"), "\(failure.message)")
        #expect(report.logTexts.isEmpty)
        #expect(report.metric("tick") == [0, 1])
    }

    @Test("memory a script lets go of can be used again")
    func garbageIsNotALimit() throws {
        // At most one 8 MiB string and string.rep's 8 MiB buffer are reachable at any moment: half
        // the cap. Plain Lua with the same allocator completes this loop; Lua's allocator refuses
        // some requests until its emergency collection frees the garbage and the retry succeeds.
        let result = run(
            header() + """
                for i = 1, 30 do
                  local s = string.rep("x", 8 << 20)
                end
                sim.log("done")
                """, limits: Self.smallMemory)
        let report = try completed(result)
        #expect(report.logTexts == ["done"])
    }

    // MARK: Deep recursion

    @Test("deep Lua recursion is a stack overflow error, not a crash")
    func luaRecursion() throws {
        let message = setupError(header() + "local function f(n) return f(n + 1) + 1 end\nf(1)\n")
        #expect(message.contains("stack overflow"), "\(message)")
        #expect(message.contains("main.lua:2:"), "\(message)")
        let report = try report(
            run(
                header() + """
                    local function f(n) return f(n + 1) + 1 end
                    sim.at(1, function() f(1) end)
                    """))
        #expect(report.failure?.kind == .error)
        #expect(report.failure?.message.contains("stack overflow") == true, "\(report.status)")
    }

    @Test(
        "recursion through C frames is a stack overflow error, not a crash",
        arguments: [
            (
                "local t = setmetatable({}, {__index = function(t, k) return t[k] end})\nlocal x = t.x",
                "C stack overflow"
            ),
            (
                "local t = setmetatable({}, {__tostring = function(t) return tostring(t) end})\nlocal x = tostring(t)",
                "C stack overflow"
            ),
            ("local function f(s) return (string.gsub(s, 'x', f)) end\nlocal x = f('x')", "C stack overflow"),
            // The innermost pcall catches the overflow; every outer one then succeeds.
            (
                "local function f() return pcall(f) end\nlocal ok = f()\nerror('survived ' .. tostring(ok))",
                "survived true"
            ),
        ])
    func cRecursion(_ body: String, _ expected: String) {
        let message = setupError(header() + body + "\n")
        #expect(message.contains(expected), "\(message)")
    }

    // MARK: Loading and calling directly

    @Test("a syntax error names the chunk and line once")
    func syntaxError() {
        let failure = withState { evaluate($0, "local x = 1\nlocal = 2\n") }
        #expect(failure?.kind == .error)
        #expect(failure?.message.hasPrefix("chunk.lua:2:") == true, "\(failure?.message ?? "")")
        #expect(failure?.message.contains("chunk.lua: chunk.lua") == false)
    }

    @Test("a runtime error keeps the first line of its message only")
    func runtimeErrorFirstLine() {
        let failure = withState { evaluate($0, "error('first\\nsecond')") }
        #expect(failure == RunFailure(.error, "chunk.lua:1: first"))
    }

    @Test("an error object that is not a string is described by its type")
    func nonStringError() {
        let table = withState { evaluate($0, "error({})") }
        #expect(table == RunFailure(.error, "chunk.lua: (error object is a table value)"))
        let number = withState { evaluate($0, "error(42)") }
        #expect(number?.message.contains("number") == true)
    }

    @Test("a refused binary chunk is prefixed with the chunk's name")
    func binaryChunk() {
        let failure = withState { lua -> RunFailure? in
            do throws(RunFailure) {
                try lua.load([0x1B] + Array("Lua".utf8), displayPath: "blob.lua", key: "blob.lua")
                return nil
            } catch {
                return error
            }
        }
        #expect(failure?.message.hasPrefix("blob.lua: ") == true, "\(failure?.message ?? "")")
        #expect(failure?.message.contains("binary chunk") == true)
    }

    @Test("scalars round-trip through the stack with their Lua types")
    func scalarRoundTrip() {
        let values: [ScalarValue] = [
            .integer(-7), .number(2.0), .number(0.25), .boolean(true), .boolean(false),
            .string("a\u{0}b é"),
        ]
        let back = withState { lua -> [ScalarValue?] in
            values.map { value in
                lua.push(value)
                defer { lua_settop(lua.L, -2) }
                return try? lua.scalar(at: -1)
            }
        }
        #expect(back == values.map { Optional($0) })
    }

    @Test("the instruction counter grows in steps of the hook granularity")
    func instructionsUsed() {
        let used = withState { lua -> (Int64, Int64) in
            let before = lua.instructionsUsed
            _ = evaluate(lua, "local x = 0 for i = 1, 100000 do x = x + i end")
            return (before, lua.instructionsUsed)
        }
        #expect(used.1 > used.0)
        #expect(used.1 % 1000 == 0)
        #expect(used.1 - used.0 >= 200_000)
    }
}
