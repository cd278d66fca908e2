// RunDivergence: where two runs first part ways — the first tick whose state digest differs (and in
// which parts of the state), the first event that differs, and the first metric value that does.
import SimCore
import SimSupport

/// The first differences between two runs' reports.
package struct RunDivergence: Sendable {
    /// The first tick whose digest differs, with the parts that differ there.
    package private(set) var stateTick: (tick: Int, parts: [String])?
    /// The position in the timeline of the first differing event, and each side's event there
    /// (nil where a timeline has ended).
    package private(set) var event:
        (index: Int, base: ReportDocument.TimelineEvent?, variant: ReportDocument.TimelineEvent?)?
    /// The first tick where a metric differs: its name and both values.
    package private(set) var metric: (tick: Int, name: String, base: Double, variant: Double)?
    /// The reports carry no digests to compare (written before they were added).
    package private(set) var digestsMissing = false

    package init(base: ReportDocument, variant: ReportDocument) {
        if base.digests.isEmpty || variant.digests.isEmpty {
            digestsMissing = true
        } else {
            let ticks = min(base.digests.map(\.1.count).min() ?? 0, variant.digests.map(\.1.count).min() ?? 0)
            for t in 0..<ticks {
                let parts = base.digests.compactMap { name, series -> String? in
                    guard let other = variant.digests.first(where: { $0.0.isBytewise(name) })?.1 else { return name }
                    return series[t] == other[t] ? nil : name
                }
                if !parts.isEmpty { stateTick = (t, parts); break }
            }
        }
        let events = max(base.events.count, variant.events.count)
        for i in 0..<events {
            let b = i < base.events.count ? base.events[i] : nil
            let v = i < variant.events.count ? variant.events[i] : nil
            if b != v { event = (i, b, v); break }
        }
        var firstMetric: (tick: Int, name: String, base: Double, variant: Double)?
        for (name, series) in base.metrics {
            guard let other = variant.metrics.first(where: { $0.0.isBytewise(name) })?.1 else { continue }
            for t in 0..<min(series.count, other.count) where !RunDivergence.same(series[t], other[t]) {
                if firstMetric == nil || t < firstMetric!.tick { firstMetric = (t, name, series[t], other[t]) }
                break
            }
        }
        metric = firstMetric
    }

    /// Bitwise equal, NaN equal to NaN: the same computation gives the same bits.
    private static func same(_ x: Double, _ y: Double) -> Bool { x.bitPattern == y.bitPattern || x == y }

    /// The earliest tick at which anything differs; nil when the runs agree everywhere compared.
    package var firstTick: Int? {
        ([stateTick?.tick, metric?.tick] + [event?.base?.tick, event?.variant?.tick]).compactMap { $0 }.min()
    }

    package var identical: Bool { firstTick == nil }

    /// Lines for a person: where the runs part, and what differs first in each respect.
    package func lines(base: ReportDocument, variant: ReportDocument) -> [String] {
        var lines: [String] = []
        if digestsMissing { lines.append("note: a report has no state digests; comparing events and metrics only") }
        guard let first = firstTick else {
            let ticks = min(base.ticks, variant.ticks)
            lines.append(
                "identical: the runs do not diverge over \(ticks) ticks (state digests, events and metrics agree)")
            if base.ticks != variant.ticks {
                lines.append("but one run is longer: \(base.ticks) and \(variant.ticks) ticks")
            }
            return lines
        }
        lines.append("first divergence at tick \(first)")
        if let stateTick {
            lines.append("  state: \(stateTick.parts.joined(separator: ", ")) differ from tick \(stateTick.tick)")
        }
        if let event {
            lines.append("  event #\(event.index + 1):")
            lines.append("    \(base.label): \(event.base?.description ?? "(timeline ended)")")
            lines.append("    \(variant.label): \(event.variant?.description ?? "(timeline ended)")")
        }
        if let metric {
            // Every digit: the first difference may be in the last one.
            lines.append("  metric \(metric.name) at tick \(metric.tick): \(metric.base) vs \(metric.variant)")
        }
        return lines
    }

    package var json: JSONValue {
        func event(_ e: ReportDocument.TimelineEvent?) -> JSONValue {
            guard let e else { return .null }
            return [
                "tick": .int(e.tick), "type": .string(e.type), "agents": .array(e.agents.map(JSONValue.string)),
                "region": .string(orNull: e.region), "data": .string(e.data),
            ]
        }
        return [
            "identical": .bool(identical),
            "first_tick": firstTick.map(JSONValue.int) ?? .null,
            "state": stateTick.map { ["tick": .int($0.tick), "parts": .array($0.parts.map(JSONValue.string))] }
                ?? .null,
            "event": self.event.map { ["index": .int($0.index), "base": event($0.base), "variant": event($0.variant)] }
                ?? .null,
            "metric": metric.map {
                [
                    "tick": .int($0.tick), "name": .string($0.name), "base": .number($0.base),
                    "variant": .number($0.variant),
                ]
            } ?? .null,
            "digests_missing": .bool(digestsMissing),
        ]
    }
}
