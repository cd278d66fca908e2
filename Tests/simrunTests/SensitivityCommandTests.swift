// SensitivityCommandTests: `simrun sensitivity` end to end on the Ishigami function written as a
// scenario here (steps = 0: the outcome is computed at the end) — Sobol indices against the published
// ones, Morris effects against their closed forms, the same bytes for any --jobs, the outputs of
// booleans, categories and failed runs, and the inputs it refuses.
import Foundation
import SimTestSupport
import Testing

@Suite("simrun sensitivity")
struct SensitivityCommandTests {
    /// Ishigami & Homma (1990) with a = 7, b = 0.1, x1, x2, x3 uniform in [−π, π]; also a boolean and a
    /// category outcome, and an integer param and a text param no design varies unless named.
    static let ishigami = """
        sim.scenario{ name = "ishigami", start = "2024-01-01", steps = 0 }
        sim.agent{ id = "x", name = "X", kind = "state" }
        local x1 = sim.param("x1", 0.0, { min = -math.pi, max = math.pi })
        local x2 = sim.param("x2", 0.0, { min = -math.pi, max = math.pi })
        local x3 = sim.param("x3", 0.0, { min = -math.pi, max = math.pi })
        local label = sim.param("label", "plain")
        sim.outcome("y", function() return math.sin(x1) + 7 * math.sin(x2) ^ 2 + 0.1 * x3 ^ 4 * math.sin(x1) end)
        sim.outcome("positive", function() return x1 > 0 end)
        sim.outcome("side", function() return x2 > 0 and "right" or "left" end)

        """

    /// Writes the scenario, or `text` instead, to a scratch folder.
    private func scenario(_ dir: BatchScratch, _ text: String = Self.ishigami) throws -> String {
        let path = dir.path("model.lua")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func sensitivity(_ arguments: [String], timeout: Double = 60) throws -> SimrunResult {
        try SimrunCLI.run(["sensitivity"] + arguments, timeout: timeout)
    }

    @Test("Sobol at N = 4096: the published S1 (0.3139, 0.4424, 0) and ST (0.5576, 0.4424, 0.2437) in the intervals")
    func ishigamiSobol() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let file = try scenario(dir)
        let result = try sensitivity(
            [file, "--method", "sobol", "--samples", "4096", "--jobs", "2", "--format", "json"], timeout: 600)
        #expect(result.exited(0), "\(result)")
        let json = try #require(result.json, "\(result)")
        #expect(json.keys == ["simrun", "scenario", "seed", "design", "method", "runs", "outcomes"])
        #expect(json["design"]?["runs"]?.double == Double(4096 * 5))
        #expect(json["design"]?["ranges"]?.keys == ["x1", "x2", "x3"])
        #expect(json["runs"]?["failed"]?.double == 0)
        let published: [(String, Double, Double)] = [("x1", 0.3139, 0.5576), ("x2", 0.4424, 0.4424), ("x3", 0, 0.2437)]
        for (name, first, total) in published {
            let indices = try #require(json["outcomes"]?["y"]?[name])
            let firstCI = indices["first_ci"]?.array?.compactMap(\.double) ?? []
            let totalCI = indices["total_ci"]?.array?.compactMap(\.double) ?? []
            try #require(firstCI.count == 2 && totalCI.count == 2)
            #expect(firstCI[0] <= first && first <= firstCI[1], "\(name) first \(firstCI)")
            #expect(totalCI[0] <= total && total <= totalCI[1], "\(name) total \(totalCI)")
            // The intervals are informative: no wider than ±0.1.
            #expect(firstCI[1] - firstCI[0] < 0.2 && totalCI[1] - totalCI[0] < 0.2)
        }
        // A boolean is its 0/1 indicator (x1 alone); a category one indicator per value (x2 alone).
        #expect(try #require(json["outcomes"]?["positive"]?["x1"]?["total"]?.double) > 0.9)
        #expect(json["outcomes"]?["positive"]?["x2"]?["total"]?.double == 0)
        #expect(try #require(json["outcomes"]?["side=left"]?["x2"]?["first"]?.double) > 0.9)
        #expect(json["outcomes"]?.keys == ["y", "positive", "side=left", "side=right"])
    }

