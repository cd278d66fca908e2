// PortableMath: the transcendental functions the engine uses, written with IEEE-754 basic
// arithmetic and square roots only. Those are correctly rounded everywhere, whereas libm's exp,
// log, pow, sin and cos may differ in the last bit between C libraries — and one bit is enough to
// change a report's bytes. Accuracy is within a few ulp, which is all a simulation needs.

/// Machine-independent elementary functions.
package enum PortableMath {
    private static let ln2Hi = 6.93147180369123816490e-01
    private static let ln2Lo = 1.90821492927058770002e-10

    /// e^x.
    package static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.782712893384 { return .infinity }
        if x < -745.1332191019412 { return 0 }
        // x = k·ln2 + r with |r| ≤ ln2/2; e^r by its Taylor series, then scaled by 2^k.
        let k = (x / (ln2Hi + ln2Lo)).rounded()
        let r = (x - k * ln2Hi) - k * ln2Lo
        var term = 1.0, sum = 1.0
        for n in 1...18 {
            term *= r / Double(n)
            sum += term
        }
        return scaled(sum, by: Int(k))
    }

    /// e^x − 1, accurate for small x.
    package static func expm1(_ x: Double) -> Double {
        guard abs(x) < 0.5 else { return exp(x) - 1 }
        var term = x, sum = x
        for n in 2...20 {
            term *= x / Double(n)
            sum += term
        }
        return sum
    }

    /// Natural logarithm; NaN below 0, −infinity at 0.
    package static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return x }
        // x = m·2^e with m in [1/√2, √2); log m = 2·atanh(z), z = (m − 1)/(m + 1), |z| < 0.172.
        var e = Int(x.exponent)
        var m = x.significand
        if m > 2.0.squareRoot() {
            m /= 2
            e += 1
        }
        let z = (m - 1) / (m + 1)
        let z2 = z * z
        var power = z, sum = z
        for n in stride(from: 3, through: 41, by: 2) {
            power *= z2
            sum += power / Double(n)
        }
        return 2 * sum + Double(e) * ln2Lo + Double(e) * ln2Hi
    }

    /// x^y for x > 0.
    package static func pow(_ x: Double, _ y: Double) -> Double {
        exp(y * log(x))
    }

    /// Sine, for the moderate arguments of coordinates (reduced into [−π, π] first).
    package static func sin(_ x: Double) -> Double {
        let r = reduced(x)
        var term = r, sum = r
        let r2 = r * r
        for n in stride(from: 2, through: 40, by: 2) {
            term *= -r2 / Double(n * (n + 1))
            sum += term
        }
        return sum
    }

    /// Cosine, for the moderate arguments of coordinates (reduced into [−π, π] first).
    package static func cos(_ x: Double) -> Double {
        let r = reduced(x)
        var term = 1.0, sum = 1.0
        let r2 = r * r
        for n in stride(from: 1, through: 39, by: 2) {
            term *= -r2 / Double(n * (n + 1))
            sum += term
        }
        return sum
    }

    /// Arcsine of y in [−1, 1]: asin y = 2·atan(y / (1 + √(1 − y²))).
    package static func asin(_ y: Double) -> Double {
        guard abs(y) <= 1 else { return .nan }
        return 2 * atan(y / (1 + (1 - y * y).squareRoot()))
    }

    /// Arctangent: two argument halvings, atan x = 2·atan(x / (1 + √(1 + x²))), then the series.
    package static func atan(_ x: Double) -> Double {
        if abs(x) > 1 { return (x > 0 ? Double.pi / 2 : -Double.pi / 2) - atan(1 / x) }
        var t = x
        for _ in 0..<2 { t = t / (1 + (1 + t * t).squareRoot()) }
        let t2 = t * t
        var power = t, sum = t
        for n in stride(from: 3, through: 41, by: 2) {
            power *= -t2
            sum += power / Double(n)
        }
        return 4 * sum
    }

    private static func reduced(_ x: Double) -> Double {
        guard abs(x) > Double.pi else { return x }
        let turns = (x / (2 * Double.pi)).rounded()
        return x - turns * 2 * Double.pi
    }

    /// v·2^k without overflow in the intermediate power.
    private static func scaled(_ v: Double, by k: Int) -> Double {
        Double(sign: .plus, exponent: k, significand: v)
    }
}
