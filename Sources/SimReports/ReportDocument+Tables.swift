// ReportDocument+Tables: a run report read back from its JSON, written again for a person — as
// text, as markdown for a write-up, or as an HTML page — without running the scenario again. The
// three forms hold the same tables: what the run was, its outcomes and the facts of the record it
// reproduced, each metric's course, the forces, wars and predicted blocs at the end, the timeline,
// warnings and log. What the JSON does not keep (the alignments at the start) is not shown.
import SimCharts
import SimCore
import SimSupport

extension ReportDocument {
    /// Timeline entries and log lines listed before the rest are counted.
    private static let timelineCap = 40
    private static let logCap = 30
    /// Longest agent, region or metric name shown in a cell.
    private static let nameCap = 28

    /// The report as plain text: the scenario's name and description, then every table.
    package func text() -> String {
        var lines = [scenario, String(repeating: "=", count: scenario.count)]
        if !description.isEmpty { lines += TerminalText.wrap(description, width: 100) }
        // Titles in capitals, as the text reports set them apart; markdown and HTML have headings.
        let body = tables().map { table in
            var table = table
            table.title = table.title.uppercased()
            return table.text(width: 100)
        }.joined(separator: "\n")
        return TerminalText.safe(lines.joined(separator: "\n")) + "\n\n" + body
    }

    /// The report in GitHub-flavoured markdown: a heading, the description, then every table.
    package func markdown() -> String {
        var head = "## " + TerminalText.safe(scenario) + "\n"
        if !description.isEmpty { head += "\n" + TerminalText.safe(description) + "\n" }
        return ([head] + tables().map { $0.markdown() }).joined(separator: "\n")
    }

    /// The report as one self-contained HTML page: the same tables, and under the metrics' a line
    /// chart of each.
    package func html() -> String {
        var page = HTMLPage(title: "Run: \(scenario)")
        if !description.isEmpty { page.paragraph(description) }
        let map = mapTimeline()
        for table in tables() {
            // The map after the outcomes and facts, where the run's own page has it.
            if table.title == ReportDocument.metricsTitle, let map {
                page.heading("Map")
                page.block(
                    map.html, caption: RunReport.mapCaption(hasForceHistory: json[RunReportKey.forceChanges] != nil))
            }
            page.section(table)
            if table.title == ReportDocument.metricsTitle, !metrics.isEmpty {
                page.figures(
                    metrics.filter { !$0.1.isEmpty }.map { name, values in
                        let chart = LineChart(
                            series: [.init(name: name, points: values.enumerated().map { (Double($0), $1) })],
                            xTitle: "days since \(start)", yTitle: name.truncated(to: 40),
                            markers: values.count <= 2, label: "\(name) over \(values.count - 1) days")
                        return (chart.svg, name)
                    })
            }
        }
        page.paragraph("Written by simrun from a run report (simrun run --format json).", note: true)
        return page.html
    }

    private static let metricsTitle = "Metrics"

    private var description: String { json[RunReportKey.scenario]?[RunReportKey.description]?.string ?? "" }

    /// Every table, in the order the three forms show them.
    func tables() -> [TextTable] {
        [run(), outcomeTable()] + (observed().map { [$0] } ?? [])
            + [metricTable(), forceTable(), warTable(), blocTable(), eventTable()]
            + listTable("Warnings", column: "warning", json[RunReportKey.warnings]?.array?.compactMap(\.string) ?? [])
            + logTable()
    }

    private func run() -> TextTable {
        typealias K = RunReportKey
        let info = json[K.scenario]
        var rows: [[String]] = []
        if let source = info?[K.source]?.string { rows.append(["source", source]) }
        let sha = info?[K.sha256]?.string.map { "  (sha256 \($0.prefix(12)))" } ?? ""
        rows.append(["file", (info?[K.file]?.string ?? "?") + sha])
        rows.append(["seed", seed.map(String.init) ?? "?"])
        // Params exactly as typed, not rounded: they are what reproduces the run.
        let params = (json[K.params]?.object ?? []).map { name, value in
            name + "=" + (value.scalar.map { "\($0)" } ?? value.compact())
        }.joined(separator: "  ")
        rows.append(["params", params.isEmpty ? "none" : params])
        let steps = json[K.steps]?.int.map(String.init) ?? "?"
        rows.append(["period", "\(start) → \(json[K.end]?.string ?? "?"), \(ticks) of \(steps) ticks"])
        let status = json[K.status]
        let detail = status?[K.reason]?.string ?? status?[K.message]?.string
        rows.append(["status", (status?[K.state]?.string ?? "?") + (detail.map { ": " + $0 } ?? "")])
        rows.append(["simrun", json[K.simrun]?[K.version]?.string ?? "?"])
        return TextTable(title: "Run", columns: ["field", "value"], rows: rows)
    }

    private func outcomeTable() -> TextTable {
        TextTable(
            title: "Outcomes", columns: ["outcome", "value"],
            rows: outcomes.map { [$0.0, ReadableNumber.text($0.1)] }, footnote: outcomes.isEmpty ? "none declared" : nil
        )
    }