    @Test("Morris on Ishigami: x2's mu* is 7·0.75/Δ = 7.875, x1's effects all positive, x3 mu* > 0 and smallest")
    func ishigamiMorris() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let file = try scenario(dir)
        let result = try sensitivity([file, "--method", "morris", "--samples", "50", "--format", "json"])
        #expect(result.exited(0), "\(result)")
        let y = try #require(result.json?["outcomes"]?["y"], "\(result)")
        let muStar = { (name: String) in y[name]?["mu_star"]?.double ?? .nan }
        // On the 4-level grid of [−π, π], every step of x2 changes sin² by ±0.75.
        #expect(abs(muStar("x2") - 7.875) < 1e-9)
        #expect(y["x1"]?["mu"]?.double == muStar("x1"))
        #expect(muStar("x3") > 0 && muStar("x3") < muStar("x1") && muStar("x3") < muStar("x2"))
        #expect(try #require(y["x3"]?["sigma"]?.double) > muStar("x3"))
        #expect(result.json?["design"]?["levels"]?.double == 4)
        #expect(result.json?["design"]?["runs"]?.double == Double(50 * 4))
    }

    @Test("the same bytes with --jobs 1 and 2, in JSON, text and HTML (well-formed, no script)")
    func deterministicAcrossJobs() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let file = try scenario(dir)
        for method in ["sobol", "morris"] {
            for format in ["json", "text", "md", "html"] {
                let base = [file, "--method", method, "--samples", "16", "--seed", "5", "--format", format]
                let one = try sensitivity(base + ["--jobs", "1"])
                let two = try sensitivity(base + ["--jobs", "2"])
                #expect(one.exited(0) && two.exited(0), "\(one)")
                #expect(one.stdout == two.stdout, "\(method) \(format)")
                if format == "html" {
                    #expect(XMLWellFormedness.problem(in: one.out) == nil)
                    #expect(!one.out.contains("<script"))
                    #expect(XMLWellFormedness.svgElements(in: one.out).count == 4)
                }
                if format == "text" { #expect(one.out.contains("y: "), "\(one.out)") }
                if format == "md" {
                    #expect(one.out.hasPrefix("## Sensitivity: ") && one.out.contains("\n### y: "), "\(one.out)")
                    #expect(one.out.contains("| param |"), "\(one.out)")
                }
            }
        }
    }

    @Test("every run has the seed the header names, and --vary takes a rate over its documented range")
    func seedsAndRates() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let file = try scenario(dir)
        let result = try sensitivity(
            [
                file, "--method", "morris", "--samples", "2", "--vary", "x1", "--vary", "dynamics.decay", "--format",
                "json",
            ])
        #expect(result.exited(0), "\(result)")
        let design = try #require(result.json?["design"])
        #expect(design["ranges"]?.keys == ["x1", "dynamics.decay"])
        #expect(design["run_seed"]?.double != nil)
        // decay does not touch y: its effects are 0.
        #expect(result.json?["outcomes"]?["y"]?["dynamics.decay"]?["mu_star"]?.double == 0)
    }

    @Test("one seed for every run: a scenario's own noise cancels out of the elementary effects")
    func commonRandomNumbers() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let file = try scenario(
            dir,
            """
            sim.scenario{ name = "noisy", start = "2024-01-01", steps = 1 }
            sim.agent{ id = "x", name = "X", kind = "state" }
            local a = sim.param("a", 0.5, { min = 0, max = 1 })
            local r = 0
            sim.on("tick", function() r = sim.random() end)
            sim.outcome("y", function() return a + r end)

            """)
        let result = try sensitivity([file, "--method", "morris", "--samples", "4", "--format", "json"])
        #expect(result.exited(0), "\(result)")
        let a = try #require(result.json?["outcomes"]?["y"]?["a"], "\(result)")
        #expect(abs((a["mu_star"]?.double ?? 0) - 1) < 1e-12)
        #expect((a["sigma"]?.double ?? 1) < 1e-12)
    }

    @Test("failed runs are counted and listed, the outputs they lack have null indices with a note; exit 65")
    func failedRuns() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let file = try scenario(
            dir,
            """
            sim.scenario{ name = "fragile", start = "2024-01-01", steps = 0 }
            sim.agent{ id = "x", name = "X", kind = "state" }
            local a = sim.param("a", 0.5, { min = 0, max = 1 })
            local n = sim.param("n", 3, { min = 1, max = 5 })
            sim.outcome("sum", function() if a > 0.9 then error("boom") end return a + n end)
            sim.outcome("kind", function() if a > 0.5 then return "high" end return 1 end)

            """)
        let result = try sensitivity([file, "--method", "sobol", "--samples", "40", "--format", "json"])
        #expect(result.exited(65), "\(result)")
        let json = try #require(result.json, "\(result)")
        let failed = try #require(json["runs"]?["failed"]?.double)
        #expect(failed > 0 && json["runs"]?["failed_runs"]?.array?.count == Int(failed))
        #expect(json["outcomes"]?["sum"]?["a"] == .null)
        #expect(json["notes"]?["sum"]?.string?.hasPrefix("no value in") == true)
        #expect(result.errLines.last?.contains("runs failed") == true)
    }

    @Test(
        "bad input is one line on standard error and exit 64",
        arguments: [
            (["--method", "sobol", "--samples", "1"], "--samples takes a whole number from 2 to 100000000, got '1'"),
            (["--method", "sobol", "--samples", "100000001"], "--samples takes a whole number from 2 to 100000000"),
            (["--method", "sobol", "--samples", "100000000"], "more than 1000000 runs"),
            (["--method", "saltelli", "--samples", "8"], "--method takes sobol or morris"),
            (["--method", "sobol", "--samples", "8", "--vary", "x9"], "--vary x9: the scenario has no such param"),
            (["--method", "sobol", "--samples", "8", "--vary", "dynamics.nope"], "no such built-in rate"),
            (
                ["--method", "sobol", "--samples", "8", "--vary", "label"],
                "only a number with a declared min and max, a boolean or choices"
            ),
            (
                ["--method", "morris", "--samples", "8", "--param", "x1=0", "--param", "x2=0", "--param", "x3=0"],
                "no number param with a declared min and max is left to vary"
            ),
            (["--samples", "8"], "sensitivity needs --method"),
        ])
    func badInput(arguments: [String], message: String) throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let result = try sensitivity([try scenario(dir)] + arguments)
        #expect(result.exited(64), "\(result)")
        #expect(result.errLines.first?.contains(message) == true, "\(result)")
        #expect(result.stdout.isEmpty)
    }
}
