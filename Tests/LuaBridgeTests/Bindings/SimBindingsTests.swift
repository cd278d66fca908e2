// SimBindingsTests: the binding table against the editor files made from it — luacheck's
// .luacheckrc and the language server's editor/sim.lua — so neither drifts from what a run offers.
import Foundation
import SimTestSupport
import Testing

@testable import LuaBridge

@Suite("SimBindings")
struct SimBindingsTests {
    /// The `sim.*` names of the binding table, in its order.
    static let simNames = SimBindings.all.filter { $0.table == "sim" }.map(\.name)

    static func text(_ path: String) throws -> String {
        let data = try #require(FileManager.default.contents(atPath: PackageRoot.url.appendingPathComponent(path).path))
        return String(decoding: data, as: UTF8.self)
    }

    /// The quoted names in `text` from the line `opening` to the next line that is exactly `}`.
    static func quotedNames(in text: String, block opening: String) throws -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0 == opening }, "no line \(opening)")
        let end = try #require(lines[start...].firstIndex { $0 == "}" }, "\(opening) is not closed")
        return lines[start..<end].joined(separator: "\n").matches(of: /"([^"]*)"/).map { String($0.1) }
    }

    /// The library tables of the rc's `library_fields`: library → member names.
    static func libraryFields(in text: String) throws -> [String: Set<String>] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0 == "local library_fields = {" })
        let end = try #require(lines[start...].firstIndex { $0 == "}" })
        let block = lines[(start + 1)..<end].joined(separator: "\n")
        var libraries: [String: Set<String>] = [:]
        for match in block.matches(of: /(\w+) = \{([^}]*)\}/) {
            libraries[String(match.1)] = Set(String(match.2).matches(of: /"([^"]*)"/).map { String($0.1) })
        }
        return libraries
    }

    // MARK: .luacheckrc

    @Test("the luacheck fields of sim are exactly the binding table's sim.* names")
    func luacheckFields() throws {
        let names = try Self.quotedNames(in: Self.text(".luacheckrc"), block: "local sim_fields = {")
        #expect(names == Self.simNames)
    }

    @Test("the luacheck globals are the sandbox's allow-list, print included, libraries with their members")
    func luacheckGlobals() throws {
        let rc = try Self.text(".luacheckrc")
        let globals = try Self.quotedNames(in: rc, block: "local sandbox_globals = {")
        let libraries = try Self.libraryFields(in: rc)
        #expect(globals.count == Set(globals).count)
        // `print` is a binding in _G (an alias of sim.log), not a global the sandbox keeps.
        let bindingGlobals = Set(SimBindings.all.filter { $0.table == "_G" }.map(\.name))
        #expect(bindingGlobals == ["print"])
        #expect(Set(globals).union(libraries.keys) == Sandbox.allowedGlobals.union(bindingGlobals))
        #expect(Set(libraries.keys) == Set(Sandbox.libraries).subtracting(["_G"]))
        for (library, member) in Sandbox.removedMembers {
            #expect(libraries[library]?.contains(member) == false, "\(library).\(member) is removed")
        }
        // math.random is the run's stream (a binding), so it stays declared.
        for binding in SimBindings.all where binding.table != "sim" && binding.table != "_G" {
            #expect(libraries[binding.table]?.contains(binding.name) == true, "\(binding.qualifiedName)")
        }
    }

    @Test("every library member the rc declares exists in a run")
    func luacheckMembersExist() throws {
        let libraries = try Self.libraryFields(in: Self.text(".luacheckrc"))
        let paths = libraries.sorted { $0.key < $1.key }.flatMap { library, members in
            members.sorted().map { "\(library).\($0)" }
        }
        let list = paths.map { "\"\($0)\"" }.joined(separator: ", ")
        let report = try runCompleted(
            header(steps: 0) + """
                for _, path in ipairs({\(list)}) do
                  local value = _G
                  for part in path:gmatch("[^.]+") do value = value[part] end
                  if value == nil then sim.log(path) end
                end
                """)
        #expect(report.logTexts == [])
    }

    @Test(
        "luacheck passes the shipped scenarios and reports a misspelt sim field and a global set",
        .enabled(if: EmbeddedLuaTests.luacheck != nil))
    func luacheckRuns() throws {
        let shipped = try Self.luacheck(["scenarios"])
        #expect(shipped.status == 0, "\(shipped.output)")

        let fixture = ScenarioFixture()
        let file = fixture.write("typo.lua", "sim.allign(\"a\", \"b\", 1)\ncount = 1\nlocal io_open = io\n")
        let typo = try Self.luacheck(["--config", ".luacheckrc", file])
        #expect(typo.status == 1)
        #expect(typo.output.contains("typo.lua:1:1: accessing undefined field 'allign' of global 'sim'"))
        #expect(typo.output.contains("typo.lua:2:1: setting non-standard global variable 'count'"))
        #expect(typo.output.contains("accessing undefined variable 'io'"))
    }

    static func luacheck(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try EmbeddedLuaTests.runLuacheck(arguments)
    }

    // MARK: editor/sim.lua

    @Test("the ---@meta file defines exactly the binding table's sim.* functions, each with a doc line")
    func metaFunctions() throws {
        let text = try Self.text("editor/sim.lua")
        #expect(text.hasPrefix("---@meta"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var defined: [String] = []
        for (index, line) in lines.enumerated() {
            guard let match = line.wholeMatch(of: /function sim\.(\w+)\(.*\) end/) else { continue }
            defined.append(String(match.1))
            // Above the function: its annotations, and above them the one-line summary.
            var above = index - 1
            while above >= 0, lines[above].hasPrefix("---@") { above -= 1 }
            #expect(
                above >= 0 && lines[above].hasPrefix("---") && lines[above].count > 3,
                "sim.\(match.1) has no doc line")
        }
        #expect(defined == Self.simNames)
    }

    @Test(".luarc.json puts the folder of the ---@meta file on the language server's library")
    func luarc() throws {
        let data = Data(try Self.text(".luarc.json").utf8)
        let settings = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(settings["runtime.version"] as? String == "Lua 5.4")
        let library = try #require(settings["workspace.library"] as? [String])
        #expect(library == ["editor"])
        #expect(FileManager.default.fileExists(atPath: PackageRoot.url.appendingPathComponent("editor/sim.lua").path))
    }
}
