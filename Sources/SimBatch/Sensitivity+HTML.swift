// Sensitivity+HTML: a sensitivity analysis as one self-contained page — per output, its Sobol first
// and total indices as bars with their intervals, or Morris's μ* against σ, with the numbers in a table.
import SimCharts
import SimSupport

extension Sensitivity {
    /// The result as an HTML page ending with a newline.
    package func html() -> String {
        let provenance = BatchProvenance(.object(header))
        let scenario = provenance.scenarioName ?? "unnamed scenario"
        var page = HTMLPage(title: "Sensitivity: \(scenario)")
        var facts: [(String, String)] = [("scenario", scenario)]
        if let sha = provenance.scenarioSHA256 { facts.append(("sha256", sha)) }
        if let seed = provenance.seed { facts.append(("seed", String(seed))) }
        facts.append(("design", headline))
        page.facts(facts)
        if let failedNote { page.paragraph(failedNote, note: true) }
        for output in outputs {
            page.heading(output.name)
            if let sobol = output.sobol {
                sobolSection(sobol, of: output.name, into: &page)
            } else if let morris = output.morris {
                morrisSection(morris, of: output.name, into: &page)
            } else {
                page.paragraph("No indices: \(output.note ?? "no value").", note: true)
            }
        }
        page.paragraph(
            design.method == .sobol
                ? "Written by simrun sensitivity: first-order (Saltelli 2010) and total (Jansen 1999) Sobol indices "
                    + "as SALib computes them; intervals ± 1.96 bootstrap standard deviations (1000 resamples)."
                : "Written by simrun sensitivity: Morris elementary effects (Morris 1991; μ* Campolongo et al. 2007) "
                    + "as SALib computes them, per unit of each param's range.",
            note: true)
        return page.html
    }

    private func sobolSection(_ sobol: [SobolIndices], of name: String, into page: inout HTMLPage) {
        let order = order(sobol.map(\.total))
        let rows = order.flatMap { p in
            let s = sobol[p]
            let param = design.ranges[p].name
            return [
                RowChart.Row(
                    label: "\(param): first", mark: .bar(s.first, interval: Sensitivity.bounds(s.firstInterval)),
                    note: Sensitivity.number(s.first),
                    tooltip: "\(param) first \(Sensitivity.interval(s.firstInterval))"),
                RowChart.Row(
                    label: "\(param): total", mark: .bar(s.total, interval: Sensitivity.bounds(s.totalInterval)),
                    note: Sensitivity.number(s.total),
                    tooltip: "\(param) total \(Sensitivity.interval(s.totalInterval))"),
            ]
        }
        let chart = RowChart(
            rows: rows, domain: (0, 1, 0.25, 2), axisTitle: "share of the output's variance",
            label: "Sobol indices of \(name)")
        page.figures(
            [(chart.svg, "First-order and total indices of \(name), with 95% bootstrap intervals.")], wide: true)
        page.table(
            ["param", "first", "first 95%", "total", "total 95%"],
            order.map { p in
                let s = sobol[p]
                return [
                    design.ranges[p].name, Sensitivity.number(s.first), Sensitivity.interval(s.firstInterval),
                    Sensitivity.number(s.total), Sensitivity.interval(s.totalInterval),
                ]
            }, numeric: [1, 2, 3, 4])
    }

    private func morrisSection(_ morris: [MorrisEffects], of name: String, into page: inout HTMLPage) {
        let order = order(morris.map(\.muStar))
        let chart = LineChart(
            series: order.map { p in
                LineChart.Series(
                    name: design.ranges[p].name, points: [(morris[p].muStar, morris[p].sigma ?? 0)], joined: false)
            },
            xTitle: "mu* (mean |elementary effect|)", yTitle: "sigma", markers: true,
            label: "Morris mu* against sigma for \(name)")
        page.figures([
            (
                chart.svg,
                "Each param's μ* against σ for \(name): far right is influential, high is "
                    + "non-linear or interacting."
            )
        ])
        page.table(
            ["param", "mu*", "mu", "sigma"],
            order.map { p in
                let m = morris[p]
                return [
                    design.ranges[p].name, Sensitivity.number(m.muStar), Sensitivity.number(m.mu),
                    m.sigma.map(Sensitivity.number) ?? "-",
                ]
            }, numeric: [1, 2, 3])
    }

    private static func bounds(_ range: ClosedRange<Double>) -> (Double, Double) {
        (range.lowerBound, range.upperBound)
    }
}
