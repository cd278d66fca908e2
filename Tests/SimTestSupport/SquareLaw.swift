// SquareLaw: Lanchester's square law in closed form (Lanchester 1916), the reference the engine's
// combat, the sim.* combat API and the published validation case are all checked against.
import Foundation

/// dx/dt = −b·y, dy/dt = −a·x (a: x's effectiveness, b: y's) until the weaker side reaches 0; then it
/// stays at 0 and the other keeps what it had. With λ = √(ab):
/// x(t) = x0·cosh(λt) − y0·√(b/a)·sinh(λt), y(t) = y0·cosh(λt) − x0·√(a/b)·sinh(λt).
package struct SquareLaw: Sendable {
    package let a: Double, b: Double, x0: Double, y0: Double

    package init(a: Double, b: Double, x0: Double, y0: Double) {
        self.a = a
        self.b = b
        self.x0 = x0
        self.y0 = y0
    }

    package var lambda: Double { (a * b).squareRoot() }
    /// Whether x is the weaker side: a·x0² < b·y0².
    package var xIsWeaker: Bool { a * x0 * x0 < b * y0 * y0 }
    /// When the weaker side is destroyed: tanh(λt*) = x0/y0·√(a/b) when x is weaker, y0/x0·√(b/a)
    /// when y is.
    package var annihilation: Double {
        xIsWeaker ? atanh(x0 / y0 * (a / b).squareRoot()) / lambda : atanh(y0 / x0 * (b / a).squareRoot()) / lambda
    }
    /// The stronger side's strength once the weaker is destroyed: √(y0² − (a/b)·x0²) when x is weaker.
    package var survivor: Double {
        xIsWeaker ? (y0 * y0 - a / b * x0 * x0).squareRoot() : (x0 * x0 - b / a * y0 * y0).squareRoot()
    }

    package func x(_ t: Double) -> Double {
        if t >= annihilation { return xIsWeaker ? 0 : survivor }
        return x0 * cosh(lambda * t) - y0 * (b / a).squareRoot() * sinh(lambda * t)
    }

    package func y(_ t: Double) -> Double {
        if t >= annihilation { return xIsWeaker ? survivor : 0 }
        return y0 * cosh(lambda * t) - x0 * (a / b).squareRoot() * sinh(lambda * t)
    }

    /// Both sides' strengths after t days.
    package func strengths(at t: Double) -> (x: Double, y: Double) { (x(t), y(t)) }
}
