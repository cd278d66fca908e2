// SummaryDocument: a batch summary read back from the JSON that `batch` and `merge` write — the one
// reader that `compare`, `report` and the summary page share.
import SimCore
import SimReports
import SimSupport

/// A summary document, read leniently: what it lacks is nil or empty rather than refused.
package struct SummaryDocument: Sendable {
    package let json: JSONValue
    package let provenance: BatchProvenance
    /// One object per design point: `point`, `params`, `runs`, `failed`, `outcomes`.
    package let points: [JSONValue]

    package init(_ json: JSONValue) {
        self.json = json
        provenance = BatchProvenance(json)
        points = json["points"]?.array ?? []
    }

    /// Whether a JSON document is a batch summary (it has `points` and a design).
    package static func isSummary(_ json: JSONValue) -> Bool {
        json["points"]?.array != nil && json[BatchProvenance.Key.design] != nil
    }

    package var runs: Int { json["runs"]?.int ?? 0 }
    package var failed: Int { json["failed"]?.int ?? 0 }
    /// The failure messages with how many runs gave each, most frequent first.
    package var failures: [JSONValue] { json["failures"]?.array ?? [] }

    /// The outcomes in the order the scenario declared them (else the first point's order).
    package var outcomeNames: [String] {
        provenance.names("outcomes") ?? points.first?["outcomes"]?.object?.map(\.0) ?? []
    }

    /// A point's swept or sampled values.
    package func params(ofPoint point: JSONValue) -> [(String, ScalarValue)] {
        BatchProvenance.scalars(point["params"])
    }
}
