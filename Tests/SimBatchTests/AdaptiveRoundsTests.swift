// AdaptiveRoundsTests: the rounds of an adaptive batch — the runs each round holds under the design's
// own numbering, the half-widths that stop a point, the cap, the targets parsed from --precision,
// and the summary and its page saying why each point stopped.
import Foundation
import SimCore
import SimReports
import SimSupport
import SimTestSupport
import Testing

@testable import SimBatch

struct AdaptiveRoundsTests {
    private func design(cap: Int, round: Int, points: Int = 2) throws -> BatchDesign {
        var design = BatchDesign(
            runsPerPoint: cap, seed: 1, steps: nil, fixed: [],
            sweeps: [Sweep(name: "a", values: (0..<points).map { .integer($0) })])
        design.precision = try Precision(parsing: ["hit=0.1"], round: round)
        return design
    }

    private func record(_ run: Int, _ design: BatchDesign, hit: Bool) -> RunRecord {
        RunRecord(
            run: run, seed: design.seed(ofRun: run), point: design.point(ofRun: run), params: [], status: .ok,
            outcomes: [("hit", .boolean(hit))])
    }

    @Test func roundsTakeEachRunningPointsNextReplicatesUpToTheCap() throws {
        let design = try design(cap: 25, round: 10)
        var rounds = AdaptiveRounds(design: design, targets: [("hit", 0.0001)])
        var seen: [[Int]] = []
        while !rounds.isFinished {
            seen.append(rounds.runs)
            for run in rounds.runs { rounds.add(record(run, design, hit: run % 2 == 0)) }
            rounds.closeRound()
        }
        #expect(
            seen == [Array(0..<10) + Array(25..<35), Array(10..<20) + Array(35..<45), Array(20..<25) + Array(45..<50)])
        #expect(rounds.stopped == [.cap, .cap])
    }

    @Test func aPointStopsOnceItsWilsonHalfWidthIsAtMostTheTarget() throws {
        let design = try design(cap: 1000, round: 50, points: 1)
        // 30% hits, spread evenly: the first round whose Wilson half-width is ≤ 0.1.
        var rounds = AdaptiveRounds(design: design, targets: [("hit", 0.1)])
        var hits = 0, n = 0
        while !rounds.isFinished {
            for run in rounds.runs {
                rounds.add(record(run, design, hit: run % 10 < 3))
                hits += run % 10 < 3 ? 1 : 0
                n += 1
            }
            rounds.closeRound()
        }
        let (lo, hi) = Statistics.wilson(successes: hits, trials: n)
        #expect(rounds.stopped == [.precision] && (hi - lo) / 2 <= 0.1)
        let (lo0, hi0) = Statistics.wilson(successes: hits - 15, trials: n - 50)
        #expect((hi0 - lo0) / 2 > 0.1, "the round before was not precise")
        #expect(n == 100)
    }

    @Test func halfWidthsOfMeansProportionsAndCategories() {
        let t = Statistics.studentT975(degreesOfFreedom: 3)
        #expect(abs((OutcomeEstimate.number(n: 4, mean: 1, sd: 2).halfWidth ?? 0) - t * 2 / 2) < 1e-12)
        #expect(OutcomeEstimate.number(n: 1, mean: 1, sd: 0).halfWidth == nil)
        #expect(OutcomeEstimate.number(n: 4, mean: .nan, sd: .nan).halfWidth == nil)
        let (lo, hi) = Statistics.wilson(successes: 3, trials: 10)
        #expect(OutcomeEstimate.proportion(n: 10, successes: 3).halfWidth == (hi - lo) / 2)
        let half = { (k: Int) in
            (Statistics.wilson(successes: k, trials: 10).1 - Statistics.wilson(successes: k, trials: 10).0) / 2
        }
        #expect(OutcomeEstimate.categories(n: 10, counts: ["a": 1, "b": 5, "c": 4]).halfWidth == half(5))
        #expect(OutcomeEstimate.none.halfWidth == nil)
    }

    @Test func precisionTargetsParseAndResolve() throws {
        let precision = try Precision(parsing: ["0.05", "x=0.5"], round: 20)
        let targets = try precision.targets(declared: ["x", "hit", "side"])
        #expect(targets.map(\.name) == ["x", "hit", "side"] && targets.map(\.width) == [0.5, 0.05, 0.05])
        #expect(precision.json().compact() == #"{"round":20,"all":0.05,"outcomes":{"x":0.5}}"#)
        #expect(try Precision(parsing: ["x=0.5"], round: 1).targets(declared: ["x", "y"]).map(\.name) == ["x"])
        for bad in ["0", "-1", "x=", "x=nan", "x=inf", "=0.1", "abc"] {
            #expect(throws: DesignError.self) { try Precision(parsing: [bad], round: 1) }
        }
        #expect(throws: DesignError.self) { try Precision(parsing: ["x=1", "x=2"], round: 1) }
        #expect(throws: DesignError.self) { try precision.targets(declared: ["hit"]) }
    }

    @Test func theSummaryAndItsPageSayWhyEachPointStopped() throws {
        let design = try design(cap: 100, round: 10)
        var summary = BatchSummary(outcomeNames: ["hit"], points: design.points)
        summary.add(record(0, design, hit: true))
        summary.record(stops: [.precision, .cap])
        let header: [(String, JSONValue)] = [("design", design.json())]
        let text = summary.json(header: header)
        #expect(text.contains(#""failed": 0,\#n      "stopped": "precision","#))
        #expect(text.contains(#""stopped": "cap""#))
        let html = BatchSummary.html(summary: try JSONValue.parse(text))
        #expect(html.contains("hit ≤ 0.1; rounds of 10 runs a point"))
        #expect(html.contains("1 (precision), 0 (cap)"))
        // Without --precision, neither the design nor the points carry it.
        var plain = BatchSummary(outcomeNames: ["hit"], points: design.points)
        plain.add(record(0, design, hit: true))
        #expect(!plain.json(header: []).contains("stopped"))
    }
}
