// SummaryDocument+Table: a batch summary read back from its JSON as tables — per point its params
// and a row per outcome and per fact of the record, the calibration, the failures — written as text
// for a terminal or as markdown for a write-up. `batch --table` goes through the same JSON, so the
// table it prints and the one `simrun report` prints cannot differ.
import Foundation
import SimCore
import SimSupport

extension SummaryDocument {
    /// Categories named in a row before the rest are counted.
    private static let categoryCap = 5
    /// Longest outcome or param name shown in a row.
    private static let nameCap = 28
    /// Failure groups listed before the rest are counted.
    private static let failureCap = 20
    /// Joins words a wrapped line must not break between; turned back into a space when written.
    private static let glue = "\u{A0}"

    /// The summary as plain text for a terminal `width` columns wide, ending with a newline: the run
    /// counts and a legend, then each table's title and rows, wrapped under their last column.
    package func table(width: Int = 100) -> String {
        let width = max(width, 40)
        let legend = SummaryDocument.legend.map(SummaryDocument.unbroken).joined(separator: "   ")
        var sections = [[headline] + TerminalText.wrap(legend, width: width)]
        for table in tables() {
            var lines = TerminalText.wrap(table.title, width: width)
            if table.rows.isEmpty {
                lines.append("  (\(table.footnote ?? "none"))")
            } else {
                lines += TextTable.alignedLines(table.rows, rightAligned: table.rightAligned, wrapWidth: width)
            }
            sections.append(lines)
        }
        let text = sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
        return TerminalText.safe(text.replacing(SummaryDocument.glue, with: " "))
    }

    /// The same tables in GitHub-flavoured markdown: a heading with the scenario, the run counts and
    /// the legend, then one table per point, the calibration and the failures.
    package func markdown() -> String {
        let name = provenance.scenarioName ?? "?"
        var parts = [
            "## Batch summary: \(name)\n\n\(runs) runs, \(failed) failed. "
                + SummaryDocument.legend.joined(separator: "; ") + ".\n"
        ]
        parts += tables().map { table in
            var table = table
            table.title = table.title.replacing(SummaryDocument.glue, with: " ")
            table.rows = table.rows.map { $0.map { $0.replacing(SummaryDocument.glue, with: " ") } }
            if !table.rows.isEmpty { table.footnote = nil }
            return table.markdown()
        }
        return parts.joined(separator: "\n")
    }

    private static let legend = ["numbers: mean ± 95% CI [p5, p95]", "booleans: p [95% CI]", "strings: shares"]

    private var headline: String { "BATCH SUMMARY  \(runs) runs, \(failed) failed" }

    /// The tables both forms write: per point, then the calibration with `--accept`, then the failures.
    private func tables() -> [TextTable] {
        let accepting = json["accepted"]?.int != nil
        var tables = points.enumerated().map { p, point in
            let params = params(ofPoint: point).map { "\($0.0)=\(ReadableNumber.text($0.1))" }
            let counts =
                "(\(point["runs"]?.int ?? 0) runs, \(point["failed"]?.int ?? 0) failed"
                + (accepting ? ", \(point["accepted"]?.int ?? 0) accepted)" : ")")
            var rows = outcomeNames.map { name in
                SummaryDocument.row(name, point["outcomes"]?[name])
            }
            for (fact, entry) in point["observed"]?.object ?? [] {
                rows.append(SummaryDocument.row(fact, entry, prefix: "observed "))
            }
            if let consistent = point["consistent"] {
                rows.append(SummaryDocument.row("consistent with all", consistent))
            }
            return TextTable(
                title: (["point \(p)"] + params + [SummaryDocument.unbroken(counts)]).joined(separator: "  "),
                columns: ["outcome", "n", "estimate"], rightAligned: [1], rows: rows,
                footnote: "no outcomes declared")
        }
        if accepting { tables.append(calibration()) }
        if !failures.isEmpty { tables.append(failureTable()) }
        return tables
    }

    /// `name  n=N  estimate`: one outcome's statistics at one point.
    private static func row(_ name: String, _ entry: JSONValue?, prefix: String = "") -> [String] {
        [prefix + name.truncated(to: nameCap), "n=\(entry?["n"]?.int ?? 0)", estimate(entry)]
    }

