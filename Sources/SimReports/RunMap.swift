// RunMap: the map of one run from plain values by index — places, roads, agents, the force history
// and the timeline's moves, arrivals and clashes — built the same way from a run report and from a
// report read back from its JSON.
import SimCharts
import SimCore

/// What the map of a run is drawn from.
struct RunMap {
    /// One event of the timeline the map shows: a `move`, an `arrival` or a `clash`.
    struct Event {
        var tick: Int
        var type: String
        var agent: Int?
        var region: Int?
        /// The other end of a move's road (`to`) or an arrival's (`from`).
        var otherEnd: Int?
        var strength: Double
    }

    var places: [MapChart.Place]
    var links: [(a: Int, b: Int)]
    var agents: [MapTimeline.Agent]
    var days: Int
    var dayLabels: [String]
    var forces: [MapTimeline.Force]
    var events: [Event]

    /// The map, or nil when the world has no region.
    func timeline() -> MapTimeline? {
        guard !places.isEmpty else { return nil }
        var map = MapChart(places: places, links: links.map { ($0.a, $0.b) })
        let moves = pairedMoves()
        let clashes = events.compactMap { event in
            event.type == EventType.clash.rawValue ? event.region.map { (day: event.tick, place: $0) } : nil
        }
        // The area is drawn around the regions where something happens: forces, moves, clashes, links.
        var focus = [Bool](repeating: false, count: places.count)
        for force in forces { focus[force.place] = true }
        for move in moves { (focus[move.from], focus[move.to]) = (true, true) }
        for clash in clashes { focus[clash.place] = true }
        for link in links { (focus[link.a], focus[link.b]) = (true, true) }
        map.focus = focus
        return MapTimeline(
            map: map, agents: agents, days: days, dayLabels: dayLabels, forces: forces, moves: moves,
            clashes: clashes, label: "map of the run")
    }

    /// Each move, paired with the first arrival after it of the same agent on the same road (nil:
    /// still on the road at the end).
    private func pairedMoves() -> [MapTimeline.Move] {
        var moves: [MapTimeline.Move] = []
        for event in events {
            guard let agent = event.agent, let region = event.region, let other = event.otherEnd else { continue }
            if event.type == EventType.move.rawValue {
                moves.append(
                    MapTimeline.Move(
                        agent: agent, from: region, to: other, start: event.tick, end: nil, strength: event.strength))
            } else if event.type == EventType.arrival.rawValue,
                let k = moves.firstIndex(where: {
                    $0.agent == agent && $0.from == other && $0.to == region && $0.end == nil
                })
            {
                moves[k].end = event.tick
            }
        }
        return moves
    }
}
