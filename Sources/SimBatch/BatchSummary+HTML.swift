import SimCharts
// BatchSummary+HTML: a batch summary, read back from the JSON that `batch` and `merge` write, as one
// self-contained page — per outcome a histogram of its numbers at each design point, probability
// bars with their 95% intervals, and along a sweep each outcome against the swept param.
import SimCore
import SimReports
import SimSupport

extension BatchSummary {
    /// Design points whose histograms are drawn one by one; past this, the chart against the
    /// params and the table carry the comparison.
    fileprivate static let histogramCap = 12
    /// Categories of an outcome charted; the rest are in the JSON.
    fileprivate static let chartedCategoryCap = 8

    /// A summary JSON document, as `json(header:)` writes it, as an HTML page ending with a newline.
    /// Fields it lacks are left out of the page rather than refused.
    package static func html(summary document: JSONValue) -> String {
        let reading = SummaryReading(document)
        var page = HTMLPage(title: "Batch summary: \(reading.scenarioName)")
        page.facts(reading.provenance)
        if reading.failed > 0 {
            page.paragraph(
                "\(reading.failed) of \(reading.runs) runs failed; their outcomes are left out of the "
                    + "statistics (the messages are at the end).", note: true)
        }
        reading.calibrationSection(into: &page)
        reading.clashSection(into: &page)
        for name in reading.outcomeNames { reading.outcomeSection(name, into: &page) }
        reading.recordSection(into: &page)
        let failures = reading.document.failures
        if !failures.isEmpty {
            page.heading("Failures")
            page.table(
                ["runs", "message"],
                failures.map {
                    [$0["count"]?.int.map(String.init) ?? "", $0["message"]?.string ?? ""]
                }, numeric: [0])
        }
        page.paragraph(
            "Written by simrun from a summary of schema \(reading.schema). Intervals are 95%: "
                + "Student's t for means, Wilson's for proportions.", note: true)
        return page.html
    }
}

/// What the page derives from a summary document.
struct SummaryReading {
    let document: SummaryDocument
    var points: [JSONValue] { document.points }
    let outcomeNames: [String]
    /// The params that vary between points (swept or sampled), in order.
    let varying: [String]
    /// The design joins points along a sweep (a Latin hypercube's points stand alone).
    var isSweep: Bool { document.provenance.isSweep }

    init(_ json: JSONValue) {
        document = SummaryDocument(json)
        outcomeNames = document.outcomeNames
        varying = SummaryReading.inFirstOrder(document.points.flatMap { ($0["params"]?.object ?? []).map(\.0) })
    }

