// Discovery+Text: scenario discovery as a person reads it in a terminal or a write-up — the cases,
// the chosen box param by param against the data's range, and the peeling trajectory — as aligned
// text or as markdown, the same tables in both.
import Foundation
import SimSupport

extension Discovery {
    /// The result as aligned tables, ending with a newline.
    package func text() -> String {
        var lines = [title, summaryLine]
        if let note = leftOutNote { lines.append(note) }
        return lines.joined(separator: "\n") + "\n\n" + tables().map { $0.text() }.joined(separator: "\n")
    }

    /// The result in markdown: a heading, the cases and what was left out, then the tables.
    package func markdown() -> String {
        let lines = ["## " + title, summaryLine] + (leftOutNote.map { [$0] } ?? [])
        return lines.joined(separator: "\n\n") + "\n\n" + tables().map { $0.markdown() }.joined(separator: "\n")
    }

    private var title: String { "Scenario discovery (PRIM): \(rule.text(outcome: outcome))" }

    /// The chosen box and the peeling trajectory.
    private func tables() -> [TextTable] {
        let restricted = Set(prim.restricted(box))
        let ranges = prim.ranges
        let table = TextTable(
            title: "Chosen box: coverage \(Discovery.share(box.coverage)), density \(Discovery.share(box.density)), "
                + "mass \(Discovery.share(box.mass)) (\(box.cases) cases in \(box.members.count) runs; "
                + "peeling step \(chosenStep), pasted)",
            columns: ["param", "box low", "box high", "data low", "data high", "restricted"],
            rightAligned: [1, 2, 3, 4],
            rows: prim.names.indices.map { p in
                [
                    prim.names[p], Discovery.value(box.limits[p].lowerBound),
                    Discovery.value(box.limits[p].upperBound), Discovery.value(ranges[p].lowerBound),
                    Discovery.value(ranges[p].upperBound), restricted.contains(prim.names[p]) ? "yes" : "",
                ]
            })
        let steps = TextTable(
            title: "Peeling trajectory (alpha \(Discovery.value(prim.alpha)), stops below mass "
                + "\(Discovery.value(prim.minMass)); * chosen, coverage at least \(Discovery.value(minCoverage)))",
            columns: ["step", "coverage", "density", "mass", "restricted"],
            rightAligned: [0, 1, 2, 3],
            rows: trajectory.enumerated().map { step, box in
                [
                    (step == chosenStep ? "*" : "") + String(step), Discovery.share(box.coverage),
                    Discovery.share(box.density), Discovery.share(box.mass),
                    prim.restricted(box).joined(separator: ", "),
                ]
            })
        return [table, steps]
    }

    /// How many runs are cases, of how many.
    var summaryLine: String {
        let share = Double(prim.totalCases) / Double(prim.totalRuns)
        return "\(prim.totalCases) of \(prim.totalRuns) runs are cases (\(Discovery.share(share))); "
            + "inputs: \(prim.names.joined(separator: ", "))"
    }

    /// What was left out and why, nil when nothing was.
    var leftOutNote: String? {
        var parts: [String] = []
        if failed > 0 { parts.append("\(failed) failed runs") }
        if lacking > 0 { parts.append("\(lacking) runs without a value of \(outcome)") }
        if !unusedParams.isEmpty {
            parts.append("the params \(unusedParams.joined(separator: ", ")) (not numbers in every run)")
        }
        return parts.isEmpty ? nil : "Left out: " + parts.joined(separator: "; ") + "."
    }

    /// A share to three decimals.
    static func share(_ x: Double) -> String {
        String(format: "%.3f", x)
    }

    /// A param's value as it reads best: integral ones without decimals, others to four significant digits.
    static func value(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format: "%.4g", x)
    }
}
