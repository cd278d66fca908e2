// SeedScenarioTests: the scenarios shipped in scenarios/sahel run to a complete, well-formed,
// reproducible JSON report whose params, metrics and outcomes match what `simrun check` lists.
import Foundation
import Testing

@Suite("Seed scenarios")
struct SeedScenarioTests {
    /// Outcomes the issue asks each scenario to report.
    static let requiredOutcomes: [String: [String]] = [
        "scenarios/sahel/tinzaouaten.lua": ["russia_algeria_rupture", "tinzaouaten_held_by"],
        "scenarios/sahel/ghadames.lua": ["border_clash_algeria_lna"],
        "scenarios/sahel/russia_response.lua": [
            "russia_algeria_rupture", "border_clash_algeria_lna", "tinzaouaten_held_by",
        ],
        "scenarios/sahel/strain.lua": ["russia_algeria_rupture", "tinzaouaten_held_by"],
    ]

    @Test("runs to a complete JSON report", arguments: SimrunCLI.seedScenarios)
    func runsToCompleteReport(scenario: String) throws {
        let result = try SimrunCLI.run(["run", scenario, "--seed", "3", "--format", "json"])
        #expect(result.exited(0), "\(result)")
        #expect(SimrunCLI.isValidJSON(result.stdout), "Foundation cannot parse the report")
        let report = try JSON.parse(result.stdout)

        #expect(report.keys == SimrunCLI.reportKeys)
        #expect(report["simrun"]?["version"]?.string == "0.1.0")
        #expect(report["simrun"]?["schema"]?.int == 1)
        #expect(report["seed"]?.int == 3)
        #expect(report["status"]?["state"]?.string == "ok")

        let scenarioInfo = try #require(report["scenario"])
        #expect(scenarioInfo.keys == ["name", "description", "file", "sha256", "source"])
        #expect(scenarioInfo["file"]?.string == scenario)
        let sha = scenarioInfo["sha256"]?.string ?? ""
        #expect(sha.count == 64 && sha.allSatisfy { "0123456789abcdef".contains($0) }, "sha256 '\(sha)'")

        let steps = try #require(report["steps"]?.int)
        #expect(steps > 0)
        #expect(report["ticks"]?.int == steps)
        let series = report.metricSeries
        #expect(!series.isEmpty, "the scenario declares no metric")
        for (name, values) in series {
            #expect(values.count == steps + 1, "metric \(name) has \(values.count) values for \(steps) steps")
            #expect(values.allSatisfy { $0.isFinite }, "metric \(name)")
        }

        let outcomes = try #require(report["outcomes"])
        for name in Self.requiredOutcomes[scenario] ?? [] {
            #expect(outcomes[name] != nil, "outcome \(name) missing from \(outcomes.keys)")
        }
        if let rupture = outcomes["russia_algeria_rupture"] { #expect(rupture.bool != nil, "a boolean") }
        if let clash = outcomes["border_clash_algeria_lna"] { #expect(clash.bool != nil, "a boolean") }
        if let holder = outcomes["tinzaouaten_held_by"] { #expect(holder.string != nil, "a category") }
    }

    @Test("the report's structure is consistent", arguments: SimrunCLI.seedScenarios)
    func reportIsConsistent(scenario: String) throws {
        let result = try SimrunCLI.run(["run", scenario, "--format", "json", "--quiet"])
        #expect(result.exited(0), "\(result)")
        #expect(result.err.isEmpty, "--quiet leaves standard error empty: \(result.err)")
        let report = try JSON.parse(result.stdout)

        let agents = try #require(report["agents"]?.array)
        let ids = agents.compactMap { $0["id"]?.string }
        #expect(ids.count == agents.count && Set(ids).count == ids.count, "agent ids are unique strings")
        for agent in agents {
            #expect(
                agent.keys == [
                    "id", "name", "short", "kind", "patron", "effectiveness", "losses", "resources", "forces", "moving",
                ])
            if let patron = agent["patron"], !patron.isNull { #expect(ids.contains(patron.string ?? "")) }
        }
        let regionIDs = Set(report["regions"]?.array?.compactMap { $0["id"]?.string } ?? [])
        #expect(!regionIDs.isEmpty)
        for agent in agents {
            for region in agent["forces"]?.keys ?? [] { #expect(regionIDs.contains(region), "force in \(region)") }
        }

        // Every agent stands toward every other, within [-1, 1].
        let alignments = try #require(report["alignments"])
        #expect(alignments.keys == ids)
        for a in ids {
            let row = try #require(alignments[a])
            #expect(row.keys == ids.filter { $0 != a })
            for b in row.keys {
                let v = try #require(row[b]?.double)
                #expect((-1...1).contains(v), "\(a)→\(b) = \(v)")
            }
        }

        for tie in report["ties"]?.array ?? [] {
            #expect(ids.contains(tie["from"]?.string ?? "") && ids.contains(tie["to"]?.string ?? ""), "\(tie)")
        }

        // Events in timeline order, within the run, naming known agents and regions.
        let ticks = try #require(report["ticks"]?.int)
        var last = 0
        for event in report["events"]?.array ?? [] {
            #expect(event.keys == ["tick", "date", "type", "agents", "region", "data"])
            let tick = try #require(event["tick"]?.int)
            #expect(tick >= last && tick <= ticks, "event at tick \(tick) after \(last)")
            last = tick
            for agent in event["agents"]?.array ?? [] { #expect(ids.contains(agent.string ?? "")) }
            if let region = event["region"], !region.isNull { #expect(regionIDs.contains(region.string ?? "")) }
        }

        // The predicted coalitions split all the agents in two.
        let blocs = try #require(report["coalitions"]?["blocs"]?.array)
        #expect(blocs.count == 2)
        let members = blocs.flatMap { $0.array?.compactMap(\.string) ?? [] }
        #expect(members.sorted() == ids.sorted())
        #expect(report["coalitions"]?["exact"]?.bool != nil)
        #expect(report["balance"]?.double.map { (0...1).contains($0) } == true)

        // One day per tick: end = start + ticks.
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        let start = try #require(formatter.date(from: report["start"]?.string ?? ""))
        let end = try #require(formatter.date(from: report["end"]?.string ?? ""))
        #expect(end.timeIntervalSince(start) == Double(ticks) * 86_400)
    }

    @Test("params, metrics and outcomes match simrun check", arguments: SimrunCLI.seedScenarios)
    func reportMatchesCheck(scenario: String) throws {
        let check = try SimrunCLI.run("check", scenario)
        #expect(check.exited(0), "\(check)")
        let run = try SimrunCLI.run("run", scenario, "--format", "json", "--steps", "10")
        #expect(run.exited(0), "\(run)")
        let report = try JSON.parse(run.stdout)

        #expect(report["metrics"]?.keys == checkListing(check.out, title: "METRICS"))
        #expect(report["outcomes"]?.keys == checkListing(check.out, title: "OUTCOMES"))
        let checkedParams = checkSection(check.out, title: "PARAMS").compactMap {
            $0.split(separator: " ", omittingEmptySubsequences: true).first.map(String.init)
        }
        #expect(report["params"]?.keys == checkedParams)
        let checkedAgents = checkSection(check.out, title: "AGENTS").compactMap {
            $0.split(separator: " ", omittingEmptySubsequences: true).first.map(String.init)
        }
        #expect(report["agents"]?.array?.compactMap { $0["id"]?.string } == checkedAgents)
        // `check` shows the first 16 hex digits of the same sha256.
        let sha = report["scenario"]?["sha256"]?.string ?? "?"
        #expect(check.out.contains("sha256 \(sha.prefix(16))"), "check and run disagree on the sha256")
    }

    @Test("the same seed in two processes gives byte-identical reports", arguments: SimrunCLI.seedScenarios)
    func deterministicAcrossProcesses(scenario: String) throws {
        let args = ["run", scenario, "--seed", "42", "--param", "haftar_day=9", "--format", "json"]
        let first = try SimrunCLI.run(args)
        let second = try SimrunCLI.run(args)
        #expect(first.exited(0) && second.exited(0), "\(first)\n\(second)")
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout, "two runs of \(scenario) with seed 42 differ")

        let text1 = try SimrunCLI.run(["run", scenario, "--seed", "42", "--format", "text"])
        let text2 = try SimrunCLI.run(["run", scenario, "--seed", "42", "--format", "text"])
        #expect(text1.exited(0) && text1.stdout == text2.stdout, "the text report differs between runs")
    }

    @Test("another seed gives another report", arguments: SimrunCLI.seedScenarios)
    func seedMatters(scenario: String) throws {
        let one = try SimrunCLI.run("run", scenario, "--seed", "1", "--format", "json")
        let two = try SimrunCLI.run("run", scenario, "--seed", "2", "--format", "json")
        #expect(one.exited(0) && two.exited(0))
        let a = try JSON.parse(one.stdout), b = try JSON.parse(two.stdout)
        #expect(a["scenario"] == b["scenario"], "the seed does not change the scenario's identity")
        #expect(a["events"] != b["events"] || a["metrics"] != b["metrics"], "seeds 1 and 2 ran the same")
    }

    @Test("ghadames over seeds 1...20 has more than one outcome")
    func ghadamesOutcomesVaryBySeed() throws {
        var outcomeSets: Set<String> = []
        for seed in 1...20 {
            let result = try SimrunCLI.run(
                "run", "scenarios/sahel/ghadames.lua", "--seed", String(seed), "--format", "json")
            #expect(result.exited(0), "\(result)")
            let outcomes = try #require(try JSON.parse(result.stdout)["outcomes"])
            #expect(outcomes["border_clash_algeria_lna"]?.bool != nil)
            // Canonical text of the whole outcome set, through Foundation's parser and sorted keys.
            let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
            let canonical = try JSONSerialization.data(
                withJSONObject: object["outcomes"] ?? [:], options: [.sortedKeys])
            outcomeSets.insert(String(decoding: canonical, as: UTF8.self))
        }
        #expect(outcomeSets.count >= 2, "20 seeds gave a single outcome set: the randomness is not real")
    }

    @Test("the issue's command: tinzaouaten, seed 7, 120 steps, haftar_day=20, JSON to a file")
    func issueCommand() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.json")
        let result = try SimrunCLI.run(
            "run", "scenarios/sahel/tinzaouaten.lua", "--seed", "7", "--steps", "120",
            "--param", "haftar_day=20", "--format", "json", "--out", out.path)
        #expect(result.exited(0), "\(result)")
        #expect(result.stdout.isEmpty, "with --out the report is not on standard output")
        let data = try Data(contentsOf: out)
        #expect(SimrunCLI.isValidJSON(data))
        let report = try JSON.parse(data)
        #expect(report.keys == SimrunCLI.reportKeys)
        #expect(report["params"]?["haftar_day"]?.int == 20)
        #expect(report["seed"]?.int == 7)
        #expect(report["steps"]?.int == 120)
        #expect(report["ticks"]?.int == 120)
        #expect(report["start"]?.string == "2024-07-22")
        #expect(report["end"]?.string == "2024-11-19")
        #expect(report["status"]?["state"]?.string == "ok")
        for (name, values) in report.metricSeries { #expect(values.count == 121, "metric \(name)") }
        // Through Foundation's parser too, as a consumer would read it.
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let params = try #require(object["params"] as? [String: Any])
        #expect((params["haftar_day"] as? NSNumber)?.intValue == 20)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.json"], "no temporary file left")
    }
}
