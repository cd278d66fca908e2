// CheckCommandTests: `simrun check FILE` loads and validates a scenario without stepping it, and
// lists its params, agents, regions, hooks, metrics and outcomes.
import Foundation
import Testing

@Suite("simrun check")
struct CheckCommandTests {
    static let ghadames = "scenarios/sahel/ghadames.lua"

    @Test("ghadames.lua is valid and its listing is complete")
    func ghadamesListing() throws {
        let result = try SimrunCLI.run("check", Self.ghadames)
        #expect(result.exited(0), "\(result)")
        #expect(result.err.isEmpty, "\(result.err)")
        let text = result.out
        #expect(text.hasPrefix("ghadames (\(Self.ghadames))\n"))
        #expect(text.hasSuffix("ok: \(Self.ghadames) is valid\n"))
        #expect(text.contains("start 2024-08-01"))
        #expect(text.contains("source: seeds/000_897de2a47dc8da2c.txt"))

        let params = checkSection(text, title: "PARAMS")
        for name in ["haftar_day", "lna_force", "algeria_alert", "russian_backing", "gnu_resolve"] {
            #expect(params.contains { $0.hasPrefix("  \(name) = ") }, "param \(name) in \(params)")
        }
        #expect(params.contains { $0.hasPrefix("  haftar_day = 7 ") }, "shows the value in force")
        #expect(text.contains("PARAMS (\(params.count))"))

        let agents = checkSection(text, title: "AGENTS")
        for id in ["russia", "algeria", "lna", "gnu"] {
            #expect(agents.contains { $0.hasPrefix("  \(id)  ") }, "agent \(id)")
        }
        #expect(text.contains("AGENTS (\(agents.count))"))

        let regions = checkSection(text, title: "REGIONS")
        for id in ["ghadames", "crossing", "debdeb", "derj", "sabha"] {
            #expect(regions.contains { $0.hasPrefix("  \(id)  ") }, "region \(id)")
        }
        #expect(text.contains("REGIONS (\(regions.count), "))

        let hooks = checkSection(text, title: "HOOKS")
        let counts = hooks.first ?? ""
        for kind in ["at:", "every:", "on tick:", "on event:", "when:", "policy:"] {
            #expect(counts.contains(kind), "hook kind \(kind) in \(counts)")
        }
        let policies = hooks.first { $0.hasPrefix("  policies of: ") } ?? ""
        for agent in ["algeria", "lna", "gnu"] { #expect(policies.contains(agent), "policy of \(agent): \(policies)") }

        let metrics = try #require(checkListing(text, title: "METRICS"))
        #expect(metrics.contains("algeria_lna") && metrics.contains("lna_near_border"))
        let outcomes = try #require(checkListing(text, title: "OUTCOMES"))
        #expect(outcomes.contains("border_clash_algeria_lna"))
        #expect(outcomes.contains("ghadames_held_by"))
    }

    @Test("every seed scenario is valid", arguments: SimrunCLI.seedScenarios)
    func seedScenariosAreValid(scenario: String) throws {
        let result = try SimrunCLI.run("check", scenario)
        #expect(result.exited(0), "\(result)")
        #expect(result.out.hasSuffix("ok: \(scenario) is valid\n"))
        for section in ["PARAMS (", "AGENTS (", "REGIONS (", "HOOKS", "METRICS (", "OUTCOMES ("] {
            #expect(result.out.contains(section), "section \(section)")
        }
    }

    @Test("check --param shows the value in force and the default")
    func checkWithParam() throws {
        let result = try SimrunCLI.run(
            "check", Self.ghadames, "--param", "haftar_day=30", "--param", "algeria_alert=0.9")
        #expect(result.exited(0), "\(result)")
        let params = checkSection(result.out, title: "PARAMS")
        #expect(params.contains { $0.hasPrefix("  haftar_day = 30 (default 7)") }, "\(params)")
        #expect(params.contains { $0.hasPrefix("  algeria_alert = 0.9 (default 0.6)") }, "\(params)")
    }

    @Test("check does not step the scenario: hooks that fail later do not fail it")
    func checkDoesNotRun() throws {
        let result = try SimrunCLI.run("check", SimrunCLI.fixture("valid/fails_midrun.lua"))
        #expect(result.exited(0), "\(result)")
        #expect(checkListing(result.out, title: "METRICS") == ["tick"])
        #expect(checkSection(result.out, title: "HOOKS").first?.contains("at: 1") == true)
    }

    @Test("check --format json: the listing as one document, params typed with bounds and docs")
    func ghadamesJSON() throws {
        let result = try SimrunCLI.run("check", Self.ghadames, "--format", "json", "--param", "haftar_day=30")
        #expect(result.exited(0), "\(result)")
        #expect(result.err.isEmpty, "\(result.err)")
        let json = try #require(result.json, "\(result.out)")
        #expect(
            json.keys == [
                "scenario", "params", "pinned_rates", "agents", "regions", "links", "hooks", "event_types",
                "policies", "metrics", "outcomes", "observed", "warnings",
            ])
        #expect(json["scenario"]?["name"]?.string == "ghadames")
        #expect(json["scenario"]?["file"]?.string == Self.ghadames)
        #expect(json["scenario"]?["start"]?.string == "2024-08-01")
        #expect(json["scenario"]?["source"]?.string == "seeds/000_897de2a47dc8da2c.txt")

        let params = try #require(json["params"]?.array)
        #expect(
            params.compactMap { $0["name"]?.string }.prefix(5)
                == ["haftar_day", "lna_force", "algeria_alert", "russian_backing", "gnu_resolve"])
        let haftarDay = try #require(params.first)
        #expect(
            haftarDay.keys == ["name", "type", "value", "default", "min", "max", "choices", "fixed", "doc"])
        #expect(haftarDay["type"]?.string == "integer")
        #expect(haftarDay["value"]?.int == 30 && haftarDay["default"]?.int == 7)
        #expect(haftarDay["min"]?.int == 0 && haftarDay["max"]?.int == 121)
        #expect(haftarDay["choices"] == .null && haftarDay["fixed"]?.bool == false)
        #expect(haftarDay["doc"]?.string?.isEmpty == false)
        let rupture = try #require(params.first { $0["name"]?.string == "rupture_at" })
        #expect(rupture["type"]?.string == "number" && rupture["fixed"]?.bool == true)
        #expect(rupture["min"]?.double == -1 && rupture["max"]?.double == 1)

        let agents = try #require(json["agents"]?.array).compactMap { $0["id"]?.string }
        #expect(["russia", "algeria", "lna", "gnu"].allSatisfy(agents.contains), "\(agents)")
        let regions = try #require(json["regions"]?.array).compactMap { $0["id"]?.string }
        #expect(["ghadames", "crossing", "debdeb", "derj", "sabha"].allSatisfy(regions.contains), "\(regions)")
        #expect(json["hooks"]?.keys == ["at", "every", "on_tick", "on_event", "when", "policy"])
        #expect(json["hooks"]?["policy"]?.int == 3)
        #expect(json["policies"]?.array?.compactMap(\.string) == ["algeria", "lna", "gnu"])
        let outcomes = try #require(json["outcomes"]?.array).compactMap(\.string)
        #expect(outcomes.contains("border_clash_algeria_lna") && outcomes.contains("ghadames_held_by"))
        #expect(json["observed"]?.array?.count == 6)

        // The same document with --out, and nothing on standard output.
        let folder = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("check.json").path
        let written = try SimrunCLI.run(
            "check", Self.ghadames, "--format", "json", "--param", "haftar_day=30", "--out", out)
        #expect(written.exited(0), "\(written)")
        #expect(written.stdout.isEmpty)
        #expect(FileManager.default.contents(atPath: out) == result.stdout)
    }

    @Test("check --format json of a scenario that does not load: the error, exit 65, no document")
    func jsonOfABrokenScenario() throws {
        let folder = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("typo.lua")
        try Data("sim.scenario{name = \"t\", start = \"2024-01-01\", steps = 1}\nsim.allign(\"a\", \"b\", 1)\n".utf8)
            .write(to: file)
        let result = try SimrunCLI.run("check", file.path, "--format", "json")
        #expect(result.exited(65), "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.err.contains("allign"), "\(result.err)")
    }

    @Test("check --format md: the params with types, ranges and docs, and the rest, as markdown tables")
    func markdown() throws {
        let result = try SimrunCLI.run("check", "Tests/Fixtures/batch/coin.lua", "--format", "md")
        #expect(result.exited(0), "\(result)")
        #expect(
            result.out.hasPrefix("## coin\n\n`Tests/Fixtures/batch/coin.lua`: start 2024-01-01, 20 steps, sha256 `"))
        #expect(
            result.out.contains(
                """
                ### Params (4)

                | param | type | value | default | range | doc |
                | --- | --- | --- | --- | --- | --- |
                | a | integer | 2 | 2 | [0..5] | an integer weight in [0, 5] |
                | b | number | 0.5 | 0.5 | [0..1] | a probability |
                | loud | boolean | false | false |  |  |
                | label | string | plain | plain |  |  |

                ### Agents (2)

                | id | name | kind |
                | --- | --- | --- |
                | a | Agent A | state |
                | b | Agent B | state |
                """), "\(result.out)")
        #expect(
            result.out.hasSuffix(
                "### Outcomes (5)\n\n| outcome |\n| --- |\n| total |\n| heads |\n| won |\n| side |\n| tag |\n"))
    }

    @Test("check lists a setup warning")
    func checkWarnings() throws {
        let result = try SimrunCLI.run("check", SimrunCLI.fixture("valid/warns.lua"))
        #expect(result.exited(0), "\(result)")
        #expect(checkSection(result.out, title: "WARNINGS").first?.contains("clamped to 1.0") == true, "\(result.out)")
    }

    @Test(
        "--help exits 0 and mentions --param", arguments: [["check", "--help"], ["check", "-h"], ["help", "check"]])
    func help(arguments: [String]) throws {
        let result = try SimrunCLI.run(arguments)
        #expect(result.exited(0), "\(result)")
        #expect(result.out.contains("USAGE: simrun check FILE"))
        #expect(result.out.contains("--param NAME=VALUE"))
        #expect(result.out.contains("--help"))
    }

    @Test("usage errors and missing files")
    func errors() throws {
        let noFile = try SimrunCLI.run("check")
        #expect(noFile.exited(64), "\(noFile)")
        #expect(noFile.errLines.first == "simrun: error: check needs a scenario file (simrun check FILE)")

        let missing = try SimrunCLI.run("check", "scenarios/sahel/missing.lua")
        #expect(missing.exited(66), "\(missing)")
        #expect(missing.errLines == ["simrun: error: scenarios/sahel/missing.lua: no such file"])

        let unknown = try SimrunCLI.run("check", Self.ghadames, "--param", "nope=1")
        #expect(unknown.exited(64), "\(unknown)")
        #expect(
            unknown.err.contains("known: haftar_day, lna_force, algeria_alert, russian_backing, gnu_resolve"),
            "\(unknown.err)")

        let illTyped = try SimrunCLI.run("check", Self.ghadames, "--param", "haftar_day=abc")
        #expect(illTyped.exited(64), "\(illTyped)")
        #expect(illTyped.err.contains("haftar_day=abc"))
        #expect(illTyped.stdout.isEmpty)
    }
}
