// SummaryReading+Calibration: the summary page's account of a batch run with `--accept` — how many
// runs reproduced the record, each param's posterior against its prior, and the outcomes over the
// accepted runs.
import SimCharts
import SimCore
import SimSupport

extension SummaryReading {
    /// The calibration section, first on the page of a batch with `--accept`; nothing without.
    func calibrationSection(into page: inout HTMLPage) {
        guard let accepted = document.json["accepted"]?.int else { return }
        let facts = document.provenance.design?["accept"]?.array?.compactMap(\.string) ?? []
        let share = runs > 0 ? " (\(ReadableNumber.text(Double(accepted) / Double(runs) * 100))%)" : ""
        page.heading("Calibration to the record")
        page.paragraph(
            "\(accepted) of \(runs) runs\(share) reproduced \(facts.joined(separator: ", ")). "
                + "Approximate Bayesian computation by rejection: a param's posterior is its values over the "
                + "accepted runs, against the prior the design drew; the outcomes are over the accepted runs "
                + "(the posterior predictive), and so are the estimates at each point further down.", note: true)
        let prior = document.json["prior"]
        var figures: [(svg: String, caption: String)] = []
        var rows: [[String]] = []
        var shareRows: [RowChart.Row] = []
        for (name, posterior) in document.json["posterior"]?.object ?? [] {
            switch posterior["type"]?.string {
            case OutcomeKind.number.rawValue?:
                let counts = { (stat: JSONValue?) in stat?["histogram"]?["counts"]?.array?.compactMap(\.int) ?? [] }
                let chart = PriorPosteriorChart(
                    edges: posterior["histogram"]?["edges"]?.array?.compactMap(\.double) ?? [],
                    prior: counts(prior?[name]), posterior: counts(posterior), xTitle: name,
                    label: "prior and posterior of \(name)")
                figures.append((chart.svg, "\(name): prior and posterior, as shares of their runs."))
                for (label, stat) in [("posterior", posterior), ("prior", prior?[name])] {
                    let number = { (key: String) in stat?[key]?.double.map(ReadableNumber.text) ?? "–" }
                    rows.append(
                        [name, label, stat?["n"]?.int.map(String.init) ?? "0"]
                            + ["mean", "sd", "p5", "p50", "p95"].map(number))
                }
            default:
                shareRows += self.shareRows(name, prior: prior?[name], posterior: posterior)
            }
        }
        if !figures.isEmpty { page.figures(figures) }
        if !shareRows.isEmpty {
            let chart = probabilityChart(shareRows, label: "prior and posterior of the booleans and choices")
            page.figures(
                [(chart, "Booleans and choices: each value's share under the prior and the posterior.")], wide: true)
        }
        if !rows.isEmpty {
            page.table(["param", "", "n", "mean", "sd", "p5", "p50", "p95"], rows, numeric: [2, 3, 4, 5, 6, 7])
        }
        predictiveSection(into: &page)
    }

    /// A boolean or choice param's shares under the prior and the posterior, with Wilson intervals.
    private func shareRows(_ name: String, prior: JSONValue?, posterior: JSONValue) -> [RowChart.Row] {
        var rows: [RowChart.Row] = []
        for (label, stat) in [("prior", prior), ("posterior", posterior)] {
            let n = stat?["n"]?.int ?? 0
            if stat?["type"]?.string == OutcomeKind.boolean.rawValue {
                let trues = stat?["true"]?.int ?? 0
                rows.append(probabilityRow("\(name) — \(label)", Self.proportion(trues, of: n), n: n))
            } else {
                for (category, value) in stat?["categories"]?.object ?? [] {
                    let count = value["count"]?.int ?? 0
                    rows.append(probabilityRow("\(name) = \(category) — \(label)", Self.proportion(count, of: n), n: n))
                }
            }
        }
        return rows
    }

    /// Each outcome over the accepted runs: a histogram of a number, the share of a boolean or of
    /// each category.
    private func predictiveSection(into page: inout HTMLPage) {
        let outcomes = document.json["predictive"]?.object ?? []
        guard !outcomes.isEmpty else { return }
        page.heading("Outcomes over the accepted runs", level: 3)
        var figures: [(svg: String, caption: String)] = []
        var rows: [RowChart.Row] = []
        for (name, stat) in outcomes {
            let n = stat["n"]?.int ?? 0
            switch stat["type"]?.string {
            case OutcomeKind.number.rawValue?:
                let chart = Histogram(
                    edges: stat["histogram"]?["edges"]?.array?.compactMap(\.double) ?? [],
                    counts: stat["histogram"]?["counts"]?.array?.compactMap(\.int) ?? [], xTitle: name,
                    label: "\(name) over the accepted runs", mean: stat["mean"]?.double)
                figures.append((chart.svg, "\(name) over the \(n) accepted runs."))
            case OutcomeKind.boolean.rawValue?:
                rows.append(probabilityRow(name, Self.proportion(stat["true"]?.int ?? 0, of: n), n: n))
            case OutcomeKind.category.rawValue?:
                for (category, value) in stat["categories"]?.object ?? [] {
                    rows.append(
                        probabilityRow("\(name) = \(category)", Self.proportion(value["count"]?.int ?? 0, of: n), n: n))
                }
            default:
                rows.append(probabilityRow(name, nil, n: 0))
            }
        }
        if !figures.isEmpty { page.figures(figures) }
        if !rows.isEmpty {
            page.figures(
                [
                    (
                        probabilityChart(rows, label: "outcomes over the accepted runs"),
                        "Shares over the accepted runs, with 95% Wilson intervals."
                    )
                ], wide: true)
        }
    }
}
