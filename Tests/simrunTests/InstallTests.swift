// InstallTests: `make install` into a temporary prefix with the binary the tests built (SIMRUN_BIN,
// so no release build), then the installed simrun used as a user would — from another folder, a
// scenario including the shipped library with no --lib — its man page read, and `make uninstall`
// leaving no file behind.
import Foundation
import Testing

@Suite("make install and uninstall")
struct InstallTests {
    /// `make TARGET PREFIX=prefix SIMRUN_BIN=the tests' simrun` in the package root.
    private func make(_ target: String, prefix: URL) throws -> SimrunResult {
        try SimrunCLI.run(
            ["make", "--no-print-directory", target, "PREFIX=" + prefix.path, "SIMRUN_BIN=" + SimrunCLI.binary.path],
            timeout: 120, executable: URL(fileURLWithPath: "/usr/bin/env"))
    }

    /// Every regular file under `folder`, as paths relative to it, sorted.
    private func files(under folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        let base = folder.resolvingSymlinksInPath().path + "/"
        return (enumerator?.allObjects as? [URL] ?? []).filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }.map { String($0.resolvingSymlinksInPath().path.dropFirst(base.count)) }.sorted()
    }

    @Test("install puts the binary, the library, the editor files and simrun.1 under PREFIX; uninstall removes them")
    func installAndUninstall() throws {
        let prefix = try SimrunCLI.temporaryDirectory(prefix: "simrun-prefix")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let install = try make("install", prefix: prefix)
        #expect(install.exited(0), "\(install)")

        let library = files(under: SimrunCLI.root.appendingPathComponent("scenarios")).map {
            "share/simrun/scenarios/" + $0
        }
        let expected =
            [
                "bin/simrun", "share/man/man1/simrun.1", "share/simrun/editor/.luacheckrc",
                "share/simrun/editor/.luarc.json", "share/simrun/editor/sim.lua",
            ] + library
        #expect(files(under: prefix) == expected.sorted())
        #expect(library.contains("share/simrun/scenarios/sahel/world.lua"))

        // From a folder of the user's, with no --lib and no SIMRUN_PATH: the installed library is found.
        let work = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        try LibraryPathTests.mine.write(to: work.appendingPathComponent("mine.lua"), atomically: true, encoding: .utf8)
        let installed = prefix.appendingPathComponent("bin/simrun")
        let run = try SimrunCLI.run(
            ["run", "mine.lua", "--format", "json"], in: work, environment: ["SIMRUN_PATH": ""],
            executable: installed)
        #expect(run.exited(0), "\(run)")
        #expect(run.json?["outcomes"]?["wagner"]?.double == 1500)

        let man = prefix.appendingPathComponent("share/man/man1/simrun.1")
        let roff = try String(contentsOf: man, encoding: .utf8)
        #expect(roff == (try SimrunCLI.run("help", "--man").out))
        let groff = URL(fileURLWithPath: "/usr/bin/groff")
        if FileManager.default.isExecutableFile(atPath: groff.path) {
            // -ww: every warning; -z: format, print nothing. A page groff warns about is not clean.
            let formatted = try SimrunCLI.run(["-man", "-Tutf8", "-ww", "-z", man.path], executable: groff)
            #expect(formatted.exited(0) && formatted.stderr.isEmpty, "\(formatted)")
        }

        let uninstall = try make("uninstall", prefix: prefix)
        #expect(uninstall.exited(0), "\(uninstall)")
        #expect(files(under: prefix) == [])
        #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/simrun").path))
    }
}
