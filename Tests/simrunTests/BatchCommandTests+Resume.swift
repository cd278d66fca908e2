// BatchCommandTests+Resume: stopping and resuming a batch — killed with SIGKILL or stopped by
// Ctrl-C and SIGTERM, it resumes to the bytes of an uninterrupted batch; --resume refuses another
// batch's file and counts the failures it keeps.
import Foundation
import Testing

extension BatchCommandTests {
    @Test("a batch killed with SIGKILL, its file cut mid-line, resumes to the bytes of an uninterrupted batch")
    func resumeAfterKill() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let total = 2000
        let common = [Self.coin, "--runs", String(total), "--seed", "5", "--metrics"]
        let reference = try BatchFixture.batch(
            common + [
                "--jobs", "2", "--out", dir.path("reference.jsonl"),
                "--summary", dir.path("reference-summary.json"),
            ], timeout: 60)
        #expect(reference.exited(0), "\(reference)")
        let referenceText = try dir.text("reference.jsonl")

        let arguments =
            common + ["--jobs", "1", "--out", dir.path("runs.jsonl"), "--summary", dir.path("summary.json")]
        let process = try BatchProcess.start(["batch"] + arguments, stderr: dir.url.appendingPathComponent("stderr"))
        let seen = BatchProcess.waitForLines(dir.path("runs.jsonl"), atLeast: 60, timeout: 20, while: process)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(seen >= 60, "the batch wrote no rows before it was killed")

