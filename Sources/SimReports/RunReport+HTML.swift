import SimCharts
// RunReport+HTML: one run as a self-contained page for a person — the scenario and its source
// document, the outcomes, the map of the run with its day slider, every metric over time, the
// alignments that moved most, the final alignment matrix, the alignment network with its blocs, and
// the event timeline — charts as inline SVG, the slider's few lines of script inline too.
import SimCore
import SimSupport

extension RunReport {
    /// Pairs in the chart of alignments that moved most.
    private static let movedChartCap = 15
    /// Agents in the heat map: past this many, the key agents only (cells would be too small to read).
    private static let heatMapCap = 30
    /// Rows of the event table; the timeline chart above it shows every event.
    private static let eventTableCap = 300

    /// The report as one HTML page, ending with a newline.
    package func html() -> String {
        var page = HTMLPage(title: scenario.name)
        if !scenario.description.isEmpty { page.paragraph(scenario.description) }
        page.facts(provenance)
        outcomesSection(&page)
        mapSection(&page)
        metricsSection(&page)
        movedSection(&page)
        matrixSection(&page)
        networkSection(&page)
        timelineSection(&page)
        forcesSection(&page)
        if !world.warnings.isEmpty {
            page.heading("Warnings")
            page.table(["warning"], world.warnings.map { [$0] })
        }
        if !log.isEmpty {
            page.heading("Log")
            page.table(["date", "line"], log.map { [world.date(ofTick: $0.tick).description, $0.text] })
        }
        page.paragraph(
            "Written by simrun \(simrunVersion). The JSON report (--format json) has every value "
                + "at full precision.", note: true)
        return page.html
    }

    private var provenance: [(String, String)] {
        var rows: [(String, String)] = []
        rows.append(("source document", scenario.source ?? "none given"))
        rows.append(("scenario file", scenario.file))
        rows.append(("sha256", scenario.sha256))
        rows.append(("seed", String(seed)))
        rows.append(("params", params.isEmpty ? "none" : params.map { "\($0.0)=\($0.1)" }.joined(separator: "  ")))
        rows.append(("period", "\(world.start) to \(world.date), \(world.tick) of \(steps) days"))
        switch status {
        case .completed: rows.append(("status", "ok"))
        case .stopped(let reason): rows.append(("status", "stopped: \(reason)"))
        case .failed(let failure): rows.append(("status", "\(status.label): \(failure.message)"))
        }
        return rows
    }

    private func outcomesSection(_ page: inout HTMLPage) {
        page.heading("Outcomes")
        guard !outcomes.isEmpty else { return page.paragraph("No outcome declared or computed.", note: true) }
        page.table(["outcome", "value"], outcomes.map { [$0.0, ReadableNumber.text($0.1)] }, numeric: [1])
        guard !observed.isEmpty else { return }
        page.heading("The historical record")
        page.paragraph(
            "\(observed.filter(\.1).count) of \(observed.count) facts the scenario declares were reproduced by this run.",
            note: true)
        page.table(["observed fact", "this run"], observed.map { [$0.0, $0.1 ? "reproduced" : "not reproduced"] })
    }

    private func mapSection(_ page: inout HTMLPage) {
        guard let map = mapTimeline() else { return }
        page.heading("Map")
        page.block(map.html, caption: RunReport.mapCaption(hasForceHistory: !forceChanges.isEmpty))
    }

    /// What the map shows and how it is drawn, for the run page and a page rebuilt from the JSON.
    static func mapCaption(hasForceHistory: Bool) -> String {
        let history =
            hasForceHistory
            ? "Circles: each agent's forces in a region, their area proportional to strength. The slider steps "
                + "through the run's days (without JavaScript, the last day is shown)."
            : "This report has no force history: the map shows the timeline's moves and clashes only."
        return history + " Equirectangular projection, longitudes scaled by the cosine of the middle "
            + "latitude; country outlines from Natural Earth (1:110m, public domain)."
    }

    private func metricsSection(_ page: inout HTMLPage) {
        page.heading("Metrics over time")
        guard !metricNames.isEmpty else { return page.paragraph("No metric declared.", note: true) }
        page.paragraph("Value at day t is the state after t days; day 0 is \(world.start).", note: true)
        let figures = zip(metricNames, metrics).map { name, values -> (svg: String, caption: String) in
            let chart = LineChart(
                series: [.init(name: name, points: values.enumerated().map { (Double($0), $1) })],
                xTitle: "days since \(world.start)", yTitle: name.truncated(to: 40), markers: values.count <= 2,
                label: "\(name) over \(values.count - 1) days")
            let finite = values.filter(\.isFinite)
            let range =
                finite.isEmpty
                ? "" : ", range \(ReadableNumber.text(finite.min()!)) to \(ReadableNumber.text(finite.max()!))"
            let ends =
                values.isEmpty
                ? ""
                : ": \(ReadableNumber.text(values[0])) at the start, "
                    + "\(ReadableNumber.text(values[values.count - 1])) at the end\(range)"
            return (chart.svg, name + ends)
        }
        page.figures(figures)
    }

