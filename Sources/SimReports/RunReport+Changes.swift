// RunReport+Changes: which alignments moved most between the start of the run and its end, and the
// key agents they involve — the selection the text report and the HTML page both show.
import SimCore

extension RunReport {
    /// A directed pair's alignment at the start of the run (`initialAlignment`) and at the end.
    struct AlignmentChange {
        var from: Int
        var to: Int
        var start: Double
        var end: Double
        var change: Double { end - start }
    }

    /// The directed pairs whose alignment moved by at least `minimum`, largest |end − start| first,
    /// equal changes in agent order.
    func movedPairs(minimum: Double = 0.005) -> [AlignmentChange] {
        let w = world, n = w.agentCount
        var moved: [AlignmentChange] = []
        for i in 0..<n {
            for j in 0..<n where i != j {
                let pair = AlignmentChange(
                    from: i, to: j, start: w.initialAlignment[i * n + j], end: w.alignment[i * n + j])
                if abs(pair.change) >= minimum { moved.append(pair) }
            }
        }
        moved.sort { (-abs($0.change), $0.from, $0.to) < (-abs($1.change), $1.from, $1.to) }
        return moved
    }

    /// Up to `count` agents: those of the largest alignment changes in the order they first appear
    /// there, then (when fewer moved) the rest in declaration order.
    func keyAgents(count: Int) -> [Int] {
        var chosen: [Int] = []
        for pair in movedPairs() {
            for a in [pair.from, pair.to] where !chosen.contains(a) && chosen.count < count { chosen.append(a) }
            if chosen.count == count { return chosen }
        }
        for a in world.agents.indices where !chosen.contains(a) && chosen.count < count { chosen.append(a) }
        return chosen
    }
}
