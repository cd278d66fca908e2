// RunCommandTests: `simrun run` — steps and params, formats, warnings, reports of runs that stop
// or fail part-way, and the usage errors of params and files.
import Foundation
import Testing

@Suite("simrun run")
struct RunCommandTests {
    static let ghadames = "scenarios/sahel/ghadames.lua"
    static let tinzaouaten = "scenarios/sahel/tinzaouaten.lua"

    @Test(
        "--help exits 0 and lists every flag",
        arguments: [
            ["run", "--help"], ["run", "-h"], ["help", "run"],
            ["run", "scenarios/sahel/ghadames.lua", "--help"],
        ])
    func help(arguments: [String]) throws {
        let result = try SimrunCLI.run(arguments)
        #expect(result.exited(0), "\(result)")
        #expect(result.out.contains("USAGE: simrun run FILE"))
        for flag in [
            "--seed", "--steps", "--param", "--format", "--out", "--max-instructions", "--max-memory", "--quiet",
        ] {
            #expect(result.out.contains(flag), "help mentions \(flag)")
        }
        #expect(result.err.isEmpty)
    }

    @Test("--steps overrides the scenario's steps", arguments: [0, 1, 5, 200])
    func stepsOverride(steps: Int) throws {
        let result = try SimrunCLI.run("run", Self.ghadames, "--steps", String(steps), "--format", "json")
        #expect(result.exited(0), "\(result)")
        let report = try JSON.parse(result.stdout)
        #expect(report["steps"]?.int == steps)
        #expect(report["ticks"]?.int == steps)
        for (name, values) in report.metricSeries { #expect(values.count == steps + 1, "metric \(name)") }
        // The same scenario over fewer steps is the prefix of the longer run.
        if steps > 0 {
            let longer = try JSON.parse(
                try SimrunCLI.run("run", Self.ghadames, "--steps", String(steps + 3), "--format", "json").stdout)
            for ((name, short), (_, long)) in zip(report.metricSeries, longer.metricSeries) {
                #expect(Array(long.prefix(steps + 1)) == short, "metric \(name) depends on the run's length")
            }
        }
    }

    @Test("params are typed like their defaults and reported")
    func typedParams() throws {
        let result = try SimrunCLI.run(
            "run", Self.tinzaouaten, "--steps", "3", "--format", "json",
            "--param", "algeria_complicity=false", "--param", "moscow_blame=0.35",
            "--param", "haftar_day=2")
        #expect(result.exited(0), "\(result)")
        let params = try #require(try JSON.parse(result.stdout)["params"])
        #expect(params["algeria_complicity"] == .bool(false))
        #expect(params["moscow_blame"]?.double == 0.35)
        #expect(params["haftar_day"]?.int == 2)
        #expect(params["ukraine_support"]?.double == 0.5, "untouched params keep their defaults")

        let fixture = try SimrunCLI.run(
            "run", SimrunCLI.fixture("valid/params.lua"), "--format", "json",
            "--param", "label=loud words", "--param", "flag=false", "--param", "ratio=0.25")
        #expect(fixture.exited(0), "\(fixture)")
        let outcomes = try #require(try JSON.parse(fixture.stdout)["outcomes"])
        #expect(outcomes["label"]?.string == "loud words")
        #expect(outcomes["flag"]?.bool == false)
        #expect(outcomes["ratio"]?.double == 0.25)
        #expect(outcomes["level"]?.int == 5)
    }

    @Test("JSON is the default when standard output is not a terminal")
    func defaultFormatIsJSON() throws {
        let result = try SimrunCLI.run("run", Self.ghadames, "--steps", "2")
        #expect(result.exited(0))
        #expect(SimrunCLI.isValidJSON(result.stdout), "\(result)")
    }

    @Test("the text report has its sections", arguments: SimrunCLI.seedScenarios)
    func textFormat(scenario: String) throws {
        let result = try SimrunCLI.run("run", scenario, "--format", "text")
        #expect(result.exited(0), "\(result)")
        let text = result.out
        var position = text.startIndex
        for section in ["OUTCOMES", "KEY ALIGNMENT CHANGES", "FORCES", "EVENT TIMELINE", "PREDICTED COALITIONS"] {
            let found = text.range(of: "\n" + section, range: position..<text.endIndex)
            #expect(found != nil, "section \(section) (in order)")
            if let found { position = found.upperBound }
        }
        #expect(text.hasPrefix(scenario.split(separator: "/").last!.replacingOccurrences(of: ".lua", with: "")))
        #expect(text.contains("status  ok"))
        #expect(!SimrunCLI.isValidJSON(result.stdout))
        // Every declared outcome is shown.
        let outcomes =
            try JSON.parse(try SimrunCLI.run("run", scenario, "--format", "json").stdout)["outcomes"]?.keys ?? []
        for name in outcomes { #expect(text.contains("\n  \(name) "), "outcome \(name) in the text report") }
    }

    @Test("warnings go to standard error unless --quiet, and always into the report")
    func warningsAndQuiet() throws {
        let path = SimrunCLI.fixture("valid/warns.lua")
        let loud = try SimrunCLI.run("run", path, "--format", "json")
        #expect(loud.exited(0), "\(loud)")
        #expect(loud.errLines.count == 1)
        #expect(loud.err.hasPrefix("simrun: warning: \(path):5: sim.align"), "\(loud.err)")
        let quiet = try SimrunCLI.run("run", path, "--format", "json", "--quiet")
        #expect(quiet.exited(0))
        #expect(quiet.err.isEmpty, "\(quiet.err)")
        #expect(loud.stdout == quiet.stdout, "--quiet changes nothing in the report")
        let warnings = try JSON.parse(quiet.stdout)["warnings"]?.array ?? []
        #expect(warnings.count == 1)
        #expect(warnings.first?.string?.contains("clamped to 1.0") == true)
        #expect(try JSON.parse(quiet.stdout).metricSeries.first?.1.allSatisfy { $0 == 1 } == true)
    }

    @Test("a scenario that stops itself ends with status stopped and exit 0")
    func stoppedRun() throws {
        let result = try SimrunCLI.run("run", SimrunCLI.fixture("valid/stops.lua"), "--format", "json")
        #expect(result.exited(0), "\(result)")
        let report = try JSON.parse(result.stdout)
        #expect(report["status"]?["state"]?.string == "stopped")
        #expect(report["status"]?["reason"]?.string == "enough for today")
        #expect(report["ticks"]?.int == 3, "stopped at the end of tick 2")
        #expect(report["steps"]?.int == 5)
        #expect(report.metricSeries.first?.1 == [0, 1, 2, 3])
        #expect(report["events"]?.array?.contains { $0["type"]?.string == "stop" } == true)
    }

    @Test("a run that fails part-way writes its report to --out and exits 65")
    func failureMidRunWithOut() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("partial.json")
        let path = SimrunCLI.fixture("valid/fails_midrun.lua")
        let result = try SimrunCLI.run("run", path, "--format", "json", "--out", out.path)
        #expect(result.exited(65), "\(result)")
        #expect(result.errLines.first == "simrun: error: \(path):6: boom")
        #expect(result.err.contains(out.path), "says where the partial report is")
        let data = try Data(contentsOf: out)
        #expect(SimrunCLI.isValidJSON(data))
        let report = try JSON.parse(data)
        #expect(report.keys == SimrunCLI.reportKeys)
        #expect(report["status"]?["state"]?.string == "error")
        #expect(report["status"]?["message"]?.string == "\(path):6: boom")
        #expect(report["ticks"]?.int == 3)
        #expect(report["steps"]?.int == 5)
        // Metrics up to the failure: tick 0 and after ticks 1, 2, 3; nothing after.
        #expect(report.metricSeries.first?.0 == "tick")
        #expect(report.metricSeries.first?.1 == [0, 1, 2, 3])
        #expect(report["outcomes"]?.keys == [], "outcomes are not evaluated after a failure")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["partial.json"])
    }

    @Test("a run that fails part-way without --out still prints its report")
    func failureMidRunToStdout() throws {
        let result = try SimrunCLI.run("run", SimrunCLI.fixture("valid/fails_midrun.lua"), "--format", "json")
        #expect(result.exited(65), "\(result)")
        #expect(result.errLines.count == 1)
        let report = try JSON.parse(result.stdout)
        #expect(report["status"]?["state"]?.string == "error")
        let text = try SimrunCLI.run("run", SimrunCLI.fixture("valid/fails_midrun.lua"), "--format", "text")
        #expect(text.exited(65))
        #expect(text.out.contains("status  error: "), "\(text.out.prefix(600))")
    }

    @Test("a limit reached part-way is status limit, with the metrics so far")
    func limitMidRun() throws {
        let dir = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("limit.json")
        let path = SimrunCLI.fixture("valid/loops_midrun.lua")
        let result = try SimrunCLI.run("run", path, "--max-instructions", "1000000", "--out", out.path)
        #expect(result.exited(65), "\(result)")
        #expect(
            result.errLines.first?.contains("\(path):6: instruction limit of 1000000 reached") == true, "\(result.err)")
        let report = try JSON.parse(try Data(contentsOf: out))
        #expect(report["status"]?["state"]?.string == "limit")
        #expect(report["ticks"]?.int == 2)
        #expect(report.metricSeries.first?.1 == [0, 1, 2])
    }

