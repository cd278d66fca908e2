// Discovery+HTML: scenario discovery as one self-contained page — the peeling trajectory as density
// against coverage with the chosen box marked, and the box's limits against each param's range.
import SimCharts
import SimSupport

extension Discovery {
    /// The result as an HTML page ending with a newline.
    package func html() -> String {
        let provenance = BatchProvenance(.object(header))
        var page = HTMLPage(title: "Scenario discovery: \(provenance.scenarioName ?? "unnamed scenario")")
        var facts: [(String, String)] = [("scenario", provenance.scenarioName ?? "unnamed scenario")]
        if let sha = provenance.scenarioSHA256 { facts.append(("sha256", sha)) }
        if let seed = provenance.seed { facts.append(("batch seed", String(seed))) }
        facts += [
            ("cases", rule.text(outcome: outcome)), ("runs", summaryLine),
            (
                "PRIM",
                "alpha \(Discovery.value(prim.alpha)), minimum mass \(Discovery.value(prim.minMass)), "
                    + "minimum coverage \(Discovery.value(minCoverage))"
            ),
        ]
        page.facts(facts)
        if let leftOutNote { page.paragraph(leftOutNote, note: true) }
        boxSection(into: &page)
        trajectorySection(into: &page)
        page.paragraph(
            "Written by simrun discover: PRIM (Friedman & Fisher 1999). Coverage: the share of all cases inside "
                + "a box; density: the share of a box's runs that are cases; mass: the share of all runs inside it.",
            note: true)
        return page.html
    }

    private func boxSection(into page: inout HTMLPage) {
        let ranges = prim.ranges
        let restricted = prim.restricted(box)
        page.heading("Chosen box")
        page.paragraph(
            "Coverage \(Discovery.share(box.coverage)), density \(Discovery.share(box.density)), mass "
                + "\(Discovery.share(box.mass)): \(box.cases) cases in \(box.members.count) runs. Peeling step "
                + "\(chosenStep), then pasted. Restricted: "
                + (restricted.isEmpty ? "none." : restricted.joined(separator: ", ") + "."))
        let rows = prim.names.indices.map { p in
            let range = ranges[p]
            let width = range.upperBound - range.lowerBound
            // A param of one value in the data fills its whole track.
            let share = { (x: Double) in width > 0 ? (x - range.lowerBound) / width : 1 }
            let limits = box.limits[p]
            return RowChart.Row(
                label: prim.names[p],
                mark: .span(from: width > 0 ? share(limits.lowerBound) : 0, to: share(limits.upperBound)),
                note: "\(Discovery.value(limits.lowerBound)) to \(Discovery.value(limits.upperBound)) of "
                    + "\(Discovery.value(range.lowerBound)) to \(Discovery.value(range.upperBound))",
                tooltip: "\(prim.names[p]): \(Discovery.value(limits.lowerBound)) to "
                    + Discovery.value(limits.upperBound))
        }
        let chart = RowChart(
            rows: rows, domain: (0, 1, 0.25, 2),
            axisTitle: "place in the param's range in the data (0 lowest, 1 highest)",
            label: "The chosen box's limits within each param's range")
        page.figures([(chart.svg, "The box's limits (blue) within each param's range in the runs (grey).")], wide: true)
    }

    private func trajectorySection(into page: inout HTMLPage) {
        page.heading("Peeling trajectory")
        let chosen = trajectory[chosenStep]
        let chart = LineChart(
            series: [
                LineChart.Series(
                    name: "peeling trajectory", points: trajectory.reversed().map { ($0.coverage, $0.density) }),
                // The chosen box last, on top of the pasted one where pasting moved nothing.
                LineChart.Series(name: "chosen box, pasted", points: [(box.coverage, box.density)], joined: false),
                LineChart.Series(
                    name: "chosen box (step \(chosenStep))", points: [(chosen.coverage, chosen.density)],
                    joined: false),
            ],
            xTitle: "coverage", yTitle: "density", fixedY: (0, 1, 0.25, 2), markers: true,
            label: "Density against coverage along the peeling trajectory")
        page.figures([(chart.svg, "Each peel trades coverage for density; the chosen box is marked.")])
        page.table(
            ["step", "coverage", "density", "mass", "restricted"],
            trajectory.enumerated().map { step, box in
                [
                    (step == chosenStep ? "chosen: " : "") + String(step), Discovery.share(box.coverage),
                    Discovery.share(box.density), Discovery.share(box.mass),
                    prim.restricted(box).joined(separator: ", "),
                ]
            }, numeric: [0, 1, 2, 3])
    }
}