    /// How many runs were accepted on which facts, each param's posterior beside its prior, and the
    /// outcomes over the accepted runs.
    private func calibration() -> TextTable {
        let accepted = json["accepted"]?.int ?? 0
        let facts = provenance.design?["accept"]?.array?.compactMap(\.string) ?? []
        let share = runs > 0 ? " (\(SummaryDocument.percent(Double(accepted) / Double(runs))))" : ""
        let posterior = json["posterior"]?.object ?? []
        var rows = posterior.map { name, entry in
            [
                name.truncated(to: SummaryDocument.nameCap), "posterior " + SummaryDocument.estimate(entry),
                "prior " + SummaryDocument.estimate(json["prior"]?[name]),
            ]
        }
        rows += outcomeNames.map { name in
            [
                name.truncated(to: SummaryDocument.nameCap), "accepted runs",
                SummaryDocument.estimate(json["predictive"]?[name]),
            ]
        }
        return TextTable(
            title: "CALIBRATION  \(accepted) of \(runs) runs accepted\(share), reproducing "
                + facts.joined(separator: ", "),
            columns: ["param or outcome", "over", "estimate"], rows: rows)
    }

    private func failureTable() -> TextTable {
        let groups = failures.map { (count: $0["count"]?.int ?? 0, text: $0["message"]?.string ?? "") }
        var rows = groups.prefix(SummaryDocument.failureCap).map { [String($0.count), $0.text] }
        if groups.count > SummaryDocument.failureCap {
            let rest = groups.dropFirst(SummaryDocument.failureCap)
            rows.append([String(rest.map(\.count).reduce(0, +)), "in \(rest.count) other messages"])
        }
        return TextTable(title: "FAILURES", columns: ["runs", "message"], rightAligned: [0], rows: rows)
    }

    /// One entry's statistics as a cell, its items unbroken: `mean ± half [p5, p95]`, `p = 0.3 [lo, hi]`
    /// or the categories' shares; a null number (a NaN was among the values) reads `nan`.
    private static func estimate(_ entry: JSONValue?) -> String {
        guard let entry, let kind = OutcomeKind(rawValue: entry["type"]?.string ?? "") else { return "no values" }
        let n = entry["n"]?.int ?? 0
        let number = { (key: String) in ReadableNumber.text(entry[key]?.double ?? .nan) }
        var text: String
        switch n > 0 ? kind : nil {
        case nil:
            text = "no values"
        case .number?:
            text = number("mean")
            if let half = halfWidth(entry, n: n) { text += " ± " + ReadableNumber.text(half) }
            text = unbroken(text) + "  " + unbroken("[\(number("p5")), \(number("p95"))]")
        case .boolean?:
            let p = share(Double(entry["true"]?.int ?? 0) / Double(n))
            let bounds = interval(entry["ci95"])
            text = unbroken("p = \(p)") + " " + unbroken("[\(share(bounds.0)), \(share(bounds.1))]")
        case .category?:
            let given = (entry["categories"]?.object ?? []).compactMap { name, value in
                value["count"]?.int.flatMap { $0 > 0 ? (name, $0) : nil }
            }
            var items = given.prefix(categoryCap).map { "\($0.0) \(percent(Double($0.1) / Double(n)))" }
            if given.count > categoryCap { items.append("+\(given.count - categoryCap) more") }
            text = items.map(unbroken).joined(separator: ", ")
        }
        if let mixed = entry["mixed"]?.int, mixed > 0 { text += "  " + unbroken("(+\(mixed) of another type)") }
        return text
    }

    /// Half the mean's 95% interval: from `ci95` where the entry has it; a param's draws have only
    /// their sd, from which Student's t gives the same interval. Nil below two values.
    private static func halfWidth(_ entry: JSONValue, n: Int) -> Double? {
        if let ci95 = entry["ci95"] {
            guard ci95.array != nil else { return nil }
            let bounds = interval(ci95)
            return (bounds.1 - bounds.0) / 2
        }
        guard n >= 2, let sd = entry["sd"]?.double else { return nil }
        return Statistics.studentT975(degreesOfFreedom: n - 1) * sd / Double(n).squareRoot()
    }

    /// An interval's bounds; a null bound (a NaN) is NaN.
    private static func interval(_ json: JSONValue?) -> (Double, Double) {
        let bounds = json?.array ?? []
        return (bounds.first?.double ?? .nan, bounds.dropFirst().first?.double ?? .nan)
    }

    /// The text as one unbreakable word.
    private static func unbroken(_ text: String) -> String {
        text.replacing(" ", with: glue)
    }

    /// A probability to three decimals: a batch of thousands resolves the third.
    private static func share(_ p: Double) -> String {
        String(format: "%.3f", p)
    }

    private static func percent(_ p: Double) -> String {
        String(format: "%.1f%%", p * 100)
    }
}
