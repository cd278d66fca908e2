import SimCore
import SimSupport
import SimTestSupport
// ReportComparisonTests: two hand-built runs with known differences, through their JSON reports.
import Testing

@testable import SimReports

struct ReportComparisonTests {
    let reports = RunReportTests()

    /// The base run of RunReportTests, and a variant where Russia turns harder on Algeria (−0.3 →
    /// −0.6), Algeria cools on the CSP (0.6 → 0.5), the CSP has 400 at Tinzaouaten instead of 450.4,
    /// two more clashes happen and a ceasefire is declared.
    func documents() throws -> (ReportDocument, ReportDocument) {
        let base = reports.makeWorld(clashDays: 3)
        let variant = reports.makeWorld(clashDays: 5)
        variant.setAlignment(0, toward: 2, to: -0.6)
        variant.setAlignment(2, toward: 3, to: 0.5)
        variant.setForce(of: 3, in: 0, to: 400)
        variant.setResource(1, of: 0, to: 0.5)
        variant.record(Event(tick: 6, type: "ceasefire", agents: [1, 3]))
        var variantReport = reports.makeReport(variant)
        variantReport.outcomes = [
            ("wagner_losses", .number(20)), ("winner", .string("wag")), ("rounds", .integer(3)),
            ("escalated", .boolean(true)), ("truce", .boolean(true)),
        ]
        return (
            try ReportDocument(label: "base.json", text: reports.makeReport(base).json()),
            try ReportDocument(label: "variant.json", text: variantReport.json())
        )
    }

    @Test("ids and names that Swift finds canonically equivalent are matched by their bytes")
    func equivalentNames() throws {
        func document(_ id: String) throws -> ReportDocument {
            let json =
                "{\"simrun\": {}, \"agents\": [{\"id\": \"\(id)\"}], \"alignments\": {}, "
                + "\"outcomes\": {\"\(id)\": 1}}"
            return try ReportDocument(label: "r.json", text: json)
        }
        let c = ReportComparison(base: try document("\u{C5}"), variant: try document("A\u{30A}"))
        // Both agents are in one report only, in byte order (0x41 before 0xC3).
        let expected = "agents in one report only: A\u{30A}, \u{C5}"
        #expect(c.warnings.contains { $0.utf8.elementsEqual(expected.utf8) }, "\(c.warnings)")
        #expect(c.outcomes.count == 2)
        #expect(c.outcomes[0].variant == nil && c.outcomes[1].base == nil)
    }

    @Test("outcomes side by side with the change of numbers, and outcomes in one report only")
    func outcomes() throws {
        let (base, variant) = try documents()
        let c = ReportComparison(base: base, variant: variant)
        #expect(c.outcomes.map(\.name) == ["wagner_losses", "winner", "rounds", "escalated", "truce"])
        #expect(c.outcomes[0].change == 7.5)
        #expect(c.outcomes[1].differs && c.outcomes[1].change == nil)
        #expect(c.outcomes[2].change == 0 && !c.outcomes[2].differs)
        #expect(c.outcomes[4].base == nil && c.outcomes[4].variant == .boolean(true))
        let text = c.tables()[0].text()
        #expect(
            text.contains("wagner_losses") && text.contains("+7.5") && text.contains("changed") && text.contains("same")
        )
    }

    @Test("the alignments that moved most come first, with before, after and change; equal pairs are left out")
    func alignments() throws {
        let (base, variant) = try documents()
        let c = ReportComparison(base: base, variant: variant)
        #expect(c.alignments.map(\.label) == ["rus → alg", "alg → csp"])
        #expect(c.alignments[0].base == -0.3 && c.alignments[0].variant == -0.6)
        #expect(abs(c.alignments[0].change + 0.3) < 1e-12)
        #expect(abs(c.alignments[1].change + 0.1) < 1e-12)
        #expect(
            ReportComparison(base: base, variant: variant).tables(limit: 1)[1].footnote
                == "1 more differ (--top N shows more)")
    }

    @Test("resource and force differences, and events one run has and the other has not")
    func resourcesForcesEvents() throws {
        let (base, variant) = try documents()
        let c = ReportComparison(base: base, variant: variant)
        #expect(c.resources.map(\.label) == ["rus funds"])
        #expect(c.resources[0].variant == 0.5)
        #expect(c.forces.map(\.label) == ["csp @ tin"])
        #expect(c.forces[0].base == 450.4 && c.forces[0].variant == 400)
        #expect(c.events.map(\.kind) == ["clash wag,csp @tin", "ceasefire wag,csp"])
        #expect(c.events[0].baseCount == 3 && c.events[0].variantCount == 5)
        #expect(c.events[1].baseFirst == nil && c.events[1].variantFirst == 6)
        // The ambush is in both: not listed.
        #expect(!c.tables().last!.text().contains("ambush"))
    }

    @Test("markdown and JSON carry the same rows")
    func formats() throws {
        let (base, variant) = try documents()
        let c = ReportComparison(base: base, variant: variant)
        let md = c.tables()[1].markdown()
        #expect(md.contains("| pair | base.json | variant.json | change |"))
        #expect(md.contains("| rus → alg | -0.3 | -0.6 | -0.3 |"))
        let json = c.json()
        #expect(json["alignments"]?.array?.first?["what"]?.string == "rus → alg")
        #expect(json["events"]?.array?.count == 2)
        #expect(json["warnings"]?.array?.first?.string == "different lengths: 5 ticks in base.json, 7 in variant.json")
    }

    @Test("a file that is not a run report is refused with its label")
    func refusesOtherJSON() {
        #expect(throws: ComparisonInputError.self) { try ReportDocument(label: "x.json", text: "{\"points\": []}") }
        do {
            _ = try ReportDocument(label: "x.json", text: "{nope")
        } catch {
            #expect(error.message.hasPrefix("x.json: not JSON"))
        }
    }
}
