// SimrunProcess: runs the built `simrun` binary as a subprocess from the package root, with a
// timeout, and captures its exit code, standard output and standard error. Also: where the
// package, its fixtures and the binary are, scratch folders, and a small JSON reader that keeps
// the order of object keys (the report's layout is part of its contract). The reader is written
// apart from SimSupport's JSONValue on purpose: the end-to-end tests check the bytes simrun writes
// with a parser that shares none of its code.
import Foundation
import SimTestSupport
import Testing

/// What one `simrun` process did.
struct SimrunResult: Sendable, CustomStringConvertible {
    var arguments: [String]
    /// The exit status, or the signal number when `signaled`.
    var status: Int32
    /// The process died of a signal (a crash, or the timeout's kill).
    var signaled: Bool
    /// The process outlived its timeout and was killed.
    var timedOut: Bool
    var stdout: Data
    var stderr: Data
    /// Wall-clock seconds from launch to exit.
    var seconds: Double

    var out: String { String(decoding: stdout, as: UTF8.self) }
    var err: String { String(decoding: stderr, as: UTF8.self) }
    /// Standard error's non-empty lines.
    var errLines: [String] { err.split(separator: "\n").map(String.init) }
    /// Standard output as ordered JSON, or nil when it does not parse.
    var json: JSON? { try? JSON.parse(stdout) }

    /// Exited by itself (no signal, no timeout) with `code`.
    func exited(_ code: Int32) -> Bool { !signaled && !timedOut && status == code }

    var description: String {
        let how = timedOut ? "timed out" : signaled ? "killed by signal \(status)" : "exit \(status)"
        return "simrun \(arguments.joined(separator: " ")) → \(how) in \(String(format: "%.2f", seconds)) s\n"
            + "stderr: \(err.isEmpty ? "(empty)" : err)\nstdout: \(out.prefix(400))"
    }
}

enum SimrunCLI {
    static let root = PackageRoot.url

    /// Bad and hostile scenarios; kept out of Tests/simrunTests, where SwiftPM would take .lua
    /// files for undeclared resources.
    static let fixtures: URL = root.appendingPathComponent("Tests/Fixtures")

    /// Paths of fixtures relative to the package root, as the tests pass them to simrun.
    static func fixture(_ name: String) -> String { "Tests/Fixtures/" + name }

    /// The built binary: next to the test bundle when `swift test` built both (the test target
    /// depends on the executable), else `.build/debug/simrun` under the package root.
    static let binary: URL = {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        let bundle = Bundle.main.bundleURL
        candidates += [bundle, bundle.deletingLastPathComponent()]
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        candidates.append(root.appendingPathComponent(".build/debug"))
        for folder in candidates {
            let url = folder.appendingPathComponent("simrun")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                FileManager.default.isExecutableFile(atPath: url.path)
            {
                return url.standardizedFileURL
            }
        }
        return root.appendingPathComponent(".build/debug/simrun")
    }()

    struct LaunchError: Error, CustomStringConvertible {
        var description: String
    }

    /// What every timeout is multiplied by: SIMRUN_TEST_TIMEOUT_SCALE, for builds that run many times
    /// slower than a debug build (`make sanitize` sets 10). The timeouts guard against hangs, not speed.
    static let timeoutScale = ProcessInfo.processInfo.environment["SIMRUN_TEST_TIMEOUT_SCALE"].flatMap(Double.init) ?? 1

    /// Runs `simrun arguments...` (or another `executable`: `make`, an installed simrun) in `directory`
    /// (the package root by default) and waits for it, killing it after `timeout` seconds (times `timeoutScale`).
    static func run(
        _ arguments: [String], timeout: Double = 20, in directory: URL = root, environment: [String: String] = [:],
        executable: URL = binary
    ) throws -> SimrunResult {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw LaunchError(description: "no executable at \(executable.path): build simrun with `swift build`")
        }
        // Output goes to files rather than pipes: no pipe buffer to fill, nothing to drain while waiting.
        let scratch = try temporaryDirectory(prefix: "simrun-io")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }

        let start = Date()
        try process.run()
        var timedOut = false
        if exited.wait(timeout: .now() + timeout * timeoutScale) == .timedOut {
            // A hung run is killed outright: nothing of it is worth keeping.
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        return SimrunResult(
            arguments: arguments,
            status: process.terminationStatus,
            signaled: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut,
            stdout: try Data(contentsOf: outURL),
            stderr: try Data(contentsOf: errURL),
            seconds: seconds)
    }

    static func run(_ arguments: String..., timeout: Double = 20) throws -> SimrunResult {
        try run(arguments, timeout: timeout)
    }

    /// A new empty folder under the system's temporary folder; the caller removes it.
    static func temporaryDirectory(prefix: String = "simrun-e2e") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The seed scenarios shipped with simrun, relative to the package root.
    static let seedScenarios = [
        "scenarios/sahel/tinzaouaten.lua",
        "scenarios/sahel/ghadames.lua",
        "scenarios/sahel/russia_response.lua",
        "scenarios/sahel/strain.lua",
    ]

    /// The report's top-level keys, in the order docs and RunReport+JSON.swift give them.
    static let reportKeys = [
        "simrun", "scenario", "seed", "params", "dynamics", "steps", "start", "end", "ticks", "tick_days", "status",
        "agents",
        "regions", "links", "alignments", "ties", "wars", "metrics", "outcomes", "observed", "digests", "events",
        "log", "warnings", "coalitions", "balance", "force_changes",
    ]

    /// Whether the data is JSON to Foundation's own parser (the reader below is the tests' own).
    static func isValidJSON(_ data: Data) -> Bool {
        (try? JSONSerialization.jsonObject(with: data)) != nil
    }
}

