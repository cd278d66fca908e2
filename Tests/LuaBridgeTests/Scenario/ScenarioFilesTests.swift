// ScenarioFilesTests: `sim.include` (resolution against the including file, the folder boundary,
// cycles, once-only runs), the scenario's sha256 over its sources, and unreadable main files.
import Foundation
import SimBatch
import SimCore
import SimReports
import SimSupport
import Testing

@testable import LuaBridge

@Suite("ScenarioFiles")
struct ScenarioFilesTests {
    @Test("an include is resolved against the including file's folder")
    func relativeToIncluder() throws {
        let fixture = ScenarioFixture()
        fixture.write("main.lua", header(steps: 0) + "sim.log(sim.include(\"sub/a.lua\"))\n")
        fixture.write("sub/a.lua", "return sim.include(\"b.lua\") .. '+' .. sim.include(\"../b.lua\")\n")
        fixture.write("sub/b.lua", "return 'sub/b'\n")
        fixture.write("b.lua", "return 'root/b'\n")
        let report = try completed(fixture.run())
        #expect(report.logTexts == ["sub/b+root/b"])
    }

    @Test(
        "an include that leaves the scenario's folder is refused",
        arguments: [
            "../outside.lua", "sub/../../outside.lua", "./../outside.lua",
        ])
    func outsideFolder(_ path: String) throws {
        let fixture = ScenarioFixture()
        // A readable file just outside the folder: refused for where it is, not for being missing.
        let outside = fixture.directory.deletingLastPathComponent().appendingPathComponent("outside.lua")
        try? Data("return 1\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        fixture.write("main.lua", header(steps: 0) + "sim.include(\"\(path)\")\n")
        let message = setupFailure(fixture.run())?.message ?? ""
        #expect(message.hasSuffix("main.lua:2: sim.include: '\(path)' is outside the scenario's folder"), "\(message)")
    }

    @Test("an absolute include path is refused")
    func absolutePath() throws {
        let fixture = ScenarioFixture()
        let target = fixture.write("a.lua", "return 1\n")
        fixture.write("main.lua", header(steps: 0) + "sim.include(\"\(target)\")\n")
        let message = setupFailure(fixture.run())?.message ?? ""
        #expect(message.contains("sim.include: '\(target)' must be a relative path"), "\(message)")
    }

    @Test("a symbolic link pointing outside the folder is refused")
    func symlinkOutside() throws {
        let fixture = ScenarioFixture()
        let elsewhere = ScenarioFixture()
        let target = elsewhere.write("secret.lua", "return 'secret'\n")
        try FileManager.default.createSymbolicLink(atPath: fixture.path("link.lua"), withDestinationPath: target)
        fixture.write("main.lua", header(steps: 0) + "sim.include(\"link.lua\")\n")
        let message = setupFailure(fixture.run())?.message ?? ""
        #expect(message.contains("'link.lua' is outside the scenario's folder"), "\(message)")
    }

    @Test("an include of a missing file names it")
    func missingInclude() throws {
        let fixture = ScenarioFixture()
        fixture.write("main.lua", header(steps: 0) + "sim.include(\"missing.lua\")\n")
        let message = setupFailure(fixture.run())?.message ?? ""
        #expect(message.contains("main.lua:2: sim.include: "), "\(message)")
        #expect(message.hasSuffix("missing.lua: no such file"), "\(message)")
    }

    @Test("an include of exactly 16 MiB loads; one byte more, or a 4 GiB sparse file, is refused unread")
    func includeSizeCap() throws {
        let fixture = ScenarioFixture()
        fixture.write("main.lua", header(steps: 0) + "sim.log(sim.include(\"big.lua\"))\n")
        let body = "return 'big'\n--"
        let exact = Array(body.utf8) + [UInt8](repeating: 0x20, count: ScenarioFiles.maxFileBytes - body.utf8.count)
        fixture.write("big.lua", bytes: exact)
        #expect(try completed(fixture.run()).logTexts == ["big"])
        fixture.write("big.lua", bytes: exact + [0x20])
        let message = setupFailure(fixture.run())?.message ?? ""
        #expect(
            message.hasSuffix("big.lua: larger than 16 MiB, the cap on a scenario file or an include"), "\(message)")
        // Sparse: 4 GiB on paper, nothing on disk; refused after reading just past the cap.
        let sparse = fixture.path("sparse.lua")
        #expect(FileManager.default.createFile(atPath: sparse, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: sparse))
        try handle.truncate(atOffset: 4 << 30)
        try handle.close()
        fixture.write("main.lua", header(steps: 0) + "sim.include(\"sparse.lua\")\n")
        #expect(
            setupFailure(fixture.run())?.message.hasSuffix(
                "sparse.lua: larger than 16 MiB, the cap on a scenario file or an include") == true)
    }

    @Test("a file is compiled under the run's memory cap: one whose compiling needs more fails for the limit")
    func compileUnderTheCap() throws {
        let fixture = ScenarioFixture()
        // 200,000 distinct string constants: megabytes of compiler tables, under a 1 MiB cap.
        let constants = (0..<200_000).map { "'k\($0)'" }.joined(separator: ",")
        fixture.write("main.lua", header(steps: 0) + "local t = {" + constants + "}\n")
        let failure = setupFailure(fixture.run(limits: ScenarioLimits(maxMemory: 1 << 20)))
        #expect(failure?.kind == .limit)
        #expect(
            failure?.message.hasSuffix("memory limit of 1048576 bytes reached (--max-memory) while compiling") == true,
            "\(String(describing: failure))")
        // Under the default cap the same file compiles and runs.
        #expect(try completed(fixture.run()).status == .completed)
    }

    /// A user's scenario in one folder and a library in another: `lib/sahel/world.lua` includes
    /// `helpers.lua` beside it; `lib/../secret.lua` is outside every tree.
    static func library() -> (user: ScenarioFixture, lib: ScenarioFixture) {
        let user = ScenarioFixture()
        let lib = ScenarioFixture()
        lib.write("sahel/world.lua", "return 'world+' .. sim.include(\"helpers.lua\")\n")
        lib.write("sahel/helpers.lua", "return 'helpers'\n")
        let outside = lib.directory.deletingLastPathComponent().appendingPathComponent("secret.lua")
        try? Data("return 'secret'\n".utf8).write(to: outside)
        return (user, lib)
    }

    /// Runs the user's `main.lua` with the library folders given.
    static func run(_ user: ScenarioFixture, libraries: [String]) -> Result<RunReport, ScenarioFailure> {
        ScenarioRunner.run(
            RunRequest(file: user.path("main.lua"), params: [], libraries: libraries), simrunVersion: "test")
    }

    @Test("an include not beside the includer is found in the library folders, in order")
    func libraryPath() throws {
        let (user, lib) = Self.library()
        let other = ScenarioFixture()
        other.write("sahel/world.lua", "return 'other'\n")
        user.write("main.lua", header(steps: 0) + "sim.log(sim.include(\"sahel/world.lua\"))\n")
        let first = try completed(Self.run(user, libraries: [lib.directory.path, other.directory.path]))
        // world.lua's own include is resolved beside it, inside the library's tree.
        #expect(first.logTexts == ["world+helpers"])
        let second = try completed(Self.run(user, libraries: [other.directory.path, lib.directory.path]))
        #expect(second.logTexts == ["other"])
        // The library's files are sources of the scenario: they make its sha256.
        #expect(first.scenario.sha256 != second.scenario.sha256)
        // A file beside the includer comes first.
        user.write("sahel/world.lua", "return 'mine'\n")
        #expect(try completed(Self.run(user, libraries: [lib.directory.path])).logTexts == ["mine"])
    }

    @Test(
        "no include leaves the library folders either",
        arguments: ["../secret.lua", "sahel/../../secret.lua"])
    func libraryEscape(_ path: String) throws {
        let (user, lib) = Self.library()
        user.write("main.lua", header(steps: 0) + "sim.include(\"\(path)\")\n")
        let message = setupFailure(Self.run(user, libraries: [lib.directory.path]))?.message ?? ""
        #expect(message.hasSuffix("'\(path)' is outside the library folder '\(lib.directory.path)'"), "\(message)")
    }

    @Test("a missing include names the library folders searched; a missing library folder is named")
    func libraryMissing() throws {
        let (user, lib) = Self.library()
        user.write("main.lua", header(steps: 0) + "sim.include(\"sahel/none.lua\")\n")
        let message = setupFailure(Self.run(user, libraries: [lib.directory.path]))?.message ?? ""
        #expect(message.hasSuffix("sahel/none.lua: no such file (nor in the library folders \(lib.directory.path))"))
        guard case .failure(.fileNotFound(let missing)) = Self.run(user, libraries: ["/no/such/folder"]) else {
            Issue.record("a missing library folder should be fileNotFound")
            return
        }
        #expect(missing == "library folder '/no/such/folder' (--lib or SIMRUN_PATH): no such folder")
    }

    @Test("an include cycle is an error")
    func includeCycle() throws {
        let fixture = ScenarioFixture()
        fixture.write("main.lua", header(steps: 0) + "sim.include(\"a.lua\")\n")
        fixture.write("a.lua", "sim.include(\"b.lua\")\n")
        fixture.write("b.lua", "-- b\nsim.include(\"a.lua\")\n")
        let failure = setupFailure(fixture.run())
        #expect(failure?.kind == .error)
        let message = failure?.message ?? ""
        #expect(message.hasSuffix("b.lua:2: sim.include: 'a.lua' includes itself (an include cycle)"), "\(message)")
    }

    @Test("a file including itself is a cycle")
    func selfInclude() throws {
        let fixture = ScenarioFixture()
        fixture.write("main.lua", header(steps: 0) + "sim.include(\"a.lua\")\n")
        fixture.write("a.lua", "sim.include(\"a.lua\")\n")
        let message = setupFailure(fixture.run())?.message ?? ""
        #expect(message.contains("'a.lua' includes itself (an include cycle)"), "\(message)")
    }

    @Test("the main file included again is a cycle")
    func mainIncludedAgain() throws {
        let fixture = ScenarioFixture()
        fixture.write("main.lua", header(steps: 0) + "sim.include(\"a.lua\")\n")
        fixture.write("a.lua", "sim.include(\"main.lua\")\n")
        // Before the fix in ScenarioLoader the main file ran a second time, and failed on its
        // second sim.scenario instead.
        let message = setupFailure(fixture.run())?.message ?? ""
        #expect(message.hasSuffix("a.lua:1: sim.include: 'main.lua' includes itself (an include cycle)"), "\(message)")
    }

    @Test("a second include returns the first result without running the file again")
    func includeOnce() throws {
        let fixture = ScenarioFixture()
        fixture.write(
            "main.lua",
            header(steps: 0) + """
                local x = sim.include("a.lua")
                local y = sim.include("./a.lua")
                local z = sim.include("sub/c.lua")
                sim.log(runs, tostring(rawequal(x, y)), tostring(rawequal(x, z)), x.n)
                local n1, n2 = sim.include("nothing.lua"), sim.include("nothing.lua")
                sim.log(tostring(n1), tostring(n2), nothing_runs)
                """)
        fixture.write("a.lua", "runs = (runs or 0) + 1\nreturn {n = runs}\n")
        fixture.write("sub/c.lua", "return sim.include(\"../a.lua\")\n")
        fixture.write("nothing.lua", "nothing_runs = (nothing_runs or 0) + 1\n")
        let report = try completed(fixture.run())
        #expect(report.logTexts == ["1\ttrue\ttrue\t1", "nil\tnil\t1"])
    }

    @Test("an error in an included file names that file and line")
    func errorInInclude() throws {
        let fixture = ScenarioFixture()
        fixture.write("main.lua", header(steps: 0) + "sim.include(\"sub/a.lua\")\n")
        fixture.write("sub/a.lua", "local x = 1\nerror('broken include')\n")
        let message = setupFailure(fixture.run())?.message ?? ""
        #expect(message == fixture.path("sub/a.lua") + ":2: broken include", "\(message)")
        let syntax = ScenarioFixture()
        syntax.write("main.lua", header(steps: 0) + "sim.include(\"a.lua\")\n")
        syntax.write("a.lua", "local = 1\n")
        let syntaxMessage = setupFailure(syntax.run())?.message ?? ""
        #expect(syntaxMessage.hasPrefix(syntax.path("a.lua") + ":1:"), "\(syntaxMessage)")
    }

    @Test("an include after setup is refused")
    func includeInHook() throws {
        let fixture = ScenarioFixture()
        fixture.write("main.lua", header(steps: 2) + "sim.at(0, function() sim.include(\"a.lua\") end)\n")
        fixture.write("a.lua", "return 1\n")
        let report = try report(fixture.run())
        #expect(
            report.failure?.message.contains("sim.include: only allowed while the scenario sets up, not in hooks")
                == true, "\(report.status)")
    }

    @Test("the sha256 covers every source in load order and follows an included file's changes")
    func sha256() throws {
        let fixture = ScenarioFixture()
        let main = header(steps: 0) + "sim.include(\"a.lua\")\nsim.include(\"a.lua\")\n"
        fixture.write("main.lua", main)
        fixture.write("a.lua", "return 1\n")
        let first = try completed(fixture.run()).scenario.sha256
        let again = try completed(fixture.run()).scenario.sha256
        #expect(first == again)
        #expect(first == SHA256.hex(Array(main.utf8) + Array("return 1\n".utf8)))
        fixture.write("a.lua", "return 2\n")
        let changed = try completed(fixture.run()).scenario.sha256
        #expect(changed != first)
        #expect(changed == SHA256.hex(Array(main.utf8) + Array("return 2\n".utf8)))
    }

    @Test("a missing main file is fileNotFound")
    func missingMain() {
        let fixture = ScenarioFixture()
        let result = fixture.run("absent.lua")
        guard case .failure(.fileNotFound(let message)) = result else {
            Issue.record("expected fileNotFound, got \(result)")
            return
        }
        #expect(message == fixture.path("absent.lua") + ": no such file")
        let check = fixture.check("absent.lua")
        guard case .failure(.fileNotFound) = check else {
            Issue.record("expected fileNotFound from check, got \(check)")
            return
        }
    }

    @Test("a folder given as the main file is fileNotFound")
    func folderAsMain() throws {
        let fixture = ScenarioFixture()
        fixture.write("dir/x.lua", "return 1\n")
        guard case .failure(.fileNotFound) = fixture.run("dir") else {
            Issue.record("expected fileNotFound")
            return
        }
    }

    @Test("messages name a file with a long path in full")
    func longPath() throws {
        let fixture = ScenarioFixture()
        let folder = "a-folder-name-long-enough/to-push-the-path/past-sixty-bytes"
        fixture.write("\(folder)/main.lua", header(steps: 0) + "sim.include(\"broken.lua\")\n")
        fixture.write("\(folder)/broken.lua", "local = 1\n")
        let file = fixture.path("\(folder)/broken.lua")
        #expect(file.utf8.count > 60)
        let message = setupFailure(fixture.run("\(folder)/main.lua"))?.message ?? ""
        #expect(message.hasPrefix(file + ":1:"), "\(message)")
        // Whatever the length, the line and the file's last part are there.
        #expect(message.contains("broken.lua:1:"), "\(message)")
    }

    @Test("ScenarioFiles reads the main file and resolves includes inside its root")
    func scenarioFilesDirectly() throws {
        let fixture = ScenarioFixture()
        let main = fixture.write("main.lua", "-- main\n")
        fixture.write("sub/a.lua", "-- a\n")
        let files = try ScenarioFiles(mainPath: main, cache: ScenarioCache())
        #expect(files.main.bytes == Array("-- main\n".utf8))
        let a = try files.resolveInclude("sub/a.lua", from: main)
        #expect(a.display == fixture.path("sub/a.lua"))
        #expect(files.sources.count == 2)
        // The same file by another path is the same source.
        let again = try files.resolveInclude("./sub/../sub/a.lua", from: main)
        #expect(again.resolved == a.resolved)
        #expect(files.sources.count == 2)
        #expect(throws: ScenarioFileError.self) { try files.resolveInclude("", from: main) }
        #expect(throws: ScenarioFileError.self) { try files.resolveInclude("../../x.lua", from: a.display) }
        #expect(files.sha256 == SHA256.hex(Array("-- main\n-- a\n".utf8)))
    }
}
