// RunReport+Map: the run page's map, built from the report's own values — the regions and links,
// the force history (`forceChanges`), and the moves, arrivals and clashes of the timeline — the way
// ReportDocument+Map builds it from the JSON (RunMap).
import SimCharts
import SimCore

extension RunReport {
    /// The map of the run, or nil when the world has no region.
    package func mapTimeline() -> MapTimeline? {
        let w = world
        let regionIndex = { (id: String) -> Int? in w.regions.firstIndex { $0.id.isBytewise(id) } }
        let events = w.events.compactMap { event -> RunMap.Event? in
            // The other end of a move's road is its `to`, of an arrival's its `from`; a clash has none.
            let key: String?
            switch event.type {
            case EventType.move.rawValue: key = "to"
            case EventType.arrival.rawValue: key = "from"
            case EventType.clash.rawValue: key = nil
            default: return nil
            }
            var otherEnd: Int?
            if let key, case .string(let id)? = event.data.first(where: { $0.0 == key })?.1 {
                otherEnd = regionIndex(id)
            }
            return RunMap.Event(
                tick: event.tick, type: event.type, agent: event.agents.first, region: event.region,
                otherEnd: otherEnd, strength: event.data.first { $0.0 == "strength" }?.1.numeric ?? 0)
        }
        return RunMap(
            places: w.regions.map { MapChart.Place(name: $0.name, latitude: $0.latitude, longitude: $0.longitude) },
            links: w.links.map { (a: $0.a, b: $0.b) },
            agents: w.agents.map { MapTimeline.Agent(short: $0.short, name: $0.name) }, days: w.tick,
            dayLabels: (0...w.tick).map { w.date(ofTick: $0).description },
            forces: forceChanges.map {
                MapTimeline.Force(day: $0.tick, agent: $0.agent, place: $0.region, strength: $0.strength)
            },
            events: events
        ).timeline()
    }
}
