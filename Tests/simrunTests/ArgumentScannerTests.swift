// ArgumentScannerTests: flags through the binary — every mistake is exit 64 with a message that
// names the flag, and both `--flag value` and `--flag=value` work.
import Foundation
import Testing

@testable import simrun

@Suite("Flags")
struct ArgumentScannerTests {
    static let scenario = "scenarios/sahel/ghadames.lua"

    /// A usage error: exit 64, nothing on standard output, the first stderr line names `fragment`,
    /// and a pointer to `simrun help` follows.
    static func expectUsage(
        _ arguments: [String], _ fragments: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try SimrunCLI.run(arguments)
        #expect(result.exited(64), "\(result)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "\(result)", sourceLocation: sourceLocation)
        let message = result.errLines.first ?? ""
        #expect(message.hasPrefix("simrun: error: "), "\(message)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(message.contains(fragment), "'\(fragment)' in: \(message)", sourceLocation: sourceLocation)
        }
        #expect(result.errLines.last == "Run 'simrun help' for usage.", "\(result.err)", sourceLocation: sourceLocation)
    }

    @Test("an unknown flag is named, with the known flags")
    func unknownFlag() throws {
        try Self.expectUsage(["run", Self.scenario, "--bogus"], ["unknown flag --bogus", "--seed", "--max-memory"])
        try Self.expectUsage(["run", Self.scenario, "--bogus=3"], ["unknown flag --bogus"])
        try Self.expectUsage(["run", "-x", Self.scenario], ["unknown flag -x"])
        // Flags of run are not flags of check.
        try Self.expectUsage(["check", Self.scenario, "--seed", "3"], ["unknown flag --seed", "--param"])
        try Self.expectUsage(["check", Self.scenario, "--max-memory", "1M"], ["unknown flag --max-memory"])
    }

    @Test(
        "a flag without its value",
        arguments: [
            "--seed", "--steps", "--param", "--format", "--out",
            "--max-instructions", "--max-memory",
        ])
    func missingValue(flag: String) throws {
        try Self.expectUsage(["run", Self.scenario, flag], ["\(flag) needs a value"])
    }

    @Test(
        "bad numbers",
        arguments: [
            (["--seed", "abc"], ["--seed", "'abc'"]),
            (["--seed", "-1"], ["--seed", "'-1'"]),
            (["--seed", "1.5"], ["--seed", "'1.5'"]),
            (["--seed", "18446744073709551616"], ["--seed"]),
            (["--steps", "-3"], ["--steps", "'-3'"]),
            (["--steps", "ten"], ["--steps", "'ten'"]),
            (["--max-instructions", "0"], ["--max-instructions", "'0'"]),
            (["--max-instructions", "1e6"], ["--max-instructions", "'1e6'"]),
        ])
    func badNumbers(arguments: [String], fragments: [String]) throws {
        try Self.expectUsage(["run", Self.scenario] + arguments, fragments)
    }

    @Test("--format takes text, md, json or html")
    func badFormat() throws {
        try Self.expectUsage(
            ["run", Self.scenario, "--format", "xml"], ["--format", "text, md, json or html", "'xml'"])
    }

    @Test("bad sizes for --max-memory", arguments: ["12Q", "0", "-5M", "M", "1.5G", "99999999999999999G", ""])
    func badMemorySize(size: String) throws {
        try Self.expectUsage(["run", Self.scenario, "--max-memory", size], ["--max-memory", "'\(size)'"])
    }

    /// Sizes and the bytes they stand for.
    static let goodSizes: [(String, Int)] = [
        ("64M", 67_108_864), ("64m", 67_108_864), ("1G", 1_073_741_824), ("65536K", 67_108_864),
        ("67108864", 67_108_864), ("1", 1), ("3k", 3_072), ("8589934591G", 9_223_372_035_781_033_984),
    ]

    @Test(
        "good sizes for --max-memory, read as bytes",
        arguments: ArgumentScannerTests.goodSizes)
    func goodMemorySize(size: String, bytes: Int) throws {
        let command = try #require(try RunCommand.declaration.parse(["s.lua", "--max-memory", size]))
        #expect(command.limits.maxMemory == bytes)
        guard (67_108_864...1_073_741_824).contains(bytes) else { return }
        let result = try SimrunCLI.run("run", Self.scenario, "--steps", "1", "--max-memory", size)
        #expect(result.exited(0), "\(result)")
    }

    @Test("a size one past what a byte count holds is refused")
    func memorySizeOverflow() throws {
        // Int.max / 2^30 = 8589934591 (above): one more gigabyte would overflow.
        try Self.expectUsage(["run", Self.scenario, "--max-memory", "8589934592G"], ["--max-memory", "'8589934592G'"])
    }

    @Test("--flag=value is --flag value")
    func inlineValues() throws {
        let spaced = try SimrunCLI.run(
            "run", Self.scenario, "--seed", "5", "--steps", "4", "--param", "haftar_day=1", "--format", "json")
        let inline = try SimrunCLI.run(
            "run", Self.scenario, "--seed=5", "--steps=4", "--param=haftar_day=1", "--format=json")
        #expect(spaced.exited(0) && inline.exited(0), "\(spaced)\n\(inline)")
        #expect(spaced.stdout == inline.stdout)
        #expect(try JSON.parse(inline.stdout)["params"]?["haftar_day"]?.int == 1)
    }

    @Test("flags may come before the file; -- ends the flags")
    func orderAndDoubleDash() throws {
        let before = try SimrunCLI.run("run", "--steps", "2", "--seed", "9", Self.scenario)
        let after = try SimrunCLI.run("run", Self.scenario, "--steps", "2", "--seed", "9")
        #expect(before.exited(0) && before.stdout == after.stdout)
        let dashed = try SimrunCLI.run("run", "--steps", "2", "--seed", "9", "--", Self.scenario)
        #expect(dashed.exited(0) && dashed.stdout == after.stdout, "\(dashed)")
        // After --, a dash-name is a file, not a flag.
        let file = try SimrunCLI.run("run", "--", "--bogus")
        #expect(file.exited(66), "\(file)")
    }

    @Test("--quiet takes no value; --param needs NAME=VALUE; one file only")
    func otherMistakes() throws {
        try Self.expectUsage(["run", Self.scenario, "--quiet=1"], ["--quiet takes no value"])
        try Self.expectUsage(
            ["run", Self.scenario, "--param", "noequals"], ["--param takes NAME=VALUE", "'noequals'"])
        try Self.expectUsage(["run", Self.scenario, "--param", "=3"], ["--param takes NAME=VALUE"])
        try Self.expectUsage(["run", Self.scenario, Self.scenario], ["unexpected argument", "one scenario file"])
        try Self.expectUsage(["check", Self.scenario, Self.scenario], ["unexpected argument", "one scenario file"])
    }

    @Test("the last of a repeated flag wins")
    func repeatedFlag() throws {
        let twice = try SimrunCLI.run("run", Self.scenario, "--seed", "1", "--seed", "8", "--steps", "3")
        let once = try SimrunCLI.run("run", Self.scenario, "--seed", "8", "--steps", "3")
        #expect(twice.exited(0) && twice.stdout == once.stdout)
    }
}
