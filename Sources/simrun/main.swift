// The simrun executable's entry point.
import Foundation

// A closed pipe (`simrun run ... | head`) is a write error to report with exit code 74, not a signal.
signal(SIGPIPE, SIG_IGN)
exit(Simrun.main(Array(CommandLine.arguments.dropFirst())).rawValue)
