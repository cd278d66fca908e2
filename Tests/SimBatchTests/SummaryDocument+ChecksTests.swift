import SimSupport
import Testing

@testable import SimBatch

/// The bounds a summary read from a file keeps before compare or report use it.
struct SummaryDocumentChecksTests {
    /// A summary of one point whose outcome `x` is `entry`.
    private func message(_ entry: String, top: String = "") -> String? {
        let text = #"{"design": {}, \#(top) "points": [{"point": 0, "outcomes": {"x": \#(entry)}}]}"#
        do {
            try SummaryDocument(try JSONValue.parse(text)).check()
            return nil
        } catch let error as SummaryDocument.Invalid {
            return error.message
        } catch {
            return "not JSON: \(error)"
        }
    }

    /// A histogram of `bins` bins over `n` runs, all in the first bin.
    private func histogram(bins: Int, n: Int = 5) -> String {
        let edges = (0...bins).map(String.init).joined(separator: ",")
        let counts = ([n] + Array(repeating: 0, count: bins - 1)).map(String.init).joined(separator: ",")
        return #"{"type": "number", "n": \#(n), "histogram": {"edges": [\#(edges)], "counts": [\#(counts)]}}"#
    }

    @Test("a boolean's true count may reach its n, not pass it")
    func trueWithinN() {
        #expect(message(#"{"type": "boolean", "n": 10, "true": 10}"#) == nil)
        #expect(
            message(#"{"type": "boolean", "n": 10, "true": 11}"#)
                == "points[0].outcomes.x.true is 11, more than its n (10)")
        #expect(message(#"{"type": "boolean", "n": 10, "true": -1}"#) == "points[0].outcomes.x.true is -1, not a count")
    }

    @Test("n and the run counts are counts within BatchDesign.maxRuns")
    func runCounts() {
        #expect(message(#"{"type": "number", "n": 100000000}"#) == nil)
        #expect(
            message(#"{"type": "number", "n": 100000001}"#)
                == "points[0].outcomes.x.n is 100000001, more than 100000000")
        #expect(message(#"{"type": "number", "n": "3"}"#) == #"points[0].outcomes.x.n is "3", not a count"#)
        #expect(message("{}", top: #""runs": -5,"#) == "runs is -5, not a count")
    }

    @Test("a category's count lies within its n")
    func categoryCounts() {
        let entry = { (count: Int) in #"{"type": "category", "n": 4, "categories": {"a": {"count": \#(count)}}}"# }
        #expect(message(entry(4)) == nil)
        #expect(message(entry(5)) == "points[0].outcomes.x.categories.a.count is 5, more than its n (4)")
    }

    @Test("a histogram has at most maxBins bins, one count per bin, each within n")
    func histograms() {
        #expect(message(histogram(bins: SummaryDocument.maxBins)) == nil)
        #expect(
            message(histogram(bins: SummaryDocument.maxBins + 1))
                == "points[0].outcomes.x.histogram: 1001 bins, more than 1000")
        #expect(
            message(#"{"type": "number", "n": 2, "histogram": {"edges": [0, 1, 2], "counts": [2]}}"#)
                == "points[0].outcomes.x.histogram: not one count per bin between numeric edges")
        #expect(
            message(#"{"type": "number", "n": 2, "histogram": {"edges": [0, 1], "counts": [3]}}"#)
                == "points[0].outcomes.x.histogram.counts[0] is 3, more than its n (2)")
    }

    @Test("a summary has at most BatchDesign.maxPoints points")
    func pointCount() throws {
        let points = { (count: Int) in
            SummaryDocument(
                .object([("design", .object([])), ("points", .array(Array(repeating: .object([]), count: count)))]))
        }
        #expect(throws: Never.self) { try points(BatchDesign.maxPoints).check() }
        #expect(throws: SummaryDocument.Invalid.self) { try points(BatchDesign.maxPoints + 1).check() }
    }

    @Test("a calibrated batch's accepted count, posterior, prior and predictive are checked like a point's")
    func calibration() {
        let prior = { (count: Int) in
            #""accepted": 3, "prior": {"p": {"type": "number", "n": 12, "histogram": {"edges": [0, 1], "counts": [\#(count)]}}},"#
        }
        #expect(message("{}", top: prior(12)) == nil)
        #expect(message("{}", top: prior(13)) == "prior.p.histogram.counts[0] is 13, more than its n (12)")
        #expect(
            message("{}", top: prior(9_223_372_036_854_775_807))
                == "prior.p.histogram.counts[0] is 9223372036854775807, more than its n (12)")
        #expect(
            message("{}", top: #""posterior": {"flag": {"type": "boolean", "n": 2, "true": 3}},"#)
                == "posterior.flag.true is 3, more than its n (2)")
        #expect(message("{}", top: #""accepted": -1,"#) == "accepted is -1, not a count")
    }
}
