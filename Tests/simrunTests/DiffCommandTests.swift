// DiffCommandTests: `simrun diff` end to end — two runs that part at a known tick, as reports and as
// scenarios (with the values at that tick), identical runs, and the exit codes.
import Foundation
import Testing

@Suite("simrun diff")
struct DiffCommandTests {
    static let duel = CompareCommandTests.duel

    @Test("two reports that differ from a known tick: the tick, the parts, the event and the metric")
    func reports() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        for (name, day) in [("a.json", "-1"), ("b.json", "6")] {
            let result = try SimrunCLI.run(
                "run", Self.duel, "--seed", "2", "--param", "shift_day=\(day)",
                "--format", "json", "--out", dir.path(name))
            #expect(result.exited(0), "\(result)")
        }
        let result = try SimrunCLI.run("diff", dir.path("a.json"), dir.path("b.json"), "--format", "json")
        #expect(result.exited(1), "\(result)")
        let json = try #require(result.json)
        // The hook fires during tick 6 (its event carries tick 6); the state after 7 ticks shows it.
        #expect(json["first_tick"]?.int == 6)
        #expect(json["state"]?["tick"]?.int == 7)
        #expect(json["state"]?["parts"]?.array?.compactMap(\.string) == ["alignments"])
        #expect(json["event"]?["variant"]?["type"]?.string == "anger")
        #expect(json["event"]?["variant"]?["tick"]?.int == 6)
        #expect(json["metric"]?["name"]?.string == "c_toward_a" && json["metric"]?["tick"]?.int == 7)
        let text = try SimrunCLI.run("diff", dir.path("a.json"), dir.path("b.json"))
        #expect(text.out.contains("first divergence at tick 6"))
        #expect(text.out.contains("state: alignments differ from tick 7"))
    }

    @Test("two scenarios with one seed: the values that differ at the first differing tick")
    func scenarios() throws {
        let result = try SimrunCLI.run("diff", Self.duel, Self.duel, "--variant-param", "shift_day=6", "--seed", "2")
        #expect(result.exited(1), "\(result)")
        #expect(result.out.contains("THE STATE AFTER TICK 7"))
        #expect(result.out.contains("c → a"), "\(result.out)")
        let markdown = try SimrunCLI.run(
            "diff", Self.duel, Self.duel, "--variant-param", "shift_day=6", "--seed", "2", "--format", "md")
        #expect(markdown.exited(1), "\(markdown)")
        #expect(markdown.out.contains("\n## The state after tick 7\n"), "\(markdown.out)")
        #expect(markdown.out.contains("| c → a |"), "\(markdown.out)")
        let json = try SimrunCLI.run(
            "diff", Self.duel, Self.duel, "--variant-param", "shift_day=6", "--seed", "2",
            "--format", "json")
        let first = json.json?["state_at_divergence"]?["alignments"]?[0]
        #expect(first?["what"]?.string == "c → a")
        let change = first?["change"]?.double ?? 0
        #expect(abs(change + 0.1) < 0.02, "the hook's −0.1, give or take one tick of the dynamics")
    }

    @Test("identical runs exit 0; extra draws in a policy stream leave the run identical")
    func identical() throws {
        let same = try SimrunCLI.run("diff", Self.duel, Self.duel, "--seed", "5")
        #expect(same.exited(0), "\(same)")
        #expect(same.out.contains("identical: the runs do not diverge over 20 ticks"))
        let fidget = try SimrunCLI.run("diff", Self.duel, Self.duel, "--variant-param", "fidget=true", "--seed", "5")
        #expect(fidget.exited(0), "\(fidget)")
    }

    @Test(
        "mistakes",
        arguments: [
            (["diff", "a.json"], 64, "diff needs two files"),
            (["diff", "a.json", "b.json", "--seed", "3"], 64, "--seed is for diffing two scenario files"),
            (["diff", "a.json", "b.lua"], 64, "not one of each"),
            (["diff", "nope-a.json", "nope-b.json"], 66, "nope-a.json: no such file"),
        ] as [([String], Int32, String)])
    func mistakes(_ arguments: [String], _ code: Int32, _ message: String) throws {
        let result = try SimrunCLI.run(arguments)
        #expect(result.exited(code), "\(result)")
        #expect(result.errLines.first?.contains(message) == true, "\(result)")
    }
}