    /// The facts of the record, nil when the scenario declares none.
    private func observed() -> TextTable? {
        let facts = (json[RunReportKey.observed]?.object ?? []).compactMap { name, value in
            value.bool.map { (name, $0) }
        }
        guard !facts.isEmpty else { return nil }
        return TextTable(
            title: "Observed  (\(facts.filter(\.1).count) of \(facts.count) facts of the record reproduced)",
            columns: ["fact", "this run"], rows: facts.map { [$0.0, $0.1 ? "reproduced" : "not reproduced"] })
    }

    private func metricTable() -> TextTable {
        let rows = metrics.map { name, values -> [String] in
            let finite = values.filter(\.isFinite)
            return [
                name.truncated(to: ReportDocument.nameCap), values.first.map(ReadableNumber.text) ?? "",
                values.last.map(ReadableNumber.text) ?? "", finite.min().map(ReadableNumber.text) ?? "",
                finite.max().map(ReadableNumber.text) ?? "",
            ]
        }
        return TextTable(
            title: ReportDocument.metricsTitle, columns: ["metric", "day 0", "day \(ticks)", "min", "max"],
            rightAligned: [1, 2, 3, 4], rows: rows)
    }

    /// Each agent's strength in each region at the end, and what it lost during the run.
    private func forceTable() -> TextTable {
        typealias K = RunReportKey
        let regions = names(K.regions)
        var rows: [[String]] = []
        for agent in json[K.agents]?.array ?? [] {
            let name = (agent[K.name]?.string ?? agent[K.id]?.string ?? "?").truncated(to: ReportDocument.nameCap)
            let losses = agent[K.losses]?.double.map(ReadableNumber.text) ?? ""
            let forces = agent[K.forces]?.object ?? []
            if forces.isEmpty { rows.append([name, "—", "0", losses]) }
            for (region, strength) in forces {
                let place = (regions[region] ?? region).truncated(to: ReportDocument.nameCap)
                rows.append([name, place, ReadableNumber.text(strength.double ?? .nan), losses])
            }
        }
        return TextTable(
            title: "Forces at the end", columns: ["agent", "region", "strength", "lost in the run"],
            rightAligned: [2, 3], rows: rows)
    }

    private func warTable() -> TextTable {
        let agents = names(RunReportKey.agents)
        let rows = (json[RunReportKey.wars]?.array ?? []).map { pair in
            (pair.array ?? []).compactMap(\.string).map { agents[$0] ?? $0 }
        }
        return TextTable(title: "Wars at the end", columns: ["side", "side"], rows: rows)
    }

    private func blocTable() -> TextTable {
        typealias K = RunReportKey
        let agents = names(K.agents)
        let coalitions = json[K.coalitions]
        let rows = (coalitions?[K.blocs]?.array ?? []).enumerated().map { b, bloc in
            [String(b + 1), (bloc.array ?? []).compactMap(\.string).map { agents[$0] ?? $0 }.joined(separator: ", ")]
        }
        let energy = coalitions?[K.energy]?.double.map { "landscape energy " + ReadableNumber.text($0) }
        return TextTable(
            title: "Predicted blocs", columns: ["bloc", "agents"], rightAligned: [0], rows: rows, footnote: energy)
    }

    private func eventTable() -> TextTable {
        typealias K = RunReportKey
        let all = json[K.events]?.array ?? []
        let rows = all.prefix(ReportDocument.timelineCap).map { event in
            [
                event[K.tick]?.int.map(String.init) ?? "", event[K.date]?.string ?? "", event[K.type]?.string ?? "",
                (event[K.agents]?.array ?? []).compactMap(\.string).joined(separator: ", "),
                event[K.region]?.string ?? "",
            ]
        }
        let more = all.count - rows.count
        return TextTable(
            title: "Events", columns: ["tick", "date", "type", "agents", "region"], rightAligned: [0], rows: rows,
            footnote: more > 0 ? "… \(more) more events in the JSON report" : nil)
    }

    private func logTable() -> [TextTable] {
        typealias K = RunReportKey
        let all = json[K.log]?.array ?? []
        guard !all.isEmpty else { return [] }
        let rows = all.prefix(ReportDocument.logCap).map {
            [$0[K.tick]?.int.map(String.init) ?? "", $0[K.text]?.string ?? ""]
        }
        let more = all.count - rows.count
        return [
            TextTable(
                title: "Log", columns: ["tick", "line"], rightAligned: [0], rows: rows,
                footnote: more > 0 ? "… \(more) more lines in the JSON report" : nil)
        ]
    }

    /// A one-column table of `items`; none when there are no items.
    private func listTable(_ title: String, column: String, _ items: [String]) -> [TextTable] {
        items.isEmpty ? [] : [TextTable(title: title, columns: [column], rows: items.map { [$0] })]
    }

    /// Id → name of the report's agents or regions.
    private func names(_ key: String) -> [String: String] {
        var names: [String: String] = [:]
        for entry in json[key]?.array ?? [] {
            if let id = entry[RunReportKey.id]?.string { names[id] = entry[RunReportKey.name]?.string ?? id }
        }
        return names
    }
}
