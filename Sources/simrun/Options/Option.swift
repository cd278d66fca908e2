// Option: one flag of a subcommand, declared once — its names, the value it reads, its help line and
// what reading it does. The scanner's flags, the parsing and the help text are all made from these
// declarations; shared groups (ScenarioOptions, LimitOptions, ...) join a command through `scoped`.

/// A flag that acts on `Values` (a command, or a group of options several commands share) when read.
struct Option<Values> {
    /// What reading the flag does.
    enum Action {
        /// Reads a value, `--seed 3` or `--seed=3`, and keeps it: the value's name in help (`N`,
        /// `FILE`) and what keeps it, given the text and the flag's name (for its messages).
        case value(String, (inout Values, String, String) throws(CLIError) -> Void)
        /// A switch, `--quiet`.
        case toggle((inout Values) -> Void)
        /// `-h`, `--help`: the command's help instead of running it.
        case help
    }

    /// The spellings, as help lists them: `--seed`; `-h`, `--help`.
    var names: [String]
    /// The help line; a `\n` goes on in the help column.
    var help: String
    var action: Action
    /// Shown in the command's usage line; the command checks that it was given.
    var isRequired = false

    /// The value's name in help (`N`, `FILE`), nil for a switch.
    var valueName: String? {
        if case .value(let name, _) = action { return name }
        return nil
    }

    /// The flag as help shows it: `--seed N`, `-h, --help`.
    var synopsis: String {
        names.joined(separator: ", ") + (valueName.map { " " + $0 } ?? "")
    }

    /// The same flag acting on one part of `Outer`: how a group of options joins a command.
    func scoped<Outer>(to part: WritableKeyPath<Outer, Values>) -> Option<Outer> {
        let scopedAction: Option<Outer>.Action
        switch action {
        case .value(let name, let keep):
            scopedAction = .value(name) { outer, text, flag throws(CLIError) in
                try keep(&outer[keyPath: part], text, flag)
            }
        case .toggle(let set):
            scopedAction = .toggle { outer in set(&outer[keyPath: part]) }
        case .help:
            scopedAction = .help
        }
        return Option<Outer>(names: names, help: help, action: scopedAction, isRequired: isRequired)
    }

    /// The same flag with the help line one command gives it (a seed means one run's in `run`, the
    /// batch's in `batch`).
    func described(_ help: String) -> Option {
        var option = self
        option.help = help
        return option
    }

    /// The same flag, shown in the usage line as one the command needs.
    func required() -> Option {
        var option = self
        option.isRequired = true
        return option
    }
}
