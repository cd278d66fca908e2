// SandboxTests: what a scenario script can reach (the allow-list) and the prelude that makes the
// remaining functions deterministic and bounded. (The instruction budget, the memory cap and deep
// recursion are in LuaStateTests.)
import Foundation
import SimBatch
import SimCore
import SimReports
import SimSupport
import Testing

@testable import LuaBridge

@Suite("Sandbox")
struct SandboxTests {
    // MARK: The allow-list

    @Test(
        "dangerous globals and library members are absent",
        arguments: [
            "os", "io", "debug", "package", "require", "load", "loadstring", "dofile", "loadfile",
            "collectgarbage", "warn", "coroutine", "string.dump", "math.randomseed",
        ])
    func absent(_ name: String) throws {
        let report = try runCompleted(
            header(steps: 0) + """
                local path = "\(name)"
                local value = _G
                for part in path:gmatch("[^.]+") do value = value[part] end
                sim.log(type(value))
                """)
        #expect(report.logTexts == ["nil"])
    }

    @Test("the allowed globals and libraries are present")
    func present() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                local names = {"assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "rawequal",
                  "rawget", "rawlen", "rawset", "select", "setmetatable", "tonumber", "tostring", "type", "xpcall",
                  "table", "string", "math", "utf8", "sim"}
                local missing = {}
                for _, name in ipairs(names) do
                  if _G[name] == nil then missing[#missing + 1] = name end
                end
                sim.log("missing:" .. table.concat(missing, ","))
                sim.log(_VERSION, math.floor(2.5), string.upper("x"), utf8.char(72), table.concat({1, 2}, "+"))
                """)
        #expect(report.logTexts == ["missing:", "Lua 5.4\t2\tX\tH\t1+2"])
    }

    @Test("a global outside the allow-list cannot be reached through the registry of loaded libraries")
    func noLoadedTable() throws {
        // `require` and `package` are gone, so `package.loaded` is the only way to the library
        // table, and it is unreachable; the string metatable is protected too.
        let report = try runCompleted(
            header(steps: 0) + """
                sim.log(type(package), type(require), tostring(getmetatable("")))
                """)
        #expect(report.logTexts == ["nil\tnil\tfalse"])
    }

    @Test("a binary chunk is refused as the main file")
    func binaryMainFile() throws {
        let fixture = ScenarioFixture()
        // The signature of a precompiled chunk; the mode check refuses it before reading more.
        fixture.write("main.lua", bytes: [0x1B] + Array("LuaT\0\u{19}\u{93}\r\n\u{1A}\n".utf8))
        let failure = setupFailure(fixture.run())
        #expect(failure?.kind == .error)
        #expect(failure?.message.contains("main.lua") == true, "\(failure?.message ?? "")")
        #expect(failure?.message.contains("binary chunk") == true, "\(failure?.message ?? "")")
    }

    @Test("a binary chunk is refused as an included file")
    func binaryInclude() throws {
        let fixture = ScenarioFixture()
        fixture.write("main.lua", header(steps: 0) + "sim.include(\"compiled.lua\")\n")
        fixture.write("compiled.lua", bytes: [0x1B] + Array("LuaT\0".utf8))
        let failure = setupFailure(fixture.run())
        #expect(failure?.message.contains("compiled.lua") == true, "\(failure?.message ?? "")")
        #expect(failure?.message.contains("binary chunk") == true, "\(failure?.message ?? "")")
    }

    // MARK: Ordered iteration

    @Test("pairs visits numbers, then strings, then booleans, each in order")
    func pairsOrder() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                local t = {[true] = 1, b = 2, [3] = 3, a = 4, [false] = 5, [1] = 6, [2.5] = 7, [-4] = 8, B = 9}
                local seen = {}
                for k, v in pairs(t) do seen[#seen + 1] = tostring(k) .. "=" .. v end
                sim.log(table.concat(seen, " "))
                """)
        #expect(report.logTexts == ["-4=8 1=6 2.5=7 3=3 B=9 a=4 b=2 false=5 true=1"])
    }

    @Test("next walks the same order as pairs and refuses a key the table lacks")
    func nextOrder() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                local t = {z = 1, [2] = "two", y = 2, [1] = "one"}
                local seen, k = {}, next(t)
                while k ~= nil do seen[#seen + 1] = tostring(k); k = next(t, k) end
                sim.log(table.concat(seen, ","))
                sim.log(tostring(next({})))
                local ok, message = pcall(next, t, "missing")
                sim.log(tostring(ok), message)
                """)
        #expect(report.logTexts.count == 3)
        #expect(report.logTexts.first == "1,2,y,z")
        #expect(report.logTexts.dropFirst().first == "nil")
        #expect(report.logTexts.last?.hasPrefix("false\t") == true)
        #expect(report.logTexts.last?.contains("invalid key to 'next'") == true)
    }

    @Test("pairs over a table with a table key is an error naming pairs and the caller's line")
    func pairsTableKey() {
        let message = setupError(
            header(steps: 0) + """
                local t = {[{}] = 1}
                for k in pairs(t) do end
                """)
        #expect(message.contains("main.lua:3:"), "\(message)")
        #expect(message.contains("pairs: keys of type table have no reproducible order"), "\(message)")
    }

    @Test("next over a table with a function key is an error naming next")
    func nextFunctionKey() {
        let message = setupError(header(steps: 0) + "local t = {[assert] = 1}\nlocal k = next(t)\n")
        #expect(message.contains("next: keys of type function have no reproducible order"), "\(message)")
    }

    @Test("pairs still honours __pairs")
    func pairsMetamethod() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                local t = setmetatable({}, {__pairs = function(t)
                  local done = false
                  return function() if done then return nil end done = true return "only", 1 end, t, nil
                end})
                for k, v in pairs(t) do sim.log(k, v) end
                """)
        #expect(report.logTexts == ["only\t1"])
    }

    @Test("two runs in one process iterate many string keys in the same, sorted order")
    func pairsReproducible() throws {
        let lua =
            header(steps: 0) + """
                local t = {}
                for i = 1, 300 do t["key" .. ((i * 7919) % 1000)] = i end
                for i = 1, 50 do t[i * 3.5] = i end
                local seen = {}
                for k in pairs(t) do seen[#seen + 1] = tostring(k) end
                sim.log(table.concat(seen, ","))
                """
        let first = try runCompleted(lua).logTexts
        let second = try runCompleted(lua).logTexts
        #expect(first == second)
        let keys = first.first?.split(separator: ",").map(String.init) ?? []
        #expect(keys.count == 350)
        let numbers = keys.prefix(50).compactMap(Double.init)
        #expect(numbers == (1...50).map { Double($0) * 3.5 })
        let strings = Array(keys.dropFirst(50))
        #expect(strings == strings.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    // MARK: No addresses

    @Test("tostring of tables and functions is their type, without an address")
    func tostringWithoutAddress() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                sim.log(tostring({}), tostring(pairs), tostring(sim.random), tostring(1.5), tostring(nil))
                sim.log(tostring(setmetatable({}, {__tostring = function() return "custom" end})))
                sim.log(tostring(setmetatable({}, {__name = "Thing"})))
                sim.log(string.format("%s|%s", {}, 2))
                """)
        #expect(report.logTexts == ["table\tfunction\tfunction\t1.5\tnil", "custom", "Thing", "table|2"])
    }

    @Test("string.format refuses %p but keeps a literal %%p")
    func formatPointer() throws {
        let message = setupError(header(steps: 0) + "local s = string.format(\"%p\", {})\n")
        #expect(message.contains("main.lua:2:"), "\(message)")
        #expect(message.contains("'%p' is not available in the sandbox"), "\(message)")
        let flagged = setupError(header(steps: 0) + "local s = string.format(\"%-10p\", {})\n")
        #expect(flagged.contains("'%p' is not available"), "\(flagged)")
        let report = try runCompleted(header(steps: 0) + "sim.log(string.format(\"%%p %d\", 3))\n")
        #expect(report.logTexts == ["%p 3"])
    }

    // MARK: Metatables

    @Test("setmetatable refuses __gc")
    func setmetatableGC() throws {
        let message = setupError(header(steps: 0) + "setmetatable({}, {__gc = function() end})\n")
        #expect(message.contains("main.lua:2:"), "\(message)")
        #expect(message.contains("__gc is not allowed in the sandbox"), "\(message)")
        let report = try runCompleted(
            header(steps: 0) + """
                local t = setmetatable({}, {__index = function(_, k) return k .. "!" end})
                sim.log(t.x)
                """)
        #expect(report.logTexts == ["x!"])
    }

    @Test("the string metatable is protected: getmetatable(\"\") is false")
    func stringMetatable() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                sim.log(tostring(getmetatable("")), tostring(getmetatable("abc")), ("abc"):upper())
                local ok = pcall(setmetatable, "", {})
                sim.log(tostring(ok))
                """)
        #expect(report.logTexts == ["false\tfalse\tABC", "false"])
    }

    // MARK: Stable sort

    @Test("table.sort is stable")
    func stableSort() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                local t = {}
                for i = 1, 200 do t[i] = {key = (i * 37) % 5, n = i} end
                table.sort(t, function(a, b) return a.key < b.key end)
                local ok = true
                for i = 2, #t do
                  local a, b = t[i - 1], t[i]
                  if a.key > b.key or (a.key == b.key and a.n > b.n) then ok = false end
                end
                sim.log(tostring(ok), t[1].key, t[1].n, t[200].key)
                local plain = {5, 3, 9, 1}
                table.sort(plain)
                sim.log(table.concat(plain, ","))
                local down = {5, 3, 9, 1}
                table.sort(down, function(a, b) return a > b end)
                sim.log(table.concat(down, ","))
                """)
        // The first item with key 0 is i = 5.
        #expect(report.logTexts == ["true\t0\t5\t4", "1,3,5,9", "9,5,3,1"])
    }

    // MARK: Caps

    @Test("string.rep up to 16 MiB works, beyond is refused")
    func stringRepCap() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                sim.log(#string.rep("ab", 8 * 1024 * 1024), #string.rep("x", 3, ","), ("ab"):rep(2))
                """)
        #expect(report.logTexts == ["16777216\t5\tabab"])
        let message = setupError(header(steps: 0) + "local s = string.rep(\"ab\", 8 * 1024 * 1024 + 1)\n")
        #expect(message.contains("main.lua:2:"), "\(message)")
        #expect(message.contains("string.rep: the result would exceed the sandbox cap of 16777216 bytes"), "\(message)")
        let method = setupError(header(steps: 0) + "local s = (\"x\"):rep(1 << 25)\n")
        #expect(method.contains("sandbox cap"), "\(method)")
        let separator = setupError(header(steps: 0) + "local s = (\"x\"):rep(1 << 23, \"--\")\n")
        #expect(separator.contains("sandbox cap"), "\(separator)")
    }

    @Test("string.rep with a count given as a string is capped too")
    func stringRepCapStringCount() throws {
        // Lua turns the string "17000000" into a count; the prelude only checks numbers.
        let result = run(header(steps: 0) + "local s = string.rep(\"x\", \"17000000\")\nsim.log(#s)\n")
        let message = setupFailure(result)?.message ?? ""
        #expect(message.contains("sandbox cap"), "\(message)")
    }

    @Test("string.rep of an empty string with a huge count is capped too")
    func stringRepEmptyString() throws {
        // The C loop runs once per repetition even when nothing is copied: math.maxinteger
        // repetitions would run for centuries, out of the instruction hook's reach.
        let result = run(header(steps: 0) + "local s = string.rep(\"\", (16 << 20) + 1)\nsim.log(#s)\n")
        let message = setupFailure(result)?.message ?? ""
        #expect(message.contains("sandbox cap"), "\(message)")
    }

    @Test("a pathological pattern is refused before it runs")
    func pathologicalPattern() throws {
        let message = setupError(
            header(steps: 0) + """
                local s = string.rep("a", 40)
                local found = string.find(s, string.rep("a-", 12) .. "b")
                """)
        #expect(message.contains("main.lua:3:"), "\(message)")
        #expect(
            message.contains("string.find: a pattern with 12 repetitions over 40 bytes may take too long"),
            "\(message)")
        let match = setupError(header(steps: 0) + "local m = (\"x\"):rep(5000):match(\"(.*)(.*)(.*)y\")\n")
        #expect(match.contains("string.match: a pattern with 3 repetitions"), "\(match)")
        let gsub = setupError(header(steps: 0) + "local m = string.gsub((\"x\"):rep(5000), \".-.-.-y\", \"\")\n")
        #expect(gsub.contains("string.gsub:"), "\(gsub)")
        let gmatch = setupError(header(steps: 0) + "for m in (\"x\"):rep(5000):gmatch(\".*.*.*y\") do end\n")
        #expect(gmatch.contains("string.gmatch:"), "\(gmatch)")
    }

    @Test("a pattern longer than 256 bytes is refused; ordinary patterns and plain finds work")
    func patternLength() throws {
        let message = setupError(header(steps: 0) + "local f = string.find(\"abc\", string.rep(\"a\", 257))\n")
        #expect(message.contains("pattern longer than the sandbox cap of 256 bytes"), "\(message)")
        let report = try runCompleted(
            header(steps: 0) + """
                sim.log(string.find("hello world", "o w"), string.match("key=value", "(%w+)=(%w+)"))
                sim.log(string.gsub("a,b,c", ",", ";"), string.find("a.b", ".", 1, true))
                local parts = {}
                for w in string.gmatch("one two three", "%a+") do parts[#parts + 1] = w end
                sim.log(table.concat(parts, "|"), string.find(string.rep("a", 300), string.rep("a", 300), 1, true))
                """)
        // A call that is not the last argument is cut to its first result.
        #expect(report.logTexts == ["5\tkey\tvalue", "a;b;c\t2\t2", "one|two|three\t1\t300"])
    }

    @Test("a pathological pattern over a number subject is refused too")
    func pathologicalPatternNumberSubject() throws {
        // string.find coerces a number subject to a string, so the same matcher work is possible;
        // kept small enough here to finish quickly if it is not refused.
        let pattern = String(repeating: ".-", count: 7) + "x"
        let asString = setupError(header(steps: 0) + "local f = string.find(\"1234567890123456789\", \"\(pattern)\")\n")
        #expect(asString.contains("may take too long"), "\(asString)")
        let result = run(header(steps: 0) + "local f = string.find(1234567890123456789, \"\(pattern)\")\n")
        let message = setupFailure(result)?.message ?? ""
        #expect(message.contains("may take too long"), "\(message)")
    }
}
