// DiscoverCommandTests: `simrun discover` end to end — a scenario written here whose cases lie in a
// known box of two of its three params, run with `simrun batch --sample lhs:400`, then discovered in
// JSON, text and HTML; the same bytes twice; and the inputs it refuses, with their exit codes.
import Foundation
import SimTestSupport
import Testing

@Suite("simrun discover")
struct DiscoverCommandTests {
    /// Three params in [0, 1]; `hit` is true when a > 0.6 and b < 0.3, flipped in one run in twenty.
    static let scenario = """
        sim.scenario{ name = "corner", start = "2024-01-01", steps = 1 }
        sim.agent{ id = "x", name = "X", kind = "state" }
        local a = sim.param("a", 0.5, { min = 0, max = 1 })
        local b = sim.param("b", 0.5, { min = 0, max = 1 })
        local c = sim.param("c", 0.5, { min = 0, max = 1 })
        local label = sim.param("label", "plain")
        local hit = false
        sim.on("tick", function()
          hit = a > 0.6 and b < 0.3
          -- Runs of --runs 1 share one seed: where in the stream the flip's draw lies depends on the params.
          for _ = 1, math.floor((a * 7919 + b * 104729 + c * 1299709) % 97) do sim.random() end
          if sim.random() < 0.05 then hit = not hit end
        end)
        sim.outcome("hit", function() return hit end)
        sim.outcome("score", function() return a + b end)
        sim.outcome("zone", function() return a > 0.5 and "east" or "west" end)

        """

    /// Writes the scenario and a runs file of it, `--runs 1` and the extra batch flags, as `name`.
    private func runs(_ dir: BatchScratch, _ name: String, _ design: [String]) throws -> String {
        let scenario = dir.path("corner.lua")
        if !FileManager.default.fileExists(atPath: scenario) {
            try Self.scenario.write(toFile: scenario, atomically: true, encoding: .utf8)
        }
        let result = try BatchFixture.batch(
            [scenario, "--runs", "1", "--seed", "7", "--jobs", "2", "--quiet", "--out", dir.path(name)] + design,
            timeout: 120)
        #expect(result.exited(0), "\(result)")
        return dir.path(name)
    }

    private func discover(_ arguments: [String]) throws -> SimrunResult {
        try SimrunCLI.run(["discover"] + arguments, timeout: 60)
    }

    @Test("a batch of 400 sampled runs: the box a > 0.6, b < 0.3 found, c (nearly) whole; same bytes twice")
    func findsTheBoxEndToEnd() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let file = try runs(dir, "runs.jsonl", ["--sample", "lhs:400"])
        let result = try discover([file, "--outcome", "hit", "--format", "json"])
        #expect(result.exited(0), "\(result)")
        let json = try #require(result.json, "\(result)")
        #expect(json.keys.prefix(6) == ["simrun", "scenario", "seed", "design", "columns", "point_params"])
        #expect(json["outcome"]?.string == "hit")
        #expect(json["cases"]?["rule"]?.string == "hit is true")
        #expect(json["cases"]?["of"]?.int == 400)
        let box = try #require(json["boxes"]?[0])
        let restricted = try #require(box["restricted"]?.array?.compactMap { $0.string })
        #expect(restricted.starts(with: ["a", "b"]), "\(result.out)")
        // With 400 runs and noise, a thin slice of c may be peeled with a few non-cases; never much.
        let c = try #require(box["limits"]?["c"]?.array?.compactMap { $0.double })
        #expect(c.count == 2 && c[1] - c[0] > 0.9, "c in \(c)")
        let a = try #require(box["limits"]?["a"]?[0]?.double)
        let b = try #require(box["limits"]?["b"]?[1]?.double)
        #expect(abs(a - 0.6) < 0.1, "a from \(a)")
        #expect(abs(b - 0.3) < 0.1, "b up to \(b)")
        #expect(try #require(box["density"]?.double) > 0.7)
        #expect(try #require(box["coverage"]?.double) >= 0.5)
        let trajectory = try #require(json["trajectory"]?.array)
        #expect(trajectory.first?["coverage"]?.double == 1)
        #expect(trajectory.first?["mass"]?.double == 1)
        #expect(trajectory.allSatisfy { ($0["mass"]?.double ?? 0) >= 0.05 })

        let again = try discover([file, "--outcome", "hit", "--format", "json"])
        #expect(again.stdout == result.stdout, "discover is not deterministic")

        let text = try discover([file, "--outcome", "hit"])
        #expect(text.exited(0), "\(text)")
        #expect(text.out.contains("Chosen box"))
        #expect(text.out.contains("Peeling trajectory"))
        let markdown = try discover([file, "--outcome", "hit", "--format", "md"])
        #expect(markdown.exited(0), "\(markdown)")
        #expect(markdown.out.hasPrefix("## Scenario discovery (PRIM): hit"), "\(markdown.out)")
        #expect(markdown.out.contains("\n### Chosen box: ") && markdown.out.contains("| param | box low |"))

