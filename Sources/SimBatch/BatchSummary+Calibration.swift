// BatchSummary+Calibration: what a batch run with `--accept` says of its params — approximate
// Bayesian computation by rejection. The design's draws are the prior; the draws of the runs that
// reproduced the record are the posterior; the accepted runs' outcomes are the posterior predictive.
import Foundation
import SimCore
import SimSupport

extension BatchSummary {
    /// `"posterior"`, `"prior"` and `"predictive"` for a summary with `--accept`; nothing without.
    ///
    /// Per design param, prior and posterior share one set of bins so their histograms compare: a
    /// number gives `{type, n, mean, sd, p5, p50, p95, histogram}`, a boolean its share true, a
    /// choice its categories' shares. Per outcome, the predictive gives the statistics a point gives,
    /// over every accepted run.
    func calibrationJSON() -> [(String, JSONValue)] {
        guard acceptedFacts != nil else { return [] }
        var posterior: [(String, JSONValue)] = []
        var prior: [(String, JSONValue)] = []
        for draw in draws {
            let kind = BatchSummary.kind(of: draw.prior)
            let edges = kind == .number ? BatchSummary.binEdges(draw.prior.numbers) : []
            posterior.append((draw.name, paramStatistics(draw.posterior, as: kind, edges: edges)))
            prior.append((draw.name, paramStatistics(draw.prior, as: kind, edges: edges)))
        }
        let predictive = outcomeNames.indices.map { o in
            let kind = kind(ofOutcome: o)
            let edges = kind == .number ? BatchSummary.binEdges(self.predictive[o].numbers) : []
            let categories = Set(self.predictive[o].categories.keys)
            return (outcomeNames[o], statistics(self.predictive[o], as: kind, edges: edges, categories: categories))
        }
        return [
            ("posterior", .object(posterior)), ("prior", .object(prior)), ("predictive", .object(predictive)),
        ]
    }

    /// The kind of a param's values (a design gives each param values of one kind).
    static func kind(of values: Values) -> OutcomeKind {
        OutcomeKind.allCases.first { values.count($0) > 0 } ?? .number
    }

    /// One param's draws as JSON: the point statistics of a boolean or a choice; for a number, its
    /// mean, sd, 5th, 50th and 95th percentiles and its counts in the bins between `edges`.
    private func paramStatistics(_ values: Values, as kind: OutcomeKind, edges: [Double]) -> JSONValue {
        guard kind == .number else {
            return statistics(values, as: kind, edges: [], categories: Set(values.categories.keys))
        }
        let sorted = BatchSummary.ascending(values.numbers)
        var pairs: [(String, JSONValue)] = [("type", .string(kind.rawValue)), ("n", .int(sorted.count))]
        guard !sorted.isEmpty else { return .object(pairs) }
        pairs += [("mean", .number(Statistics.mean(sorted))), ("sd", .number(Statistics.standardDeviation(sorted)))]
        pairs += [("p5", 0.05), ("p50", 0.5), ("p95", 0.95)].map {
            ($0.0, .number(Statistics.quantile(sorted: sorted, $0.1)))
        }
        if let histogram = BatchSummary.histogram(sorted, edges: edges) { pairs.append(("histogram", histogram)) }
        return .object(pairs)
    }
}
