// ScenarioSummary+Markdown: `simrun check --format md` — what a scenario declares as markdown tables
// a write-up can paste (its params with types, ranges and docs above all), the facts `text()` lists.
import SimCore
import SimSupport

extension ScenarioSummary {
    /// The listing in GitHub-flavoured markdown: a heading and the provenance, then a table each for
    /// the params, agents, regions and hooks, and the metrics, outcomes, facts and warnings.
    package func markdown() -> String {
        var head = "## " + TerminalText.safe(info.name) + "\n\n"
        if !info.description.isEmpty { head += TerminalText.safe(info.description) + "\n\n" }
        head += "`\(info.file)`: start \(start), \(steps) steps, sha256 `\(info.sha256.prefix(16))…`"
        head += info.source.map { "; source " + TerminalText.safe($0) } ?? ""
        let pinned = overrides.filter { $0.0.hasPrefix(DynamicsRate.paramPrefix) }
        var tables = [
            TextTable(
                title: "Params (\(params.count))", columns: ["param", "type", "value", "default", "range", "doc"],
                rows: params.map { p in
                    [
                        "\(p.name)", Self.typeName(p.defaultValue), "\(p.value)", "\(p.defaultValue)", Self.range(p),
                        p.doc ?? "",
                    ]
                }
                    + pinned.map {
                        ["\($0.0)", "number", "\($0.1)", "", "", "a built-in rate, pinned for the whole run"]
                    }),
            TextTable(
                title: "Agents (\(agents.count))", columns: ["id", "name", "kind"],
                rows: agents.map { [$0.0, $0.1, $0.2] }),
            TextTable(
                title: "Regions (\(regions.count), \(linkCount) links)", columns: ["id", "name", "country"],
                rows: regions.map { [$0.0, $0.1, $0.2 ?? ""] }),
            TextTable(
                title: "Hooks", columns: ["hook", "count"], rightAligned: [1],
                rows: hooks.map { [$0.0, String($0.1)] },
                footnote: hookNote),
        ]
        let lists = [
            ("Metrics", "metric", metrics), ("Outcomes", "outcome", outcomes), ("Observed", "fact", observed),
            ("Warnings", "warning", warnings),
        ]
        // Metrics and outcomes are listed even when there are none; the record and warnings only when there are.
        for (title, column, names) in lists where !names.isEmpty || column == "metric" || column == "outcome" {
            tables.append(TextTable(title: "\(title) (\(names.count))", columns: [column], rows: names.map { [$0] }))
        }
        return ([head + "\n"] + tables.map { $0.markdown() }).joined(separator: "\n")
    }

    /// Which events have handlers and which agents a policy, nil when none.
    private var hookNote: String? {
        var parts: [String] = []
        if !eventTypes.isEmpty { parts.append("event handlers for: " + eventTypes.joined(separator: ", ")) }
        if !policyAgents.isEmpty { parts.append("policies of: " + policyAgents.joined(separator: ", ")) }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
