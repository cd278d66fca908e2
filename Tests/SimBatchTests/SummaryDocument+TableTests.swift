import SimSupport
// SummaryDocument+TableTests: a summary read back from JSON as text and as markdown — the same rows
// in both, `|` escaped in markdown cells, and the table of a summary built in memory equal to the
// table of its JSON read back.
import Testing

@testable import SimBatch

@Suite("Summary tables from JSON")
struct SummaryDocumentTableTests {
    static let json = #"""
        {"scenario": {"name": "pipes"}, "design": {"runs": 4}, "runs": 4, "failed": 1,
         "failures": [{"message": "x.lua:3: a|b", "count": 1}],
         "points": [{"point": 0, "params": {"k": 2}, "runs": 4, "failed": 1, "outcomes": {
           "left|right": {"type": "boolean", "n": 3, "true": 1, "p": 0.3333333333333333, "ci95": [0.06, 0.79]},
           "none": {"type": "none", "n": 0}}}]}
        """#

    @Test("text and markdown hold the same rows; markdown escapes | in cells and headings")
    func bothForms() throws {
        let document = SummaryDocument(try JSONValue.parse(Self.json))
        #expect(
            document.table() == """
                BATCH SUMMARY  4 runs, 1 failed
                numbers: mean ± 95% CI [p5, p95]   booleans: p [95% CI]   strings: shares

                point 0  k=2  (4 runs, 1 failed)
                  left|right  n=3  p = 0.333 [0.060, 0.790]
                  none        n=0  no values

                FAILURES
                  1  x.lua:3: a|b

                """)
        #expect(
            document.markdown() == #"""
                ## Batch summary: pipes

                4 runs, 1 failed. numbers: mean ± 95% CI [p5, p95]; booleans: p [95% CI]; strings: shares.

                ### point 0  k=2  (4 runs, 1 failed)

                | outcome | n | estimate |
                | --- | ---: | --- |
                | left\|right | n=3 | p = 0.333 [0.060, 0.790] |
                | none | n=0 | no values |

                ### FAILURES

                | runs | message |
                | ---: | --- |
                | 1 | x.lua:3: a\|b |

                """#)
    }
}
