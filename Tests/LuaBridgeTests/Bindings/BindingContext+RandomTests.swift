// BindingContext+RandomTests: sim.random, sim.chance, sim.normal, sim.choose and math.random,
// drawn from the run's named streams (combat, script, one per agent's policy).
import Foundation
import SimBatch
import SimCore
import SimReports
import SimSupport
import Testing

@testable import LuaBridge

@Suite("BindingContext+Random")
struct RandomTests {
    static let draws =
        header(steps: 2) + """
            local function draw()
              return string.format("%.17g %.17g %s %.17g %d", sim.random(), sim.normal(1, 2), tostring(sim.chance(0.5)),
                                   math.random(), math.random(1, 1000000))
            end
            sim.log(draw())
            sim.every(1, function() sim.log(draw()) end)

            """

    @Test("the same seed gives the same draws; another seed gives others")
    func seeded() throws {
        let first = try runCompleted(Self.draws, seed: 42).logTexts
        let again = try runCompleted(Self.draws, seed: 42).logTexts
        let other = try runCompleted(Self.draws, seed: 43).logTexts
        #expect(first.count == 3)
        #expect(first == again)
        #expect(first != other)
        #expect(zip(first, other).allSatisfy { $0 != $1 })
        // Draws differ from one call to the next within a run.
        #expect(Set(first).count == 3)
    }

    @Test("sim.random draws the run's script stream: RandomSource(seed:stream: \"script\")")
    func matchesRandomSource() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                sim.log(string.format("%.17g %.17g", sim.random(), sim.random()))
                """, seed: 7)
        var source = RandomSource(seed: 7, stream: "script")
        let expected = String(format: "%.17g %.17g", source.uniform(), source.uniform())
        #expect(report.logTexts == [expected])
    }

    /// Two agents at war in one region, each with a policy that logs its draw, and a script hook that
    /// does too; `extra` goes into agent a's policy.
    static func streams(extra: String) -> String {
        header(steps: 6) + """
            sim.agent{id="a", kind="state"}
            sim.agent{id="b", kind="state"}
            sim.region{id="r", lat=0, lon=0}
            sim.align("a", "b", -0.9, {mutual=true})
            sim.war("a", "b")
            sim.deploy("a", "r", 1000)
            sim.deploy("b", "r", 900)
            local function draw() return string.format("%.17g", sim.random()) end
            sim.policy("a", function() sim.log("a", draw()) \(extra) end)
            sim.policy("b", function() sim.log("b", draw()) end)
            sim.every(1, function() sim.log("script", draw()) end)
            sim.on("clash", function(ev) sim.log("clash", string.format("%.17g %.17g", ev.data.a, ev.data.b)) end)

