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
