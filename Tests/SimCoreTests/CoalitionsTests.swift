import Foundation
import Testing

@testable import SimCore

/// n agents with random alignments in [−1, 1].
private func randomWorld(agents n: Int, seed: UInt64) -> World {
    let w = World(seed: seed)
    for i in 0..<n { w.addAgent(Agent(id: "a\(i)", name: "A\(i)", kind: "state")) }
    var random = RandomSource(seed: seed)
    for i in 0..<n {
        for j in 0..<n where i != j { w.setAlignment(i, toward: j, to: 2 * random.uniform() - 1) }
    }
    return w
}

/// n agents in two planted camps (0..<n/2 and the rest): friendly within, hostile across, with
/// a little noise.
private func campWorld(agents n: Int, seed: UInt64) -> World {
    let w = World(seed: seed)
    for i in 0..<n { w.addAgent(Agent(id: "a\(i)", name: "A\(i)", kind: "state")) }
    var random = RandomSource(seed: seed)
    for i in 0..<n {
        for j in 0..<n where i != j {
            let friendly = (i < n / 2) == (j < n / 2)
            w.setAlignment(i, toward: j, to: (friendly ? 0.6 : -0.6) + 0.3 * (2 * random.uniform() - 1))
        }
    }
    return w
}

/// The landscape energy of a split written straight from its definition.
private func energy(_ w: World, sizes: [Double], inSecond: (Int) -> Bool) -> Double {
    var e = 0.0
    for i in 0..<w.agentCount {
        for j in 0..<w.agentCount where i != j && inSecond(i) != inSecond(j) {
            e += sizes[i] * sizes[j] * (w.alignment(i, toward: j) + w.alignment(j, toward: i)) / 2
        }
    }
    return e
}

