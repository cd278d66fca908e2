// SummaryDocument+Checks: the bounds a summary read from a file must keep before `compare` or
// `report` use it — counts within their n, sizes within a batch's limits, histograms of a few bins —
// so that a hand-edited or hostile summary is one line naming the field, never a trap or minutes of work.
import SimSupport

extension SummaryDocument {
    /// The most bins a summary's histogram may have: simrun writes about 20 (one per whole number
    /// for a span of fewer than 20).
    package static let maxBins = 1_000

    /// A value of a summary no batch writes; the message names the field, as
    /// `points[2].outcomes.won.true is 12, more than its n (10)`.
    package struct Invalid: Error, Sendable {
        package var message: String
    }

    /// Checks what the readers count, index and allocate by: the number of points, every run count
    /// (0 to `BatchDesign.maxRuns`), each outcome's `true` and category counts (0 to its `n`) and
    /// histograms (at most `maxBins` bins, one count per bin), at each point and in a calibrated
    /// batch's posterior, prior and predictive. What a field lacks is left to the
    /// readers, which take it as absent.
    package func check() throws(Invalid) {
        guard points.count <= BatchDesign.maxPoints else {
            throw Invalid(message: "points: \(points.count) design points, more than \(BatchDesign.maxPoints)")
        }
        try SummaryDocument.count(json["runs"], "runs", within: BatchDesign.maxRuns)
        try SummaryDocument.count(json["failed"], "failed", within: BatchDesign.maxRuns)
        for (p, point) in points.enumerated() {
            let field = "points[\(p)]"
            try SummaryDocument.count(point["runs"], field + ".runs", within: BatchDesign.maxRuns)
            try SummaryDocument.count(point["failed"], field + ".failed", within: BatchDesign.maxRuns)
            for group in ["outcomes", "observed"] {
                for (name, entry) in point[group]?.object ?? [] {
                    try SummaryDocument.checkEntry(entry, "\(field).\(group).\(name)")
                }
            }
            if let consistent = point["consistent"] {
                try SummaryDocument.checkEntry(consistent, field + ".consistent")
            }
        }
        // A calibrated batch's posterior, prior and predictive are statistics of the same kinds.
        try SummaryDocument.count(json["accepted"], "accepted", within: BatchDesign.maxRuns)
        for group in ["posterior", "prior", "predictive"] {
            for (name, entry) in json[group]?.object ?? [] {
                try SummaryDocument.checkEntry(entry, "\(group).\(name)")
            }
        }
    }

    /// One outcome's statistics at one point: `n`, then the counts that must lie within it.
    private static func checkEntry(_ entry: JSONValue, _ field: String) throws(Invalid) {
        let n = try count(entry["n"], field + ".n", within: BatchDesign.maxRuns) ?? 0
        let within = "its n (\(n))"
        try count(entry["true"], field + ".true", within: n, named: within)
        let categories = entry["categories"]?.object ?? []
        guard categories.count <= BatchDesign.maxRuns else {
            throw Invalid(message: "\(field).categories: more than \(BatchDesign.maxRuns)")
        }
        for (name, category) in categories {
            try count(category["count"], "\(field).categories.\(name).count", within: n, named: within)
        }
        guard let histogram = entry["histogram"] else { return }
        let edges = histogram["edges"]?.array ?? []
        let counts = histogram["counts"]?.array ?? []
        guard edges.count <= maxBins + 1 else {
            throw Invalid(message: "\(field).histogram: \(edges.count - 1) bins, more than \(maxBins)")
        }
        guard edges.count == counts.count + 1, edges.allSatisfy({ $0.double != nil }) else {
            throw Invalid(message: "\(field).histogram: not one count per bin between numeric edges")
        }
        for (i, count) in counts.enumerated() {
            try self.count(count, "\(field).histogram.counts[\(i)]", within: n, named: within)
        }
    }

    /// A count, when there is one: a whole number from 0 to `limit`.
    @discardableResult
    private static func count(
        _ value: JSONValue?, _ field: String, within limit: Int, named: String? = nil
    ) throws(Invalid) -> Int? {
        guard let value else { return nil }
        guard let count = value.int, count >= 0 else {
            throw Invalid(message: "\(field) is \(value.compact()), not a count")
        }
        guard count <= limit else {
            throw Invalid(message: "\(field) is \(count), more than \(named ?? String(limit))")
        }
        return count
    }
}
