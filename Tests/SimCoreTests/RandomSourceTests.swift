import Testing

@testable import SimCore

@Suite struct RandomSourceTests {
    /// Values from an independent Python transcription of SplitMix64 + xoshiro256** (Vigna's C).
    @Test func matchesTheReferenceGenerator() {
        var one = RandomSource(seed: 1)
        #expect(one.next() == 0xb3f2_af6d_0fc7_10c5)
        #expect(one.next() == 0x853b_5596_4736_4cea)
        #expect(one.next() == 0x92f8_9756_082a_4514)
        var fortyTwo = RandomSource(seed: 42)
        #expect(fortyTwo.next() == 0x1578_0b2e_0c2e_c716)
        #expect(fortyTwo.next() == 0x6104_d986_6d11_3a7e)
    }

    /// docs/scenario-api.md: stream `name` of seed s is xoshiro256** seeded with
    /// SplitMix64(s XOR SplitMix64(FNV-1a(name)).next()).next(); values from the same Python
    /// transcription, so a change of formula (or of FNV's constants) shows here.
    @Test func namedStreamsFollowTheDocumentedSeedFormula() {
        let reference: [(UInt64, String, UInt64, UInt64)] = [
            (1, "combat", 0x104b_012c_53b5_375a, 0xcc84_5c53_f1e0_82b3),
            (1, "script", 0xc9c1_0a1b_4d34_0f08, 0xeec3_699a_7db0_13ec),
            (42, "policy:a", 0xd8b2_00bf_df5c_7837, 0xf412_0f7c_1687_960d),
            (UInt64.max, "combat", 0x203c_e517_1a05_80f1, 0x66e8_b79f_719f_c569),
            (7, "", 0xff4e_151a_1794_599f, 0x7b28_cb03_a357_3487),
        ]
        for (seed, name, first, second) in reference {
            var stream = RandomSource(seed: seed, stream: name)
            #expect(stream.next() == first, "\(seed) \(name)")
            #expect(stream.next() == second, "\(seed) \(name)")
        }
        // The world's streams are those: combat, script, then one per agent's policies.
        let world = World(seed: 42)
        world.addAgent(Agent(id: "a", name: "A", kind: "state"))
        #expect(world.randomStreams[RandomStream.policy(of: 0)].next() == 0xd8b2_00bf_df5c_7837)
        var combat = World(seed: 1).randomStreams[RandomStream.combat]
        #expect(combat.next() == 0x104b_012c_53b5_375a)
        var script = World(seed: 1).randomStreams[RandomStream.script]
        #expect(script.next() == 0xc9c1_0a1b_4d34_0f08)
    }

    @Test func uniformIsTheTop53BitsOverTwoToThe53() {
        var source = RandomSource(seed: 1)
        #expect(source.uniform() == Double(0xb3f2_af6d_0fc7_10c5 as UInt64 >> 11) * 0x1.0p-53)
    }

    @Test func sameSeedSameStreamOtherSeedOtherStream() {
        var a = RandomSource(seed: 7), b = RandomSource(seed: 7), c = RandomSource(seed: 8)
        let drawsA = (0..<100).map { _ in a.uniform() }
        #expect(drawsA == (0..<100).map { _ in b.uniform() })
        #expect(drawsA != (0..<100).map { _ in c.uniform() })
    }

    @Test func normalHasTheRightMomentsAndIsReproducible() {
        var source = RandomSource(seed: 3)
        let n = 200_000
        let draws = (0..<n).map { _ in source.normal(mu: 2, sigma: 3) }
        let mean = draws.reduce(0, +) / Double(n)
        let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)
        #expect(abs(mean - 2) < 0.03)
        #expect(abs(variance.squareRoot() - 3) < 0.03)
        var again = RandomSource(seed: 3)
        #expect(again.normal(mu: 2, sigma: 3) == draws[0])
    }

    @Test func integersStayInRangeAndCoverIt() {
        var source = RandomSource(seed: 5)
        var seen = Set<Int64>()
        for _ in 0..<10_000 {
            let v = source.integer(in: -3...3)
            #expect((-3...3).contains(v))
            seen.insert(v)
        }
        #expect(seen.count == 7)
        #expect(source.integer(in: 9...9) == 9)
    }
}
