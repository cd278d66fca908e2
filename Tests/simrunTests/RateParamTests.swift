// RateParamTests: `--param dynamics.NAME=VALUE` end to end in `run`, paired `compare` and `diff` — the
// pinned rate takes effect, shows in the report's `params` and `dynamics`, holds over the scenario's
// own `sim.dynamics` — and the mistakes every command refuses in one line naming the flag. The
// batch side is in BatchCommandTests+Rates.
import Foundation
import Testing

@Suite("dynamics.NAME from the command line")
struct RateParamTests {
    @Test("run: a pinned balance takes effect and the report gives it in params and dynamics")
    func run() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let triad = try TriadScenario.write(in: dir)
        let plain = try SimrunCLI.run("run", triad, "--format", "json")
        let pinned = try SimrunCLI.run("run", triad, "--param", "dynamics.balance=0", "--format", "json")
        #expect(plain.exited(0), "\(plain)")
        #expect(pinned.exited(0), "\(pinned)")
        let before = try #require(plain.json), after = try #require(pinned.json)

        #expect(before.keys == SimrunCLI.reportKeys && after.keys == SimrunCLI.reportKeys)
        #expect((before["outcomes"]?["ac"]?.double ?? 0) > 0, "balance pulls a–c toward a–b × b–c")
        #expect(after["outcomes"]?["ac"]?.double == 0, "no balance, no pull")
        #expect(before["params"]?.keys == ["w", "tag"])
        #expect(after["params"]?.keys == ["w", "tag", "dynamics.balance"])
        #expect(after["params"]?["dynamics.balance"] == .number("0.0"))

        let dynamics = try #require(after["dynamics"])
        #expect(dynamics.keys.prefix(7) == ["speed", "hostility", "noise", "grievance", "blame", "balance", "decay"])
        #expect(dynamics.keys.last == "thresholds")
        #expect(dynamics["balance"] == .number("0.0"))
        #expect(dynamics["decay"]?.double == TriadScenario.decay, "the scenario's own rate, after setup")
        #expect(dynamics["thresholds"]?.array?.count == 1, "hostility alone, the default")
        #expect((before["dynamics"]?["balance"]?.double ?? 0) > 0, "the default balance")
        for key in dynamics.keys where key != "balance" {
            #expect(before["dynamics"]?[key] == dynamics[key], "\(key) is the same in both runs")
        }

