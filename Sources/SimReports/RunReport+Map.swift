// RunReport+Map: the run page's map, built from the report's own values — the regions and links,
// the force history (`forceChanges`), and the moves, arrivals and clashes of the timeline — so that
// a report read back from its JSON draws the same map.
import SimCharts
import SimCore

extension RunReport {
    /// The map of the run, or nil when the world has no region.
    package func mapTimeline() -> MapTimeline? {
        let w = world
        guard !w.regions.isEmpty else { return nil }
        let places = w.regions.map { MapChart.Place(name: $0.name, latitude: $0.latitude, longitude: $0.longitude) }
        var map = MapChart(places: places, links: w.links.map { ($0.a, $0.b) })
        let forces = forceChanges.map {
            MapTimeline.Force(day: $0.tick, agent: $0.agent, place: $0.region, strength: $0.strength)
        }
        let moves = mapMoves()
        let clashes = w.events.compactMap { event in
            event.type == EventType.clash.rawValue ? event.region.map { (day: event.tick, place: $0) } : nil
        }
        // The area is drawn around the regions where something happens: forces, moves, clashes, links.
        var focus = [Bool](repeating: false, count: places.count)
        for force in forces { focus[force.place] = true }
        for move in moves { (focus[move.from], focus[move.to]) = (true, true) }
        for clash in clashes { focus[clash.place] = true }
        for link in w.links { (focus[link.a], focus[link.b]) = (true, true) }
        map.focus = focus
        return MapTimeline(
            map: map, agents: w.agents.map { MapTimeline.Agent(short: $0.short, name: $0.name) }, days: w.tick,
            dayLabels: (0...w.tick).map { w.date(ofTick: $0).description }, forces: forces, moves: moves,
            clashes: clashes, label: "map of the run")
    }

    /// Each `move` of the timeline, paired with the first `arrival` after it of the same agent on
    /// the same road (nil: still on the road at the end).
    private func mapMoves() -> [MapTimeline.Move] {
        let w = world
        var moves: [MapTimeline.Move] = []
        for event in w.events {
            guard let agent = event.agents.first, let region = event.region else { continue }
            // The other end of the road, named by id in the event's data.
            let other = { (key: String) -> Int? in
                guard case .string(let id)? = event.data.first(where: { $0.0 == key })?.1 else { return nil }
                return w.regions.firstIndex { $0.id.isBytewise(id) }
            }
            if event.type == EventType.move.rawValue, let to = other("to") {
                let strength = event.data.first { $0.0 == "strength" }?.1.numeric ?? 0
                moves.append(
                    MapTimeline.Move(
                        agent: agent, from: region, to: to, start: event.tick, end: nil, strength: strength))
            } else if event.type == EventType.arrival.rawValue, let from = other("from"),
                let k = moves.firstIndex(where: {
                    $0.agent == agent && $0.from == from && $0.to == region && $0.end == nil
                })
            {
                moves[k].end = event.tick
            }
        }
        return moves
    }
}
