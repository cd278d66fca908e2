// ReportDocument+Map: the map of a run read back from its JSON report — regions, links, agents'
// short labels, the force history and the timeline — drawn as the run page draws it (RunMap).
import SimCharts
import SimCore
import SimSupport

extension ReportDocument {
    private typealias K = RunReportKey

    /// The map of the run, or nil when the report lists no region.
    func mapTimeline() -> MapTimeline? {
        let regions = json[K.regions]?.array ?? [], agentList = json[K.agents]?.array ?? []
        let region = Self.indexLookup(regions), agent = Self.indexLookup(agentList)
        let forces = (json[K.forceChanges]?.array ?? []).compactMap { change -> MapTimeline.Force? in
            guard let items = change.array, items.count == 4, let tick = items[0].int, let a = agent(items[1]),
                let r = region(items[2]), let strength = items[3].double
            else { return nil }
            return MapTimeline.Force(day: tick, agent: a, place: r, strength: strength)
        }
        let events = (json[K.events]?.array ?? []).compactMap { event -> RunMap.Event? in
            guard let tick = event[K.tick]?.int, let type = event[K.type]?.string else { return nil }
            let data = event[K.data]
            return RunMap.Event(
                tick: tick, type: type, agent: agent(event[K.agents]?.array?.first), region: region(event[K.region]),
                otherEnd: region(type == "move" ? data?[K.to] : data?[K.from]),
                strength: data?[K.strength]?.double ?? 0)
        }
        let start = SimDate(iso: self.start)
        let tickDays = json[K.tickDays]?.double ?? 1
        return RunMap(
            places: regions.map { region in
                MapChart.Place(
                    name: region[K.name]?.string ?? region[K.id]?.string ?? "?",
                    latitude: region[K.lat]?.double ?? 0, longitude: region[K.lon]?.double ?? 0)
            },
            links: (json[K.links]?.array ?? []).compactMap { link in
                guard let a = region(link[K.from]), let b = region(link[K.to]) else { return nil }
                return (a: a, b: b)
            },
            agents: agentList.map { agent in
                let id = agent[K.id]?.string ?? "?"
                let name = agent[K.name]?.string ?? id
                return MapTimeline.Agent(short: agent[K.short]?.string ?? id, name: name)
            },
            days: ticks,
            dayLabels: (0...max(0, ticks)).map { t in
                start.map { $0.adding(ticks: t, of: tickDays).description } ?? "day \(t)"
            },
            forces: forces, events: events
        ).timeline()
    }

    /// Finds an entry of `list` by the id a JSON value names: its position, or nil.
    private static func indexLookup(_ list: [JSONValue]) -> (JSONValue?) -> Int? {
        var index: [ExactKey: Int] = [:]
        for (position, entry) in list.enumerated() {
            if let id = entry[K.id]?.string { index[ExactKey(id)] = position }
        }
        return { value in value?.string.flatMap { index[ExactKey($0)] } }
    }
}