        // A pin holds over the scenario's own sim.dynamics.
        let decay = try SimrunCLI.run("run", triad, "--param", "dynamics.decay=0", "--format", "json")
        #expect(decay.json?["dynamics"]?["decay"] == .number("0.0"))
        #expect(decay.json?["outcomes"]?["ab"]?.double == 0, "nothing pulls a–b back")
        #expect(decay.json?["params"]?["dynamics.decay"] == .number("0.0"))
    }

    @Test("paired compare: a rate pinned on one side, or on both")
    func pairedCompare() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let triad = try TriadScenario.write(in: dir)
        let result = try SimrunCLI.run(
            "compare", triad, triad, "--runs", "3", "--variant-param", "dynamics.balance=0", "--format", "json")
        #expect(result.exited(0), "\(result)")
        let json = try #require(result.json)
        #expect(json["variant"]?["params"]?["dynamics.balance"]?.string == "0")
        let ac = json["paired"]?["outcomes"]?.array?.first { $0["outcome"]?.string == "ac" }
        #expect(ac?["pairs"]?.int == 3)
        #expect(ac?["variant_mean"]?.double == 0)
        #expect((ac?["difference"]?["estimate"]?.double ?? 0) < 0, "the variant loses balance's pull")

        // Pinned on both sides, only the other rate differs: balance 0 leaves a–c at 0 on both.
        let both = try SimrunCLI.run(
            "compare", triad, triad, "--runs", "2", "--param", "dynamics.balance=0",
            "--variant-param", "dynamics.decay=0", "--format", "json")
        #expect(both.exited(0), "\(both)")
        let rows = both.json?["paired"]?["outcomes"]?.array ?? []
        let bothAC = rows.first { $0["outcome"]?.string == "ac" }
        let bothAB = rows.first { $0["outcome"]?.string == "ab" }
        #expect(bothAC?["base_mean"]?.double == 0 && bothAC?["variant_mean"]?.double == 0)
        #expect(bothAB?["variant_mean"]?.double == 0, "no decay: a–b stays cut")
        #expect((bothAB?["base_mean"]?.double ?? 0) > 0)
    }

    @Test("compare of two runs files: batches with a pinned rate compare like any others")
    func batchFilesCompare() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let triad = try TriadScenario.write(in: dir)
        for (name, balance) in [("base", "0"), ("variant", "0.01")] {
            let batch = try BatchFixture.batch(
                triad, "--runs", "2", "--param", "dynamics.balance=\(balance)", "--sweep", "dynamics.decay=0,0.05",
                "--out", dir.path(name + ".jsonl"), "--summary", dir.path(name + ".json"), "--quiet")
            #expect(batch.exited(0), "\(batch)")
        }
        for ext in ["jsonl", "json"] {
            let result = try SimrunCLI.run("compare", dir.path("base.\(ext)"), dir.path("variant.\(ext)"))
            #expect(result.exited(0), "\(result)")
            #expect(result.out.contains("POINT 1 dynamics.decay=0.05"), "\(result.out)")
            let json = try SimrunCLI.run(
                "compare", dir.path("base.\(ext)"), dir.path("variant.\(ext)"), "--format", "json")
            let ac = json.json?["outcomes"]?.array?.first {
                $0["point"]?.int == 1 && $0["outcome"]?.string == "ac"
            }
            #expect((ac?["difference"]?["estimate"]?.double ?? 0) > 0, "\(ext): more balance, more pull")
        }
        let refused = try SimrunCLI.run(
            "compare", dir.path("base.json"), dir.path("variant.json"), "--param", "dynamics.balance=0")
        #expect(refused.exited(64), "--param is for two scenario files: \(refused)")
    }

    @Test("diff: a pinned rate parts the runs; pinned alike on both sides, they stay identical")
    func diff() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let triad = try TriadScenario.write(in: dir)
        let result = try SimrunCLI.run(
            "diff", triad, triad, "--variant-param", "dynamics.balance=0", "--format", "json")
        #expect(result.exited(1), "\(result)")
        #expect(result.json?["state"]?["parts"]?.array?.compactMap(\.string) == ["alignments"])
        #expect(result.json?["metric"]?["name"]?.string == "ac")
        let same = try SimrunCLI.run("diff", triad, triad, "--param", "dynamics.balance=0")
        #expect(same.exited(0), "\(same)")
    }

    @Test(
        "an unknown rate, a value outside its allowed range or --vary without --sample: exit 64, one line",
        arguments: [
            (["run", "@", "--param", "dynamics.nope=1"], "--param dynamics.nope"),
            (["run", "@", "--param", "dynamics.balance=-1"], "--param dynamics.balance=-1"),
            (["run", "@", "--param", "dynamics.balance=fast"], "--param dynamics.balance=fast"),
            (["batch", "@", "--runs", "2", "--param", "dynamics.decay=5000"], "--param dynamics.decay=5000"),
            (["batch", "@", "--runs", "2", "--sweep", "dynamics.nope=1,2"], "--sweep dynamics.nope"),
            (["batch", "@", "--runs", "2", "--sweep", "dynamics.decay=0,5000"], "--sweep dynamics.decay"),
            (["batch", "@", "--runs", "2", "--sweep", "dynamics.decay=0:2000:1000"], "--sweep dynamics.decay"),
            (["batch", "@", "--runs", "2", "--sweep", "dynamics.decay=0,x"], "--sweep dynamics.decay=0,x"),
            (
                ["batch", "@", "--runs", "2", "--param", "dynamics.decay=0", "--sweep", "dynamics.decay=0,1"],
                "--sweep dynamics.decay"
            ),
            (["batch", "@", "--runs", "2", "--vary", "dynamics.balance"], "--vary dynamics.balance"),
            (["batch", "@", "--runs", "2", "--sample", "lhs:3", "--vary", "dynamics.nope"], "--vary dynamics.nope"),
            (["batch", "@", "--runs", "2", "--sample", "lhs:3", "--vary", "nope"], "--vary nope"),
            (["batch", "@", "--runs", "2", "--sample", "lhs:3", "--vary", "tag"], "--vary tag"),
            (
                ["batch", "@", "--runs", "2", "--sample", "lhs:3", "--vary", "w", "--vary", "w"],
                "--vary w"
            ),
            (
                ["batch", "@", "--runs", "2", "--sample", "lhs:3", "--param", "w=1", "--vary", "w"],
                "--vary w"
            ),
            (["compare", "@", "@", "--runs", "2", "--param", "dynamics.nope=1"], "--param dynamics.nope"),
            (
                ["compare", "@", "@", "--runs", "2", "--base-param", "dynamics.balance=200"],
                "--param dynamics.balance=200"
            ),
            (["diff", "@", "@", "--variant-param", "dynamics.speed=-5"], "--param dynamics.speed=-5"),
        ])
    func mistakes(arguments: [String], message: String) throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let triad = try TriadScenario.write(in: dir)
        let result = try SimrunCLI.run(arguments.map { $0 == "@" ? triad : $0 })
        #expect(result.exited(64), "\(result)")
        #expect(result.errLines.count == 1, "\(result)")
        #expect(result.err.hasPrefix("simrun: error: " + message), "\(result.err)")
        #expect(result.out.isEmpty, "nothing runs")
    }
}
