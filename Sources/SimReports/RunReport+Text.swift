// RunReport+Text: the report for a person at a terminal — what the run was, how it came out, what
// moved, where the forces stand, what happened when, and the blocs it points to. Plain text, no
// colours; the JSON report has everything, this one picks and rounds.
import Foundation
import SimCore
import SimSupport

extension RunReport {
    /// Timeline entries shown before the rest is elided; clashes are grouped past this many events.
    private static let timelineCap = 40
    private static let alignmentChangeCap = 12
    private static let logCap = 30
    private static let warningCap = 20
    /// Longest agent or region name shown in a column.
    private static let nameCap = 28
    /// Event types whose two agents are ordered (from → to); a clash lists its sides by index.
    private static let directedTypes: Set<String> = Set([EventType.threshold, .tieMade, .tieCut].map(\.rawValue))

    /// Key agents in the alignment table.
    private static let keyAgentCap = 6
    /// Longest sparkline, in characters.
    private static let sparklineCap = 40

    /// The report as plain text for a terminal `width` columns wide, ending with a newline;
    /// sparklines drawn with `charset` (the caller decides it from the locale; the text is otherwise
    /// the same for both).
    package func text(width: Int = 100, charset: TextCharset = .unicode) -> String {
        let width = max(width, 40)
        var sections = [
            header(width), outcomeLines(width), metricLines(width, charset: charset), alignmentChangeLines(width),
            alignmentTableLines(width), forceLines(width), timelineLines(width), coalitionLines(width),
        ]
        if !world.warnings.isEmpty { sections.append(warningLines(width)) }
        if !log.isEmpty { sections.append(logLines(width)) }
        return TerminalText.safe(sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n")
    }

    private func header(_ width: Int) -> [String] {
        let w = world
        var lines = [scenario.name, String(repeating: "=", count: min(scenario.name.count, width))]
        if !scenario.description.isEmpty { lines += TerminalText.wrap(scenario.description, width: width) }
        lines.append("")

        let statusText: String
        switch status {
        case .completed: statusText = "ok"
        case .stopped(let reason): statusText = "stopped: \(reason)"
        case .failed(let failure): statusText = "\(status.label): \(failure.message)"
        }
        var rows: [[String]] = []
        if let source = scenario.source { rows.append(["source", source]) }
        rows.append(["file", "\(scenario.file)  (sha256 \(scenario.sha256.prefix(12)))"])
        rows.append(["seed", String(seed)])
        // Params exactly as typed, not rounded: they are what reproduces the run.
        rows.append(["params", params.isEmpty ? "none" : params.map { "\($0.0)=\($0.1)" }.joined(separator: "  ")])
        rows.append(["period", "\(w.start) → \(w.date), \(w.tick) of \(steps) ticks"])
        rows.append(["status", statusText])
        rows.append(["simrun", simrunVersion])
        return lines + TextTable.alignedLines(rows, wrapWidth: width)
    }

    private func outcomeLines(_ width: Int) -> [String] {
        var lines =
            outcomes.isEmpty
            ? ["OUTCOMES", "  (none declared)"]
            : ["OUTCOMES"]
                + TextTable.alignedLines(outcomes.map { [$0.0, ReadableNumber.text($0.1)] }, wrapWidth: width)
        if !observed.isEmpty {
            let reproduced = observed.filter(\.1).count
            lines += ["", "OBSERVED  (\(reproduced) of \(observed.count) facts of the record reproduced)"]
            lines += TextTable.alignedLines(
                observed.map { [$0.0, $0.1 ? "reproduced" : "not reproduced"] }, wrapWidth: width)
        }
        return lines
    }

    /// The directed pairs whose alignment moved most from the start of the run to the end, largest first.
    private func alignmentChangeLines(_ width: Int) -> [String] {
        // Below half a hundredth the change would print as ±0.00.
        let moved = movedPairs(minimum: 0.005)
        let title = "KEY ALIGNMENT CHANGES  (start → final)"
        guard !moved.isEmpty else { return [title, "  (no alignment moved)"] }
        let rows = moved.prefix(RunReport.alignmentChangeCap).map { pair -> [String] in
            [
                agentName(pair.from), "→ " + agentName(pair.to),
                "\(ReadableNumber.signed(pair.start)) → \(ReadableNumber.signed(pair.end))",
                "(\(ReadableNumber.signed(pair.change)))",
            ]
        }
        var lines = [title] + TextTable.alignedLines(rows, wrapWidth: width)
        if moved.count > rows.count { lines.append("  … \(moved.count - rows.count) more pairs moved") }
        return lines
    }

    /// One sparkline per metric, from day 0 to the last day, with its first and last values and range.
    private func metricLines(_ width: Int, charset: TextCharset) -> [String] {
        guard !metricNames.isEmpty else { return ["METRICS", "  (none declared)"] }
        let title = "METRICS  (day 0 → day \(world.tick): sparkline, start → end, [min, max])"
        let rows = zip(metricNames, metrics).map { name, values -> [String] in
            let finite = values.filter(\.isFinite)
            let range =
                finite.isEmpty ? "" : "[\(ReadableNumber.text(finite.min()!)), \(ReadableNumber.text(finite.max()!))]"
            let ends =
                values.isEmpty
                ? "" : "\(ReadableNumber.text(values[0])) → \(ReadableNumber.text(values[values.count - 1]))"
            return [name.truncated(to: RunReport.nameCap), sparkline(values, charset: charset), ends, range]
        }
        return [title] + TextTable.alignedLines(rows, wrapWidth: width)
    }

    /// The series resampled to at most `sparklineCap` characters, each the level of its value
    /// between the series' min and max; a flat series sits mid-height, a non-finite value is a space.
    private func sparkline(_ values: [Double], charset: TextCharset) -> String {
        let levels = charset.sparkLevels
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return "" }
        let count = min(values.count, RunReport.sparklineCap)
        return String(
            (0..<count).map { k -> Character in
                let index = count == 1 ? 0 : Int((Double(k) * Double(values.count - 1) / Double(count - 1)).rounded())
                let v = values[index]
                guard v.isFinite else { return " " }
                guard high > low else { return levels[levels.count / 2] }
                // Halved first, which changes no bit: the span of values near ±1.8e308 overflows.
                let share = (v / 2 - low / 2) / (high / 2 - low / 2)
                return levels[Int((share * Double(levels.count - 1)).rounded())]
            })
    }

