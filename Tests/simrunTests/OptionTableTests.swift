import Testing

// OptionTableTests: the flag declarations against what the command line and the help do — every
// declared flag is in its subcommand's help; an undeclared flag and a switch given a value are
// refused in the words simrun has always used; `--flag=value` reads as `--flag value`; and a flag
// of a shared group reads alike in every subcommand that takes it. Parsed in process, no binary.
@testable import simrun

@Suite("Option table")
struct OptionTableTests {
    /// Each subcommand with the shortest command line it accepts, which the tests add flags to.
    static var minimal: [(command: any Command.Type, arguments: [String])] {
        [
            (RunCommand.self, ["s.lua"]),
            (CheckCommand.self, ["s.lua"]),
            (BatchCommand.self, ["s.lua", "--runs", "2", "--out", "runs.jsonl"]),  // --resume needs --out
            (MergeCommand.self, ["a.jsonl"]),
            (CompareCommand.self, ["a.lua", "b.lua", "--runs", "2"]),
            (DiffCommand.self, ["a.lua", "b.lua"]),
            (ReportCommand.self, ["s.json"]),
            (DiscoverCommand.self, ["runs.jsonl", "--outcome", "x"]),
            (SensitivityCommand.self, ["s.lua", "--method", "sobol", "--samples", "2"]),
        ]
    }

    @Test("the table names every subcommand, and each accepts its shortest command line")
    func everySubcommand() {
        #expect(Self.minimal.map { $0.command.name } == Simrun.subcommands.map { $0.name })
        for (command, arguments) in Self.minimal {
            accepts(command, arguments)
        }
        func accepts<C: Command>(_: C.Type, _ arguments: [String]) {
            #expect(parse(C.self, arguments) != nil)
        }
    }

