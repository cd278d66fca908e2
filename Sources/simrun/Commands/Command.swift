// Command: what every subcommand is — a declaration (its flags and help, against which its command
// line is read) and the work it does once read. Simrun's table of subcommands is a list of these.

protocol Command {
    /// The subcommand's name: `run`, `batch`. Apart from the declaration, so that finding the
    /// command does not build every command's flags.
    static var name: String { get }
    /// The subcommand's arguments, flags and help, declared once.
    static var declaration: CommandDeclaration<Self> { get }
    /// Every value at its default, before the command line is read.
    init()
    /// The checks that need the whole command line: the positional arguments, flags that need or
    /// exclude others.
    mutating func validate(_ given: GivenArguments) throws(CLIError)
    /// Does the work; returns the exit code of success (`simrun diff` has two).
    func execute() throws(CLIError) -> ExitCode
}

extension Command {
    static var summary: String { declaration.summary }
    static var synopsis: String { declaration.synopsis }
    static var help: String { declaration.help }

    /// Reads the arguments after the subcommand's name and runs it, or prints its help.
    static func main(_ arguments: [String]) throws(CLIError) -> ExitCode {
        guard let command = try declaration.parse(arguments) else {
            print(help)
            return .ok
        }
        return try command.execute()
    }
}
