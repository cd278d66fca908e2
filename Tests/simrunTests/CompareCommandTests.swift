// CompareCommandTests: `simrun compare` end to end — two run reports, two batches (runs files and
// summaries), paired runs of two scenarios, the formats, and the mistakes it refuses.
import Foundation
import SimTestSupport
import Testing

@Suite("simrun compare")
struct CompareCommandTests {
    static let duel = SimrunCLI.fixture("compare/duel.lua")

    /// The rows of a paired or batch comparison's JSON, by outcome (first point, first category).
    private func rows(_ json: JSON?, _ key: String) -> [String: JSON] {
        var rows: [String: JSON] = [:]
        for row in json?[key]?["outcomes"]?.array ?? json?[key]?.array ?? [] {
            guard let name = row["outcome"]?.string else { continue }
            let label = row["category"]?.string.map { name + "=" + $0 } ?? name
            if rows[label] == nil { rows[label] = row }
        }
        return rows
    }

    private func width(_ difference: JSON?) -> Double {
        (difference?["ci95"]?[1]?.double ?? .nan) - (difference?["ci95"]?[0]?.double ?? .nan)
    }

    @Test("two run reports: outcomes, moved alignments, forces, events; text, markdown and JSON")
    func twoReports() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        for (name, extra) in [("base.json", "0"), ("variant.json", "300")] {
            let result = try SimrunCLI.run(
                "run", Self.duel, "--seed", "4", "--param", "extra=\(extra)",
                "--format", "json", "--out", dir.path(name))
            #expect(result.exited(0), "\(result)")
        }
        let json = try SimrunCLI.run("compare", dir.path("base.json"), dir.path("variant.json"), "--format", "json")
        #expect(json.exited(0), "\(json)")
        let document = try #require(json.json)
        #expect(
            document.keys == ["base", "variant", "warnings", "outcomes", "alignments", "resources", "forces", "events"])
        let outcomes = document["outcomes"]?.array ?? []
        #expect(outcomes.first?["name"]?.string == "a_left")
        #expect((outcomes.first?["change"]?.double ?? 0) > 100, "300 more men leave more of side a")
        #expect(document["forces"]?.array?.first?["what"]?.string == "a @ r")
        let text = try SimrunCLI.run("compare", dir.path("base.json"), dir.path("variant.json"))
        #expect(text.exited(0))
        for heading in ["OUTCOMES", "ALIGNMENTS THAT DIFFER MOST", "FORCES THAT DIFFER", "EVENTS IN ONE RUN"] {
            #expect(text.out.contains(heading), "\(heading)")
        }
        let md = try SimrunCLI.run("compare", dir.path("base.json"), dir.path("variant.json"), "--format", "md")
        #expect(md.out.hasPrefix("## base.json (duel, seed 4) vs variant.json (duel, seed 4)"))
        #expect(md.out.contains("| outcome | base.json | variant.json | change |"))
        let html = try SimrunCLI.run("compare", dir.path("base.json"), dir.path("variant.json"), "--format", "html")
        #expect(html.exited(0), "\(html)")
        #expect(XMLWellFormedness.problem(in: html.out) == nil)
        #expect(html.out.contains("<h2>OUTCOMES</h2>") && html.out.contains("<th>outcome</th>"), "\(html.out)")
        #expect(!html.out.contains("<script"))
    }

    @Test("paired runs share randomness: the paired interval is far narrower than independent batches'")
    func pairedNarrowerThanIndependent() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        let paired = try SimrunCLI.run(
            [
                "compare", Self.duel, Self.duel, "--variant-param", "extra=50", "--runs", "200",
                "--seed", "3", "--jobs", "2", "--format", "json",
            ], timeout: 60)
        #expect(paired.exited(0), "\(paired)")
        let pairedRows = rows(paired.json, "paired")
        let pairedWidth = width(pairedRows["a_left"]?["difference"])
        #expect(pairedRows["a_left"]?["difference"]?["excludes_zero"]?.bool == true)
        // Two independent batches of the same size (different seeds), compared as batches.
        for (name, seed, extra) in [("a.jsonl", "1", "0"), ("b.jsonl", "2", "50")] {
            let batch = try BatchFixture.batch(
                [
                    Self.duel, "--runs", "200", "--seed", seed, "--param", "extra=\(extra)",
                    "--jobs", "2", "--out", dir.path(name), "--quiet",
                ], timeout: 60)
            #expect(batch.exited(0), "\(batch)")
        }
        let independent = try SimrunCLI.run("compare", dir.path("a.jsonl"), dir.path("b.jsonl"), "--format", "json")
        #expect(independent.exited(0), "\(independent)")
        let independentWidth = width(rows(independent.json, "outcomes")["a_left"]?["difference"])
        #expect(pairedWidth > 0)
        #expect(pairedWidth * 10 < independentWidth, "paired \(pairedWidth), independent \(independentWidth)")
        // The paired output also says what the same runs would give unpaired.
        #expect(width(pairedRows["a_left"]?["independent"]) * 0.5 > pairedWidth)
    }

    @Test("an extra draw in one agent's policy changes nothing else: every paired difference is exactly 0")
    func extraDrawChangesNothing() throws {
        let result = try SimrunCLI.run(
            [
                "compare", Self.duel, Self.duel, "--variant-param", "fidget=true",
                "--runs", "40", "--format", "json",
            ], timeout: 60)
        #expect(result.exited(0), "\(result)")
        let difference = rows(result.json, "paired")["a_left"]?["difference"]
        #expect(difference?["estimate"]?.double == 0)
        #expect(width(difference) == 0)
    }

    @Test("two batches: runs files with the same seeds pair up; summaries compare too, with warnings")
    func batches() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        for (name, extra, runs) in [("a", "0", "60"), ("b", "100", "60"), ("c", "100", "30")] {
            let batch = try BatchFixture.batch(
                [
                    Self.duel, "--runs", runs, "--seed", "8", "--param", "extra=\(extra)",
                    "--out", dir.path(name + ".jsonl"), "--summary", dir.path(name + "-summary.json"),
                    "--quiet",
                ], timeout: 60)
            #expect(batch.exited(0), "\(batch)")
        }
        let runs = try SimrunCLI.run("compare", dir.path("a.jsonl"), dir.path("b.jsonl"), "--format", "json")
        #expect(runs.exited(0), "\(runs)")
        #expect(runs.json?["paired"]?["pairs"]?.int == 60)
        #expect(runs.json?["warnings"]?.array?.first?.string?.hasPrefix("both batches use seed 8") == true)
        let fromSummaries = try SimrunCLI.run(
            "compare", dir.path("a-summary.json"), dir.path("b-summary.json"), "--format", "json")
        #expect(fromSummaries.exited(0), "\(fromSummaries)")
        // A summary keeps what the Welch interval needs: the same interval as from the runs.
        let fromRuns = rows(runs.json, "outcomes")["a_left"]?["difference"]
        let fromSummary = rows(fromSummaries.json, "outcomes")["a_left"]?["difference"]
        #expect(abs((fromRuns?["ci95"]?[0]?.double ?? 0) - (fromSummary?["ci95"]?[0]?.double ?? 1)) < 1e-9)
        #expect(fromSummaries.json?["paired"]?.isNull == true)
        let uneven = try SimrunCLI.run("compare", dir.path("a.jsonl"), dir.path("c.jsonl"))
        #expect(uneven.exited(0))
        #expect(
            uneven.err.contains("warning: the batches differ in run count: 60 runs per point in a.jsonl, 30 in c.jsonl")
        )
    }

    @Test(
        "mistakes get one line naming the problem and a documented exit code",
        arguments: [
            (["compare", "only-one.json"], 64, "compare needs two files"),
            (["compare", "a.lua", "b.json"], 64, "not one of each"),
            (["compare", "a.lua", "b.lua"], 64, "needs --runs N"),
            (["compare", "a.json", "b.json", "--runs", "5"], 64, "--runs is for comparing two scenario files"),
            (["compare", "a.json", "b.json", "--jobs", "2"], 64, "--jobs is for comparing two scenario files"),
            (["compare", "a.json", "b.json", "--format", "pdf"], 64, "--format takes text, md, json or html"),
            (["compare", "missing-a.json", "missing-b.json"], 66, "missing-a.json: no such file"),
        ] as [([String], Int32, String)])
    func mistakes(_ arguments: [String], _ code: Int32, _ message: String) throws {
        let result = try SimrunCLI.run(arguments)
        #expect(result.exited(code), "\(result)")
        #expect(result.errLines.first?.contains(message) == true, "\(result)")
    }

    @Test("a run report against a batch, or a file that is neither, is refused")
    func wrongKinds() throws {
        let dir = try BatchScratch()
        defer { dir.remove() }
        _ = try SimrunCLI.run("run", Self.duel, "--format", "json", "--out", dir.path("run.json"))
        _ = try BatchFixture.batch([Self.duel, "--runs", "3", "--out", dir.path("runs.jsonl"), "--quiet"])
        try "not json at all".write(toFile: dir.path("junk.txt"), atomically: true, encoding: .utf8)
        let mixed = try SimrunCLI.run("compare", dir.path("run.json"), dir.path("runs.jsonl"))
        #expect(mixed.exited(64), "\(mixed)")
        #expect(mixed.err.contains("two of a kind"))
        let junk = try SimrunCLI.run("compare", dir.path("junk.txt"), dir.path("run.json"))
        #expect(junk.exited(65), "\(junk)")
        #expect(junk.err.contains("junk.txt: neither a run report, a batch summary nor a runs file"))
    }

    @Test("a summary claiming more true outcomes than runs is refused: 65 naming the file and field")
    func moreTruesThanRuns() throws {
        let folder = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ReportCommandTests.summary(#"{"type": "boolean", "n": 10, "true": 11}"#, in: folder)
        let result = try SimrunCLI.run("compare", path, path)
        #expect(result.exited(65), "\(result)")
        #expect(
            result.errLines == ["simrun: error: \(path): points[0].outcomes.x.true is 11, more than its n (10)"])
    }
}