    // MARK: Usage errors

    @Test("an unknown --param is a usage error listing the known names")
    func unknownParam() throws {
        let result = try SimrunCLI.run("run", Self.ghadames, "--param", "nope=1")
        #expect(result.exited(64), "\(result)")
        let message = result.errLines.first ?? ""
        #expect(message.contains("--param nope"))
        for name in ["haftar_day", "lna_force", "algeria_alert", "russian_backing", "gnu_resolve"] {
            #expect(message.contains(name), "lists \(name): \(message)")
        }
        #expect(result.stdout.isEmpty)
    }

    @Test(
        "an ill-typed --param is a usage error",
        arguments: [
            ("haftar_day=abc", "integer"), ("haftar_day=3.5", "integer"), ("haftar_day=", "integer"),
            ("algeria_alert=high", "number"),
        ])
    func illTypedParam(param: String, kind: String) throws {
        let result = try SimrunCLI.run("run", Self.ghadames, "--param", param)
        #expect(result.exited(64), "\(result)")
        #expect(result.errLines.first?.contains("--param \(param)") == true, "\(result.err)")
        #expect(result.err.contains(kind), "\(result.err)")
        #expect(result.stdout.isEmpty)
    }

    @Test("a boolean param takes only true or false")
    func illTypedBoolean() throws {
        let result = try SimrunCLI.run("run", Self.tinzaouaten, "--param", "algeria_complicity=maybe")
        #expect(result.exited(64), "\(result)")
        #expect(result.err.contains("algeria_complicity"))
    }

