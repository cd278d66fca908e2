// HostileScenarioTests: bad and hostile scenarios (Tests/Fixtures/hostile) fail quickly and cleanly
// — exit code exactly 65, never a signal or a hang, and a single line on standard error that
// names the file and, where there is one, the line.
import Foundation
import Testing

/// A fixture that must be refused, and what the refusal must say.
struct HostileCase: Sendable, CustomTestStringConvertible {
    /// Under Tests/Fixtures.
    var fixture: String
    var extraArguments: [String] = []
    /// The line the message must point at (`file.lua:LINE:`), when the failure has one.
    var line: Int?
    /// Pieces the message must contain.
    var fragments: [String]
    /// The failure happens during setup with the default limits, so `simrun check` refuses it too.
    var failsCheck = true

    var path: String { SimrunCLI.fixture(fixture) }
    var testDescription: String { fixture }

    static let all: [HostileCase] = [
        HostileCase(fixture: "hostile/syntax_error.lua", line: 5, fragments: ["unexpected symbol near '='"]),
        HostileCase(fixture: "hostile/unknown_agent.lua", line: 5, fragments: ["sim.align", "unknown agent 'nobody'"]),
        HostileCase(
            fixture: "hostile/wrong_argument_type.lua", line: 5,
            fragments: ["sim.align", "argument #3", "must be a number, got string"]),
        HostileCase(fixture: "hostile/os_execute.lua", line: 5, fragments: ["global 'os'"]),
        HostileCase(fixture: "hostile/io_open.lua", line: 5, fragments: ["global 'io'"]),
        HostileCase(fixture: "hostile/require.lua", line: 5, fragments: ["global 'require'"]),
        HostileCase(
            fixture: "hostile/infinite_loop.lua", extraArguments: ["--max-instructions", "1000000"], line: 5,
            fragments: ["instruction limit of 1000000 reached", "--max-instructions"], failsCheck: false),
        // The allocator fails inside the VM: Lua knows no line then, the message names the file.
        HostileCase(
            fixture: "hostile/memory_bomb.lua", extraArguments: ["--max-memory", "32M"],
            fragments: ["memory limit of 33554432 bytes reached", "--max-memory"], failsCheck: false),
        HostileCase(fixture: "hostile/deep_recursion.lua", line: 5, fragments: ["stack overflow"]),
        HostileCase(
            fixture: "hostile/pcall_swallow.lua", extraArguments: ["--max-instructions", "1000000"], line: 7,
            fragments: ["instruction limit of 1000000 reached"], failsCheck: false),
        HostileCase(
            fixture: "hostile/include_outside.lua", line: 5,
            fragments: ["sim.include", "'../outside.lua' is outside the scenario's folder"]),
    ]
}

