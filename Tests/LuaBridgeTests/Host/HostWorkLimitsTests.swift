import Foundation
import SimBatch
import SimCore
import SimReports
import SimSupport
import Testing

@testable import LuaBridge

/// The budget and the cap bound what a script makes the host and the C library do, not only what
/// the Lua VM executes: each case here once ran for hours or took gigabytes under a small cap.
@Suite("Limits beyond the Lua VM")
struct HostWorkLimitsTests {
    static let small = ScenarioLimits(maxInstructions: 20_000_000, maxMemory: 32 << 20)

    /// How the run of `lua` under the small limits failed, during setup or later.
    private func failure(_ lua: String) -> RunFailure? {
        switch run(lua, limits: Self.small) {
        case .failure(.scenario(let failure)): return failure
        case .success(let report):
            if case .failed(let failure) = report.status { return failure }
            return nil
        default: return nil
        }
    }

    private func limitMessage(_ lua: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let failure = failure(lua)
        #expect(failure?.kind == .limit, "\(String(describing: failure))", sourceLocation: sourceLocation)
        return failure?.message ?? ""
    }

    @Test("rates and tick lengths that would overflow the engine are refused where they are set")
    func boundedRates() {
        #expect(
            setupError("sim.scenario{name='t', start='2024-01-01', steps=2, tick_days=1e300}\n")
                .hasSuffix("sim.scenario: field 'tick_days' must be in [0.001, 3650], got 1e+300"))
        #expect(
            setupError(header() + "sim.dynamics{balance=1e9}\n")
                .hasSuffix("sim.dynamics: field 'balance' must be in [0, 100], got 1000000000.0"))
        let thresholds = "local t = {} for i = 1, 65 do t[i] = 0 end sim.dynamics{thresholds = t}\n"
        #expect(setupError(header() + thresholds).hasSuffix("field 'thresholds' holds 65 values; at most 64"))
    }

    @Test("structural balance's substeps count against the budget")
    func balanceSubsteps() {
        let lua =
            header(steps: 1000, extra: "tick_days=3650") + """
                for _, id in ipairs({"a", "b", "c"}) do sim.agent{id=id, kind="state"} end
                sim.align("a", "b", 0.5)
                sim.dynamics{balance=100}
                """
        #expect(limitMessage(lua).contains("the engine's work counts too"))
    }

    @Test("battles count against the budget")
    func battles() {
        let lua =
            header(steps: 100_000) + """
                sim.agent{id="a", kind="state", effectiveness=0}
                sim.agent{id="b", kind="state", effectiveness=0}
                sim.align("a", "b", -1, {mutual=true})
                sim.war("a", "b")
                for i = 1, 200 do
                  sim.region{id="r" .. i, lat=0, lon=0}
                  sim.deploy("a", "r" .. i, 10)
                  sim.deploy("b", "r" .. i, 10)
                end
                """
        #expect(limitMessage(lua).contains("instruction limit"))
    }

    @Test(
        "C loops of the standard library are charged or capped",
        arguments: [
            "local t = setmetatable({}, {__len = function() return math.maxinteger end}) table.remove(t, 1)",
            "local t = setmetatable({}, {__len = function() return math.maxinteger - 1 end}) table.insert(t, 1, 0)",
            "for i = 1, 1e6 do local s = string.rep('x', 1 << 20) end",
            "for i = 1, 1e6 do local a = {table.unpack({}, 1, 900000)} end",
            "for i = 1, 1e6 do string.find(string.rep('(', 4000), '%b()') end",
        ])
    func cLoops(_ body: String) {
        // Either the budget stops it, or a cap refuses the call: quickly, in both cases.
        let message = failure(header() + body + "\n")?.message ?? ""
        #expect(message.contains("instruction limit") || message.contains("sandbox cap"), "\(message)")
    }

    @Test(
        "copying bytes in C, by an operator or a library function, is charged by the byte",
        arguments: [
            "local big = string.rep('x', 1 << 20) for i = 1, 1e6 do local s = big .. i end",
            "local big = string.rep('x', 1 << 20) local t = {big, big, big} for i = 1, 1e6 do local s = table.concat(t) end",
            "local big = string.rep('x', 1 << 20) for i = 1, 1e6 do local s = string.format('%s', big) end",
            "local big = string.rep('x', 1 << 20) for i = 1, 1e6 do local s = big:sub(2) end",
            "local s = string.rep('x', 100000) for i = 1, 1e6 do local n = select('#', string.byte(s, 1, -1)) end",
            "local s = string.rep(' ', 1 << 20) for i = 1, 1e6 do local n = tonumber(s) end",
            "local s = 'a' .. string.rep('\\x80', 1 << 20) for i = 1, 1e6 do utf8.offset(s, 2, 1) end",
            "local s = 'a' .. string.rep('\\x80', 1 << 20) local f = utf8.codes(s) for i = 1, 1e6 do f(s, 1) end",
        ])
    func copiedBytes(_ body: String) {
        // Each loop once ran for minutes under the default budget; under 20 million it must stop at once.
        let start = ContinuousClock.now
        #expect(limitMessage(header() + body + "\n").contains("instruction limit"))
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test("%b counts as a repetition in the pattern cap")
    func balancedPattern() {
        #expect(
            setupError(header() + "string.find(string.rep('(', 1 << 20), '%b()')\n")
                .contains("string.find: a pattern with 1 repetitions over 1048576 bytes may take too long"))
    }

    @Test(
        "events, their data and new resource names count against the memory cap",
        arguments: [
            "local big = string.rep('x', 1 << 20) sim.at(0, function() for i = 1, 100 do sim.emit('e', {payload = "
                + "big}) end end)",
            "for i = 1, 200 do sim.agent{id = 'a' .. i, kind = 'state'} end for i = 1, 1e6 do sim.set('a1', 'r' .. "
                + "i, 0) end",
        ])
    func hostMemory(_ body: String) {
        #expect(limitMessage(header() + body + "\n").contains("memory limit"))
    }

    @Test("a memory error inside an include cannot be swallowed by pcall")
    func includeMemory() throws {
        let fixture = ScenarioFixture()
        fixture.write("main.lua", header() + "local ok, e = pcall(sim.include, 'hog.lua')\nsim.log(tostring(ok))\n")
        fixture.write("hog.lua", "local t = {} for i = 1, 1e9 do t[i] = i end\n")
        guard case .failure(.scenario(let failure)) = fixture.run(limits: Self.small) else {
            Issue.record("the memory error was swallowed")
            return
        }
        #expect(failure.kind == .limit)
        #expect(failure.message.contains("memory limit"))
    }

    @Test("the pairs error over foreign keys is the same in every run")
    func foreignKeysMessage() {
        let lua =
            header() + """
                local t = {}
                for i = 1, 8 do t[{}] = 1; t[function() end] = 2 end
                local ok, e = pcall(pairs, t)
                sim.log(e)
                """
        let texts = (0..<4).map { _ in (try? runCompleted(lua))?.logTexts ?? [] }
        #expect(Set(texts.map { $0.joined() }).count == 1)
        #expect(texts[0].first?.contains("keys of type function and table") == true, "\(texts[0])")
    }

    @Test("replacing a global the sandbox uses does not weaken it")
    func hijackedGlobals() {
        let lua =
            header()
            + "rawlen = function() return 0 end\nipairs = nil\nfor i = 1, 1e6 do local a = {table.unpack({}, 1, "
            + "900000)} end\n"
        #expect(limitMessage(lua).contains("instruction limit"))
    }
}
