// LibraryPathTests: a scenario in the user's own folder builds on the shipped Sahel world through
// `--lib` or `SIMRUN_PATH`, and a run's facts of the record (`sim.observed`) reach rows and summaries.
import Foundation
import Testing

@Suite("Library path and the record, end to end")
struct LibraryPathTests {
    /// A user's scenario that includes the shipped world and declares one fact of the record.
    static let mine = """
        sim.scenario{name = "mine", start = "2024-08-01", steps = 3}
        local W = sim.include("sahel/world.lua")
        sim.outcome("wagner", function() return W.total("wagner") end)
        sim.observed("wagner still in Mali", function() return W.at("wagner", "kidal") > 0 end)

        """

    static var shipped: String { SimrunCLI.root.appendingPathComponent("scenarios").path }

    @Test("--lib and SIMRUN_PATH let a scenario elsewhere include scenarios/sahel/world.lua")
    func includeTheShippedWorld() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        try Self.mine.write(toFile: dir.path("mine.lua"), atomically: true, encoding: .utf8)
        let alone = try SimrunCLI.run(["run", dir.path("mine.lua")])
        #expect(alone.exited(65), "\(alone)")
        #expect(alone.err.contains("sahel/world.lua: no such file"), "\(alone.err)")
        for (arguments, environment) in [
            (["--lib", Self.shipped], [:]), ([], ["SIMRUN_PATH": "/no-such-folder-here:" + Self.shipped]),
        ] {
            let result = try SimrunCLI.run(
                ["run", dir.path("mine.lua"), "--format", "json"] + arguments, environment: environment)
            if environment.isEmpty {
                #expect(result.exited(0), "\(result)")
                let report = try JSON.parse(result.stdout)
                #expect(report["outcomes"]?["wagner"]?.double == 1500)
                #expect(report["observed"]?["wagner still in Mali"]?.bool == true)
            } else {
                // A folder of SIMRUN_PATH that does not exist is named, not skipped.
                #expect(result.exited(66), "\(result)")
                #expect(result.err.contains("library folder '/no-such-folder-here'"), "\(result.err)")
            }
        }
        let viaPath = try SimrunCLI.run(
            ["check", dir.path("mine.lua")], environment: ["SIMRUN_PATH": Self.shipped])
        #expect(viaPath.exited(0), "\(viaPath)")
        #expect(viaPath.out.contains("OBSERVED (1): wagner still in Mali"))
    }

    @Test("a batch's rows carry each run's facts and its summary their shares")
    func observedInBatches() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        try Self.mine.write(toFile: dir.path("mine.lua"), atomically: true, encoding: .utf8)
        let result = try SimrunCLI.run([
            "batch", dir.path("mine.lua"), "--lib", Self.shipped, "--runs", "4", "--out", dir.path("runs.jsonl"),
            "--summary", dir.path("summary.json"), "--quiet",
        ])
        #expect(result.exited(0), "\(result)")
        let lines = try dir.text("runs.jsonl").split(separator: "\n").map { try JSON.parse(Data($0.utf8)) }
        #expect(lines[0]["columns"]?["observed"]?.array?.compactMap(\.string) == ["wagner still in Mali"])
        #expect(lines.dropFirst().allSatisfy { $0["observed"]?["wagner still in Mali"]?.bool == true })
        let summary = try JSON.parse(try dir.bytes("summary.json"))
        let point = try #require(summary["points"]?[0])
        #expect(point["observed"]?["wagner still in Mali"]?["p"]?.double == 1)
        #expect(point["consistent"]?["true"]?.int == 4)
    }
}