    /// The final alignments among the key agents — those of the largest changes — row toward column.
    private func alignmentTableLines(_ width: Int) -> [String] {
        let n = world.agentCount
        guard n >= 2 else { return ["KEY AGENTS' ALIGNMENTS", "  (fewer than two agents)"] }
        let key = keyAgents(count: RunReport.keyAgentCap)
        let title = "KEY AGENTS' ALIGNMENTS  (final, row toward column; the agents of the largest changes)"
        let ids = key.map { world.agents[$0].id.truncated(to: 8) }
        let header = ["", ""] + ids
        let rows = key.enumerated().map { r, i -> [String] in
            [agentName(i), ids[r]] + key.map { j in i == j ? "·" : ReadableNumber.signed(world.alignment[i * n + j]) }
        }
        // Every column but the names right-aligned to its widest cell: the numbers line up under their ids.
        let lines = TextTable.alignedLines([header] + rows, rightAligned: Set(1..<header.count))
        return [title] + lines.map { String($0.prefix(max(width, 40))) }
    }

    private func forceLines(_ width: Int) -> [String] {
        let w = world
        var rows: [[String]] = []
        for a in w.agents.indices {
            var parts = w.regions.indices.compactMap { r -> String? in
                let strength = w.force(of: a, in: r)
                return strength > 0 ? "\(regionName(r)) \(rounded(strength))" : nil
            }
            parts += w.movements.filter { $0.agent == a }.map {
                "→ \(regionName($0.to)) \(rounded($0.strength)) (moving)"
            }
            if w.losses[a] > 0 { parts.append("lost \(rounded(w.losses[a])) in the run") }
            if !parts.isEmpty { rows.append([agentName(a), parts.joined(separator: ", ")]) }
        }
        let title = "FORCES  (strength at the end, and what each agent lost)"
        return rows.isEmpty ? [title, "  (no forces)"] : [title] + TextTable.alignedLines(rows, wrapWidth: width)
    }

    /// Events in order; past the cap, a run of clashes between the same sides in the same region on
    /// consecutive ticks becomes one entry with its losses summed.
    private func timelineLines(_ width: Int) -> [String] {
        let events = world.events
        let title = "EVENT TIMELINE  (\(events.count) events)"
        guard !events.isEmpty else { return ["EVENT TIMELINE", "  (no events)"] }
        var entries: [(event: Event, lastTick: Int, count: Int)] = []
        var openClash: [String: Int] = [:]
        let grouping = events.count > RunReport.timelineCap
        for event in events {
            let key = "\(event.region ?? -1) \(event.agents)"
            if grouping, event.type == EventType.clash.rawValue, let e = openClash[key],
                entries[e].lastTick >= event.tick - 1
            {
                entries[e].event.data = summed(entries[e].event.data, event.data)
                entries[e].lastTick = event.tick
                entries[e].count += 1
                continue
            }
            if event.type == EventType.clash.rawValue { openClash[key] = entries.count }
            entries.append((event, event.tick, 1))
        }
        let (head, _, tail) = capped(entries, limit: RunReport.timelineCap)
        // Left-out entries may be grouped clashes: count the events they hold.
        let hidden = events.count - (head + tail).reduce(0) { $0 + $1.count }
        let row = { (entry: (event: Event, lastTick: Int, count: Int)) -> [String] in
            let event = entry.event
            let ids = event.agents.map { self.world.agents[$0].id }
            let separator = ids.count == 2 && RunReport.directedTypes.contains(event.type) ? " → " : ", "
            return [
                self.dateRange(event.tick, entry.lastTick),
                entry.count > 1 ? "\(event.type) ×\(entry.count)" : event.type,
                ids.joined(separator: separator),
                event.region.map { "@" + self.world.regions[$0].id } ?? "",
                event.data.map { "\($0.0)=\(ReadableNumber.text($0.1))" }.joined(separator: " "),
            ]
        }
        var rows = head.map(row)
        if hidden > 0 { rows.append(["… \(hidden) more events"]) }
        rows += tail.map(row)
        return [title] + TextTable.alignedLines(rows, wrapWidth: width)
    }

