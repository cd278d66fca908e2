// EmbeddedLuaTests: the Lua compiled into the binary is the Lua file on disk, byte for byte, and
// that file passes luacheck (when luacheck is installed).
import Foundation
import Testing

@testable import LuaBridge

@Suite("EmbeddedLua")
struct EmbeddedLuaTests {
    /// The package's root folder: four levels above this file.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let preludePath = "Sources/LuaBridge/Host/sandbox.lua"

    /// The path of `luacheck` on the PATH, if any.
    static let luacheck: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "")
        .split(separator: ":").map { $0 + "/luacheck" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("the embedded prelude is sandbox.lua, byte for byte")
    func preludeMatchesTheFile() throws {
        let url = Self.packageRoot.appendingPathComponent(Self.preludePath)
        let onDisk = try #require(FileManager.default.contents(atPath: url.path))
        #expect(Array(EmbeddedLua.sandbox.utf8) == [UInt8](onDisk))
    }

    @Test("sandbox.lua passes luacheck with the package's settings", .enabled(if: luacheck != nil))
    func preludePassesLuacheck() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.luacheck))
        process.arguments = ["--no-color", Self.preludePath]
        process.currentDirectoryURL = Self.packageRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
    }
}
