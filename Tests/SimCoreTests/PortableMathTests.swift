import Foundation
import Testing

@testable import SimCore

@Suite struct PortableMathTests {
    /// Relative error against the C library, which is itself within an ulp or so.
    private func close(_ a: Double, _ b: Double, _ tolerance: Double = 4e-15) -> Bool {
        a == b || abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-300)
    }

    private var samples: [Double] {
        var source = RandomSource(seed: 11)
        return (0..<2000).map { _ in (source.uniform() - 0.5) * 40 }
    }

    @Test func expAndLogMatchTheCLibrary() {
        for x in samples {
            #expect(close(PortableMath.exp(x), Foundation.exp(x)), "exp(\(x))")
            let positive = abs(x) + 1e-3
            #expect(close(PortableMath.log(positive), Foundation.log(positive)), "log(\(positive))")
        }
        #expect(PortableMath.exp(0) == 1)
        #expect(PortableMath.log(1) == 0)
        #expect(PortableMath.exp(800) == .infinity)
        #expect(PortableMath.exp(-800) == 0)
        #expect(PortableMath.log(0) == -.infinity)
        #expect(PortableMath.log(-1).isNaN)
        #expect(close(PortableMath.log(1e-300), Foundation.log(1e-300)))
    }

    @Test func expm1IsAccurateNearZero() {
        for x in [1e-12, -3e-7, 0.01, -0.3, 0.49, 2.5] {
            #expect(close(PortableMath.expm1(x), Foundation.expm1(x)), "expm1(\(x))")
        }
    }

    @Test func powMatchesForPositiveBases() {
        for (x, y) in [(2.0, 10.0), (0.37, -0.2), (1e-8, -0.2), (123.4, 0.5)] {
            #expect(close(PortableMath.pow(x, y), Foundation.pow(x, y), 2e-14), "pow(\(x), \(y))")
        }
    }

    @Test func trigonometryMatchesOverCoordinateAngles() {
        for x in samples.map({ $0 / 40 * 2 * Double.pi }) {
            #expect(abs(PortableMath.sin(x) - Foundation.sin(x)) < 1e-15, "sin(\(x))")
            #expect(abs(PortableMath.cos(x) - Foundation.cos(x)) < 1e-15, "cos(\(x))")
        }
        for y in stride(from: -1.0, through: 1.0, by: 0.01) {
            #expect(abs(PortableMath.asin(y) - Foundation.asin(y)) < 4e-16 * 8, "asin(\(y))")
            #expect(abs(PortableMath.atan(y * 7) - Foundation.atan(y * 7)) < 4e-16 * 8, "atan(\(y * 7))")
        }
    }
}
