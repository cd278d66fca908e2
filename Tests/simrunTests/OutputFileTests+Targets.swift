// OutputFileTests+Targets: what `--out` does to what its path already names (issue 13) — a regular
// file is replaced keeping its permissions, a symlink is followed to its target, and a device, a FIFO
// or /dev/stdout is written straight into, never replaced by a regular file.
import Foundation
import Testing

extension OutputFileTests {
    private static func kind(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    private static func mode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    }

    /// The report `run --steps 2` writes, for comparing what lands where.
    private static func report() throws -> Data {
        try SimrunCLI.run("run", Self.scenario, "--steps", "2").stdout
    }

    @Test("a regular file keeps its permissions when replaced", arguments: [0o640, 0o600, 0o755] as [mode_t])
    func keepsMode(mode: mode_t) throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: out))
        chmod(out, mode)
        let result = try SimrunCLI.run("run", Self.scenario, "--steps", "2", "--out", out)
        #expect(result.exited(0), "\(result)")
        #expect(Self.mode(out) == mode)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Self.report())
    }

    @Test("a read-only file stays read-only: refused (74, unchanged) unless root, who may write it")
    func readOnlyFile() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: out))
        chmod(out, 0o444)
        let result = try SimrunCLI.run("run", Self.scenario, "--steps", "2", "--out", out)
        #expect(Self.mode(out) == 0o444, "never made writable")
        if getuid() == 0 {
            #expect(result.exited(0), "\(result)")
        } else {
            #expect(result.exited(74), "\(result)")
            #expect(result.errLines == ["simrun: error: cannot write \(out): Permission denied"])
            #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data("old".utf8))
        }
    }

    @Test("a symlink is followed: the link stays, its target (existing or not) gets the report")
    func followsSymlinks() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("sub"), withIntermediateDirectories: false)
        let report = try Self.report()
        for (link, target) in [("existing.json", "sub/target.json"), ("dangling.json", "sub/new.json")] {
            if link == "existing.json" { try Data("old".utf8).write(to: dir.appendingPathComponent(target)) }
            symlink(target, dir.appendingPathComponent(link).path)
            let result = try SimrunCLI.run(
                "run", Self.scenario, "--steps", "2", "--out", dir.appendingPathComponent(link).path)
            #expect(result.exited(0), "\(result)")
            #expect(Self.kind(dir.appendingPathComponent(link).path) == S_IFLNK, "\(link) is still a symlink")
            #expect(try Data(contentsOf: dir.appendingPathComponent(target)) == report)
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path("sub")).sorted() == [
                "new.json", "target.json",
            ])
    }

    @Test(
        "a character device is written into and stays a device (a null device made in a scratch folder)",
        .enabled(if: getuid() == 0, "mknod needs root"))
    func device() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let null = dir.appendingPathComponent("null").path
        // Device 1:3, /dev/null: makedev(1, 3) is (1 << 8) | 3 for numbers this small.
        try #require(mknod(null, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0)
        let run = try SimrunCLI.run("run", Self.scenario, "--steps", "2", "--out", null)
        #expect(run.exited(0), "\(run)")
        let batch = try BatchFixture.batch(BatchFixture.coin, "--runs", "2", "--out", null, "--summary", null)
        #expect(batch.exited(0), "\(batch)")
        #expect(Self.kind(null) == S_IFCHR, "still a device")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["null"], "no temporary file left")
    }

    @Test("a FIFO is written into: its reader gets the report and it stays a FIFO")
    func fifo() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let output = Pipe()
        reader.standardOutput = output
        try reader.run()
        let result = try SimrunCLI.run("run", Self.scenario, "--steps", "2", "--out", fifo)
        let read = output.fileHandleForReading.readDataToEndOfFile()
        reader.waitUntilExit()
        #expect(result.exited(0), "\(result)")
        #expect(read == (try Self.report()))
        #expect(Self.kind(fifo) == S_IFIFO)
    }

    @Test("--out /dev/stdout (a link into /proc) writes to standard output", arguments: ["/dev/stdout", "/dev/fd/1"])
    func devStdout(path: String) throws {
        let result = try SimrunCLI.run("run", Self.scenario, "--steps", "2", "--out", path)
        #expect(result.exited(0), "\(result)")
        #expect(result.stdout == (try Self.report()))
    }

    @Test("a path ending in / names a folder: 74, and nothing is written under the name without it")
    func trailingSlash() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("keep.json").path + "/"
        for arguments in [["run", Self.scenario, "--steps", "2"], ["batch", BatchFixture.coin, "--runs", "2"]] {
            let result = try SimrunCLI.run(arguments + ["--out", out])
            #expect(result.exited(74), "\(result)")
            #expect(result.errLines == ["simrun: error: cannot write \(out): Is a directory"], "\(result)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        }
    }

    @Test("a batch's runs file streams through a symlink into its target")
    func batchThroughSymlink() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        symlink("target.jsonl", dir.appendingPathComponent("runs.jsonl").path)
        let result = try BatchFixture.batch(BatchFixture.coin, "--runs", "3", "--out", dir.path("runs.jsonl"))
        #expect(result.exited(0), "\(result)")
        #expect(Self.kind(dir.path("runs.jsonl")) == S_IFLNK)
        #expect(
            try BatchRunsText(
                String(decoding: Data(contentsOf: dir.appendingPathComponent("target.jsonl")), as: UTF8.self)
            ).rows.count == 3)
    }
}

extension URL {
    fileprivate func path(_ name: String) -> String { appendingPathComponent(name).path }
}
