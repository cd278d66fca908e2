// BatchProcess: a simrun process a test starts, watches and signals itself (to kill or interrupt a
// batch part-way).
import Foundation
import Testing

/// A simrun process the test starts and signals itself.
enum BatchProcess {
    static func start(_ arguments: [String], stderr: URL) throws -> Process {
        let process = Process()
        process.executableURL = SimrunCLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = SimrunCLI.root
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        return process
    }

    /// Polls `path` until it holds at least `atLeast` newlines (header included), the process
    /// ends, or `timeout` seconds pass; returns the newlines seen.
    static func waitForLines(_ path: String, atLeast: Int, timeout: Double, while process: Process) -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        var seen = 0
        while Date() < deadline {
            if let data = FileManager.default.contents(atPath: path) {
                seen = data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                if seen >= atLeast { return seen }
            }
            if !process.isRunning { return seen }
            usleep(10_000)
        }
        return seen
    }

    /// Waits for the process to end; kills it and returns false after `timeout` seconds.
    static func wait(_ process: Process, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return false
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        return true
    }
}
