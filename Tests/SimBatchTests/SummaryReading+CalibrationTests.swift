// SummaryReading+CalibrationTests: the summary page of a batch with `--accept` opens with the
// calibration — accepted runs, each param's prior against its posterior, the accepted runs' outcomes.
import SimCore
import SimSupport
import SimTestSupport
import Testing

@testable import SimBatch

struct SummaryReadingCalibrationTests {
    private func page(accepting facts: [String]?) throws -> String {
        var summary = BatchSummary(
            outcomeNames: ["heads", "won"], observedNames: ["three"], accepting: facts,
            points: [0.2, 0.8].map { [("p", .number($0)), ("side", .string($0 > 0.5 ? "east" : "west"))] })
        for run in 0..<4 {
            var record = RunRecord(
                run: run, seed: 1, point: run / 2, params: [], status: .ok,
                outcomes: [("heads", .integer(run)), ("won", .boolean(run > 1))], observed: [("three", run == 3)])
            if facts != nil { record.accepted = run == 3 }
            summary.add(record)
        }
        let design: JSONValue = .object(
            [("seeds", .string("independent"))] + (facts.map { [("accept", .array($0.map(JSONValue.string)))] } ?? []))
        return BatchSummary.html(summary: try JSONValue.parse(summary.json(header: [("design", design)])))
    }

    @Test func calibrationOpensThePage() throws {
        let html = try page(accepting: ["three"])
        #expect(XMLWellFormedness.problem(in: html) == nil)
        for chart in XMLWellFormedness.svgElements(in: html) { #expect(XMLWellFormedness.problem(in: chart) == nil) }
        let calibration = try #require(html.range(of: "Calibration to the record"))
        let firstOutcome = try #require(html.range(of: "heads  (number)"))
        #expect(calibration.lowerBound < firstOutcome.lowerBound)
        #expect(html.contains("1 of 4 runs (25%) reproduced three."))
        #expect(html.contains("<dt>seeds</dt><dd>independent</dd>\n<dt>accepted on</dt><dd>three</dd>"))
        let charts = XMLWellFormedness.svgElements(in: html)
        // A number's prior and posterior on one chart; a choice's shares as rows under each.
        let p = try #require(charts.first { $0.contains("aria-label=\"prior and posterior of p\"") })
        #expect(p.contains("posterior (1)") && p.contains("prior (4)"))
        let choices = try #require(
            charts.first { $0.contains("aria-label=\"prior and posterior of the booleans and choices\"") })
        #expect(choices.contains("side = east — posterior") && choices.contains("side = west — prior"))
        #expect(charts.contains { $0.contains("aria-label=\"heads over the accepted runs\"") })
        #expect(charts.contains { $0.contains("aria-label=\"outcomes over the accepted runs\"") && $0.contains("won") })
    }

    @Test func noCalibrationWithoutAccept() throws {
        let html = try page(accepting: nil)
        #expect(!html.contains("Calibration to the record"))
        #expect(!html.contains("prior and posterior"))
    }
}
