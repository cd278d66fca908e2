// CommandDeclaration: all a subcommand declares about itself — its name and arguments, a summary
// and a description, its flags in sections, its exit codes — and the reading of a command line
// against it. The command's help (CommandDeclaration+Help) comes from the same declaration.

struct CommandDeclaration<C: Command> {
    /// How many positional arguments the command takes.
    enum Positionals {
        /// One, named in the message that refuses a second: "scenario file".
        case one(String)
        /// Any number: the command checks how many.
        case several
    }

    /// The command's name, which it declares on its own (dispatch reads it without the rest).
    var name: String { C.name }
    /// The positional arguments as usage shows them: `FILE`, `BASE VARIANT`.
    var arguments: String
    var positionals: Positionals
    /// One line for `simrun help`.
    var summary: String
    /// What it does, for its own help.
    var description: String
    var sections: [OptionSection<C>]
    /// The codes it exits with and what each means for it.
    var exitCodes: [(ExitCode, String)]
    /// Lines after the exit codes: what a failure still writes, where the docs are.
    var notes: String?

    /// Every flag it takes, `-h, --help` last.
    var options: [Option<C>] { sections.flatMap(\.options) + [.help] }

    /// `batch FILE --runs N`: the command, its arguments and the flags it cannot do without.
    var synopsis: String {
        ([name, arguments] + options.filter(\.isRequired).map(\.synopsis)).joined(separator: " ")
    }

    /// Reads a command line: each flag as it comes (the first mistake stops it), then the command's
    /// own checks. Nil when it asks for help.
    func parse(_ arguments: [String]) throws(CLIError) -> C? {
        let options = self.options
        var byName: [String: Option<C>.Action] = [:]
        for option in options {
            for name in option.names { byName[name] = option.action }
        }
        var scanner = ArgumentScanner(
            arguments,
            valued: Set(options.filter { $0.valueName != nil }.flatMap(\.names)),
            switches: Set(options.filter { $0.valueName == nil }.flatMap(\.names)))
        var command = C()
        var given = GivenArguments(arguments: arguments)
        while let item = try scanner.next() {
            switch item {
            case .positional(let text):
                if case .one(let what) = positionals, !given.positionals.isEmpty {
                    throw .commandLine("unexpected argument '\(text)': \(name) takes one \(what)")
                }
                given.positionals.append(text)
            case .flag(let flag, let text):
                if case .value(_, let keep)? = byName[flag] { try keep(&command, text, flag) }
                given.flags.append(flag)
            case .toggle(let flag):
                switch byName[flag] {
                case .toggle(let set)?: set(&command)
                case .help?: return nil
                default: break
                }
                given.flags.append(flag)
            }
        }
        try command.validate(given)
        return command
    }
}
