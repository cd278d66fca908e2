// EmbeddedLuaTests: the Lua compiled into the binary is the Lua file on disk, byte for byte, and
// that file passes luacheck (when luacheck is installed).
import Foundation
import SimTestSupport
import Testing

@testable import LuaBridge

@Suite("EmbeddedLua")
struct EmbeddedLuaTests {
    static let preludePath = "Sources/LuaBridge/Host/sandbox.lua"

    /// The path of `luacheck` on the PATH, if any.
    static let luacheck: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "")
        .split(separator: ":").map { $0 + "/luacheck" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("the embedded prelude is sandbox.lua, byte for byte")
    func preludeMatchesTheFile() throws {
        let url = PackageRoot.url.appendingPathComponent(Self.preludePath)
        let onDisk = try #require(FileManager.default.contents(atPath: url.path))
        #expect(Array(EmbeddedLua.sandbox.utf8) == [UInt8](onDisk))
    }

    @Test("sandbox.lua passes luacheck with the package's settings", .enabled(if: luacheck != nil))
    func preludePassesLuacheck() throws {
        let (status, text) = try Self.runLuacheck([Self.preludePath])
        #expect(status == 0, "\(text)")
    }

    /// Runs luacheck from the package root, with its settings, and returns its status and output.
    static func runLuacheck(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(luacheck))
        process.arguments = ["--no-color"] + arguments
        process.currentDirectoryURL = PackageRoot.url
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
