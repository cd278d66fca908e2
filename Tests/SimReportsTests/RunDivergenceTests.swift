import SimCore
import SimSupport
import SimTestSupport
// RunDivergenceTests: two runs that part at a known tick — in their state digests, their timelines
// and their metrics — and two that never do.
import Testing

@testable import SimReports

struct RunDivergenceTests {
    let reports = RunReportTests()

    /// A report of RunReportTests' world with digests from `digestsOf(t)` for t = 0...ticks and
    /// `tension` metric values from `tension(t)`.
    func document(_ label: String, world: World, digestsOf: (Int) -> StateDigest, tension: (Int) -> Double) throws
        -> ReportDocument
    {
        var report = reports.makeReport(world)
        report.digests = (0...world.tick).map(digestsOf)
        report.metrics[0] = (0...world.tick).map(tension)
        return try ReportDocument(label: label, text: report.json())
    }

    func digest(_ t: Int, forcesFrom: Int? = nil) -> StateDigest {
        StateDigest(
            alignments: UInt64(t), forces: forcesFrom.map { t >= $0 ? UInt64(1000 + t) : UInt64(t) } ?? UInt64(t),
            resources: 7, ties: 9)
    }

    @Test("identical runs: no divergence")
    func identical() throws {
        let a = try document("a", world: reports.makeWorld(), digestsOf: { digest($0) }, tension: { Double($0) })
        let b = try document("b", world: reports.makeWorld(), digestsOf: { digest($0) }, tension: { Double($0) })
        let d = RunDivergence(base: a, variant: b)
        #expect(d.identical && d.firstTick == nil && !d.digestsMissing)
        #expect(d.lines(base: a, variant: b).first?.hasPrefix("identical") == true)
    }

    @Test("the first tick whose digest differs, and the parts that differ there")
    func stateDigest() throws {
        let a = try document("a", world: reports.makeWorld(), digestsOf: { digest($0) }, tension: { Double($0) })
        let b = try document(
            "b", world: reports.makeWorld(), digestsOf: { digest($0, forcesFrom: 3) }, tension: { Double($0) })
        let d = RunDivergence(base: a, variant: b)
        #expect(d.stateTick?.tick == 3 && d.stateTick?.parts == ["forces"])
        #expect(d.firstTick == 3)
        #expect(d.lines(base: a, variant: b).contains("  state: forces differ from tick 3"))
    }

    @Test("the first differing event and metric, each at its own tick; the earliest is the divergence")
    func eventsAndMetrics() throws {
        // Four clashes instead of three: timelines differ at the fourth clash (tick 4), or earlier
        // where the ambush stands (tick 2 in both, so it agrees).
        let a = try document(
            "a", world: reports.makeWorld(clashDays: 3), digestsOf: { digest($0) }, tension: { Double($0) })
        let b = try document(
            "b", world: reports.makeWorld(clashDays: 4), digestsOf: { digest($0) },
            tension: { $0 >= 2 ? Double($0) + 1e-15 * Double($0) : Double($0) })
        let d = RunDivergence(base: a, variant: b)
        let event = try #require(d.event)
        #expect(event.base?.type == "ambush" && event.variant?.type == "clash" && event.variant?.tick == 4)
        #expect(d.metric?.tick == 2 && d.metric?.name == "tension")
        #expect(d.firstTick == 2)
        #expect(d.json["first_tick"]?.int == 2)
    }

    @Test("reports without digests still compare timelines and metrics, and say so")
    func noDigests() throws {
        var report = reports.makeReport(reports.makeWorld())
        report.digests = []
        let a = try ReportDocument(label: "a", text: report.json())
        let b = try document("b", world: reports.makeWorld(), digestsOf: { digest($0) }, tension: { Double($0) * 0.1 })
        let d = RunDivergence(base: a, variant: b)
        #expect(d.digestsMissing && d.identical)
        #expect(d.lines(base: a, variant: b).first?.hasPrefix("note: a report has no state digests") == true)
    }
}
