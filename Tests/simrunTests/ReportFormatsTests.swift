// ReportFormatsTests: `simrun report` on a saved run report and on a batch summary, in each of its
// formats — the exact text and markdown of two small fixtures, a well-formed page, the JSON again —
// and `batch --table` printing the very table `report --format text` prints from the summary.
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("simrun report formats")
struct ReportFormatsTests {
    /// A run of Tests/Fixtures/compare/duel.lua (5 ticks, shift_day=2) and a summary of a sweep of
    /// Tests/Fixtures/batch/coin.lua, with the text and markdown each must give.
    static let fixtures = ["report/duel", "report/coin-summary"]

    @Test("text and markdown are exactly the fixtures'", arguments: fixtures, ["text", "md"])
    func exactOutput(fixture: String, format: String) throws {
        let result = try SimrunCLI.run("report", SimrunCLI.fixture(fixture + ".json"), "--format", format)
        #expect(result.exited(0), "\(result)")
        let expected = try String(
            contentsOf: SimrunCLI.fixtures.appendingPathComponent(fixture + "." + format), encoding: .utf8)
        #expect(result.out == expected)
    }

    @Test("a run report's page is one well-formed page with its tables, a chart per metric and the map")
    func runReportPage() throws {
        let result = try SimrunCLI.run("report", SimrunCLI.fixture("report/duel.json"), "--format", "html")
        #expect(result.exited(0), "\(result)")
        #expect(XMLParser(data: result.stdout).parse())
        for part in [
            "<title>Run: duel</title>", "<h2>Outcomes</h2>", "<td>a_wins</td>", "<svg", "<h2>Events</h2>",
            "<h2>Map</h2>", "class=\"map\"",
        ] {
            #expect(result.out.contains(part), "\(part)")
        }
        // Self-contained: only the map's data and its inline script, nothing loaded.
        #expect(result.out.components(separatedBy: "<script").count - 1 == 2)
        #expect(!result.out.contains("href=") && !result.out.contains("src="))
    }

    @Test("--format json writes the report again, and a file that is neither kind is refused (65)")
    func jsonAndRefusal() throws {
        let json = try SimrunCLI.run("report", SimrunCLI.fixture("report/duel.json"), "--format", "json")
        #expect(json.exited(0), "\(json)")
        let again = try JSON.parse(json.stdout),
            original = try JSON.parse(Data(contentsOf: SimrunCLI.fixtures.appendingPathComponent("report/duel.json")))
        #expect(again == original)
        let folder = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = folder.appendingPathComponent("other.json")
        try Data(#"{"a": 1}"#.utf8).write(to: other)
        let refused = try SimrunCLI.run("report", other.path, "--format", "text")
        #expect(refused.exited(65))
        #expect(refused.errLines.count == 1 && refused.err.contains("neither a batch summary"), "\(refused.err)")
    }

    @Test("run --format md is report --format md of the run's JSON")
    func runMarkdown() throws {
        let arguments = ["run", "Tests/Fixtures/compare/duel.lua", "--steps", "5", "--param", "shift_day=2"]
        let markdown = try SimrunCLI.run(arguments + ["--format", "md"])
        #expect(markdown.exited(0), "\(markdown)")
        let expected = try String(
            contentsOf: SimrunCLI.fixtures.appendingPathComponent("report/duel.md"), encoding: .utf8)
        #expect(markdown.out == expected)
    }

    @Test("batch --table prints the table report --format text prints from the batch's summary")
    func batchTableIsReportText() throws {
        let folder = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = folder.appendingPathComponent("summary.json").path
        let batch = try SimrunCLI.run(
            [
                "batch", "Tests/Fixtures/batch/coin.lua", "--runs", "5", "--jobs", "1", "--sweep", "a=0,5", "--steps",
                "5", "--quiet", "--out", folder.appendingPathComponent("runs.jsonl").path, "--summary", summary,
                "--table",
            ], timeout: 60)
        #expect(batch.exited(0), "\(batch)")
        let report = try SimrunCLI.run("report", summary, "--format", "text")
        #expect(report.exited(0), "\(report)")
        #expect(batch.out == report.out)
        let expected = try String(
            contentsOf: SimrunCLI.fixtures.appendingPathComponent("report/coin-summary.text"), encoding: .utf8)
        #expect(report.out == expected, "the fixture's summary is this batch's")
    }
}
