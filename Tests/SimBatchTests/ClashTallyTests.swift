// ClashTallyTests: where a batch's runs clashed — rows' clash counts per region added up against
// hand-counted rows, failed runs left out, the same bytes in any order of arrival — the rows'
// `clashes` written and read back (older rows without it read as clash-free), and the page's map.
import Foundation
import SimCore
import SimSupport
import SimTestSupport
import Testing

@testable import SimBatch

@Suite struct ClashTallyTests {
    /// Four ok runs and one failed one: `a` clashed in runs 0, 1 and 3 (2 + 1 + 3 = 6 clashes),
    /// `b` in run 1 only (4); the failed run's clashes do not count.
    private let rows = [
        RunRecord(run: 0, seed: 1, point: 0, params: [], status: .ok, clashes: [("a", 2)]),
        RunRecord(run: 1, seed: 2, point: 0, params: [], status: .ok, clashes: [("a", 1), ("b", 4)]),
        RunRecord(run: 2, seed: 3, point: 0, params: [], status: .ok),
        RunRecord(run: 3, seed: 4, point: 0, params: [], status: .ok, clashes: [("a", 3)]),
        RunRecord(run: 4, seed: 5, point: 0, params: [], status: .error, error: "x", clashes: [("b", 9)]),
    ]

    @Test func theTallyMatchesTheRowsCountedByHand() throws {
        var tally = ClashTally()
        for row in rows { tally.add(row) }
        let json = try #require(tally.json)
        #expect(json["runs"]?.int == 4)
        let regions = try #require(json["regions"]?.array)
        #expect(regions.map { $0["region"]?.string } == ["a", "b"])
        #expect(
            regions[0]["runs"]?.int == 3 && regions[0]["share"]?.double == 0.75 && regions[0]["mean"]?.double == 1.5)
        #expect(regions[1]["runs"]?.int == 1 && regions[1]["share"]?.double == 0.25 && regions[1]["mean"]?.double == 1)
    }

    @Test func theSummaryIsTheSameInAnyOrderAndSilentWithoutClashes() throws {
        func summary(_ rows: [RunRecord]) -> String {
            var summary = BatchSummary(outcomeNames: [], points: [[]])
            for row in rows { summary.add(row) }
            return summary.json(header: [])
        }
        #expect(summary(rows) == summary(rows.reversed()))
        #expect(summary(rows).contains("\"clashes\": {"))
        #expect(!summary([rows[2]]).contains("clashes"), "a batch without fighting keeps its summary as it was")
    }

    @Test func rowsCarryTheirClashesAndOlderRowsReadWithout() throws {
        let line = rows[1].jsonLine()
        #expect(line.contains(",\"clashes\":{\"a\":1,\"b\":4}"))
        let back = try RunRecord(json: JSONValue.parse(line))
        #expect(back.clashes.map { $0.0 } == ["a", "b"] && back.clashes.map { $0.1 } == [1, 4])
        #expect(!rows[2].jsonLine().contains("clashes"))
        let old = try RunRecord(
            json: JSONValue.parse(#"{"run":0,"seed":1,"point":0,"params":{},"status":"ok","outcomes":{}}"#))
        #expect(old.clashes.isEmpty)
        #expect(throws: JSONParseError.self) {
            try RunRecord(
                json: JSONValue.parse(
                    #"{"run":0,"seed":1,"point":0,"params":{},"status":"ok","outcomes":{},"clashes":{"a":-1}}"#))
        }
    }

    @Test func thePageMapsTheClashesOverTheScenariosRegions() throws {
        var summary = BatchSummary(outcomeNames: [], points: [[]])
        for row in rows { summary.add(row) }
        let header = try #require(
            try JSONValue.parse(
                """
                {"simrun": {"version": "0.1.0", "schema": 1}, "scenario": {"name": "s", "sha256": "ab",
                 "regions": [{"id": "a", "name": "Gao (on the Niger)", "lat": 16.27, "lon": -0.04},
                             {"id": "b", "name": "Kidal", "lat": 18.44, "lon": 1.41}], "links": [["a", "b"]]},
                 "seed": 42, "design": {"runs": 5, "steps": null, "params": {}, "sweeps": [], "sample": null,
                 "points": 1}, "columns": {"params": [], "outcomes": []}}
                """
            ).object)
        let html = BatchSummary.html(summary: try JSONValue.parse(summary.json(header: header)))
        #expect(XMLWellFormedness.problem(in: html) == nil)
        let map = try #require(XMLWellFormedness.svgElements(in: html).first { $0.contains("class=\"map\"") })
        #expect(map.contains("<title>Gao (on the Niger): a clash in 75% of 4 runs, 1.5 clashes per run</title>"))
        #expect(map.contains(">Gao</text>") && map.contains(">Kidal</text>"))
        #expect(map.contains("<title>Mali</title>"))
        #expect(html.contains("<td>Gao (on the Niger)</td><td class=\"num\">75%</td><td class=\"num\">1.5</td>"))
        #expect(!html.contains("<script"))
    }
}
