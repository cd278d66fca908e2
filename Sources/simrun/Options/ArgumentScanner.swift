// ArgumentScanner: walks a subcommand's arguments, telling flags (with their values) from
// positional arguments, and turns every mistake into a UsageError that names the flag.

import SimCore

/// Reads `--flag value`, `--flag=value`, bare `--switch`es and positional arguments in order.
struct ArgumentScanner {
    private var remaining: ArraySlice<String>
    /// Flags that take a value; any other `--name` is a switch or unknown.
    private let valued: Set<String>
    private let switches: Set<String>

    init(_ arguments: [String], valued: Set<String>, switches: Set<String>) {
        remaining = arguments[...]
        self.valued = valued
        self.switches = switches.union(["--help", "-h"])
    }

    enum Item: Equatable {
        case flag(String, String)
        case toggle(String)
        case positional(String)
    }

    /// The next item, or nil at the end.
    mutating func next() throws(UsageError) -> Item? {
        guard let argument = remaining.popFirst() else { return nil }
        guard argument.hasPrefix("-"), argument != "-" else { return .positional(argument) }
        if argument == "--" {
            return remaining.popFirst().map { .positional($0) }
        }
        var name = argument
        var inlineValue: String?
        if let equals = argument.firstIndex(of: "=") {
            name = String(argument[..<equals])
            inlineValue = String(argument[argument.index(after: equals)...])
        }
        if switches.contains(name) {
            guard inlineValue == nil else { throw UsageError("\(name) takes no value") }
            return .toggle(name)
        }
        guard valued.contains(name) else {
            let known = (valued.union(switches)).sorted().joined(separator: ", ")
            throw UsageError("unknown flag \(name) (flags: \(known))")
        }
        if let inlineValue { return .flag(name, inlineValue) }
        guard let value = remaining.popFirst() else { throw UsageError("\(name) needs a value") }
        return .flag(name, value)
    }

    static func unsigned(_ text: String, flag: String) throws(UsageError) -> UInt64 {
        guard let value = UInt64(text) else { throw UsageError("\(flag) takes a whole number 0 or more, got '\(text)'") }
        return value
    }

    static func count(_ text: String, flag: String, minimum: Int) throws(UsageError) -> Int {
        guard let value = Int(text), value >= minimum else {
            throw UsageError("\(flag) takes a whole number \(minimum) or more, got '\(text)'")
        }
        return value
    }

    /// `--steps`: 0 up to the most a run may ask for.
    static func steps(_ text: String) throws(UsageError) -> Int {
        let steps = try count(text, flag: "--steps", minimum: 0)
        guard steps <= Dynamics.maxSteps else {
            throw UsageError("--steps takes at most \(Dynamics.maxSteps), got \(steps)")
        }
        return steps
    }

    /// A size in bytes: `268435456`, `256M`, `1G`, `512K`.
    static func bytes(_ text: String, flag: String) throws(UsageError) -> Int {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = text.uppercased()
        var scale = 1
        if let last = digits.last, let unit = units[last] {
            scale = unit
            digits.removeLast()
        }
        guard let value = Int(digits), value > 0, value <= Int.max / scale else {
            throw UsageError("\(flag) takes a size like 256M or 1G, got '\(text)'")
        }
        return value * scale
    }

    /// `NAME=VALUE` of `--param`.
    static func param(_ text: String) throws(UsageError) -> (String, String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw UsageError("--param takes NAME=VALUE, got '\(text)'")
        }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }
}