    private func coalitionLines(_ width: Int) -> [String] {
        let method = coalitions.exact ? "exact" : "local search"
        var rows = coalitions.blocs.enumerated().map { b, bloc in
            ["bloc \(b + 1)", bloc.isEmpty ? "(empty)" : bloc.map { agentName($0) }.joined(separator: ", ")]
        }
        rows.append(["balance", ReadableNumber.text(world.balanceIndex)])
        return ["PREDICTED COALITIONS  (energy \(ReadableNumber.text(coalitions.energy)), \(method))"]
            + TextTable.alignedLines(rows, wrapWidth: width)
    }

    private func warningLines(_ width: Int) -> [String] {
        let (head, hidden, tail) = capped(world.warnings, limit: RunReport.warningCap)
        var rows = head.map { ["-", $0] }
        if hidden > 0 { rows.append(["…", "\(hidden) more warnings"]) }
        rows += tail.map { ["-", $0] }
        return ["WARNINGS"] + TextTable.alignedLines(rows, wrapWidth: width)
    }

    private func logLines(_ width: Int) -> [String] {
        let (head, hidden, tail) = capped(log, limit: RunReport.logCap)
        let row = { (line: LogLine) in [self.world.date(ofTick: line.tick).description, line.text] }
        var rows = head.map(row)
        if hidden > 0 { rows.append(["…", "\(hidden) more lines"]) }
        rows += tail.map(row)
        return ["LOG"] + TextTable.alignedLines(rows, wrapWidth: width)
    }

    // MARK: Pieces

    /// The agent's name where it fits the column, else its short label: never a name cut with "…".
    private func agentName(_ a: Int) -> String {
        let agent = world.agents[a]
        return agent.name.count <= RunReport.nameCap ? agent.name : agent.short
    }
    private func regionName(_ r: Int) -> String { world.regions[r].name.truncated(to: RunReport.nameCap) }

    /// `2024-07-25`, or `2024-07-25..07-29` for a span (the year repeated only when it changes).
    private func dateRange(_ first: Int, _ last: Int) -> String {
        let from = world.date(ofTick: first).description
        guard last != first else { return from }
        let to = world.date(ofTick: last).description
        return from + ".." + (to.prefix(4) == from.prefix(4) ? String(to.dropFirst(5)) : to)
    }
}

/// Numeric fields added up (integers stay integers), the others kept from the first.
private func summed(_ a: [(String, ScalarValue)], _ b: [(String, ScalarValue)]) -> [(String, ScalarValue)] {
    a.map { key, value in
        let other = b.first { $0.0.isBytewise(key) }?.1
        switch (value, other) {
        case (.integer(let x), .integer(let y)?): return (key, .integer(x + y))
        case (.integer(let x), .number(let y)?): return (key, .number(Double(x) + y))
        case (.number(let x), .integer(let y)?): return (key, .number(x + Double(y)))
        case (.number(let x), .number(let y)?): return (key, .number(x + y))
        default: return (key, value)
        }
    }
}

/// The first and last items of a list too long to show whole, and how many are left out between.
private func capped<T>(_ items: [T], limit: Int) -> (head: ArraySlice<T>, hidden: Int, tail: ArraySlice<T>) {
    guard items.count > limit else { return (items[...], 0, []) }
    // Keep a quarter of the room for the end: how a run ends matters as much as how it began.
    let tailCount = (limit - 1) / 4
    let headCount = limit - 1 - tailCount
    return (items.prefix(headCount), items.count - headCount - tailCount, items.suffix(tailCount))
}

/// A strength as a whole number; a remnant under one shows as <1.
private func rounded(_ strength: Double) -> String {
    strength < 0.5 ? "<1" : String(format: "%.0f", strength)
}
