// BatchEstimates: one side of a batch comparison — the provenance of a batch and, per design point,
// each outcome's estimate — read from a runs file (which also keeps the runs, for pairing) or from
// the summary `simrun batch --summary` wrote.
import SimCore
import SimReports
import SimSupport

/// A batch as `compare` sees it.
package struct BatchEstimates: Sendable {
    /// What the user named on the command line.
    package var label: String
    package var scenario: String
    package var seed: UInt64?
    package var runsPerPoint: Int?
    /// `design.steps` (nil: the scenario's own).
    package var steps: Int?
    package var outcomeNames: [String]
    /// Each point's swept or sampled values.
    package var pointParams: [[(String, ScalarValue)]]
    /// `points[p]`: outcome name (its bytes) → estimate at point p.
    package var points: [[ExactKey: OutcomeEstimate]]
    /// The runs, when read from a runs file: what a paired comparison needs.
    package var records: [RunRecord]?

    /// From a summary JSON document.
    package init(label: String, summary: JSONValue) throws(ComparisonInputError) {
        guard SummaryDocument.isSummary(summary) else {
            throw ComparisonInputError("\(label): not a batch summary (no design or points)")
        }
        let document = SummaryDocument(summary)
        do throws(SummaryDocument.Invalid) {
            try document.check()
        } catch {
            throw ComparisonInputError("\(label): \(error.message)")
        }
        self.init(label: label, provenance: document.provenance)
        for point in document.points {
            pointParams.append(document.params(ofPoint: point))
            var estimates: [ExactKey: OutcomeEstimate] = [:]
            for (name, entry) in point["outcomes"]?.object ?? [] {
                do throws(ComparisonInputError) {
                    estimates[ExactKey(name)] = try OutcomeEstimate(summary: entry)
                } catch {
                    throw ComparisonInputError("\(label): outcome '\(name)': \(error.message)")
                }
            }
            self.points.append(estimates)
        }
    }

    /// From a runs file's header and its rows.
    package init(label: String, header: JSONValue, records: [RunRecord]) throws(ComparisonInputError) {
        guard header[BatchProvenance.Key.design] != nil else {
            throw ComparisonInputError("\(label): not a runs file (no design)")
        }
        let provenance = BatchProvenance(header)
        self.init(label: label, provenance: provenance)
        pointParams = provenance.pointParams ?? [[]]
        let pointCount = max(1, pointParams.count)
        var values = [[ExactKey: [ScalarValue]]](repeating: [:], count: pointCount)
        for record in records where record.point < pointCount {
            for (name, value) in record.outcomes { values[record.point][ExactKey(name), default: []].append(value) }
        }
        points = values.map { $0.mapValues(OutcomeEstimate.init(values:)) }
        self.records = records
    }

    /// The fields a summary and a runs file's header share; no points yet.
    private init(label: String, provenance: BatchProvenance) {
        self.label = label
        scenario = provenance.scenarioName ?? "?"
        seed = provenance.seed
        runsPerPoint = provenance.runsPerPoint
        steps = provenance.steps
        outcomeNames = provenance.names("outcomes") ?? []
        pointParams = []
        points = []
    }

    /// Every outcome named in the header or met in a point, header order first.
    var allOutcomeNames: [String] {
        var names = outcomeNames
        for point in points {
            for name in point.keys.sorted() where !names.contains(where: name.text.isBytewise) {
                names.append(name.text)
            }
        }
        return names
    }
}
