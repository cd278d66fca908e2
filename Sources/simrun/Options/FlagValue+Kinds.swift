// FlagValue+Kinds: the sorts of value simrun's flags read — text, whole numbers, a step count, a
// size in bytes, a number, a NAME=VALUE param and one of a few names — each with the message that
// refuses it.
import SimCore

extension FlagValue where T == String {
    /// Any text: a file, a sweep.
    static func text(_ name: String) -> FlagValue {
        FlagValue(name: name) { text, _ throws(CLIError) in text }
    }
}

extension FlagValue where T == UInt64 {
    /// A whole number from 0 to 2^64 − 1: a seed.
    static var unsigned: FlagValue {
        FlagValue(name: "N") { text, flag throws(CLIError) in
            guard let value = UInt64(text) else {
                throw .commandLine("\(flag) takes a whole number 0 or more, got '\(text)'")
            }
            return value
        }
    }
}

extension FlagValue where T == Int {
    /// A whole number `minimum` or more, and at most `maximum` when the flag has a limit: runs,
    /// threads, rows.
    static func count(minimum: Int, maximum: Int? = nil) -> FlagValue {
        FlagValue(name: "N") { text, flag throws(CLIError) in
            guard let value = Int(text), value >= minimum, value <= maximum ?? .max else {
                let range = maximum.map { "from \(minimum) to \($0)" } ?? "\(minimum) or more"
                throw .commandLine("\(flag) takes a whole number \(range), got '\(text)'")
            }
            return value
        }
    }

    /// Ticks: 0 up to the most a run may ask for.
    static var steps: FlagValue {
        let count = FlagValue.count(minimum: 0)
        return FlagValue(name: count.name) { text, flag throws(CLIError) in
            let steps = try count.parse(text, flag)
            guard steps <= Dynamics.maxSteps else {
                throw .commandLine("\(flag) takes at most \(Dynamics.maxSteps), got \(steps)")
            }
            return steps
        }
    }

    /// A size in bytes: `268435456`, `256M`, `1G`, `512K`.
    static var bytes: FlagValue {
        FlagValue(name: "SIZE") { text, flag throws(CLIError) in
            let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
            var digits = text.uppercased()
            var scale = 1
            if let last = digits.last, let unit = units[last] {
                scale = unit
                digits.removeLast()
            }
            guard let value = Int(digits), value > 0, value <= Int.max / scale else {
                throw .commandLine("\(flag) takes a size like 256M or 1G, got '\(text)'")
            }
            return value * scale
        }
    }
}

extension FlagValue where T == Double {
    /// A finite number: a threshold, a share.
    static var number: FlagValue {
        FlagValue(name: "X") { text, flag throws(CLIError) in
            guard let value = Double(text), value.isFinite else {
                throw .commandLine("\(flag) takes a number, got '\(text)'")
            }
            return value
        }
    }
}

extension FlagValue where T == (String, String) {
    /// `NAME=VALUE`: a scenario param, its value as typed (the scenario types it like its default).
    static var param: FlagValue {
        FlagValue(name: "NAME=VALUE") { text, flag throws(CLIError) in
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw .commandLine("\(flag) takes NAME=VALUE, got '\(text)'")
            }
            return (String(text[..<equals]), String(text[text.index(after: equals)...]))
        }
    }
}

extension FlagValue where T: RawRepresentable, T.RawValue == String {
    /// One of `choices`, by name: a format.
    static func choice(_ choices: [T]) -> FlagValue {
        let names = choices.map(\.rawValue)
        var listed = names.joined(separator: ", ")
        if let last = names.last, names.count > 1 { listed = names.dropLast().joined(separator: ", ") + " or " + last }
        return FlagValue(name: names.joined(separator: "|")) { text, flag throws(CLIError) in
            guard let choice = choices.first(where: { $0.rawValue == text }) else {
                throw .commandLine("\(flag) takes \(listed), got '\(text)'")
            }
            return choice
        }
    }
}
