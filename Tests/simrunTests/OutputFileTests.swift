// OutputFileTests: `--out FILE` writes the report atomically (a temporary file in the same folder,
// then a rename: nothing else is left behind) and an unwritable path is exit 74 with one line.
import Foundation
import Testing

@Suite("--out")
struct OutputFileTests {
    static let scenario = "scenarios/sahel/ghadames.lua"

    static func inode(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    @Test(
        "writes the report to the file, nothing to standard output, no temporary file left",
        arguments: ["json", "text"])
    func writesReport(format: String) throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.\(format)")
        let result = try SimrunCLI.run("run", Self.scenario, "--seed", "4", "--format", format, "--out", out.path)
        #expect(result.exited(0), "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [out.lastPathComponent])
        // The file holds exactly what standard output would have.
        let printed = try SimrunCLI.run("run", Self.scenario, "--seed", "4", "--format", format)
        #expect(try Data(contentsOf: out) == printed.stdout)
    }

    @Test("--out without --format writes JSON")
    func defaultsToJSON() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r")
        let result = try SimrunCLI.run("run", Self.scenario, "--steps", "2", "--out", out.path)
        #expect(result.exited(0), "\(result)")
        #expect(SimrunCLI.isValidJSON(try Data(contentsOf: out)))
    }

    @Test("replaces an existing file whole, by rename")
    func replacesExistingFile() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.json")
        // Longer than the report: a write in place would leave its tail behind.
        try Data(repeating: UInt8(ascii: "#"), count: 4 << 20).write(to: out)
        let before = Self.inode(out.path)
        let result = try SimrunCLI.run("run", Self.scenario, "--steps", "3", "--out", out.path)
        #expect(result.exited(0), "\(result)")
        let data = try Data(contentsOf: out)
        #expect(SimrunCLI.isValidJSON(data), "the old content is gone entirely")
        #expect(!data.contains(UInt8(ascii: "#")))
        let after = Self.inode(out.path)
        #expect(before != nil && before != after, "a new file was renamed over the old one")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.json"])
    }

    @Test("a relative --out is relative to the working directory")
    func relativeOut() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = SimrunCLI.root.appendingPathComponent(Self.scenario).path
        let result = try SimrunCLI.run(["run", scenario, "--steps", "1", "--out", "rel.json"], in: dir)
        #expect(result.exited(0), "\(result)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("rel.json").path))
    }

    @Test(
        "an unwritable path is exit 74 with one line",
        arguments: ["/nonexistent-dir/r.json", "/nonexistent-dir/sub/r.json"])
    func unwritable(path: String) throws {
        let result = try SimrunCLI.run("run", Self.scenario, "--steps", "2", "--out", path)
        #expect(result.exited(74), "\(result)")
        #expect(result.errLines.count == 1, "\(result.err)")
        #expect(result.errLines.first?.hasPrefix("simrun: error: cannot write \(path): ") == true, "\(result.err)")
        #expect(result.stdout.isEmpty, "the report does not fall back to standard output")
    }

    @Test("a folder as --out is exit 74 and leaves no temporary file")
    func folderAsOut() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("report.json")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let result = try SimrunCLI.run("run", Self.scenario, "--steps", "2", "--out", folder.path)
        #expect(result.exited(74), "\(result)")
        #expect(result.errLines.count == 1, "\(result.err)")
        #expect(result.err.contains("cannot write \(folder.path)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.json"], "temporary file left")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("a read-only folder is exit 74", .enabled(if: getuid() != 0, "root writes anywhere"))
    func readOnlyFolder() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
            try? FileManager.default.removeItem(at: dir)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        let result = try SimrunCLI.run(
            "run", Self.scenario, "--steps", "2", "--out", dir.appendingPathComponent("r.json").path)
        #expect(result.exited(74), "\(result)")
        #expect(result.errLines.count == 1)
    }

    @Test("a scenario that fails to load writes no file")
    func loadFailureWritesNothing() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r.json")
        for args in [
            [SimrunCLI.fixture("hostile/syntax_error.lua")], [Self.scenario, "--param", "nope=1"], ["missing.lua"],
        ] {
            let result = try SimrunCLI.run(["run"] + args + ["--out", out.path])
            #expect(!result.exited(0))
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "\(args)")
        }
    }

    @Test("a run that fails part-way and cannot write its report is exit 74")
    func failedRunUnwritable() throws {
        let result = try SimrunCLI.run(
            "run", SimrunCLI.fixture("valid/fails_midrun.lua"), "--out", "/nonexistent-dir/r.json")
        #expect(result.exited(74), "\(result)")
        // Both are said: the scenario's failure, and that its report could not be kept.
        #expect(result.errLines.count == 2, "\(result.err)")
        #expect(result.errLines.first?.contains("boom") == true, "\(result.err)")
        #expect(result.errLines.last?.contains("cannot write /nonexistent-dir/r.json") == true, "\(result.err)")
    }
}
