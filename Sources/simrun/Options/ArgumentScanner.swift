// ArgumentScanner: walks a subcommand's arguments, telling flags (with their values) from
// positional arguments, and refuses a flag the command does not declare, a switch given a value
// and a flag without its value, naming the flag.

/// Reads `--flag value`, `--flag=value`, bare `--switch`es and positional arguments in order.
struct ArgumentScanner {
    private var remaining: ArraySlice<String>
    /// Flags that take a value.
    private let valued: Set<String>
    private let switches: Set<String>

    init(_ arguments: [String], valued: Set<String>, switches: Set<String>) {
        remaining = arguments[...]
        self.valued = valued
        self.switches = switches
    }

    enum Item: Equatable {
        case flag(String, String)
        case toggle(String)
        case positional(String)
    }

    /// The next item, or nil at the end.
    mutating func next() throws(CLIError) -> Item? {
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
            guard inlineValue == nil else { throw .commandLine("\(name) takes no value") }
            return .toggle(name)
        }
        guard valued.contains(name) else {
            let known = valued.union(switches).sorted().joined(separator: ", ")
            throw .commandLine("unknown flag \(name) (flags: \(known))")
        }
        if let inlineValue { return .flag(name, inlineValue) }
        guard let value = remaining.popFirst() else { throw .commandLine("\(name) needs a value") }
        return .flag(name, value)
    }
}
