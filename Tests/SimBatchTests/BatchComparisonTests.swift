import SimCore
import SimReports
import SimSupport
import SimTestSupport
// BatchComparisonTests: two batches built here with known values — the estimates, the Welch and
// Newcombe intervals computed here by hand, the warnings, and pairing when the seeds match.
import Testing

@testable import SimBatch

struct BatchComparisonTests {
    /// `n` runs of one point: `losses` = base + i mod 5 (+ shift), `clash` true for i mod 4 == 0
    /// (or mod 2 with `moreClashes`), `holder` gnu or lna.
    func records(_ n: Int, seed: (Int) -> UInt64, shift: Double = 0, moreClashes: Bool = false) -> [RunRecord] {
        (0..<n).map { i in
            RunRecord(
                run: i, seed: seed(i), point: 0, params: [], status: .ok,
                outcomes: [
                    ("losses", .number(100 + Double(i % 5) * 10 + shift)),
                    ("clash", .boolean(moreClashes ? i % 2 == 0 : i % 4 == 0)),
                    ("holder", .string(i % 3 == 0 ? "lna" : "gnu")),
                ])
        }
    }

    func header(seed: UInt64, runs: Int) throws -> JSONValue {
        try JSONValue.parse(
            """
            {"seed": \(seed), "design": {"runs": \(runs), "steps": null}, "scenario": {"name": "ghadames"},
             "columns": {"outcomes": ["losses", "clash", "holder"]}, "point_params": [{}]}
            """)
    }

    @Test("category values Swift finds canonically equivalent are two categories, as the scenario's Lua had them")
    func equivalentCategories() {
        let estimate = OutcomeEstimate(values: [.string("\u{C5}"), .string("A\u{30A}"), .string("\u{C5}")])
        #expect(estimate == .categories(n: 3, counts: [ExactKey("\u{C5}"): 2, ExactKey("A\u{30A}"): 1]))
    }

    @Test("Welch for numbers, Newcombe for booleans and each category, against the formulas")
    func intervals() throws {
        let base = try BatchEstimates(
            label: "a", header: try header(seed: 1, runs: 200),
            records: records(200, seed: { UInt64($0) }))
        let variant = try BatchEstimates(
            label: "b", header: try header(seed: 2, runs: 200),
            records: records(200, seed: { UInt64($0) + 1000 }, shift: 3, moreClashes: true))
        let c = BatchComparison(base: base, variant: variant)
        #expect(c.warnings.isEmpty)
        #expect(c.paired == nil)
        let losses = try #require(c.rows.first { $0.outcome == "losses" }?.difference)
        // Both samples have the same spread s (values 100..140 in equal shares): se = s·√(2/200).
        let values = (0..<200).map { 100 + Double($0 % 5) * 10 }
        let se = Statistics.standardDeviation(values) * (2.0 / 200).squareRoot()
        #expect(abs(losses.estimate - 3) < 1e-9)
        #expect(abs(losses.high - losses.estimate - Statistics.studentT975(degreesOfFreedom: 398) * se) < 1e-9)
        #expect(losses.excludesZero)
        let clash = try #require(c.rows.first { $0.outcome == "clash" }?.difference)
        #expect(clash == Statistics.newcombe(a: (50, 200), b: (100, 200)))
        #expect(clash.excludesZero)
        let holders = c.rows.filter { $0.outcome == "holder" }
        #expect(holders.map(\.category) == ["gnu", "lna"])
        #expect(holders.allSatisfy { $0.difference?.estimate == 0 && $0.difference?.excludesZero == false })
        let table = c.tables()[0].text()
        #expect(table.contains("holder = gnu") && table.contains("*"))
    }

    @Test("warnings: run counts, designs and a shared seed; outcomes in one batch only")
    func warnings() throws {
        let base = try BatchEstimates(
            label: "a", header: try header(seed: 5, runs: 100), records: records(100, seed: { UInt64($0) }))
        var other = records(50, seed: { UInt64($0) })
        for i in other.indices { other[i].outcomes.append(("extra", .integer(1))) }
        let variant = try BatchEstimates(label: "b", header: try header(seed: 5, runs: 50), records: other)
        let c = BatchComparison(base: base, variant: variant)
        #expect(c.warnings.contains("the batches differ in run count: 100 runs per point in a, 50 in b"))
        #expect(c.warnings.contains { $0.hasPrefix("both batches use seed 5") })
        #expect(c.warnings.contains("outcome 'extra' is only in b"))
    }