@Suite("Hostile scenarios")
struct HostileScenarioTests {
    /// The checks every refusal must pass.
    static func expectRefused(
        _ result: SimrunResult, file: String, line: Int?, fragments: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(!result.timedOut, "no hang: \(result)", sourceLocation: sourceLocation)
        #expect(!result.signaled, "no crash: \(result)", sourceLocation: sourceLocation)
        #expect(result.exited(65), "\(result)", sourceLocation: sourceLocation)
        #expect(result.errLines.count == 1, "one line on standard error: \(result.err)", sourceLocation: sourceLocation)
        let message = result.errLines.first ?? ""
        #expect(message.hasPrefix("simrun: error: "), "\(message)", sourceLocation: sourceLocation)
        if let line {
            #expect(
                message.contains("\(file):\(line):"), "names \(file):\(line): \(message)",
                sourceLocation: sourceLocation)
        } else {
            #expect(message.contains(file), "names \(file): \(message)", sourceLocation: sourceLocation)
        }
        for fragment in fragments {
            #expect(message.contains(fragment), "says '\(fragment)': \(message)", sourceLocation: sourceLocation)
        }
    }

    @Test("run refuses it with exit 65 and one line", arguments: HostileCase.all)
    func runRefuses(_ hostile: HostileCase) throws {
        let result = try SimrunCLI.run(["run", hostile.path, "--format", "json"] + hostile.extraArguments)
        Self.expectRefused(result, file: hostile.path, line: hostile.line, fragments: hostile.fragments)
        #expect(result.seconds < 15, "took \(result.seconds) s")
        #expect(result.stdout.isEmpty, "a scenario that fails its setup has no report")
    }

    @Test("check refuses it the same way", arguments: HostileCase.all.filter(\.failsCheck))
    func checkRefuses(_ hostile: HostileCase) throws {
        let result = try SimrunCLI.run(["check", hostile.path])
        Self.expectRefused(result, file: hostile.path, line: hostile.line, fragments: hostile.fragments)
        #expect(!result.out.contains("is valid"))
    }

    @Test("os.execute runs nothing on the host")
    func osExecuteHasNoEffect() throws {
        let marker = "/tmp/simrun-e2e-os-execute-escaped"
        try? FileManager.default.removeItem(atPath: marker)
        let result = try SimrunCLI.run("run", SimrunCLI.fixture("hostile/os_execute.lua"))
        #expect(result.exited(65))
        #expect(!FileManager.default.fileExists(atPath: marker), "os.execute escaped the sandbox")
    }

    @Test("an include outside the folder does not run the outside file")
    func includeOutsideDoesNotRun() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r.json")
        let result = try SimrunCLI.run("run", SimrunCLI.fixture("hostile/include_outside.lua"), "--out", out.path)
        #expect(result.exited(65))
        #expect(!result.err.contains("escaped"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("includes through a symlink or an absolute path cannot leave the folder")
    func includeEscapesThroughSymlinkOrAbsolutePath() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inner = dir.appendingPathComponent("scenario")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        try "return { secret = 1 }\n".write(
            to: dir.appendingPathComponent("secret.lua"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: inner.appendingPathComponent("link.lua").path,
            withDestinationPath: "../secret.lua")
        let header = "sim.scenario{ name = \"escape\", start = \"2024-01-01\", steps = 1 }\n"
        let viaLink = inner.appendingPathComponent("via_link.lua")
        try (header + "sim.include(\"link.lua\")\n").write(to: viaLink, atomically: true, encoding: .utf8)
        let absolute = inner.appendingPathComponent("absolute.lua")
        try (header + "sim.include(\"\(dir.appendingPathComponent("secret.lua").path)\")\n")
            .write(to: absolute, atomically: true, encoding: .utf8)

        // Relative paths from the scratch folder: Lua shortens long chunk names (see longPathsAreNamed).
        let link = try SimrunCLI.run(["run", "scenario/via_link.lua"], in: dir)
        Self.expectRefused(
            link, file: "scenario/via_link.lua", line: 2, fragments: ["'link.lua' is outside the scenario's folder"])
        let abs = try SimrunCLI.run(["run", "scenario/absolute.lua"], in: dir)
        Self.expectRefused(abs, file: "scenario/absolute.lua", line: 2, fragments: ["must be a relative path"])
    }

    @Test("a precompiled (binary) chunk is refused", arguments: ["run", "check"])
    func binaryChunk(subcommand: String) throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("compiled.lua")
        // The signature of a Lua 5.4 binary chunk, then bytes a loader must never trust.
        var bytes = Array("\u{1B}Lua".utf8) + [0x54, 0x00, 0x19, 0x93, 0x0D, 0x0A, 0x1A, 0x0A, 0x04, 0x08, 0x08]
        bytes += [UInt8](repeating: 0xFF, count: 64)
        try Data(bytes).write(to: file)
        let result = try SimrunCLI.run([subcommand, file.path])
        Self.expectRefused(result, file: file.path, line: nil, fragments: ["binary chunk"])
    }

    @Test("a limit reached by the setup is a limit, not a crash, even at tiny budgets")
    func tinyLimits() throws {
        let scenario = "scenarios/sahel/ghadames.lua"
        for args in [
            ["--max-instructions", "1"], ["--max-instructions", "1000"], ["--max-memory", "1K"],
            ["--max-memory", "100K"],
        ] {
            let result = try SimrunCLI.run(["run", scenario] + args)
            #expect(result.exited(65), "\(result)")
            #expect(result.errLines.count == 1, "\(result.err)")
        }
    }

    // MARK: Limits beyond the Lua VM

    @Test("an xpcall message handler cannot escape the instruction budget")
    func xpcallHandlerLoop() throws {
        let path = SimrunCLI.fixture("hostile/xpcall_handler_loop.lua")
        // Lua would call the handler from inside the count hook, where hooks are off; the sandbox's
        // xpcall runs it after the stack unwinds, as counted code.
        let result = try SimrunCLI.run(["run", path, "--max-instructions", "1000000"], timeout: 5)
        Self.expectRefused(result, file: path, line: 5, fragments: ["instruction limit"])
    }

    @Test(
        "C work that copies bytes or raises errors is charged: the default budget stops each loop within seconds",
        arguments: [
            "budget_concat", "budget_table_concat", "budget_format", "budget_sub", "budget_byte",
            "budget_failing_calls",
        ])
    func copyingLoops(_ name: String) throws {
        let path = SimrunCLI.fixture("hostile/\(name).lua")
        // Each ran for minutes, or failed to stop at all; in a release build each stops within 5 s.
        // A sanitized build runs many times slower: its wall-clock backstop must not come first.
        let backstop = String(Int(120 * SimrunCLI.timeoutScale))  // the default --max-seconds, scaled
        let result = try SimrunCLI.run(["run", path, "--max-seconds", backstop], timeout: 30)
        Self.expectRefused(result, file: path, line: 4, fragments: ["instruction limit of 200000000 reached"])
    }

    @Test(
        "work inside single VM instructions, which the budget cannot count, is stopped by --max-seconds",
        arguments: ["deadline_long_strings", "deadline_string_number"])
    func wallClockBackstop(_ name: String) throws {
        let path = SimrunCLI.fixture("hostile/\(name).lua")
        let result = try SimrunCLI.run(["run", path, "--max-seconds", "2"], timeout: 60)
        Self.expectRefused(
            result, file: path, line: nil, fragments: ["wall-clock limit of 2 s reached (--max-seconds)"])
    }

    @Test("50,000 metrics and 100,000 policies are declared in linear time and run in agent order")
    func declarationBomb() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r.json").path
        // A hang guard, not a speed test: the quadratic bookkeeping took minutes here.
        let result = try SimrunCLI.run(
            ["run", SimrunCLI.fixture("hostile/declaration_bomb.lua"), "--out", out], timeout: 120)
        #expect(result.exited(0), "\(result)")
        let report = try JSON.parse(try Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(report["outcomes"]?["done"]?.bool == true)
        #expect(report["metrics"]?.keys.count == 50000)
    }

    @Test("a billion ticks with no Lua per tick is stopped by a limit")
    func endlessSteps() throws {
        let path = SimrunCLI.fixture("hostile/endless_steps.lua")
        // The engine's work per tick counts against the instruction budget.
        let result = try SimrunCLI.run(["run", path, "--max-instructions", "1000000"], timeout: 3)
        #expect(!result.timedOut, "\(result)")
        #expect(result.exited(65), "\(result)")
    }

    @Test("log lines count against --max-memory")
    func logBomb() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = SimrunCLI.fixture("hostile/log_bomb.lua")
        // Log lines and events are kept by the host for the report: they count against the cap.
        let result = try SimrunCLI.run([
            "run", path, "--max-memory", "4M", "--out", dir.appendingPathComponent("r.json").path,
        ])
        #expect(result.exited(65), "\(result)")
        #expect(result.err.contains("memory limit"), "\(result.err)")
    }

    @Test("an error in a file with a long path names the whole path")
    func longPathsAreNamed() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let deep = dir.appendingPathComponent("a-folder-with-a-rather-long-name/and-another-one-below-it")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let file = deep.appendingPathComponent("syntax_error.lua")
        try FileManager.default.copyItem(
            at: SimrunCLI.fixtures.appendingPathComponent("hostile/syntax_error.lua"), to: file)
        let result = try SimrunCLI.run("run", file.path)
        #expect(result.exited(65), "\(result)")
        #expect(result.errLines.count == 1)
        // Lua cuts chunk names to LUA_IDSIZE (60) bytes; simrun maps its short names back to the path.
        #expect(result.err.contains("\(file.path):5:"), "\(result.err)")
    }

    @Test("an event handler that emits what it handles is stopped by a limit")
    func eventLoop() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("echo.lua")
        try Data(
            """
            sim.scenario{name="echo", start="2024-01-01", steps=2}
            sim.on("ping", function(e) sim.emit("ping", {n = e.tick}) end)
            sim.at(0, function() sim.emit("ping", {}) end)
            """.utf8
        ).write(to: file)
        let result = try SimrunCLI.run(["run", file.path, "--max-memory", "8M", "--format", "json"], timeout: 20)
        #expect(result.exited(65), "\(result)")
        #expect(result.err.contains("limit"), "\(result.err)")
    }

    @Test("an error whose object is not a string still names the file")
    func errorObjectNamesFile() throws {
        let path = SimrunCLI.fixture("hostile/error_object.lua")
        let result = try SimrunCLI.run("run", path)
        #expect(result.exited(65), "\(result)")
        #expect(result.errLines.count == 1)
        #expect(result.err.contains(path), "\(result.err)")
    }
}