// MARK: - Ordered JSON

/// A JSON value whose objects keep their keys in document order and whose numbers keep their text
/// (so `20` stays an integer and `0.0` a real): the report's layout and typing can be checked as written.
indirect enum JSON: Equatable, Sendable {
    case object(keys: [String], values: [String: JSON])
    case array([JSON])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    subscript(key: String) -> JSON? {
        if case .object(_, let values) = self { return values[key] }
        return nil
    }

    subscript(index: Int) -> JSON? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    var keys: [String] {
        if case .object(let keys, _) = self { return keys }
        return []
    }

    var array: [JSON]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var double: Double? {
        if case .number(let text) = self { return Double(text) }
        return nil
    }

    /// The number when it is written as an integer (no fraction, no exponent).
    var int: Int? {
        if case .number(let text) = self, !text.contains(where: { ".eE".contains($0) }) { return Int(text) }
        return nil
    }

    var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    var isNull: Bool { self == .null }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ data: Data) throws -> JSON {
        var parser = Parser(bytes: [UInt8](data))
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        guard parser.at == parser.bytes.count else { throw parser.fail("trailing characters") }
        return value
    }

    static func parse(_ text: String) throws -> JSON { try parse(Data(text.utf8)) }

    private struct Parser {
        let bytes: [UInt8]
        var at = 0

        func fail(_ what: String) -> ParseError { ParseError(description: "JSON: \(what) at byte \(at)") }

        mutating func skipSpace() {
            while at < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[at]) { at += 1 }
        }

        mutating func expect(_ literal: String) throws {
            let chars = Array(literal.utf8)
            guard at + chars.count <= bytes.count, Array(bytes[at..<at + chars.count]) == chars else {
                throw fail("expected \(literal)")
            }
            at += chars.count
        }

        mutating func value() throws -> JSON {
            guard at < bytes.count else { throw fail("unexpected end") }
            switch bytes[at] {
            case UInt8(ascii: "{"): return try object()
            case UInt8(ascii: "["): return try array()
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try expect("true"); return .bool(true)
            case UInt8(ascii: "f"): try expect("false"); return .bool(false)
            case UInt8(ascii: "n"): try expect("null"); return .null
            default: return try number()
            }
        }

        mutating func object() throws -> JSON {
            at += 1
            var keys: [String] = [], values: [String: JSON] = [:]
            skipSpace()
            if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; return .object(keys: [], values: [:]) }
            while true {
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw fail("expected a key") }
                let key = try string()
                guard values[key] == nil else { throw fail("duplicate key \(key)") }
                skipSpace()
                try expect(":")
                skipSpace()
                keys.append(key)
                values[key] = try value()
                skipSpace()
                guard at < bytes.count else { throw fail("unterminated object") }
                if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                try expect("}")
                return .object(keys: keys, values: values)
            }
        }

        mutating func array() throws -> JSON {
            at += 1
            var items: [JSON] = []
            skipSpace()
            if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; return .array([]) }
            while true {
                skipSpace()
                items.append(try value())
                skipSpace()
                guard at < bytes.count else { throw fail("unterminated array") }
                if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                try expect("]")
                return .array(items)
            }
        }

        mutating func hex4() throws -> UInt32 {
            guard at + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16)
            else { throw fail("bad \\u escape") }
            at += 4
            return v
        }

        mutating func string() throws -> String {
            at += 1
            var out: [UInt8] = []
            while true {
                guard at < bytes.count else { throw fail("unterminated string") }
                let c = bytes[at]
                at += 1
                switch c {
                case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard at < bytes.count else { throw fail("unterminated escape") }
                    let e = bytes[at]
                    at += 1
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar) {
                            try expect("\\u")
                            let low = try hex4()
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let u = Unicode.Scalar(scalar) else { throw fail("bad code point") }
                        out += Array(String(Character(u)).utf8)
                    default: throw fail("bad escape")
                    }
                default:
                    guard c >= 0x20 else { throw fail("control character in string") }
                    out.append(c)
                }
            }
        }

        mutating func number() throws -> JSON {
            let start = at
            while at < bytes.count, "+-0123456789.eE".utf8.contains(bytes[at]) { at += 1 }
            let text = String(decoding: bytes[start..<at], as: UTF8.self)
            guard !text.isEmpty, Double(text) != nil else { throw fail("bad number '\(text)'") }
            return .number(text)
        }
    }
}

// MARK: - Report helpers

extension JSON {
    /// `metrics` as name → values, in report order.
    var metricSeries: [(String, [Double])] {
        guard let metrics = self["metrics"] else { return [] }
        return metrics.keys.map { name in (name, metrics[name]?.array?.compactMap(\.double) ?? []) }
    }
}

/// The names after `TITLE (n): ` on a line of `simrun check`'s listing.
func checkListing(_ text: String, title: String) -> [String]? {
    for line in text.split(separator: "\n") where line.hasPrefix(title + " (") {
        guard let colon = line.range(of: "): ") else { return [] }
        return line[colon.upperBound...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
    return nil
}

/// The lines of a `check` section (after its title line, up to the next empty line).
func checkSection(_ text: String, title: String) -> [String] {
    let lines = text.components(separatedBy: "\n")
    guard let start = lines.firstIndex(where: { $0.hasPrefix(title) }) else { return [] }
    return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
}
