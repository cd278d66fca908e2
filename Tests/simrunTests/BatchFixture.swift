// BatchFixture: the batch fixtures and the small computations the batch and merge tests check
// against — seeds from the documented formula, type 7 quantiles, Wilson intervals.
import Foundation
import Testing

/// The batch fixtures and small computations the batch tests check against.
enum BatchFixture {
    static let coin = SimrunCLI.fixture("batch/coin.lua")
    static let flaky = SimrunCLI.fixture("batch/flaky.lua")
    static let newline = SimrunCLI.fixture("batch/newline.lua")
    static let syntaxError = SimrunCLI.fixture("batch/syntax_error.lua")

    static func batch(_ arguments: String..., timeout: Double = 30) throws -> SimrunResult {
        try SimrunCLI.run(["batch"] + arguments, timeout: timeout)
    }

    static func batch(_ arguments: [String], timeout: Double = 30) throws -> SimrunResult {
        try SimrunCLI.run(["batch"] + arguments, timeout: timeout)
    }

    /// A param value as `--param NAME=VALUE` takes it.
    static func paramText(_ value: JSON) -> String {
        switch value {
        case .number(let text): return text
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return s
        default: return ""
        }
    }

    /// The same JSON value, numbers compared by value (the text of one double may differ in form).
    static func sameValue(_ a: JSON?, _ b: JSON?) -> Bool {
        switch (a, b) {
        case (.number(let x)?, .number(let y)?): return Double(x) == Double(y) && x.contains(".") == y.contains(".")
        default: return a == b
        }
    }

    /// A CSV cell against the JSON value of the same row.
    static func csvCell(_ cell: String, equals value: JSON?) -> Bool {
        switch value {
        case nil: return cell.isEmpty
        case .number(let text)?: return Double(cell) == Double(text)
        case .bool(let b)?: return cell == (b ? "true" : "false")
        case .string(let s)?: return cell == s
        default: return false
        }
    }

    /// SplitMix64(batch XOR (replicate × 0x9E3779B97F4A7C15)).next(), written out from the docs.
    static func replicateSeed(batch: UInt64, replicate: Int) -> UInt64 {
        var state = batch ^ (UInt64(replicate) &* 0x9E37_79B9_7F4A_7C15)
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// R's type 7 quantile of ascending values.
    static func type7(_ xs: [Double], _ p: Double) -> Double {
        let h = Double(xs.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, xs.count - 1)
        return xs[lo] + (h - Double(lo)) * (xs[hi] - xs[lo])
    }

    /// Wilson's score interval.
    static func wilson(_ successes: Int, _ n: Int, z: Double) -> (Double, Double) {
        let n = Double(n), p = Double(successes) / n, z2 = z * z
        let center = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / (1 + z2 / n)
        return (center - half, center + half)
    }

    static func close(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(a), abs(b))
    }

    /// Whether the values can be given one stratum each so that each lies within `slack` of its
    /// stratum's [low, high] (a small bipartite matching, by backtracking).
    static func matches(_ values: [Double], strata: [(Double, Double)], slack: Double) -> Bool {
        guard values.count == strata.count else { return false }
        var used = Array(repeating: false, count: strata.count)
        func place(_ i: Int) -> Bool {
            if i == values.count { return true }
            for s in strata.indices
            where !used[s] && values[i] >= strata[s].0 - slack && values[i] <= strata[s].1 + slack {
                used[s] = true
                if place(i + 1) { return true }
                used[s] = false
            }
            return false
        }
        return place(0)
    }
}
