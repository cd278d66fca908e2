// ReportCommandTests: `simrun report` on a real batch summary and on a single run's report,
// `simrun run --format html`, and the errors for a file that is not a summary and a missing file.
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("simrun report")
struct ReportCommandTests {
    private func wellFormed(_ data: Data) -> Bool { XMLParser(data: data).parse() }

    @Test func summaryOfASweepBecomesAPage() throws {
        let folder = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = folder.appendingPathComponent("summary.json").path
        let batch = try SimrunCLI.run(
            [
                "batch", "scenarios/sahel/ghadames.lua", "--runs", "4", "--jobs", "1",
                "--sweep", "algeria_alert=0,1", "--steps", "20", "--quiet",
                "--out", folder.appendingPathComponent("runs.jsonl").path,
                "--summary", summary,
            ], timeout: 60)
        #expect(batch.exited(0), "\(batch)")
        let page = folder.appendingPathComponent("batch.html").path
        let report = try SimrunCLI.run("report", summary, "--format", "html", "--out", page)
        #expect(report.exited(0), "\(report)")
        let html = try Data(contentsOf: URL(fileURLWithPath: page))
        #expect(wellFormed(html))
        let text = String(decoding: html, as: UTF8.self)
        #expect(text.contains("Batch summary: ghadames"))
        #expect(text.contains("against algeria_alert"))
        #expect(!text.contains("<script"))

        let json = try SimrunCLI.run("report", summary, "--format", "json")
        #expect(json.exited(0))
        #expect(json.out == (try String(contentsOfFile: summary, encoding: .utf8)), "the summary written again")
    }

    @Test func runWritesAnHTMLPage() throws {
        let result = try SimrunCLI.run("run", "scenarios/sahel/tinzaouaten.lua", "--steps", "30", "--format", "html")
        #expect(result.exited(0), "\(result)")
        #expect(result.out.hasPrefix("<!DOCTYPE html>"))
        #expect(wellFormed(result.stdout))
        #expect(result.out.contains("Final alignment matrix"))
    }

    @Test func aSingleRunsReportIsWrittenAgain() throws {
        let folder = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reportPath = folder.appendingPathComponent("run.json").path
        #expect(try SimrunCLI.run("run", "scenarios/sahel/ghadames.lua", "--steps", "3", "--out", reportPath).exited(0))
        let result = try SimrunCLI.run("report", reportPath)
        #expect(result.exited(0), "\(result)")
        #expect(result.out.hasPrefix("<!DOCTYPE html>") && result.out.contains("Run: ghadames"))
    }

    @Test func otherFilesAreRefused() throws {
        let missing = try SimrunCLI.run("report", "no/such/summary.json")
        #expect(missing.exited(66))
        #expect(missing.err.contains("no/such/summary.json"))
        let notJSON = try SimrunCLI.run("report", "scenarios/sahel/ghadames.lua")
        #expect(notJSON.exited(65))
        #expect(notJSON.errLines.count == 1)
        let format = try SimrunCLI.run("report", "x.json", "--format", "pdf")
        #expect(format.exited(64))
        #expect(format.err.contains("--format"))
    }

    /// A summary of one point whose outcome `x` is `entry`, written to `folder`.
    static func summary(_ entry: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("summary.json").path
        let text = #"{"design": {"runs": 5}, "runs": 5, "points": [{"point": 0, "outcomes": {"x": \#(entry)}}]}"#
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(
        "a summary's histogram of maxBins bins is drawn; one more bin is refused: 65 naming the field",
        arguments: [(1000, 0), (1001, 65)])
    func histogramBins(bins: Int, code: Int32) throws {
        let folder = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let edges = (0...bins).map(String.init).joined(separator: ",")
        let counts = (["5"] + Array(repeating: "0", count: bins - 1)).joined(separator: ",")
        let path = try Self.summary(
            #"{"type": "number", "n": 5, "mean": 0, "histogram": {"edges": [\#(edges)], "counts": [\#(counts)]}}"#,
            in: folder)
        let result = try SimrunCLI.run("report", path, "--out", folder.appendingPathComponent("page.html").path)
        #expect(result.exited(code), "\(result)")
        if code == 65 {
            #expect(
                result.errLines == ["simrun: error: \(path): points[0].outcomes.x.histogram: 1001 bins, more than 1000"]
            )
        }
    }

    @Test("a folder or an unreadable file given as the summary is exit 66 (cannot open input), not 74")
    func unreadableInput() throws {
        let folder = try SimrunCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try SimrunCLI.run("report", folder.path)
        #expect(result.exited(66), "\(result)")
        #expect(result.errLines == ["simrun: error: cannot read \(folder.path): Is a directory"], "\(result)")
    }
}