/// Checks the canonical form: two blocs, agent 0 in the first, each sorted, every agent once.
private func expectCanonical(_ c: Coalitions, agents n: Int) {
    #expect(c.blocs.count == 2)
    if n > 0 { #expect(c.blocs[0].first == 0) }
    #expect(c.blocs.allSatisfy { $0 == $0.sorted() })
    #expect((c.blocs[0] + c.blocs[1]).sorted() == Array(0..<n))
}

@Test(arguments: 1...9)
func exactSplitMatchesBruteForce(agents n: Int) {
    for seed in UInt64(1)...4 {
        let w = randomWorld(agents: n, seed: seed * 100 + UInt64(n))
        var random = RandomSource(seed: seed)
        let weighted = (0..<n).map { _ in 0.5 + 2 * random.uniform() }
        for sizes in [[Double](repeating: 1, count: n), weighted] {
            // Brute force over every mask with agent 0 in the first bloc; the first minimum wins.
            var best = Double.infinity, bestMask = 0
            for mask in 0..<(1 << n) where mask & 1 == 0 {
                let e = energy(w, sizes: sizes) { mask & (1 << $0) != 0 }
                if e < best - 1e-12 { best = e; bestMask = mask }
            }
            let c = w.coalitions(sizes: sizes)
            expectCanonical(c, agents: n)
            #expect(c.exact)
            #expect(abs(c.energy - best) <= 1e-9)
            #expect(c.blocs[1] == (0..<n).filter { bestMask & (1 << $0) != 0 })
            #expect(abs(energy(w, sizes: sizes) { c.blocs[1].contains($0) } - c.energy) <= 1e-9)
        }
    }
}

@Test func friendsStayInOneBloc() {
    let w = World(seed: 1)
    for id in ["a", "b", "c"] { w.addAgent(Agent(id: id, name: id, kind: "state")) }
    for i in 0..<3 { for j in 0..<3 where i != j { w.setAlignment(i, toward: j, to: 0.4) } }
    let c = w.coalitions(sizes: [1, 1, 1])
    #expect(c == Coalitions(blocs: [[0, 1, 2], []], energy: 0, exact: true))
    #expect(World(seed: 1).coalitions(sizes: []) == Coalitions(blocs: [[], []], energy: 0, exact: true))
}

@Test func sizesWeighTheSplit() {
    // c is hostile to a and friendly to b; a and b are lukewarm friends. With equal sizes c and
    // b side together against a; when a outweighs b, b sides with a.
    let w = World(seed: 1)
    for id in ["a", "b", "c"] { w.addAgent(Agent(id: id, name: id, kind: "state")) }
    let pairs = [(0, 1, 0.2), (0, 2, -0.8), (1, 2, 0.4)]
    for (i, j, v) in pairs {
        w.setAlignment(i, toward: j, to: v)
        w.setAlignment(j, toward: i, to: v)
    }
    #expect(w.coalitions(sizes: [1, 1, 1]).blocs == [[0], [1, 2]])
    #expect(w.coalitions(sizes: [10, 1, 1]).blocs == [[0, 1], [2]])
}

@Test func agentsWithoutSizeJoinTheBlocTheyLeanTo() {
    // Camps {a, b} and {c}; d weighs nothing and leans to c; e weighs nothing and leans to
    // nobody, so it joins the first bloc.
    let w = World(seed: 1)
    for id in ["a", "b", "c", "d", "e"] { w.addAgent(Agent(id: id, name: id, kind: "state")) }
    let pairs = [(0, 1, 0.8), (0, 2, -0.9), (1, 2, -0.7), (3, 0, -0.1), (3, 1, 0.05), (3, 2, 0.3)]
    for (i, j, v) in pairs {
        w.setAlignment(i, toward: j, to: v)
        w.setAlignment(j, toward: i, to: v)
    }
    let c = w.coalitions(sizes: [1, 1, 1, 0, 0])
    #expect(c.blocs == [[0, 1, 4], [2, 3]])
    #expect(abs(c.energy - 2 * (-0.9 - 0.7)) <= 1e-12)
    // Agent 0 without size still names the first bloc.
    let d = w.coalitions(sizes: [0, 1, 1, 0, 1])
    #expect(d.blocs == [[0, 1, 4], [2, 3]])
}

@Test func twentyAgentsAreEnumerated() {
    let w = campWorld(agents: 20, seed: 4)
    let c = w.coalitions(sizes: [Double](repeating: 1, count: 20))
    #expect(c.exact)
    #expect(c.blocs == [Array(0..<10), Array(10..<20)])
}

@Test func largeSystemsUseLocalSearch() {
    let n = 30
    let w = randomWorld(agents: n, seed: 11)
    let sizes = [Double](repeating: 1, count: n)
    let streams = w.randomStreams
    let c = w.coalitions(sizes: sizes)
    #expect(!c.exact)
    expectCanonical(c, agents: n)
    #expect(abs(energy(w, sizes: sizes) { c.blocs[1].contains($0) } - c.energy) <= 1e-9)
    // No worse than naive splits: by halves, or by how each agent stands with agent 0.
    #expect(c.energy <= energy(w, sizes: sizes) { $0 >= n / 2 } + 1e-9)
    let byAgent0 = energy(w, sizes: sizes) { w.alignment(0, toward: $0) + w.alignment($0, toward: 0) < 0 }
    #expect(c.energy <= byAgent0 + 1e-9)
    #expect(c.energy <= 0)
    // The run's streams are untouched, and the search repeats itself.
    #expect(
        w.randomStreams.map {
            var s = $0; return s.next()
        }
            == streams.map {
                var s = $0; return s.next()
            })
    #expect(w.coalitions(sizes: sizes) == c)
}

@Test func localSearchFindsPlantedCamps() {
    let w = campWorld(agents: 40, seed: 6)
    let c = w.coalitions(sizes: [Double](repeating: 1, count: 40))
    #expect(!c.exact)
    #expect(c.blocs == [Array(0..<20), Array(20..<40)])
}
