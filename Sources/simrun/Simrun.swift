// Simrun: the command line — dispatches to the subcommands, prints errors in one line, and maps
// every failure to its documented exit code.
import Foundation
import LuaBridge
import SimCore
import SimBatch
import SimReports
import SimSupport

enum Simrun {
    static let version = "0.1.0"

    static let help = """
    simrun \(version): a simulator of regional alignments driven by Lua scenarios.

    USAGE:
      simrun run FILE [options]      run a scenario and write its report
      simrun check FILE [options]    load and validate a scenario without running it
      simrun batch FILE --runs N     Monte Carlo runs over a design, on threads or shards
      simrun merge FILE...           put the shards of a batch back together
      simrun compare BASE VARIANT    two reports, two batches, or two scenarios in paired runs
      simrun diff A B                where two runs first diverge
      simrun report SUMMARY          a batch summary as an HTML page with charts
      simrun help [SUBCOMMAND]       this help, or a subcommand's
      simrun --version               the version

    Run 'simrun SUBCOMMAND --help' for a subcommand's options.
    EXIT CODES: 0 ok, 1 simrun diff: the runs differ, 64 usage, 65 scenario error or limit, 66 file not found, 74 cannot write output,
    130 a batch interrupted.
    """

    static func main(_ arguments: [String]) -> ExitCode {
        guard let subcommand = arguments.first else {
            printError("no subcommand given\n\(help)")
            return .usage
        }
        let rest = Array(arguments.dropFirst())
        do throws(UsageError) {
            switch subcommand {
            case "run": return try RunCommand(arguments: rest).execute()
            case "check": return try CheckCommand(arguments: rest).execute()
            case "batch": return try BatchCommand(arguments: rest).execute()
            case "merge": return try MergeCommand(arguments: rest).execute()
            case "compare": return try CompareCommand(arguments: rest).execute()
            case "diff": return try DiffCommand(arguments: rest).execute()
            case "report": return try ReportCommand(arguments: rest).execute()
            case "help", "--help", "-h":
                switch rest.first {
                case "run": print(RunCommand.help)
                case "check": print(CheckCommand.help)
                case "batch": print(BatchCommand.help)
                case "merge": print(MergeCommand.help)
                case "compare": print(CompareCommand.help)
                case "diff": print(DiffCommand.help)
                case "report": print(ReportCommand.help)
                case nil: print(help)
                case let other?: throw UsageError("no subcommand '\(other)' (run, check, batch, merge, compare, diff, report, help)")
                }
                return .ok
            case "--version", "version":
                print("simrun \(version)")
                return .ok
            default:
                throw UsageError("unknown subcommand '\(subcommand)' (run, check, batch, merge, compare, diff, report, help)")
            }
        } catch {
            if let help = error.helpText {
                print(help)
                return .ok
            }
            printError("\(error.message)\nRun 'simrun help' for usage.")
            return .usage
        }
    }

    static func exitCode(for failure: ScenarioFailure) -> ExitCode {
        switch failure {
        case .fileNotFound: return .fileNotFound
        case .usage: return .usage
        case .scenario: return .scenario
        }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("simrun: error: \(TerminalText.safe(message))\n".utf8))
    }

    static func printWarning(_ message: String) {
        FileHandle.standardError.write(Data("simrun: warning: \(TerminalText.safe(message))\n".utf8))
    }
}
