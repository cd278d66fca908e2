// Sensitivity+Text: a sensitivity analysis as a person reads it in a terminal or a write-up — one
// table per output, its params from the most to the least influential — as text or markdown.
import Foundation
import SimSupport

extension Sensitivity {
    /// The result as one table per output, ending with a newline.
    package func text() -> String {
        var lines = [headline]
        if let failedNote { lines.append(failedNote) }
        let sections = outputs.map { output in table(output).map { $0.text() } ?? noIndices(output) + "\n" }
        return lines.joined(separator: "\n") + "\n\n" + sections.joined(separator: "\n")
    }

    /// The same in markdown: the headline as a heading, then one table per output.
    package func markdown() -> String {
        let lines = ["## " + headline] + (failedNote.map { [$0] } ?? [])
        let sections = outputs.map { output in table(output).map { $0.markdown() } ?? "### " + noIndices(output) + "\n"
        }
        return lines.joined(separator: "\n\n") + "\n\n" + sections.joined(separator: "\n")
    }

    private func noIndices(_ output: Output) -> String {
        "\(output.name): no indices (\(output.note ?? "no value"))"
    }

    /// An output's indices, its params from the most to the least influential; nil without indices.
    private func table(_ output: Output) -> TextTable? {
        if let sobol = output.sobol {
            return TextTable(
                title: "\(output.name): Sobol indices, by total",
                columns: ["param", "first", "first 95%", "total", "total 95%"], rightAligned: [1, 2, 3, 4],
                rows: order(sobol.map(\.total)).map { p in
                    let s = sobol[p]
                    return [
                        design.ranges[p].name, Sensitivity.number(s.first), Sensitivity.interval(s.firstInterval),
                        Sensitivity.number(s.total), Sensitivity.interval(s.totalInterval),
                    ]
                })
        }
        if let morris = output.morris {
            return TextTable(
                title: "\(output.name): Morris elementary effects, by mu*",
                columns: ["param", "mu*", "mu", "sigma"], rightAligned: [1, 2, 3],
                rows: order(morris.map(\.muStar)).map { p in
                    let m = morris[p]
                    return [
                        design.ranges[p].name, Sensitivity.number(m.muStar), Sensitivity.number(m.mu),
                        m.sigma.map(Sensitivity.number) ?? "-",
                    ]
                })
        }
        return nil
    }

    /// The method, the runs and the params varied.
    var headline: String {
        let method =
            design.method == .sobol
            ? "Sobol (Saltelli design, N = \(design.samples))"
            : "Morris (r = \(design.samples) trajectories, p = \(design.levels) levels)"
        let ranges = design.ranges.map { range in
            range.choices.map { "\(range.name) {" + $0.map(\.description).joined(separator: "|") + "}" }
                ?? "\(range.name) [\(Sensitivity.number(range.min)), \(Sensitivity.number(range.max))]"
        }
        return "Sensitivity: \(method), \(design.totalRuns) runs; varied: \(ranges.joined(separator: ", "))"
    }

    /// The failed runs, nil when none failed.
    var failedNote: String? {
        guard !failedRuns.isEmpty else { return nil }
        let shown = failedRuns.prefix(10).map(String.init).joined(separator: ", ")
        return "\(failedRuns.count) of \(design.totalRuns) runs failed (runs \(shown)"
            + (failedRuns.count > 10 ? ", …)" : ")") + "; outputs they lack have no indices."
    }

    /// The params' indices from the largest value to the smallest, ties in declaration order.
    func order(_ values: [Double]) -> [Int] {
        values.indices.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
    }

    /// A value to four significant digits (plain zero as 0).
    static func number(_ x: Double) -> String {
        x == 0 ? "0" : String(format: "%.4g", x)
    }

    static func interval(_ range: ClosedRange<Double>) -> String {
        "[\(number(range.lowerBound)), \(number(range.upperBound))]"
    }
}
