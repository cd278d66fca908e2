import SimCore
import SimSupport
import Testing

@testable import SimBatch

/// The one reader of batch summaries and runs-file headers.
struct SummaryDocumentTests {
    static let summary = #"""
        {"simrun": {"version": "0.1.0", "schema": 1}, "scenario": {"name": "duel", "sha256": "ab"},
         "seed": 18446744073709551615, "design": {"runs": 4, "steps": 30, "sweeps": [{"name": "p", "values": [0, 1]}]},
         "columns": {"params": ["p"], "outcomes": ["won", "loss"], "metrics": []},
         "runs": 8, "failed": 1, "failures": [{"message": "boom", "count": 1}],
         "points": [{"point": 0, "params": {"p": 0}, "outcomes": {"loss": {"type": "number", "n": 4}}},
                    {"point": 1, "params": {"p": 1, "flag": true}, "outcomes": {}}]}
        """#

    @Test func readsProvenance() throws {
        let document = SummaryDocument(try JSONValue.parse(SummaryDocumentTests.summary))
        let provenance = document.provenance
        #expect(provenance.scenarioName == "duel" && provenance.scenarioSHA256 == "ab")
        #expect(provenance.seed == UInt64.max)
        #expect(provenance.schema == 1)
        #expect(provenance.runsPerPoint == 4 && provenance.steps == 30)
        #expect(provenance.isSweep)
        #expect(provenance.names("params") == ["p"] && provenance.names("nothing") == nil)
        #expect(provenance.pointParams == nil)
        #expect(document.runs == 8 && document.failed == 1 && document.failures.count == 1)
    }

    /// Declared outcomes keep the scenario's order, even one that no point has.
    @Test func outcomeNamesInDeclaredOrder() throws {
        let document = SummaryDocument(try JSONValue.parse(SummaryDocumentTests.summary))
        #expect(document.outcomeNames == ["won", "loss"])
        let undeclared = SummaryDocument(
            try JSONValue.parse(#"{"design": {}, "points": [{"outcomes": {"b": {}, "a": {}}}]}"#))
        #expect(undeclared.outcomeNames == ["b", "a"])
    }

    @Test func pointParamsAreScalars() throws {
        let document = SummaryDocument(try JSONValue.parse(SummaryDocumentTests.summary))
        let params = document.params(ofPoint: document.points[1])
        #expect(params.map(\.0) == ["p", "flag"])
        #expect(params.map(\.1) == [.integer(1), .boolean(true)])
    }

    @Test func recognisesSummaries() throws {
        #expect(SummaryDocument.isSummary(try JSONValue.parse(#"{"design": {}, "points": []}"#)))
        #expect(!SummaryDocument.isSummary(try JSONValue.parse(#"{"points": []}"#)))
        #expect(!SummaryDocument.isSummary(try JSONValue.parse(#"{"design": {}, "points": {}}"#)))
        #expect(!SummaryDocument.isSummary(try JSONValue.parse(#"{"design": {}}"#)))
    }

    /// A Latin hypercube's points stand alone; a header's point params are read as scalars.
    @Test func headerOfASample() throws {
        // The design as `batch` writes it: a sample is an object (a null sample is a sweep's design).
        let header = try JSONValue.parse(
            #"{"design": {"runs": 2, "sample": {"method": "lhs", "size": 3, "ranges": {"x": [0, 1]}}}, "#
                + #""point_params": [{"x": 0.5}, {}]}"#)
        let provenance = BatchProvenance(header)
        #expect(!provenance.isSweep)
        #expect(provenance.pointParams?.count == 2)
        #expect(provenance.pointParams?[0].first?.1 == .number(0.5))
        #expect(provenance.scenarioName == nil && provenance.seed == nil)
    }
}