    private func movedSection(_ page: inout HTMLPage) {
        page.heading("Alignments that moved most")
        let moved = movedPairs()
        guard !moved.isEmpty else { return page.paragraph("No alignment moved during the run.", note: true) }
        page.paragraph(
            "The \(min(moved.count, RunReport.movedChartCap)) directed pairs with the largest change "
                + "|end − start| of \(moved.count) that moved: the circle is the alignment at the start of the run, "
                + "the "
                + "arrowhead its value at the end (blue: warmer, red: colder).", note: true)
        let rows = moved.prefix(RunReport.movedChartCap).map { pair in
            RowChart.Row(
                label: "\(world.agents[pair.from].short) → \(world.agents[pair.to].short)",
                mark: .arrow(from: pair.start, to: pair.end),
                note:
                    "\(ReadableNumber.signed(pair.start)) → \(ReadableNumber.signed(pair.end))  "
                    + "(\(ReadableNumber.signed(pair.change)))",
                tooltip: "\(world.agents[pair.from].name) → \(world.agents[pair.to].name)"
            )
        }
        let chart = RowChart(
            rows: Array(rows), domain: (-1, 1, 0.25, 2),
            axisTitle: "alignment (−1 hostile, +1 friendly)", label: "alignments that moved most")
        page.figures([(chart.svg, "Alignment of the first agent toward the second, start → end.")], wide: true)
    }

    private func matrixSection(_ page: inout HTMLPage) {
        page.heading("Final alignment matrix")
        let n = world.agentCount
        guard n >= 2 else { return page.paragraph("Fewer than two agents.", note: true) }
        let shown = n <= RunReport.heatMapCap ? Array(0..<n) : keyAgents(count: RunReport.heatMapCap)
        if shown.count < n {
            page.paragraph(
                "The \(shown.count) key agents of \(n) (those in the largest alignment changes); the "
                    + "JSON report has every pair.", note: true)
        }
        let values = shown.flatMap { i in shown.map { j in world.alignment[i * n + j] } }
        let chart = HeatMap(
            labels: shown.map { world.agents[$0].short }, names: shown.map { world.agents[$0].name }, values: values,
            label: "final alignment matrix")
        page.figures(
            [
                (
                    chart.svg,
                    "Row agent's alignment toward the column agent at the end of the run "
                        + "(red hostile, blue friendly)."
                )
            ], wide: true)
    }

    private func networkSection(_ page: inout HTMLPage) {
        page.heading("Alignment network and predicted blocs")
        let n = world.agentCount
        guard n >= 2 else { return page.paragraph("Fewer than two agents.", note: true) }
        let chart = NetworkChart(
            labels: world.agents.map(\.short), names: world.agents.map(\.name), alignment: world.alignment,
            blocs: coalitions.blocs.filter { !$0.isEmpty }, label: "alignment network")
        let method = coalitions.exact ? "exact" : "local search"
        page.figures(
            [
                (
                    chart.svg,
                    "Edges join pairs whose mean alignment (both directions) is at least "
                        + "\(NetworkChart.threshold) in size. Blocs: the two of least landscape energy "
                        + "(\(ReadableNumber.text(coalitions.energy)), \(method)); share of balanced triads "
                        + "\(ReadableNumber.text(world.balanceIndex))."
                )
            ], wide: true)
    }

    private func timelineSection(_ page: inout HTMLPage) {
        let events = world.events
        page.heading("Event timeline (\(events.count) events)")
        guard !events.isEmpty else { return page.paragraph("No events.", note: true) }
        var types: [String] = []
        for event in events where !types.contains(event.type) { types.append(event.type) }
        let days = ChartScale(covering: 0, Double(max(world.tick, 1)), pixels: 0, 1, tickCount: 10)
        let rows = types.map { type in
            let ticks = events.filter { $0.type == type }.map(\.tick)
            return RowChart.Row(
                label: type, mark: .marks(ticks.map(Double.init)), note: "\(ticks.count)",
                tooltip: "\(type): \(ticks.count) events")
        }
        let chart = RowChart(
            rows: rows, domain: (days.low, days.high, days.ticks[1] - days.ticks[0], 0),
            axisTitle: "days since \(world.start)", label: "event timeline")
        page.figures(
            [(chart.svg, "A mark for each day an event of the type happened; the count on the right.")],
            wide: true)
        let shown = events.prefix(RunReport.eventTableCap)
        page.table(
            ["day", "date", "type", "agents", "region", "data"],
            shown.map { event in
                [
                    String(event.tick), world.date(ofTick: event.tick).description, event.type,
                    event.agents.map { world.agents[$0].short }.joined(separator: ", "),
                    event.region.map { world.regions[$0].name } ?? "",
                    event.data.map { "\($0.0)=\(ReadableNumber.text($0.1))" }.joined(separator: " "),
                ]
            }, numeric: [0, 1])
        if events.count > shown.count {
            page.paragraph("… and \(events.count - shown.count) more events in the JSON report.", note: true)
        }
    }

    private func forcesSection(_ page: inout HTMLPage) {
        let w = world
        var rows: [[String]] = []
        for a in w.agents.indices {
            for r in w.regions.indices where w.force(of: a, in: r) > 0 {
                rows.append([w.agents[a].name, w.regions[r].name, ReadableNumber.text(w.force(of: a, in: r)), ""])
            }
            for move in w.movements where move.agent == a {
                rows.append([
                    w.agents[a].name, w.regions[move.to].name, ReadableNumber.text(move.strength), "on the road",
                ])
            }
        }
        if !rows.isEmpty {
            page.heading("Forces at the end")
            page.table(["agent", "region", "strength", ""], rows, numeric: [2])
        }
        let losses = w.agents.indices.filter { w.losses[$0] > 0 }.map {
            [w.agents[$0].name, ReadableNumber.text(w.losses[$0])]
        }
        guard !losses.isEmpty else { return }
        page.heading("Losses in the run")
        page.table(["agent", "strength lost"], losses, numeric: [1])
    }
}
