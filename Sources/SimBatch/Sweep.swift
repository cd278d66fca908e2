// Sweep: one factor of a full-factorial design — a param and the values it takes, from --sweep's
// NAME=A,B,C or NAME=FROM:TO:STEP, each value read as --param reads it.
import SimCore
import SimSupport

/// One factor of a design: a param and the values it takes.
package struct Sweep: Sendable, Equatable {
    /// More values than this in one sweep is a typo, not a design.
    package static let maxValues = 100_000

    package var name: String
    package var values: [ScalarValue]

    package init(name: String, values: [ScalarValue]) {
        self.name = name
        self.values = values
    }

    /// Parses `NAME=v1,v2,...` or, for a numeric param, `NAME=start:stop:step`, typed like the
    /// param's `defaultValue`: each item is read as `--param` reads a value
    /// (`ScalarValue.parse(_:like:)`), so an integer param takes integers only, a number param
    /// numbers, a boolean `true`/`1`/`yes` or `false`/`0`/`no`, a string the texts as given.
    ///
    /// A range goes from start by step and includes stop when some `start + k × step` reaches it
    /// within `1e-9 × |step|`; the step must lead from start towards stop. Each number of a range is
    /// rounded to the decimals written in start and step, so `0:1:0.1` gives 0.3, not
    /// 0.30000000000000004: the same values as typing them out.
    package static func parse(_ text: String, defaultValue: ScalarValue) throws(DesignError) -> Sweep {
        let (name, spec) = try split(text)
        let fail = { (detail: String) in DesignError(message: "--sweep \(text): \(detail)") }
        guard !spec.isEmpty else { throw fail("no values") }
        var values: [ScalarValue] = []
        switch defaultValue {
        case .integer where spec.contains(":"): values = try integerRange(String(spec), fail)
        case .number where spec.contains(":"): values = try numberRange(String(spec), fail)
        default:
            for item in spec.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
                guard let value = ScalarValue.parse(item, like: defaultValue) else {
                    throw fail("'\(item)' is not \(defaultValue.typeDescription)")
                }
                values.append(value)
            }
        }
        guard values.count <= maxValues else { throw fail("\(values.count) values, at most \(maxValues)") }
        return Sweep(name: name, values: values)
    }

    /// The NAME before `=` in a `--sweep` text, to find the param before parsing its values.
    package static func name(of text: String) throws(DesignError) -> String {
        try split(text).name
    }

    private static func split(_ text: String) throws(DesignError) -> (name: String, spec: Substring) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw DesignError(message: "--sweep \(text): expected NAME=v1,v2,... or NAME=start:stop:step")
        }
        return (String(text[..<equals]), text[text.index(after: equals)...])
    }

    private static func integerRange(
        _ spec: String,
        _ fail: (String) -> DesignError
    ) throws(DesignError) -> [ScalarValue] {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { throw fail("expected start:stop:step") }
        var bounds: [Int] = []
        for part in parts {
            guard case .integer(let i) = ScalarValue.parse(part, like: .integer(0)) else {
                throw fail("'\(part)' is not an integer")
            }
            bounds.append(i)
        }
        let (start, stop, step) = (bounds[0], bounds[1], bounds[2])
        // Compared as integers: past 2^53, doubles would take neighbouring bounds for equal ones.
        try checkDirection(start: start, stop: stop, step: step, fail)
        let (span, overflow) = stop.subtractingReportingOverflow(start)
        let (last, divisionOverflow) = span.dividedReportingOverflow(by: step)
        guard !overflow, !divisionOverflow, last < maxValues else { throw fail("more than \(maxValues) values") }
        // Every value lies between start and stop: no product or sum below can overflow.
        return (0...last).map { .integer(start + $0 * step) }
    }

    private static func numberRange(
        _ spec: String,
        _ fail: (String) -> DesignError
    ) throws(DesignError) -> [ScalarValue] {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { throw fail("expected start:stop:step") }
        var bounds: [Double] = []
        for part in parts {
            guard let x = decimal(part) else {
                let isNumber = ScalarValue.parse(part, like: .number(0)) != nil
                throw fail(isNumber ? "'\(part)': a range is written in decimals" : "'\(part)' is not a number")
            }
            bounds.append(x)
        }
        let (start, stop, step) = (bounds[0], bounds[1], bounds[2])
        try checkDirection(start: start, stop: stop, step: step, fail)
        let last = ((stop - start) / step + 1e-9).rounded(.down)
        guard last < Double(maxValues) else { throw fail("more than \(maxValues) values") }
        let places = max(decimals(parts[0]), decimals(parts[2]))
        return (0...Int(last)).map { k in
            let value = start + Double(k) * step
            // Rounding to the decimals written gives the double nearest the decimal value meant.
            return .number(Double(String(format: "%.*f", places, value)) ?? value)
        }
    }

    private static func checkDirection<T: Comparable & AdditiveArithmetic>(
        start: T, stop: T, step: T,
        _ fail: (String) -> DesignError
    ) throws(DesignError) {
        guard step != .zero else { throw fail("the step is 0") }
        guard step > .zero ? start <= stop : start >= stop else { throw fail("the step leads away from stop") }
    }

    /// A finite number written in decimal (no hex, `inf` or `nan`): a range rounds to the decimals
    /// written.
    private static func decimal(_ text: String) -> Double? {
        guard text.allSatisfy({ "0123456789+-.eE".contains($0) }), let x = Double(text), x.isFinite else { return nil }
        return x
    }

    /// How many decimal places a decimal number's text spells out: 2 for `0.25`, 3 for `1e-3`.
    private static func decimals(_ text: String) -> Int {
        let parts = text.split(whereSeparator: { $0 == "e" || $0 == "E" })
        let fraction = parts.first.flatMap { $0.firstIndex(of: ".").map { parts[0][$0...].count - 1 } } ?? 0
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        // Below 10^-340 every double is 0, so more places change nothing.
        return min(max(0, fraction - exponent), 340)
    }
}
