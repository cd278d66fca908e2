// Option+Actions: the ways a flag keeps what it reads — a value set into a field (the last one given
// wins), a repeatable value appended, a switch turned on — and `-h, --help`.

extension Option {
    /// A flag that reads a value into `field`; given twice, the last wins.
    static func value<T>(
        _ name: String, _ kind: FlagValue<T>, help: String,
        _ field: WritableKeyPath<Values, T>
    ) -> Option {
        Option(
            names: [name], help: help,
            action: .value(kind.name) { values, text, flag throws(CLIError) in
                values[keyPath: field] = try kind.parse(text, flag)
            })
    }

    /// A flag that reads a value into an optional `field` (nil until it is given).
    static func value<T>(
        _ name: String, _ kind: FlagValue<T>, help: String,
        _ field: WritableKeyPath<Values, T?>
    ) -> Option {
        Option(
            names: [name], help: help,
            action: .value(kind.name) { values, text, flag throws(CLIError) in
                values[keyPath: field] = try kind.parse(text, flag)
            })
    }

    /// A repeatable flag whose values are kept in command-line order.
    static func values<T>(
        _ name: String, _ kind: FlagValue<T>, help: String,
        appendingTo field: WritableKeyPath<Values, [T]>
    ) -> Option {
        Option(
            names: [name], help: help,
            action: .value(kind.name) { values, text, flag throws(CLIError) in
                values[keyPath: field].append(try kind.parse(text, flag))
            })
    }

    /// A switch that turns `field` on.
    static func toggle(_ name: String, help: String, _ field: WritableKeyPath<Values, Bool>) -> Option {
        Option(names: [name], help: help, action: .toggle { values in values[keyPath: field] = true })
    }

    /// `-h, --help`, which every subcommand takes.
    static var help: Option {
        Option(names: ["-h", "--help"], help: "this help", action: .help)
    }
}
