// BatchSummary+Table: the summary as a table for a terminal — per point its params and a row per
// outcome and per fact of the record, then the failures grouped by message.
import Foundation
import SimCore
import SimSupport

extension BatchSummary {
    /// The summary as plain text for a terminal `width` columns wide, ending with a newline: per point
    /// its params and one row per outcome, then the failures.
    package func table(width: Int = 100) -> String {
        let width = max(width, 40)
        let legend = ["numbers: mean ± 95% CI [p5, p95]", "booleans: p [95% CI]", "strings: shares"]
        var sections: [[String]] = [
            ["BATCH SUMMARY  \(runs) runs, \(failed) failed"]
                + TerminalText.wrap(legend.map(BatchSummary.unbroken).joined(separator: "   "), width: width)
        ]
        for (p, point) in points.enumerated() {
            let params = point.params.map { "\($0.0)=\(ReadableNumber.text($0.1))" }.joined(separator: "  ")
            var lines = TerminalText.wrap(
                "point \(p)\(params.isEmpty ? "" : "  " + params)  "
                    + BatchSummary.unbroken(
                        "(\(point.runs) runs, \(point.failed) failed"
                            + (acceptedFacts != nil ? ", \(point.accepted) accepted)" : ")")),
                width: width)
            let rows = outcomeNames.indices.map { o -> [String] in
                let values = point.outcomes[o]
                let kind = kind(ofOutcome: o)
                let n = kind.map(values.count) ?? 0
                return [
                    outcomeNames[o].truncated(to: BatchSummary.nameCap), "n=\(n)",
                    summaryText(values, as: kind),
                ]
            }
            var factRows = observedNames.indices.map { f in
                [
                    "observed " + observedNames[f].truncated(to: BatchSummary.nameCap),
                    "n=\(point.observed[f].count(.boolean))",
                    summaryText(point.observed[f], as: .boolean),
                ]
            }
            if !observedNames.isEmpty {
                factRows.append([
                    "consistent with all", "n=\(point.consistent.count(.boolean))",
                    summaryText(point.consistent, as: .boolean),
                ])
            }
            lines +=
                rows.isEmpty && factRows.isEmpty
                ? ["  (no outcomes declared)"]
                : TextTable.alignedLines(rows + factRows, rightAligned: [1], wrapWidth: width)
            sections.append(lines)
        }
        if acceptedFacts != nil { sections.append(calibrationLines(width)) }
        if !failures.isEmpty { sections.append(failureLines(width)) }
        let text = sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
        return TerminalText.safe(text.replacing(BatchSummary.glue, with: " "))
    }

    // MARK: - Table

    /// Joins words that lines must not break between; wrapped text turns it back into a space.
    static let glue = "\u{A0}"

    /// The text as one unbreakable word.
    static func unbroken(_ text: String) -> String {
        text.replacing(" ", with: glue)
    }

    /// One outcome's statistics at one point as a table cell, its items unbroken.
    func summaryText(_ values: Values, as kind: OutcomeKind?) -> String {
        guard let kind else { return "no values" }
        let n = values.count(kind)
        var text: String
        if n == 0 {
            text = "no values"
        } else {
            switch kind {
            case .number:
                let sorted = BatchSummary.ascending(values.numbers)
                let r: (Double) -> String = ReadableNumber.text
                text = r(Statistics.mean(sorted))
                if let (lo, hi) = Statistics.meanInterval(sorted) { text += " ± " + r((hi - lo) / 2) }
                let p5 = r(Statistics.quantile(sorted: sorted, 0.05))
                let p95 = r(Statistics.quantile(sorted: sorted, 0.95))
                text = BatchSummary.unbroken(text) + "  " + BatchSummary.unbroken("[\(p5), \(p95)]")
            case .boolean:
                let (lo, hi) = Statistics.wilson(successes: values.trues, trials: n)
                let p = BatchSummary.share(Double(values.trues) / Double(n))
                text =
                    BatchSummary.unbroken("p = \(p)") + " "
                    + BatchSummary.unbroken("[\(BatchSummary.share(lo)), \(BatchSummary.share(hi))]")
            case .category:
                let ranked = BatchSummary.ranked(values.categories)
                var items = ranked.prefix(BatchSummary.categoryCap).map { name, count in
                    "\(name) \(BatchSummary.percent(Double(count) / Double(n)))"
                }
                if ranked.count > BatchSummary.categoryCap {
                    items.append("+\(ranked.count - BatchSummary.categoryCap) more")
                }
                text = items.map(BatchSummary.unbroken).joined(separator: ", ")
            }
        }
        let mixed = values.mixed(besides: kind)
        if mixed > 0 { text += "  " + BatchSummary.unbroken("(+\(mixed) of another type)") }
        return text
    }

    private func failureLines(_ width: Int) -> [String] {
        let groups = BatchSummary.ranked(failures)
        var rows = groups.prefix(BatchSummary.failureCap).map { [String($0.count), $0.text] }
        if groups.count > BatchSummary.failureCap {
            let rest = groups.dropFirst(BatchSummary.failureCap)
            rows.append([String(rest.map(\.count).reduce(0, +)), "in \(rest.count) other messages"])
        }
        return ["FAILURES"] + TextTable.alignedLines(rows, rightAligned: [0], wrapWidth: width)
    }

    /// A probability to three decimals: a batch of thousands resolves the third.
    static func share(_ p: Double) -> String {
        String(format: "%.3f", p)
    }

    static func percent(_ p: Double) -> String {
        String(format: "%.1f%%", p * 100)
    }
}