        var killed = try dir.text("runs.jsonl")
        // Header, whole rows, then what follows the last newline (nothing, or a row cut short).
        let lines = killed.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.count - 2
        #expect(kept > 0 && kept < total, "the kill should leave some but not all \(total) rows: \(kept)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("summary.json")), "a killed batch writes no summary")
        #expect(
            referenceText.hasPrefix(lines.dropLast().joined(separator: "\n") + "\n"),
            "the rows written before the kill are the reference's")
        // A write cut short: half of the next row, no newline.
        if killed.hasSuffix("\n") {
            let lines = referenceText.split(separator: "\n")
            let next = lines[kept + 1]
            killed += next.prefix(next.count / 2)
            try Data(killed.utf8).write(to: URL(fileURLWithPath: dir.path("runs.jsonl")))
        }

        let resumed = try BatchFixture.batch(arguments + ["--resume"], timeout: 60)
        #expect(resumed.exited(0), "\(resumed)")
        #expect(try dir.text("runs.jsonl") == referenceText, "the resumed file differs from an uninterrupted batch")
        #expect(
            try dir.bytes("summary.json") == dir.bytes("reference-summary.json"),
            "the resumed batch's summary differs from an uninterrupted batch's")
    }

    @Test(
        "Ctrl-C and SIGTERM stop a batch cleanly: exit 130, whole rows, a resume command that works",
        arguments: [BatchInterrupt(signal: SIGINT, label: "two words"), BatchInterrupt(signal: SIGTERM, label: "it's")])
    func interruptSaysHowToResume(_ interrupt: BatchInterrupt) throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let total = 2000
        let common = [Self.coin, "--runs", String(total), "--seed", "8", "--param", "label=\(interrupt.label)"]
        let reference = try BatchFixture.batch(
            common + ["--jobs", "2", "--out", dir.path("reference.jsonl")], timeout: 60)
        #expect(reference.exited(0), "\(reference)")

        let errURL = dir.url.appendingPathComponent("stderr")
        let arguments = common + ["--jobs", "2", "--out", dir.path("runs.jsonl")]
        let process = try BatchProcess.start(["batch"] + arguments, stderr: errURL)
        let seen = BatchProcess.waitForLines(dir.path("runs.jsonl"), atLeast: 60, timeout: 20, while: process)
        #expect(seen >= 60, "the batch wrote no rows")
        kill(process.processIdentifier, interrupt.signal)
        let exited = BatchProcess.wait(process, timeout: 20)
        try #require(exited, "the batch did not stop after the signal")
        #expect(
            process.terminationReason == .exit && process.terminationStatus == 130,
            "status \(process.terminationStatus), reason \(process.terminationReason.rawValue)")
        let err = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        #expect(err.contains("--resume"), "stderr: \(err)")
        #expect(err.contains("interrupted"), "stderr: \(err)")

        let text = try dir.text("runs.jsonl")
        #expect(text.hasSuffix("\n"), "an interrupted batch leaves whole lines")
        let runs = try BatchRunsText(text)
        #expect(runs.rows.count < total, "the signal came too late to interrupt anything")
        #expect(runs.rows.map { $0["run"]?.int } == Array(0..<runs.rows.count), "rows in run order, none missing")
        #expect(try dir.text("reference.jsonl").hasPrefix(text))

        // The hint is a shell command that completes the batch.
        let hint = try #require(err.range(of: "Resume with: simrun ")).upperBound
        let command = String(err[hint...].prefix { $0 != "\n" })
        #expect(command.hasPrefix("batch ") && command.hasSuffix(" --resume"), "\(command)")
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "exec \"$0\" " + command, SimrunCLI.binary.path]
        shell.currentDirectoryURL = SimrunCLI.root
        shell.standardInput = FileHandle.nullDevice
        shell.standardOutput = FileHandle.nullDevice
        shell.standardError = FileHandle.nullDevice
        try shell.run()
        let shellDone = BatchProcess.wait(shell, timeout: 60)
        #expect(shellDone && shell.terminationStatus == 0, "sh -c '\(command)' exited \(shell.terminationStatus)")

        #expect(try dir.bytes("runs.jsonl") == dir.bytes("reference.jsonl"))
    }

    @Test("--resume refuses the file of another batch with a usage error and leaves it alone")
    func resumeRefusesAnotherBatch() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let first = try BatchFixture.batch(Self.coin, "--runs", "6", "--seed", "1", "--out", dir.path("runs.jsonl"))
        #expect(first.exited(0), "\(first)")
        let before = try dir.bytes("runs.jsonl")
        let other = try BatchFixture.batch(
            Self.coin, "--runs", "6", "--seed", "2", "--out", dir.path("runs.jsonl"), "--resume")
        #expect(other.exited(64), "\(other)")
        #expect(other.err.contains("another batch"), "\(other)")
        #expect(try dir.bytes("runs.jsonl") == before, "a refused --resume must not touch the file")

        // No file yet (a job requeued before it wrote anything): --resume starts the batch.
        let missing = try BatchFixture.batch(
            Self.coin, "--runs", "6", "--seed", "1", "--out", dir.path("none.jsonl"), "--resume")
        #expect(missing.exited(0), "\(missing)")
        #expect(try dir.bytes("none.jsonl") == before)

        // The same batch, already complete: nothing to run, nothing changes.
        let again = try BatchFixture.batch(
            Self.coin, "--runs", "6", "--seed", "1", "--out", dir.path("runs.jsonl"), "--resume")
        #expect(again.exited(0), "\(again)")
        #expect(try dir.bytes("runs.jsonl") == before)
    }

    @Test("a resumed batch counts the failed runs it kept: exit 65 and the whole batch's count")
    func resumeCountsKeptFailures() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let arguments = [Self.flaky, "--runs", "50", "--seed", "9", "--out", dir.path("runs.jsonl")]
        let full = try BatchFixture.batch(arguments)
        #expect(full.exited(65), "\(full)")
        let complete = try dir.text("runs.jsonl")
        let failed = try BatchRunsText(complete).rows.filter { $0["status"]?.string == "error" }.count
        try #require(failed > 0 && failed < 50, "flaky.lua should fail some runs: \(failed)")
        #expect(full.err.contains("\(failed) of 50 runs failed"), "\(full)")

        // Cut to its first 30 rows, as a killed batch would leave it, and resume.
        let prefix = complete.split(separator: "\n").prefix(31).joined(separator: "\n") + "\n"
        try Data(prefix.utf8).write(to: URL(fileURLWithPath: dir.path("runs.jsonl")))
        let resumed = try BatchFixture.batch(arguments + ["--resume"])
        #expect(try dir.text("runs.jsonl") == complete)
        let nothingLeft = try BatchFixture.batch(arguments + ["--resume"])
        #expect(resumed.exited(65), "\(resumed)")
        #expect(resumed.err.contains("\(failed) of 50 runs failed"), "\(resumed)")
        #expect(nothingLeft.exited(65), "a complete file with \(failed) failed runs resumed: \(nothingLeft)")
    }

    @Test("a CSV batch whose outcome holds a line break resumes")
    func csvResumeWithLineBreak() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let arguments = [
            BatchFixture.newline, "--runs", "8", "--seed", "3", "--format", "csv", "--out", dir.path("runs.csv"),
        ]
        let first = try BatchFixture.batch(arguments)
        #expect(first.exited(0), "\(first)")
        let complete = try dir.text("runs.csv")
        #expect(complete.contains("\"two\nlines\""), "the line break is quoted, RFC 4180")
        let records = try BatchCSV.parse(complete)
        #expect(records.count == 1 + 8, "the column row and 8 rows")
        let resumed = try BatchFixture.batch(arguments + ["--resume"])
        #expect(resumed.exited(0), "\(resumed)")
        #expect(try dir.text("runs.csv") == complete)
    }
}

