// The simrun executable's entry point.
import Foundation

exit(Simrun.main(Array(CommandLine.arguments.dropFirst())).rawValue)
