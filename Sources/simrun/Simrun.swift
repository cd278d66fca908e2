// Simrun: the command line — the table of subcommands (dispatch, `simrun help`, `simrun help X` and
// the list in "unknown subcommand" all come from it), and the one place where an error becomes its
// line on standard error and its exit code.
import Foundation
import SimSupport

enum Simrun {
    static let version = "0.1.0"

    /// The subcommands, in the order help lists them.
    static var subcommands: [any Command.Type] {
        [
            RunCommand.self, CheckCommand.self, BatchCommand.self, MergeCommand.self, CompareCommand.self,
            DiffCommand.self, ReportCommand.self, DiscoverCommand.self,
            SensitivityCommand.self,
        ]
    }

    static var help: String {
        let others = [
            (label: "simrun help [SUBCOMMAND]", text: "this help, or a subcommand's"),
            (label: "simrun --version", text: "the version"),
        ]
        let rows = subcommands.map { (label: "simrun " + $0.synopsis, text: $0.summary) } + others
        var lines = ["simrun \(version): a simulator of regional alignments driven by Lua scenarios.", "", "USAGE:"]
        lines += HelpText.rows(rows, column: HelpText.textColumn(for: rows.map(\.label), widest: 32))
        lines += ["", "Run 'simrun SUBCOMMAND --help' for a subcommand's options.", "", "EXIT CODES:"]
        lines += HelpText.exitCodes(ExitCode.allCases.map { ($0, $0.meaning) })
        return lines.joined(separator: "\n")
    }

    static func main(_ arguments: [String]) -> ExitCode {
        do throws(CLIError) {
            return try dispatch(arguments)
        } catch {
            if let message = error.message {
                printError(error.pointsToHelp ? message + "\nRun 'simrun help' for usage." : message)
            }
            return error.exitCode
        }
    }

    private static func dispatch(_ arguments: [String]) throws(CLIError) -> ExitCode {
        guard let name = arguments.first else { throw CLIError("no subcommand given\n\(help)", .usage) }
        let rest = Array(arguments.dropFirst())
        if let command = subcommand(name) { return try command.main(rest) }
        // Only a mistake needs every command's name: reading the declarations costs start-up time.
        var known: String { (subcommands.map { $0.name } + ["help"]).joined(separator: ", ") }
        switch name {
        case "help", "--help", "-h":
            guard let topic = rest.first else {
                print(help)
                return .ok
            }
            // The man page, for `make install`; not listed: a person reads it with man(1).
            if topic == "--man" {
                print(ManPage.roff, terminator: "")
                return .ok
            }
            guard let command = subcommand(topic) else { throw .commandLine("no subcommand '\(topic)' (\(known))") }
            print(command.help)
            return .ok
        case "--version", "version":
            print("simrun \(version)")
            return .ok
        default:
            throw .commandLine("unknown subcommand '\(name)' (\(known))")
        }
    }

    private static func subcommand(_ name: String) -> (any Command.Type)? {
        subcommands.first { $0.name == name }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("simrun: error: \(TerminalText.safe(message))\n".utf8))
    }

    static func printWarning(_ message: String) {
        FileHandle.standardError.write(Data("simrun: warning: \(TerminalText.safe(message))\n".utf8))
    }
}