    /// Each name once, where it first appears: in one pass, as a summary may hold many.
    static func inFirstOrder(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    var scenarioName: String { document.provenance.scenarioName ?? "unnamed scenario" }
    var runs: Int { document.runs }
    var failed: Int { document.failed }
    var schema: String { document.provenance.schema.map(String.init) ?? "?" }

    var provenance: [(String, String)] {
        let design = document.provenance.design
        var rows: [(String, String)] = [("scenario", scenarioName)]
        if let sha = document.provenance.scenarioSHA256 { rows.append(("sha256", sha)) }
        if let seed = document.json[BatchProvenance.Key.seed] { rows.append(("batch seed", seed.compact())) }
        if let perPoint = document.provenance.runsPerPoint { rows.append(("runs per point", String(perPoint))) }
        rows.append(("design points", String(points.count)))
        rows.append(("runs", "\(runs), \(failed) failed"))
        if let fixed = design?["params"]?.object, !fixed.isEmpty {
            rows.append(("fixed params", fixed.map { "\($0.0)=\($0.1.compact())" }.joined(separator: "  ")))
        }
        if let sweeps = design?["sweeps"]?.array, !sweeps.isEmpty {
            rows.append(
                (
                    "sweeps",
                    sweeps.map { sweep in
                        guard let name = sweep["name"]?.string, let values = sweep["values"]?.array else {
                            return sweep.compact()
                        }
                        return "\(name) = " + values.map { $0.compact() }.joined(separator: ", ")
                    }.joined(separator: "; ")
                ))
        }
        if let size = design?["sample"]?["size"]?.int {
            rows.append(("sample", "Latin hypercube, \(size) points"))
        }
        if let steps = design?["steps"]?.int { rows.append(("steps", String(steps))) }
        if let seeds = design?["seeds"]?.string { rows.append(("seeds", seeds)) }
        if let facts = design?["accept"]?.array {
            rows.append(("accepted on", facts.compactMap(\.string).joined(separator: ", ")))
        }
        if let precision = design?["precision"] {
            let all = precision["all"]?.double.map { ["every outcome ≤ \(ReadableNumber.text($0))"] } ?? []
            let named = (precision["outcomes"]?.object ?? []).map { "\($0.0) ≤ \($0.1.compact())" }
            let round = precision["round"]?.int.map { "; rounds of \($0) runs a point" } ?? ""
            rows.append(("precision (95% half-width)", (named + all).joined(separator: ", ") + round))
            let stops = points.map { point in
                "\(point["runs"]?.int.map(String.init) ?? "?") (\(point["stopped"]?.string ?? "unfinished"))"
            }
            rows.append(("runs taken, why stopped", stops.joined(separator: ", ")))
        }
        return rows
    }

    /// A point's params as `a=1  b=0.5`, or `all runs` for a design of one point.
    func pointLabel(_ point: JSONValue) -> String {
        let params = point["params"]?.object ?? []
        return params.isEmpty ? "all runs" : params.map { "\($0.0)=\($0.1.compact())" }.joined(separator: "  ")
    }

    func outcomeSection(_ name: String, into page: inout HTMLPage) {
        let stats = points.map { $0["outcomes"]?[name] }
        let kind = stats.lazy.compactMap { $0?["type"]?.string.flatMap(OutcomeKind.init(rawValue:)) }.first
        page.heading("\(name)  (\(OutcomeKind.name(kind)))")
        switch kind {
        case .number?: numberSection(name, stats, into: &page)
        case .boolean?: booleanSection(name, stats, into: &page)
        case .category?: categorySection(name, stats, into: &page)
        case nil: page.paragraph("No run gave this outcome a value.", note: true)
        }
    }

    /// The facts of the historical record the scenario declares, each a share of runs that reproduced
    /// it, then the share consistent with all of them: the hindcast. Nothing when there are none.
    func recordSection(into page: inout HTMLPage) {
        let facts = SummaryReading.inFirstOrder(points.flatMap { ($0["observed"]?.object ?? []).map(\.0) })
        guard !facts.isEmpty else { return }
        page.heading("The historical record")
        page.paragraph(
            "Each fact the scenario declares with sim.observed, as the share of runs that reproduced it; "
                + "then the share of runs consistent with every fact.", note: true)
        for name in facts {
            page.heading("observed: \(name)", level: 3)
            booleanSection(name, points.map { $0["observed"]?[name] }, into: &page)
        }
        page.heading("consistent with every fact", level: 3)
        booleanSection("consistent with the record", points.map { $0["consistent"] }, into: &page)
    }

    // MARK: Numbers

    private func numberSection(_ name: String, _ stats: [JSONValue?], into page: inout HTMLPage) {
        if points.count > 1 {
            page.figures(
                againstParams(stats, yTitle: "mean of \(name)", fixedY: nil, statistic: Self.pooledMean),
                wide: true)
        }
        var figures: [(svg: String, caption: String)] = []
        for (point, stat) in zip(points, stats).prefix(BatchSummary.histogramCap) {
            guard let histogram = stat?["histogram"],
                let edges = histogram["edges"]?.array?.compactMap({ $0.double }),
                let counts = histogram["counts"]?.array?.compactMap({ $0.int })
            else { continue }
            let chart = Histogram(
                edges: edges, counts: counts, xTitle: name, label: "histogram of \(name)",
                mean: stat?["mean"]?.double)
            let n = stat?["n"]?.int ?? 0
            figures.append((chart.svg, "\(pointLabel(point)): \(n) runs"))
        }
        if !figures.isEmpty { page.figures(figures) }
        if points.count > BatchSummary.histogramCap {
            page.paragraph(
                "Histograms of the first \(BatchSummary.histogramCap) of \(points.count) points.", note: true)
        }
        let number = { (stat: JSONValue?, key: String) in stat?[key]?.double.map(ReadableNumber.text) ?? "–" }
        page.table(
            ["point", "n", "mean", "95% CI", "sd", "p5", "median", "p95"],
            zip(points, stats).prefix(Self.pointCap).map { point, stat in
                let ci = stat?["ci95"]?.array?.compactMap(\.double) ?? []
                return [
                    pointLabel(point), stat?["n"]?.int.map(String.init) ?? "0", number(stat, "mean"),
                    ci.count == 2 ? "[\(ReadableNumber.text(ci[0])), \(ReadableNumber.text(ci[1]))]" : "–",
                    number(stat, "sd"), number(stat, "p5"), number(stat, "median"), number(stat, "p95"),
                ]
            }, numeric: [1, 2, 3, 4, 5, 6, 7])
        listedPointsNote(into: &page)
    }

    // MARK: Booleans and categories

    private func booleanSection(_ name: String, _ stats: [JSONValue?], into page: inout HTMLPage) {
        if points.count > 1 {
            page.figures(
                againstParams(stats, yTitle: "P(\(name))", fixedY: (0, 1, 0.2, 1), statistic: Self.pooledProportion),
                wide: true)
        }
        let rows = zip(points, stats).prefix(Self.pointCap).map { point, stat in
            probabilityRow(pointLabel(point), Self.pooledProportion([stat]), n: stat?["n"]?.int ?? 0)
        }
        page.figures(
            [
                (
                    probabilityChart(rows, label: "probability of \(name)"),
                    "P(\(name) is true) at each point, with its 95% Wilson interval."
                )
            ], wide: true)
        listedPointsNote(into: &page)
    }

    private func categorySection(_ name: String, _ stats: [JSONValue?], into page: inout HTMLPage) {
        let categories = SummaryReading.inFirstOrder(stats.flatMap { ($0?["categories"]?.object ?? []).map(\.0) })
        let charted = categories.prefix(BatchSummary.chartedCategoryCap)
        if points.count > 1 {
            for category in charted {
                page.heading("\(name) = \(category)", level: 3)
                page.figures(
                    againstParams(stats, yTitle: "P(\(category))", fixedY: (0, 1, 0.2, 1)) { stats in
                        Self.pooledShare(of: category, stats)
                    }, wide: true)
            }
        }
        var rows: [RowChart.Row] = []
        for (point, stat) in zip(points, stats).prefix(Self.pointCap) {
            let n = stat?["n"]?.int ?? 0
            for category in charted {
                let label = points.count > 1 ? "\(category) — \(pointLabel(point))" : category
                rows.append(probabilityRow(label, Self.pooledShare(of: category, [stat]), n: n))
            }
        }
        page.figures(
            [
                (
                    probabilityChart(rows, label: "shares of \(name)"),
                    "Share of runs giving each value, with its 95% Wilson interval."
                )
            ], wide: true)
        listedPointsNote(into: &page)
        if categories.count > charted.count {
            page.paragraph("\(categories.count - charted.count) rarer values are in the JSON summary.", note: true)
        }
    }

    func probabilityRow(_ label: String, _ value: (Double, (Double, Double)?)?, n: Int) -> RowChart.Row {
        guard let (p, ci) = value else { return RowChart.Row(label: label, mark: .marks([]), note: "no values") }
        let interval = ci.map { "[\(Self.share($0.0)), \(Self.share($0.1))]" } ?? ""
        return RowChart.Row(
            label: label, mark: .bar(p, interval: ci), note: "\(Self.share(p)) \(interval)  n=\(n)",
            tooltip: "\(label): p = \(Self.share(p)) \(interval)")
    }

    func probabilityChart(_ rows: [RowChart.Row], label: String) -> String {
        RowChart(rows: rows, domain: (0, 1, 0.1, 1), axisTitle: "probability", label: label).svg
    }

    static func share(_ p: Double) -> String { String(format: "%.3f", p) }
}
