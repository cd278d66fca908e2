// RunRecord+Clashes: where a run's clashes happened, counted from its timeline for the batch's row,
// so that the summary can map in how many runs each region saw fighting.
import SimCore

extension RunRecord {
    /// The `clash` events of the world's timeline per region, for the regions with any, in
    /// declaration order: one pass over the events, after the run.
    package static func clashes(in world: World) -> [(String, Int)] {
        var counts = [Int](repeating: 0, count: world.regionCount)
        for event in world.events where event.type == EventType.clash.rawValue {
            if let r = event.region { counts[r] += 1 }
        }
        return world.regions.indices.filter { counts[$0] > 0 }.map { (world.regions[$0].id, counts[$0]) }
    }
}
