// SandboxTests+Charges: what the budget charges for work done in C, measured in a sandboxed state:
// each call costs what it touches, counted the way Lua clamps its arguments.
import SimCore
import Testing

@testable import LuaBridge

@Suite("Sandbox charges")
struct SandboxChargeTests {
    /// Calls per measurement: the hook counts in steps of 1,000, so a charge shows to within that.
    static let times = 1_000
    /// What a call spends beyond its C work: the wrappers' and pcall's own Lua instructions and the
    /// tables they make, counted to the hook's granularity.
    static let slack: Int64 = 250 * Int64(times)

    /// The budget `body` spends when run `times` times (instructions, and allocated bytes' worth),
    /// in a state where `s` is 10,000 ASCII bytes, `v` the same but for its last byte, `u` 10,000
    /// continuation bytes after an "a", and `t` an array of 1,000 numbers. The body runs once before,
    /// so that Lua's stack has grown already.
    private func cost(_ body: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int64 {
        let (failure, spent) = withState { lua -> (RunFailure?, Int64) in
            let setup =
                "s = string.rep('x', 10000) v = string.rep('x', 9999) .. 'y' u = 'a' .. string.rep('\\x80', 10000) t = {}"
                + " for i = 1, 1000 do t[i] = i end local _ = {\(body)}"
            if let failure = evaluate(lua, setup, chunk: "setup.lua") { return (failure, 0) }
            let before = lua.instructionsUsed + lua.bytesAllocated / 16
            let failure = evaluate(lua, "for k = 1, \(Self.times) do local _ = \(body) end")
            return (failure, lua.instructionsUsed + lua.bytesAllocated / 16 - before)
        }
        #expect(failure == nil, "\(body): \(failure?.message ?? "")", sourceLocation: sourceLocation)
        return spent
    }

    private func expectCost(_ body: String, perCall: Int64, sourceLocation: SourceLocation = #_sourceLocation) {
        let spent = cost(body, sourceLocation: sourceLocation)
        let expected = perCall * Int64(Self.times)
        #expect(
            (expected...expected + Self.slack).contains(spent),
            "\(body): spent \(spent), expected \(expected) + at most \(Self.slack)", sourceLocation: sourceLocation)
    }

    @Test(
        "string.byte and utf8.codepoint are charged the values they return, with positions clamped as Lua clamps",
        arguments: [
            ("select('#', string.byte(s, 1, -1))", 10_000),
            ("select('#', string.byte(s, 1, 3e8))", 10_000),
            ("select('#', string.byte(s, -9999))", 1),
            ("select('#', string.byte(s, 10001, 10001))", 0),
            ("select('#', utf8.codepoint(s, 1, -1))", 10_000),
            ("select('#', utf8.codepoint(s, 9001, 10000))", 1_000),
        ] as [(String, Int64)])
    func returnedValues(_ body: String, perCall: Int64) {
        expectCost(body, perCall: perCall)
    }

    @Test(
        "a call Lua refuses before doing any work costs only the raised error",
        arguments: [
            "pcall(string.byte, 'abc', 1, 3e8)", "pcall(utf8.codepoint, 'abc', 1, 1e9)",
            "pcall(table.unpack, {}, 1, 1e8)", "pcall(utf8.codepoint, s, 0)",
        ])
    func refusedCalls(_ body: String) {
        // 100: what the sandbox's pcall charges for raising and catching an error.
        expectCost(body, perCall: 100)
    }

    @Test("table.unpack is charged two per value, as many as a __len metamethod asked for")
    func unpack() {
        expectCost("select('#', table.unpack(t))", perCall: 2_000)
        // __len answers 2, 3, ... 1001 in the measured calls: the charge follows each answer.
        let growing = "select('#', table.unpack(setmetatable({}, {__len = function() n = (n or 0) + 1 return n end})))"
        let spent = cost(growing)
        #expect(spent >= Int64(Self.times * Self.times), "spent \(spent)")
    }

    @Test("bytes a string operation copies into a new string are charged, one instruction per 16")
    func copiedBytes() {
        // The result's 10,000 bytes: 625; the buffers it is built in count too, in all under five times that.
        for body in ["s .. 'y'", "s:sub(2)", "string.format('%s!', s)", "table.concat({s, 'y'})"] {
            let spent = cost(body)
            #expect(spent >= 625 * Int64(Self.times) && spent < 3_000 * Int64(Self.times), "\(body): spent \(spent)")
        }
    }

    @Test("string.format is charged 2 per byte it writes beyond the strings it copies")
    func format() {
        // 408 bytes: 309 digits, the point and 99 decimals.
        expectCost("string.format('%99.99f', 1e308)", perCall: 816)
        // Copying s costs its allocation only, not 2 per byte (20,000).
        let copied = cost("string.format('%s', s)")
        #expect(copied < 2_500 * Int64(Self.times), "spent \(copied)")
        // Failing at the second conversion: both charged at their most (418 bytes), and the error.
        expectCost("pcall(string.format, '%d%d', 1, 'x')", perCall: 2 * 418 * 2 + 100)
    }

    @Test("rawequal is charged 1 per 16 bytes of two strings of one length, which it compares")
    func rawequal() {
        expectCost("rawequal(s, v)", perCall: 625)
        expectCost("rawequal(s, u)", perCall: 0)
    }

    @Test("utf8's scans are charged the continuation bytes they skip")
    func continuationRuns() {
        // From position 2 the iterator skips all 10,000 continuation bytes of u, then finds the end.
        expectCost("select('#', utf8.codes(u)(u, 1))", perCall: 10_000)
        // utf8.offset skips them too, at 1 per 8 bytes.
        expectCost("utf8.offset(u, 2, 1)", perCall: 1_250)
        expectCost("utf8.offset(s, 2, 1)", perCall: 0)
    }
}
