// DynamicsRate+DesignTests: the built-in rates as design params — the `dynamics.` namespace, the
// lookup and its message, the range a sample covers and the allowed range a sweep is held to — and
// the names a design sets.
import SimCore
import Testing

@testable import SimBatch

struct DynamicsRateDesignTests {
    @Test("a dynamics.NAME finds its rate; another name is not a rate's; an unknown rate names the flag")
    func lookup() throws {
        #expect(DynamicsRate.isRate("dynamics.balance") && DynamicsRate.isRate("dynamics.nope"))
        #expect(!DynamicsRate.isRate("balance") && !DynamicsRate.isRate("dynamics"))
        for rate in Dynamics.rates {
            #expect(try DynamicsRate.named(param: rate.paramName, flag: "--sweep").name == rate.name)
        }
        #expect {
            try DynamicsRate.named(param: "dynamics.nope", flag: "--vary")
        } throws: { error in
            let message = (error as? DesignError)?.message ?? ""
            return message.hasPrefix("--vary dynamics.nope: no such built-in rate (known: dynamics.speed, ")
                && message.contains("dynamics.decay")
        }
    }

    @Test("a sample covers a rate's documented range, as numbers")
    func sampledRange() {
        for rate in Dynamics.rates {
            let range = rate.sampledRange
            #expect(range.name == rate.paramName)
            #expect(range.min == rate.documented.lowerBound && range.max == rate.documented.upperBound)
            #expect(!range.isInteger)
        }
    }

    @Test("a value outside the rate's allowed range is named with that range")
    func allowed() throws {
        let decay = try #require(Dynamics.rate(named: "decay"))
        #expect(decay.outsideAllowed(.number(decay.allowed.upperBound)) == nil)
        #expect(decay.outsideAllowed(.integer(0)) == nil)
        let upper = ScalarValue.plainText(decay.allowed.upperBound)
        #expect(
            decay.outsideAllowed(.number(decay.allowed.upperBound + 1)) == "outside its allowed range [0, \(upper)]")
        #expect(decay.outsideAllowed(.number(-0.5)) != nil)
    }

    @Test("a design's param names: the fixed ones, then the swept or sampled ones")
    func paramNames() {
        let fixed: [(String, ScalarValue)] = [("a", .integer(1)), ("dynamics.balance", .number(0))]
        let swept = BatchDesign(
            runsPerPoint: 1, seed: 1, steps: nil, fixed: fixed,
            sweeps: [Sweep(name: "b", values: [.number(0)]), Sweep(name: "dynamics.decay", values: [.number(0)])])
        #expect(swept.paramNames == ["a", "dynamics.balance", "b", "dynamics.decay"])
        let sampled = BatchDesign(
            runsPerPoint: 1, seed: 1, steps: nil, fixed: fixed, latinHypercube: 2,
            ranges: [ParamRange(name: "dynamics.noise", min: 0, max: 0.5, isInteger: false)])
        #expect(sampled.paramNames == ["a", "dynamics.balance", "dynamics.noise"])
        #expect(BatchDesign(runsPerPoint: 1, seed: 1, steps: nil, fixed: [], sweeps: []).paramNames.isEmpty)
    }
}