    @Test("every declared flag is in its subcommand's help, on its own line with its help text")
    func helpListsEveryFlag() throws {
        for (command, _) in Self.minimal {
            try check(command)
        }
        func check<C: Command>(_: C.Type) throws {
            let lines = C.help.split(separator: "\n").map(String.init)
            #expect(lines.first == "USAGE: simrun \(C.synopsis) [options]")
            // A synopsis wider than the label column has its text on the next line.
            #expect(
                Simrun.help.contains("  simrun \(C.synopsis)  ") || Simrun.help.contains("  simrun \(C.synopsis)\n"),
                "simrun help lists \(C.name)")
            for option in C.declaration.options {
                let index = try #require(
                    lines.firstIndex {
                        $0 == "  " + option.synopsis
                            || $0.hasPrefix("  " + option.synopsis + "  ")
                    },
                    "\(C.name) --help lists \(option.synopsis)")
                let text = try #require(option.help.split(separator: "\n").first.map(String.init))
                // The text follows the flag, or starts the next line when the flag is too long.
                #expect(
                    lines[index].hasSuffix(text) || lines[index + 1].hasSuffix(text),
                    "\(C.name) \(option.synopsis): \(text)")
            }
            #expect(try C.declaration.parse(["--help"]) == nil, "\(C.name) --help asks for the help")
        }
    }

    @Test(
        "an undeclared flag is refused with the flags the subcommand takes",
        arguments: [
            (
                "run",
                "--format, --help, --lib, --max-instructions, --max-memory, --max-seconds, --out, --param, --quiet, --seed, "
                    + "--steps, -h"
            ),
            ("check", "--format, --help, --lib, --out, --param, -h"),
            (
                "batch",
                "--accept, --fail-fast, --format, --help, --jobs, --lib, --max-instructions, --max-memory, --max-seconds, "
                    + "--metrics, --out, --param, --precision, --quiet, --resume, --round, --runs, --sample, --seed, "
                    + "--seeds, --shard, --steps, --summary, --sweep, --table, --trace, --vary, -h"
            ),
            ("merge", "--help, --out, --quiet, --summary, -h"),
            (
                "compare",
                "--base-param, --format, --help, --jobs, --lib, --max-instructions, --max-memory, --max-seconds, --out, --param, "
                    + "--precision, --round, --runs, --seed, --steps, --top, --variant-param, -h"
            ),
            (
                "diff",
                "--base-param, --format, --help, --lib, --max-instructions, --max-memory, --max-seconds, --out, --param, --seed, "
                    + "--steps, --top, --variant-param, -h"
            ),
            ("report", "--format, --help, --out, -h"),
        ])
    func undeclaredFlag(subcommand: String, flags: String) throws {
        let (command, arguments) = try #require(Self.minimal.first { $0.command.name == subcommand })
        for bogus in ["--bogus", "--bogus=3", "-x"] {
            let error = refusal(command, arguments + [bogus])
            let name = bogus.split(separator: "=")[0]
            #expect(error?.message == "unknown flag \(name) (flags: \(flags))")
            #expect(error?.exitCode == .usage && error?.pointsToHelp == true)
        }
    }

    @Test("--flag=value reads as --flag value, for every flag that takes a value")
    func bothSpellings() {
        for (command, arguments) in Self.minimal {
            check(command, arguments)
        }
        func check<C: Command>(_: C.Type, _ minimal: [String]) {
            let unset = parse(C.self, minimal).map(state)
            for option in C.declaration.options {
                guard let valueName = option.valueName else { continue }
                let value = Self.sample(of: valueName)
                for name in option.names {
                    let spaced = parse(C.self, minimal + [name, value]).map(state)
                    let inline = parse(C.self, minimal + ["\(name)=\(value)"]).map(state)
                    #expect(spaced != nil && spaced == inline, "\(C.name) \(name) \(value)")
                    #expect(spaced != unset, "\(C.name) \(name) \(value) changes what the command does")
                    let missing = refusal(C.self, minimal + [name])
                    #expect(missing?.message == "\(name) needs a value" && missing?.exitCode == .usage)
                }
            }
        }
    }

    @Test("a switch given a value is refused, naming it; without one it is taken")
    func switchWithValue() {
        for (command, arguments) in Self.minimal {
            check(command, arguments)
        }
        func check<C: Command>(_: C.Type, _ minimal: [String]) {
            let unset = parse(C.self, minimal).map(state)
            for option in C.declaration.options where option.valueName == nil {
                for name in option.names {
                    let error = refusal(C.self, minimal + ["\(name)=1"])
                    #expect(error?.message == "\(name) takes no value", "\(C.name) \(name)=1")
                    #expect(error?.exitCode == .usage && error?.pointsToHelp == true)
                    if case .toggle = option.action {
                        #expect(parse(C.self, minimal + [name]).map(state) != unset, "\(C.name) \(name)")
                    }
                }
            }
        }
    }

    @Test("a flag shared by a group sets the same thing in every subcommand that takes it")
    func sharedFlagsSetAlike() throws {
        let run = ["--seed", "37", "--steps", "12", "--max-instructions", "500", "--max-memory", "3M"]
        let settings = [
            settingsOf(
                parse(RunCommand.self, ["s.lua"] + run), \.scenario, \.limits.maxInstructions,
                \.limits.maxMemory),
            settingsOf(
                parse(BatchCommand.self, ["s.lua", "--runs", "2"] + run), \.scenario, \.limits.maxInstructions,
                \.limits.maxMemory),
            settingsOf(
                parse(CompareCommand.self, ["a.lua", "b.lua", "--runs", "2"] + run), \.scenario,
                \.limits.maxInstructions, \.limits.maxMemory),
            settingsOf(
                parse(DiffCommand.self, ["a.lua", "b.lua"] + run), \.scenario, \.limits.maxInstructions,
                \.limits.maxMemory),
        ]
        #expect(settings == Array(repeating: "seed 37, steps 12, 500 instructions, 3145728 bytes", count: 4))

        let params = ["--param", "a=1", "--param", "b=x=y"]
        let expected = [["a", "1"], ["b", "x=y"]]
        #expect(parse(RunCommand.self, ["s.lua"] + params)?.scenario.params.map { [$0.0, $0.1] } == expected)
        #expect(parse(CheckCommand.self, ["s.lua"] + params)?.scenario.params.map { [$0.0, $0.1] } == expected)
        #expect(
            parse(BatchCommand.self, ["s.lua", "--runs", "2"] + params)?.scenario.params.map { [$0.0, $0.1] }
                == expected)

        let sides = ["--param", "a=1", "--base-param", "b=2", "--variant-param", "c=3"]
        for pair in [
            parse(CompareCommand.self, ["a.lua", "b.lua", "--runs", "2"] + sides)?.pair,
            parse(DiffCommand.self, ["a.lua", "b.lua"] + sides)?.pair,
        ] {
            #expect(pair?.common.map { [$0.0, $0.1] } == [["a", "1"]])
            #expect(pair?.baseOnly.map { [$0.0, $0.1] } == [["b", "2"]])
            #expect(pair?.variantOnly.map { [$0.0, $0.1] } == [["c", "3"]])
        }

        #expect(parse(BatchCommand.self, ["s.lua", "--runs", "2", "--jobs", "37"])?.jobs == 37)
        #expect(parse(CompareCommand.self, ["a.lua", "b.lua", "--runs", "2", "--jobs", "37"])?.jobs == 37)
        #expect(parse(CompareCommand.self, ["a.json", "b.json", "--top", "37"])?.top == 37)
        #expect(parse(DiffCommand.self, ["a.json", "b.json", "--top", "37"])?.top == 37)
        #expect(parse(BatchCommand.self, ["s.lua", "--runs", "2", "--summary", "s.json"])?.summaryPath == "s.json")
        #expect(parse(MergeCommand.self, ["a.jsonl", "--summary", "s.json"])?.summaryPath == "s.json")
        #expect(parse(RunCommand.self, ["s.lua", "--quiet"])?.quiet == true)
        #expect(parse(BatchCommand.self, ["s.lua", "--runs", "2", "--quiet"])?.quiet == true)
        #expect(parse(MergeCommand.self, ["a.jsonl", "--quiet"])?.quiet == true)
        let outs = [
            parse(RunCommand.self, ["s.lua", "--out", "o"])?.output.out,
            parse(BatchCommand.self, ["s.lua", "--runs", "2", "--out", "o"])?.output.out,
            parse(MergeCommand.self, ["a.jsonl", "--out", "o"])?.output.out,
            parse(CompareCommand.self, ["a.json", "b.json", "--out", "o"])?.output.out,
            parse(DiffCommand.self, ["a.json", "b.json", "--out", "o"])?.output.out,
            parse(ReportCommand.self, ["s.json", "--out", "o"])?.output.out,
        ]
        #expect(outs == Array(repeating: "o", count: 6))
    }

    @Test(
        "a bad value of a shared flag is refused in the same words by every subcommand that takes it",
        arguments: [
            ("--seed", "-1"), ("--seed", "1.5"), ("--steps", "-3"), ("--steps", "99999999999"),
            ("--max-instructions", "0"), ("--max-memory", "12Q"), ("--param", "noequals"),
            ("--param", "=3"), ("--jobs", "0"), ("--top", "0"),
        ])
    func sharedFlagsRefuseAlike(flag: String, value: String) {
        var messages: [String: String] = [:]
        for (command, arguments) in Self.minimal {
            if let message = refusedValue(command, arguments, flag: flag, value: value) {
                messages[command.name] = message
            }
        }
        #expect(messages.count >= 2, "\(flag) is shared: \(messages.keys.sorted())")
        #expect(Set(messages.values).count == 1, "\(messages)")
        #expect(
            messages.values.allSatisfy {
                $0.hasPrefix("\(flag) takes ") && $0.hasSuffix(value + "'")
                    || $0.hasPrefix("--steps takes at most")
            })

        func refusedValue<C: Command>(_: C.Type, _ minimal: [String], flag: String, value: String) -> String? {
            guard C.declaration.options.contains(where: { $0.names.contains(flag) }) else { return nil }
            let error = refusal(C.self, minimal + [flag, value])
            #expect(error?.exitCode == .usage && error?.pointsToHelp == true, "\(C.name) \(flag) \(value)")
            return error?.message ?? "accepted"
        }
    }

    /// A value of the kind help names, unlike every default.
    static func sample(of valueName: String) -> String {
        switch valueName {
        case "N": return "37"
        case "SIZE": return "37M"
        case "X": return "0.37"
        case "NAME=VALUE": return "a=37"
        case "FILE": return "f37"
        case "lhs:K": return "lhs:37"
        case "K/N": return "3/7"
        case "NAME=V1,V2,...": return "a=3,7"
        case "[NAME=]W": return "a=0.37"
        default: return String(valueName.split(separator: "|").last ?? "")  // one of a few names
        }
    }
}