    @Test(
        "a --param below its min is a usage error",
        arguments: [
            (Self.ghadames, "haftar_day=-1"), (Self.ghadames, "lna_force=99"), (Self.ghadames, "algeria_alert=-0.1"),
        ])
    func belowMin(scenario: String, param: String) throws {
        let result = try SimrunCLI.run("run", scenario, "--param", param)
        #expect(result.exited(64), "\(result)")
        #expect(result.err.contains("below its min"), "\(result.err)")
    }

    @Test("a --param above a max-only bound is a usage error")
    func aboveMaxOnly() throws {
        let result = try SimrunCLI.run("run", SimrunCLI.fixture("valid/params.lua"), "--param", "ratio=2")
        #expect(result.exited(64), "\(result)")
        #expect(result.err.contains("above its max"), "\(result.err)")
    }

    @Test(
        "a --param above its max is a usage error when the param also has a min",
        arguments: [
            (Self.ghadames, "haftar_day=1000"), (Self.ghadames, "lna_force=5000"), (Self.ghadames, "algeria_alert=1.5"),
            (SimrunCLI.fixture("valid/params.lua"), "level=11"),
        ])
    func aboveMax(scenario: String, param: String) throws {
        let result = try SimrunCLI.run("run", scenario, "--param", param, "--steps", "1")
        #expect(result.exited(64), "\(result)")
        #expect(result.err.contains("above its max"), "\(result.err)")
    }

    @Test("the same --param twice is a usage error")
    func duplicateParam() throws {
        let result = try SimrunCLI.run("run", Self.ghadames, "--param", "haftar_day=1", "--param", "haftar_day=2")
        #expect(result.exited(64), "\(result)")
        #expect(result.err.contains("given twice"))
    }

    @Test("run without a file is a usage error")
    func noFile() throws {
        let result = try SimrunCLI.run("run")
        #expect(result.exited(64), "\(result)")
        #expect(result.errLines.first == "simrun: error: run needs a scenario file (simrun run FILE)")
        let flagsOnly = try SimrunCLI.run("run", "--seed", "3")
        #expect(flagsOnly.exited(64))
    }

    @Test("a missing file is exit 66", arguments: ["scenarios/sahel/nope.lua", "/nonexistent/x.lua"])
    func fileNotFound(path: String) throws {
        let result = try SimrunCLI.run("run", path)
        #expect(result.exited(66), "\(result)")
        #expect(result.errLines == ["simrun: error: \(path): no such file"])
        #expect(result.stdout.isEmpty)
    }

    @Test("a folder given as the scenario is exit 66")
    func folderIsNotAFile() throws {
        let result = try SimrunCLI.run("run", "scenarios/sahel")
        #expect(result.exited(66), "\(result)")
        #expect(result.errLines == ["simrun: error: scenarios/sahel: cannot read it as a file"])
    }

    @Test("a scenario error in a file run from another folder names the path as given")
    func relativePathsFromAnotherFolder() throws {
        let result = try SimrunCLI.run(["run", "hostile/unknown_agent.lua"], in: SimrunCLI.fixtures)
        #expect(result.exited(65), "\(result)")
        #expect(
            result.errLines.first?.hasPrefix("simrun: error: hostile/unknown_agent.lua:5: ") == true, "\(result.err)")
    }
}