        let page = try discover([file, "--outcome", "hit", "--format", "html", "--out", dir.path("page.html")])
        #expect(page.exited(0), "\(page)")
        let html = try dir.text("page.html")
        #expect(XMLWellFormedness.problem(in: html) == nil)
        #expect(XMLWellFormedness.svgElements(in: html).count == 2)
        #expect(!html.contains("<script"))
        let twice = try discover([file, "--outcome", "hit", "--format", "html"])
        #expect(twice.out == html, "the page is not deterministic")
    }

    @Test("numbers take --above or --below, categories --value; the rule is stated")
    func otherOutcomeKinds() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let file = try runs(dir, "runs.jsonl", ["--sample", "lhs:60"])
        let above = try discover([file, "--outcome", "score", "--above", "1.2", "--format", "json"])
        #expect(above.exited(0), "\(above)")
        #expect(above.json?["cases"]?["rule"]?.string == "score > 1.2")
        let zone = try discover([file, "--outcome", "zone", "--value", "east", "--format", "json"])
        #expect(zone.exited(0), "\(zone)")
        #expect(zone.json?["boxes"]?[0]?["restricted"]?.array?.compactMap(\.string) == ["a"], "\(zone.out)")
        let swept = try runs(dir, "swept.jsonl", ["--sweep", "a=0.2,0.4,0.7,0.9", "--sweep", "b=0.1,0.5"])
        let sweep = try discover([swept, "--outcome", "zone", "--value", "east", "--format", "json"])
        #expect(sweep.exited(0), "\(sweep)")
        #expect(sweep.json?["boxes"]?[0]?["limits"]?["a"]?[0]?.double == 0.7, "\(sweep.out)")
    }

    @Test("failed runs and runs without the outcome are left out, and counted")
    func leftOut() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let scenario = dir.path("flaky.lua")
        try """
        sim.scenario{ name = "flaky", start = "2024-01-01", steps = 1 }
        sim.agent{ id = "x", name = "X", kind = "state" }
        local a = sim.param("a", 0.5, { min = 0, max = 1 })
        sim.on("tick", function() if a > 0.9 then error("boom") end end)
        sim.outcome("level", function() return a end)

        """.write(toFile: scenario, atomically: true, encoding: .utf8)
        let batch = try BatchFixture.batch(
            [scenario, "--runs", "1", "--sample", "lhs:50", "--quiet", "--out", dir.path("runs.jsonl")])
        #expect(batch.exited(65), "a batch with failed runs: \(batch)")
        // Three finished runs lose their outcome, as in a file written by hand.
        var lines = try dir.text("runs.jsonl").split(separator: "\n").map(String.init)
        var emptied = 0
        for i in lines.indices.dropFirst() where emptied < 3 && lines[i].contains("\"status\":\"ok\"") {
            lines[i] = lines[i].replacing(/"outcomes":\{[^}]*\}/, with: "\"outcomes\":{}")
            emptied += 1
        }
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: dir.path("runs.jsonl"), atomically: true, encoding: .utf8)
        let result = try discover([dir.path("runs.jsonl"), "--outcome", "level", "--below", "0.3", "--format", "json"])
        #expect(result.exited(0), "\(result)")
        let json = try #require(result.json)
        // Strata of 1/50: a > 0.9 in 5 of the 50 runs.
        #expect(json["left_out"]?["failed"]?.int == 5)
        #expect(json["left_out"]?["lacking_outcome"]?.int == 3)
        #expect(json["cases"]?["of"]?.int == 42)
        let text = try discover([dir.path("runs.jsonl"), "--outcome", "level", "--below", "0.3"])
        #expect(text.out.contains("Left out: 5 failed runs; 3 runs without a value of level."), "\(text.out)")
    }

    @Test("bad input: one line and its exit code")
    func refusals() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let file = try runs(dir, "runs.jsonl", ["--sample", "lhs:30"])
        let fixed = try runs(dir, "fixed.jsonl", [])
        let csv = try runs(dir, "runs.csv", ["--sample", "lhs:30", "--format", "csv"])
        let notRuns = dir.path("not.jsonl")
        try "{\"a\": 1}\n".write(toFile: notRuns, atomically: true, encoding: .utf8)
        let cases: [(arguments: [String], code: Int32, says: String)] = [
            ([file, "--outcome", "nope"], 64, "no outcome 'nope' in the runs file (hit, score, zone)"),
            ([fixed, "--outcome", "hit"], 64, "varies no param"),
            ([file, "--outcome", "hit", "--alpha", "0.5"], 64, "--alpha takes a number above 0 and below 0.5"),
            ([file, "--outcome", "hit", "--alpha", "0"], 64, "--alpha"),
            ([file, "--outcome", "hit", "--min-coverage", "1.5"], 64, "--min-coverage"),
            ([file, "--outcome", "score", "--value", "3"], 64, "score is a number: use --above X or --below X"),
            ([file, "--outcome", "score"], 64, "give --above X or --below X"),
            ([file, "--outcome", "score", "--above", "1", "--below", "2"], 64, "not both"),
            ([file, "--outcome", "hit", "--above", "1"], 64, "hit is a boolean"),
            ([file, "--outcome", "zone"], 64, "give --value CATEGORY (the runs gave east, west)"),
            ([file, "--outcome", "score", "--above", "x"], 64, "--above takes a number"),
            ([file], 64, "discover needs --outcome NAME"),
            ([csv, "--outcome", "hit"], 64, "discover needs a JSON lines runs file"),
            ([file, "--outcome", "score", "--above", "5"], 65, "no run is a case (score > 5.0)"),
            ([notRuns, "--outcome", "hit"], 65, "not a simrun runs file"),
            ([dir.path("missing.jsonl"), "--outcome", "hit"], 66, "no such file"),
        ]
        for (arguments, code, says) in cases {
            let result = try discover(arguments)
            #expect(result.exited(code), "\(result)")
            #expect(result.errLines.first?.contains(says) == true, "\(arguments): \(result.err)")
            #expect(result.stdout.isEmpty)
        }
    }
}