            """
    }

    @Test("a policy draws from its agent's stream, other hooks from the script's")
    func policyStream() throws {
        let report = try runCompleted(Self.streams(extra: ""), seed: 7)
        var a = RandomSource(seed: 7, stream: "policy:a"), b = RandomSource(seed: 7, stream: "policy:b")
        var script = RandomSource(seed: 7, stream: "script")
        let lines = report.logTexts
        #expect(
            lines.filter { $0.hasPrefix("a\t") } == (0..<6).map { _ in "a\t" + String(format: "%.17g", a.uniform()) })
        #expect(
            lines.filter { $0.hasPrefix("b\t") } == (0..<6).map { _ in "b\t" + String(format: "%.17g", b.uniform()) })
        #expect(
            lines.filter { $0.hasPrefix("script\t") }
                == (0..<6).map { _ in "script\t" + String(format: "%.17g", script.uniform()) })
        #expect(lines.filter { $0.hasPrefix("clash\t") }.count == 6)
    }

    @Test("an extra draw in one policy leaves combat, the script and other policies where they were")
    func streamsIndependent() throws {
        let base = try runCompleted(Self.streams(extra: ""), seed: 11).logTexts
        let variant = try runCompleted(Self.streams(extra: "sim.normal() sim.chance(0.5)"), seed: 11).logTexts
        for prefix in ["b\t", "script\t", "clash\t"] {
            let lines = base.filter { $0.hasPrefix(prefix) }
            #expect(!lines.isEmpty)
            #expect(lines == variant.filter { $0.hasPrefix(prefix) }, "\(prefix)")
        }
        // The policy that drew more has moved on.
        let a = base.filter { $0.hasPrefix("a\t") }, aVariant = variant.filter { $0.hasPrefix("a\t") }
        #expect(a.first == aVariant.first)
        #expect(a.dropFirst().elementsEqual(aVariant.dropFirst()) == false)
    }

    @Test("stream seeds differ by name and by run seed")
    func streamDerivation() {
        var draws: Set<UInt64> = []
        for seed in [1, 2] as [UInt64] {
            for name in ["combat", "script", "policy:a", "policy:b", ""] {
                var source = RandomSource(seed: seed, stream: name)
                draws.insert(source.next())
            }
        }
        #expect(draws.count == 10)
    }

    @Test("sim.choose respects the weights")
    func chooseWeights() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                local counts = {a = 0, b = 0, c = 0, never = 0}
                local options = {{1, "a"}, {2, "b"}, {0, "never"}, {7, "c"}}
                for i = 1, 20000 do
                  local v = sim.choose(options)
                  counts[v] = counts[v] + 1
                end
                sim.log(counts.a, counts.b, counts.c, counts.never)
                """)
        let counts = (report.logTexts.first ?? "").split(separator: "\t").compactMap { Int($0) }
        try #require(counts.count == 4)
        #expect(counts.reduce(0, +) == 20000)
        // Four standard deviations of a binomial share over 20,000 draws is below 0.013.
        #expect(abs(Double(counts[0]) / 20000 - 0.1) < 0.013)
        #expect(abs(Double(counts[1]) / 20000 - 0.2) < 0.013)
        #expect(abs(Double(counts[2]) / 20000 - 0.7) < 0.013)
        #expect(counts[3] == 0)
    }

    @Test("sim.choose returns the value itself, whatever its type")
    func chooseValue() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                local t = {}
                local v = sim.choose{{0, "no"}, {1, t}}
                sim.log(tostring(rawequal(v, t)), sim.choose{{5, 42}}, tostring(sim.choose{{1, false}}))
                """)
        #expect(report.logTexts == ["true\t42\tfalse"])
    }

    @Test(
        "sim.choose refuses bad options",
        arguments: [
            ("sim.choose{}", "sim.choose: argument #1 (options) must be a non-empty array of {weight, value}"),
            ("sim.choose{5}", "sim.choose: option #1 must be a table {weight, value}"),
            ("sim.choose{{1, 'a'}, {-1, 'b'}}", "sim.choose: option #2 has a negative weight -1.0"),
            ("sim.choose{{0, 'a'}, {0, 'b'}}", "sim.choose: every weight is 0"),
            ("sim.choose{{'heavy', 'a'}}", "sim.choose: field 'options[1][1] (weight)' must be a number, got string"),
        ])
    func chooseRefused(_ call: String, _ expected: String) {
        let message = setupError(header(steps: 0) + "local v = " + call + "\n")
        #expect(message.hasSuffix("main.lua:2: " + expected), "\(message)")
    }

    @Test("math.random keeps Lua's contract")
    func mathRandom() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                local lo, hi, seen = math.huge, -math.huge, {}
                local okType = true
                for i = 1, 5000 do
                  local v = math.random(3, 7)
                  if math.type(v) ~= "integer" then okType = false end
                  lo, hi = math.min(lo, v), math.max(hi, v)
                  seen[v] = true
                end
                local dice = true
                for i = 1, 2000 do local d = math.random(6) if d < 1 or d > 6 then dice = false end end
                local unit = true
                for i = 1, 2000 do local u = math.random() if u < 0 or u >= 1 or math.type(u) ~= "float" then unit = \
                false end end
                local negative = true
                for i = 1, 1000 do local v = math.random(-2, -1) if v < -2 or v > -1 then negative = false end end
                local n = 0
                for _ in pairs(seen) do n = n + 1 end
                sim.log(lo, hi, n, tostring(okType), tostring(dice), tostring(unit), tostring(negative),
                        math.type(math.random(0)), math.random(4, 4))
                """)
        #expect(report.logTexts == ["3\t7\t5\ttrue\ttrue\ttrue\ttrue\tinteger\t4"])
    }

    @Test(
        "math.random refuses what Lua refuses",
        arguments: [
            ("math.random(5, 1)", "math.random: interval is empty"),
            ("math.random(1, 2, 3)", "math.random: wrong number of arguments"),
            ("math.random(1.5)", "math.random: argument #1 (m) must be a whole number, got 1.5"),
            ("math.random(1, 'x')", "math.random: argument #2 (n) must be a number, got string"),
        ])
    func mathRandomRefused(_ call: String, _ expected: String) {
        let message = setupError(header(steps: 0) + "local v = " + call + "\n")
        #expect(message.hasSuffix("main.lua:2: " + expected), "\(message)")
    }

    @Test("math.random draws from the same stream as sim.random")
    func sharedStream() throws {
        let alone = try runCompleted(
            header(steps: 0) + """
                sim.log(string.format("%.17g", sim.random()))
                sim.log(string.format("%.17g", sim.random()))
                sim.log(string.format("%.17g", sim.random()))
                """, seed: 9
        ).logTexts
        let interleaved = try runCompleted(
            header(steps: 0) + """
                sim.log(string.format("%.17g", sim.random()))
                sim.log(string.format("%.17g", math.random()))
                sim.log(string.format("%.17g", sim.random()))
                """, seed: 9
        ).logTexts
        #expect(alone.count == 3 && interleaved.count == 3)
        #expect(alone[0] == interleaved[0])
        // math.random() took the second draw: the later sim.random value is the third.
        #expect(alone[1] == interleaved[1])
        #expect(alone[2] == interleaved[2])
        let integer = try runCompleted(
            header(steps: 0) + """
                sim.log(string.format("%.17g", sim.random()))
                local skip = math.random(1, 10)
                sim.log(string.format("%.17g", sim.random()))
                """, seed: 9
        ).logTexts
        #expect(integer[0] == alone[0])
        #expect(integer[1] != alone[1])
        #expect(integer[1] == alone[2])
    }

    @Test("sim.chance is never true at 0, always at 1, and refuses probabilities outside [0, 1]")
    func chance() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                local zero, one, half = 0, 0, 0
                for i = 1, 2000 do
                  if sim.chance(0) then zero = zero + 1 end
                  if sim.chance(1) then one = one + 1 end
                  if sim.chance(0.5) then half = half + 1 end
                end
                sim.log(zero, one, tostring(half > 900 and half < 1100))
                """)
        #expect(report.logTexts == ["0\t2000\ttrue"])
        let message = setupError(header(steps: 0) + "local c = sim.chance(1.5)\n")
        #expect(message.hasSuffix("sim.chance: argument #1 (p) must be in [0, 1], got 1.5"), "\(message)")
    }

    @Test("sim.normal has the mean and deviation asked for")
    func normal() throws {
        let report = try runCompleted(
            header(steps: 0) + """
                local n, sum, sq = 20000, 0, 0
                for i = 1, n do local x = sim.normal(3, 2) sum = sum + x sq = sq + x * x end
                local mean = sum / n
                sim.log(string.format("%.6f %.6f", mean, math.sqrt(sq / n - mean * mean)))
                sim.log(sim.normal(5, 0), string.format("%.3f", sim.normal()))
                """)
        let stats = (report.logTexts.first ?? "").split(separator: " ").compactMap { Double($0) }
        try #require(stats.count == 2)
        // Standard errors: 2/sqrt(20000) ≈ 0.014 for the mean, ≈ 0.01 for the deviation.
        #expect(abs(stats[0] - 3) < 0.06)
        #expect(abs(stats[1] - 2) < 0.05)
        #expect(report.logTexts.last?.hasPrefix("5.0\t") == true)
        let message = setupError(header(steps: 0) + "local x = sim.normal(0, -1)\n")
        #expect(message.hasSuffix("sim.normal: argument #2 (sigma) must be 0 or more, got -1.0"), "\(message)")
    }

    @Test("the engine's combat noise has a stream of its own: noise on or off leaves the script's draws alone")
    func combatHasItsOwnStream() throws {
        func lua(noise: Double) -> String {
            header(steps: 2) + """
                sim.dynamics{noise=\(noise)}
                sim.agent{id="a", kind="state"}
                sim.agent{id="b", kind="armed_group"}
                sim.region{id="r", lat=0, lon=0}
                sim.align("a", "b", -1, {mutual=true})
                sim.war("a", "b")
                sim.deploy("a", "r", 100)
                sim.deploy("b", "r", 100)
                sim.at(1, function() sim.log(string.format("%.17g", sim.random())) end)
                """
        }
        let quiet = try runCompleted(lua(noise: 0), seed: 5).logTexts
        let noisy = try runCompleted(lua(noise: 0.3), seed: 5).logTexts
        #expect(quiet.count == 1)
        #expect(quiet == noisy)
        var source = RandomSource(seed: 5, stream: "script")
        #expect(quiet == [String(format: "%.17g", source.uniform())])
    }
}