extension BatchCommandTests {
    @Test(
        "--resume refuses what is not this batch's runs file in the format asked, and leaves it as it is",
        arguments: [
            ("csv", "--resume: runs.csv is a csv runs file but the batch writes jsonl: give --format csv"),
            ("user-csv", "--resume: runs.csv:1: not a simrun runs file"),
            ("no-newline", "--resume: runs.csv: no header line; runs.csv is left as it is"),
        ])
    func resumeRefusesOtherFiles(kind: String, message: String) throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let out = dir.path("runs.csv")
        switch kind {
        case "csv":
            let csv = try BatchFixture.batch(Self.coin, "--runs", "4", "--format", "csv", "--out", out)
            #expect(csv.exited(0), "\(csv)")
        case "user-csv": try Data("year,rainfall\n2019,301\n".utf8).write(to: URL(fileURLWithPath: out))
        default: try Data("year,rainfall".utf8).write(to: URL(fileURLWithPath: out))
        }
        let before = try dir.bytes("runs.csv")
        let result = try BatchFixture.batch(Self.coin, "--runs", "4", "--out", out, "--resume")
        #expect(result.exited(64), "\(result)")
        #expect(
            result.errLines.count == 1 && result.err.contains(message.replacingOccurrences(of: "runs.csv", with: out)),
            "\(result)")
        #expect(try dir.bytes("runs.csv") == before, "the file is left as it was")
    }

    @Test("--resume starts afresh over an empty file or one cut inside this batch's own header")
    func resumeOverACutHeader() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let arguments = [Self.coin, "--runs", "4", "--out", dir.path("runs.jsonl")]
        #expect(try BatchFixture.batch(arguments).exited(0))
        let complete = try dir.bytes("runs.jsonl")
        for cut in [0, 40] {
            try complete.prefix(cut).write(to: URL(fileURLWithPath: dir.path("runs.jsonl")))
            let resumed = try BatchFixture.batch(arguments + ["--resume"])
            #expect(resumed.exited(0), "\(resumed)")
            #expect(try dir.bytes("runs.jsonl") == complete)
        }
    }
}

/// A signal sent to a running batch, and the label param it runs with (to see the resume hint quoted).
struct BatchInterrupt: Sendable, CustomTestStringConvertible {
    var signal: Int32
    var label: String

    var testDescription: String {
        "\(signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : String(signal)), label \(label)"
    }
}
