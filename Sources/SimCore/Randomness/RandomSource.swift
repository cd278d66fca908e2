// RandomSource: the seeded generator behind every random draw of a run, and the derivation of a
// run's named streams from its seed, so a seed fixes the whole run on every machine.

/// SplitMix64, used to expand a 64-bit seed into xoshiro256** state and to derive seeds.
package struct SplitMix64: Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** seeded through SplitMix64 (Blackman & Vigna), with the draws simrun documents:
/// `uniform()` is the top 53 bits over 2^53, `normal` uses Marsaglia's polar method,
/// `integer(in:)` uses rejection so no value is favoured.
package struct RandomSource: Sendable, Equatable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    package init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
    }

    /// The stream `name` of the run with this seed: seeded with SplitMix64(seed XOR
    /// SplitMix64(FNV-1a(name)).next()).next(), so every name gets its own sequence and a draw in
    /// one stream never moves another.
    package init(seed: UInt64, stream name: String) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var nameMixer = SplitMix64(seed: hash)
        var seedMixer = SplitMix64(seed: seed ^ nameMixer.next())
        self.init(seed: seedMixer.next())
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    package mutating func next() -> UInt64 {
        let result = RandomSource.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = RandomSource.rotl(s3, 45)
        return result
    }

    /// Uniform in [0, 1).
    package mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Normal with mean `mu` and standard deviation `sigma`, by Marsaglia's polar method: pairs of
    /// uniforms in (−1, 1)² until one falls inside the unit circle, one normal per accepted pair.
    /// It needs no trigonometry, and its logarithm is PortableMath's, so every machine agrees.
    package mutating func normal(mu: Double = 0, sigma: Double = 1) -> Double {
        while true {
            let u = 2 * uniform() - 1, v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return mu + sigma * u * (-2 * PortableMath.log(s) / s).squareRoot()
            }
        }
    }

    /// Uniform integer in the closed range, without modulo bias.
    package mutating func integer(in range: ClosedRange<Int64>) -> Int64 {
        let span = UInt64(bitPattern: range.upperBound &- range.lowerBound)
        if span == UInt64.max { return Int64(bitPattern: next()) }
        let bound = span + 1
        let limit = UInt64.max - (UInt64.max % bound)
        var draw = next()
        while draw >= limit { draw = next() }
        return range.lowerBound &+ Int64(bitPattern: draw % bound)
    }
}
