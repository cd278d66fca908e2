// OutcomeEstimate: what a batch says about one outcome at one design point — a mean with its spread,
// a proportion, or category counts — whether read from the runs themselves or from a summary.
import SimCore
import SimReports
import SimSupport

/// One outcome's sample at one design point.
package enum OutcomeEstimate: Sendable, Equatable {
    case number(n: Int, mean: Double, sd: Double)
    case proportion(n: Int, successes: Int)
    /// Counts by category, keyed by the text's bytes: canonically equivalent texts are two categories.
    case categories(n: Int, counts: [ExactKey: Int])
    /// No value of the outcome (it failed in every run, or was never computed).
    case none

    /// The estimate from every run's value, typed by the first value as the summary does; values of
    /// another type are left out.
    package init(values: [ScalarValue]) {
        switch values.first {
        case nil:
            self = .none
        case .integer?, .number?:
            let numbers = values.compactMap(\.numeric)
            self = .number(n: numbers.count, mean: Statistics.mean(numbers), sd: Statistics.standardDeviation(numbers))
        case .boolean?:
            let flags = values.compactMap { if case .boolean(let b) = $0 { b } else { nil } }
            self = .proportion(n: flags.count, successes: flags.filter { $0 }.count)
        case .string?:
            var counts: [ExactKey: Int] = [:]
            for case .string(let s) in values { counts[ExactKey(s), default: 0] += 1 }
            self = .categories(n: counts.values.reduce(0, +), counts: counts)
        }
    }

    /// The estimate of one outcome entry of a summary's point (`{"type": ..., "n": ..., ...}`).
    package init(summary entry: JSONValue) throws(ComparisonInputError) {
        let n = entry["n"]?.int ?? 0
        let type = entry["type"]?.string
        let kind = type.flatMap(OutcomeKind.init(rawValue:))
        guard kind != nil || type == OutcomeKind.name(nil) else {
            throw ComparisonInputError("an outcome entry without a known type")
        }
        switch kind {
        case .number? where n > 0:
            // A NaN among the values makes the summary's mean null: nothing to compare.
            guard let mean = entry["mean"]?.double else {
                self = .none
                return
            }
            self = .number(n: n, mean: mean, sd: entry["sd"]?.double ?? 0)
        case .boolean? where n > 0:
            guard let successes = entry["true"]?.int else {
                throw ComparisonInputError("a boolean outcome without 'true'")
            }
            self = .proportion(n: n, successes: successes)
        case .category? where n > 0:
            var counts: [ExactKey: Int] = [:]
            for (name, category) in entry["categories"]?.object ?? [] {
                counts[ExactKey(name)] = category["count"]?.int ?? 0
            }
            self = .categories(n: n, counts: counts)
        default:
            self = .none
        }
    }

    package var n: Int {
        switch self {
        case .number(let n, _, _), .proportion(let n, _), .categories(let n, _): return n
        case .none: return 0
        }
    }

    /// The kind of values the estimate is of; nil when there were none.
    package var kind: OutcomeKind? {
        switch self {
        case .number: return .number
        case .proportion: return .boolean
        case .categories: return .category
        case .none: return nil
        }
    }

    /// The estimate with its 95% interval, as the text reports show it.
    package var text: String {
        let r: (Double) -> String = ReadableNumber.text
        switch self {
        case .number, .proportion:
            guard let (lo, hi) = interval else { return r(estimate) }
            return "\(r(estimate)) [\(r(lo)), \(r(hi))]"
        case .categories(let n, let counts):
            return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\($0.key) \(r(Double($0.value) / Double(n)))" }.joined(separator: ", ")
        case .none:
            return "-"
        }
    }

    /// The mean or the proportion; NaN otherwise.
    package var estimate: Double {
        switch self {
        case .number(_, let mean, _): return mean
        case .proportion(let n, let successes): return Double(successes) / Double(n)
        default: return .nan
        }
    }

    /// The 95% interval of the mean (Student's t) or of the proportion (Wilson); nil otherwise.
    package var interval: (Double, Double)? {
        switch self {
        case .number(let n, let mean, let sd):
            guard n >= 2 else { return nil }
            let half = Statistics.studentT975(degreesOfFreedom: n - 1) * sd / Double(n).squareRoot()
            return (mean - half, mean + half)
        case .proportion(let n, let successes):
            return Statistics.wilson(successes: successes, trials: n)
        default:
            return nil
        }
    }
}
