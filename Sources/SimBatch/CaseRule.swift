// CaseRule: which runs scenario discovery looks for — those whose outcome is true (or false), equals
// a category, or lies above or below a threshold — checked against the outcome's kind.
import SimCore

/// The rule that makes a run a case of interest, for one outcome.
package enum CaseRule: Sendable, Equatable {
    /// A boolean outcome equal to the value (true unless `--value false`).
    case equalsBoolean(Bool)
    /// A category outcome equal to the name.
    case equalsCategory(String)
    /// A number outcome strictly above the threshold.
    case above(Double)
    /// A number outcome strictly below the threshold.
    case below(Double)

    /// The rule the flags give for an outcome of `kind`, or the one-line reason they do not fit it.
    /// `seen` lists the categories the runs gave, for the message asking for one.
    package static func make(
        outcome: String, kind: OutcomeKind, value: String?, above: Double?, below: Double?, seen: [String]
    ) throws(DiscoveryError) -> CaseRule {
        if above != nil, below != nil { throw DiscoveryError.usage("give one of --above and --below, not both") }
        if value != nil, above != nil || below != nil {
            throw DiscoveryError.usage("give --value or a threshold (--above, --below), not both")
        }
        switch kind {
        case .boolean:
            guard above == nil, below == nil else {
                throw DiscoveryError.usage("\(outcome) is a boolean: --above and --below need a number outcome")
            }
            switch value {
            case nil, "true"?: return .equalsBoolean(true)
            case "false"?: return .equalsBoolean(false)
            case let other?:
                throw DiscoveryError.usage("\(outcome) is a boolean: --value takes true or false, got '\(other)'")
            }
        case .category:
            guard above == nil, below == nil else {
                throw DiscoveryError.usage("\(outcome) is a category: --above and --below need a number outcome")
            }
            guard let value else {
                throw DiscoveryError.usage(
                    "\(outcome) is a category: give --value CATEGORY (the runs gave "
                        + seen.joined(separator: ", ") + ")")
            }
            return .equalsCategory(value)
        case .number:
            if value != nil {
                throw DiscoveryError.usage("\(outcome) is a number: use --above X or --below X, not --value")
            }
            if let above { return .above(above) }
            if let below { return .below(below) }
            throw DiscoveryError.usage("\(outcome) is a number: give --above X or --below X")
        }
    }

    /// Whether an outcome's value makes the run a case.
    package func matches(_ value: ScalarValue) -> Bool {
        switch (self, value) {
        case (.equalsBoolean(let wanted), .boolean(let b)): b == wanted
        case (.equalsCategory(let wanted), .string(let s)): s == wanted
        case (.above(let x), _): CaseRule.number(value).map { $0 > x } ?? false
        case (.below(let x), _): CaseRule.number(value).map { $0 < x } ?? false
        default: false
        }
    }

    /// The rule as the output states it, e.g. `lna_gnu_clash is true`, `casualties > 100`.
    package func text(outcome: String) -> String {
        switch self {
        case .equalsBoolean(let b): "\(outcome) is \(b)"
        case .equalsCategory(let name): "\(outcome) = \(name)"
        case .above(let x): "\(outcome) > \(ScalarValue.number(x))"
        case .below(let x): "\(outcome) < \(ScalarValue.number(x))"
        }
    }

    /// A number or integer outcome as a number, nil for the other kinds.
    static func number(_ value: ScalarValue) -> Double? {
        switch value {
        case .integer(let i): Double(i)
        case .number(let x): x
        default: nil
        }
    }
}
