// ReportDocument+MapTests: the map of a report read back from its JSON is the run page's map — the
// same places, force history, roads travelled and clashes, the same SVG and slider data — and a
// report written before the force history still gets a map of its timeline.
import Foundation
import SimCore
import SimSupport
import Testing

@testable import SimReports

struct ReportDocumentMapTests {
    private let fixture = RunReportTests()

    /// The fixture's run with a move from Tamanrasset to Tinzaouaten (days 1 to 3), a second move still
    /// on the road at the end, and the force history those make.
    private func report(tickDays: Double = 1) -> RunReport {
        let world = fixture.makeWorld()
        world.tickDays = tickDays
        let alg = world.agentIndex("alg")!, tin = world.regionIndex("tin")!, tam = world.regionIndex("tam")!
        world.record(
            Event(
                tick: 1, type: "move", agents: [alg], region: tam,
                data: [("to", .string("tin")), ("strength", .number(500)), ("km", .number(400))]))
        world.record(
            Event(
                tick: 3, type: "arrival", agents: [alg], region: tin,
                data: [("from", .string("tam")), ("strength", .number(500))]))
        world.record(
            Event(
                tick: 4, type: "move", agents: [alg], region: tin,
                data: [("to", .string("tam")), ("strength", .number(100)), ("km", .number(400))]))
        var report = fixture.makeReport(world)
        report.forceChanges = [
            ForceChange(tick: 0, agent: alg, region: tam, strength: 2000),
            ForceChange(tick: 1, agent: alg, region: tam, strength: 1500),
            ForceChange(tick: 3, agent: alg, region: tin, strength: 500),
            ForceChange(tick: 4, agent: alg, region: tin, strength: 400),
        ]
        return report
    }

    private func document(_ json: String) throws -> ReportDocument {
        try ReportDocument(label: "report.json", text: json)
    }

    @Test("read back from JSON, a run's map is drawn as the run page draws it")
    func sameMapFromTheJSON() throws {
        for tickDays in [1.0, 0.5] {
            let report = report(tickDays: tickDays)
            let drawn = try #require(report.mapTimeline())
            let reread = try #require(try document(report.json()).mapTimeline())
            #expect(reread.html == drawn.html, "tick of \(tickDays) days")
            #expect(reread.forces.count == 4 && reread.clashes.count == 3)
            #expect(reread.moves.map(\.end) == [3, nil], "the first move ends on day 3, the second is on the road")
            #expect(reread.dayLabels == (0...5).map { report.world.date(ofTick: $0).description })
        }
    }

    @Test("the page rebuilt from the JSON carries the map and its slider data")
    func pageHasTheMap() throws {
        let html = try document(report().json()).html()
        #expect(html.contains("class=\"map\""))
        #expect(html.contains("<script type=\"application/json\" id=\"map-data\">"))
        #expect(html.contains("<h2>Map</h2>"))
    }

    @Test("a report written before the force history gets a map of its timeline, one day a tick")
    func olderReportWithoutForceHistory() throws {
        var report = report()
        report.forceChanges = []
        let json = try #require(try JSONValue.parse(report.json()).object)
        let older = JSONValue.object(
            json.filter { $0.0 != RunReportKey.forceChanges && $0.0 != RunReportKey.tickDays }
        ).serialized()
        let map = try #require(try document(older).mapTimeline())
        #expect(map.forces.isEmpty && map.moves.count == 2 && map.clashes.count == 3)
        #expect(map.dayLabels.first == "2024-07-22" && map.dayLabels.last == "2024-07-27")
    }
}
