// DynamicsRate+Design: the built-in rates as params of a batch design — `dynamics.NAME`, the one
// namespace the shell gives them, looked up and checked in the words of the flag that names them.
import SimCore

extension DynamicsRate {
    /// Whether a param name is a rate's (`dynamics.…`): such a name never means a scenario's param.
    package static func isRate(_ name: String) -> Bool {
        name.hasPrefix(paramPrefix)
    }

    /// The rate that `dynamics.NAME` names; a DesignError naming `flag` and the known rates when
    /// there is none.
    package static func named(param name: String, flag: String) throws(DesignError) -> DynamicsRate {
        guard let rate = Dynamics.rate(named: String(name.dropFirst(paramPrefix.count))) else {
            let known = Dynamics.rates.map(\.paramName).joined(separator: ", ")
            throw DesignError(message: "\(flag) \(name): no such built-in rate (known: \(known))")
        }
        return rate
    }

    /// The rate's documented range, which `--sample` covers.
    package var sampledRange: ParamRange {
        ParamRange(name: paramName, min: documented.lowerBound, max: documented.upperBound, isInteger: false)
    }

    /// "outside its allowed range [0, 100]" when `value` is a number the rate does not allow; nil
    /// when it allows it.
    package func outsideAllowed(_ value: ScalarValue) -> String? {
        guard let number = value.numeric, !allowed.contains(number) else { return nil }
        return "outside its allowed range [\(ScalarValue.plainText(allowed.lowerBound)), "
            + "\(ScalarValue.plainText(allowed.upperBound))]"
    }
}