    @Test("runs files with the same seeds are compared in pairs too, and pairing narrows the interval")
    func pairedWhenSeedsMatch() throws {
        // Each run's losses depend mostly on its seed: pairs share that part.
        func noisy(_ shift: Double, own: UInt64) -> [RunRecord] {
            (0..<300).map { i in
                var shared = RandomSource(seed: UInt64(i)), mine = RandomSource(seed: UInt64(i) &+ own)
                return RunRecord(
                    run: i, seed: UInt64(i), point: 0, params: [], status: .ok,
                    outcomes: [("losses", .number(400 + 100 * shared.normal() + shift + 5 * mine.normal()))])
            }
        }
        let base = try BatchEstimates(
            label: "a", header: try header(seed: 9, runs: 300), records: noisy(0, own: 1 << 40))
        let variant = try BatchEstimates(
            label: "b", header: try header(seed: 9, runs: 300), records: noisy(10, own: 1 << 41))
        let c = BatchComparison(base: base, variant: variant)
        let paired = try #require(c.paired?.rows.first { $0.outcome == "losses" })
        let pairedDifference = try #require(paired.paired), independent = try #require(paired.independent)
        #expect(pairedDifference.excludesZero && !independent.excludesZero)
        #expect(pairedDifference.width < independent.width / 10)
        #expect(abs(pairedDifference.estimate - 10) < 1.5)
    }

    @Test("outcome names Swift finds canonically equivalent read back as two outcomes")
    func equivalentOutcomeNames() throws {
        let summary = try JSONValue.parse(
            """
            {"seed": 3, "design": {"runs": 10, "steps": null}, "scenario": {"name": "x"},
             "columns": {"outcomes": ["\u{C5}", "A\u{30A}"]},
             "points": [{"point": 0, "params": {}, "outcomes": {
               "\u{C5}": {"type": "boolean", "n": 10, "true": 4, "p": 0.4},
               "A\u{30A}": {"type": "boolean", "n": 10, "true": 6, "p": 0.6}}}]}
            """)
        let e = try BatchEstimates(label: "s.json", summary: summary)
        #expect(e.points[0].count == 2)
        #expect(e.points[0][ExactKey("\u{C5}")] == .proportion(n: 10, successes: 4))
        #expect(e.points[0][ExactKey("A\u{30A}")] == .proportion(n: 10, successes: 6))
        #expect(e.allOutcomeNames.count == 2)
    }

    @Test("a summary's entries read back as estimates")
    func fromSummary() throws {
        let summary = try JSONValue.parse(
            """
            {"seed": 3, "design": {"runs": 10, "steps": null}, "scenario": {"name": "x"},
             "columns": {"outcomes": ["m", "b", "c", "gone"]},
             "points": [{"point": 0, "params": {}, "outcomes": {
               "m": {"type": "number", "n": 10, "mean": 2.5, "sd": 1.0},
               "b": {"type": "boolean", "n": 10, "true": 4, "p": 0.4},
               "c": {"type": "category", "n": 10, "categories": {"x": {"count": 7}, "y": {"count": 3}}},
               "gone": {"type": "none", "n": 0},
               "nan": {"type": "number", "n": 10, "mean": null, "sd": 1.0}}}]}
            """)
        let e = try BatchEstimates(label: "s.json", summary: summary)
        #expect(e.points[0]["m"] == .number(n: 10, mean: 2.5, sd: 1))
        #expect(e.points[0]["b"] == .proportion(n: 10, successes: 4))
        #expect(e.points[0]["c"] == .categories(n: 10, counts: ["x": 7, "y": 3]))
        #expect(e.points[0]["gone"] == OutcomeEstimate.none)
        // A NaN among the runs leaves the summary without a mean: nothing to compare, no failure.
        #expect(e.points[0]["nan"] == OutcomeEstimate.none)
        #expect(throws: ComparisonInputError.self) {
            try BatchEstimates(label: "r.json", summary: try JSONValue.parse("{\"agents\": []}"))
        }
    }
}
