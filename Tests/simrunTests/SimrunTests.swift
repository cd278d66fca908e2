// SimrunTests: the top of the command line — version, help, missing and unknown subcommands.
import Foundation
import Testing

@Suite("simrun")
struct SimrunTests {
    @Test("--version prints simrun 0.1.0", arguments: ["--version", "version"])
    func version(argument: String) throws {
        let result = try SimrunCLI.run(argument)
        #expect(result.exited(0), "\(result)")
        #expect(result.out == "simrun 0.1.0\n")
        #expect(result.err.isEmpty)
    }

    @Test("help lists the subcommands and exit codes", arguments: [["help"], ["--help"], ["-h"]])
    func help(arguments: [String]) throws {
        let result = try SimrunCLI.run(arguments)
        #expect(result.exited(0), "\(result)")
        #expect(result.out.hasPrefix("simrun 0.1.0: "))
        for line in [
            "simrun run FILE", "simrun check FILE", "simrun compare BASE VARIANT", "simrun diff A B",
            "simrun report FILE", "simrun discover RUNS --outcome NAME", "simrun help [SUBCOMMAND]",
            "simrun --version",
        ] {
            #expect(result.out.contains(line), "help mentions \(line)")
        }
        #expect(
            result.out.contains("64 usage") && result.out.contains("65 scenario error")
                && result.out.contains("66 file not found") && result.out.contains("74 cannot write output"))
        #expect(result.err.isEmpty)
    }

    @Test("no subcommand is a usage error with the help on standard error")
    func noSubcommand() throws {
        let result = try SimrunCLI.run([])
        #expect(result.exited(64), "\(result)")
        #expect(result.errLines.first == "simrun: error: no subcommand given")
        #expect(result.err.contains("simrun run FILE"))
        #expect(result.stdout.isEmpty)
    }

    @Test("an unknown subcommand is named", arguments: ["frobnicate", "runn", "RUN", "scenarios/sahel/ghadames.lua"])
    func unknownSubcommand(name: String) throws {
        let result = try SimrunCLI.run(name)
        #expect(result.exited(64), "\(result)")
        #expect(
            result.errLines == [
                "simrun: error: unknown subcommand '\(name)' (run, check, batch, merge, compare, diff, report, discover, sensitivity, help)",
                "Run 'simrun help' for usage.",
            ])
        #expect(result.stdout.isEmpty)
    }

    @Test("help of an unknown subcommand is a usage error")
    func helpOfUnknown() throws {
        let result = try SimrunCLI.run("help", "bogus")
        #expect(result.exited(64), "\(result)")
        #expect(
            result.errLines.first
                == "simrun: error: no subcommand 'bogus' (run, check, batch, merge, compare, diff, report, discover, sensitivity, help)"
        )
    }

    @Test("the binary under test is the one built for this package")
    func binaryLocation() throws {
        #expect(FileManager.default.isExecutableFile(atPath: SimrunCLI.binary.path), "\(SimrunCLI.binary.path)")
        #expect(FileManager.default.fileExists(atPath: SimrunCLI.root.appendingPathComponent("Package.swift").path))
        #expect(FileManager.default.fileExists(atPath: SimrunCLI.fixtures.appendingPathComponent("hostile").path))
    }
}