/// The command `arguments` make; nil, with the issue recorded, when they are refused.
private func parse<C: Command>(
    _: C.Type, _ arguments: [String],
    sourceLocation: SourceLocation = #_sourceLocation
) -> C? {
    do throws(CLIError) {
        let command = try C.declaration.parse(arguments)
        #expect(command != nil, "\(C.name) \(arguments) asks for help", sourceLocation: sourceLocation)
        return command
    } catch {
        Issue.record("\(C.name) \(arguments): \(error.message ?? "no message")", sourceLocation: sourceLocation)
        return nil
    }
}

/// Why `arguments` are refused; nil when they are not.
func refusal<C: Command>(_: C.Type, _ arguments: [String]) -> CLIError? {
    do throws(CLIError) {
        _ = try C.declaration.parse(arguments)
        return nil
    } catch {
        return error
    }
}

/// Everything a parsed command holds, but the command line it keeps verbatim (batch's resume hint).
private func state<C>(_ command: C) -> String {
    Mirror(reflecting: command).children.filter { $0.label != "arguments" }
        .map { "\($0.label ?? "?")=\(String(describing: $0.value))" }.joined(separator: "; ")
}

/// What the scenario and limit groups set in `command`: seed, steps, instruction budget, memory cap.
private func settingsOf<C>(
    _ command: C?, _ scenario: KeyPath<C, ScenarioOptions>, _ instructions: KeyPath<C, Int64>,
    _ memory: KeyPath<C, Int>
) -> String? {
    command.map { command in
        let options = command[keyPath: scenario]
        return "seed \(options.seed), steps \(options.steps.map(String.init) ?? "nil"), "
            + "\(command[keyPath: instructions]) instructions, \(command[keyPath: memory]) bytes"
    }
}
