import Testing

@testable import SimCore

/// Agents a, b and c in a world of `regions` regions (more than 64: two words of `forcePresence`),
/// every dynamic but combat off, the run begun.
private func world(regions: Int = 70) -> World {
    let w = World(seed: 1)
    for r in 0..<regions { w.addRegion(Region(id: "r\(r)", name: "R\(r)", latitude: 0, longitude: Double(r))) }
    for id in ["a", "b", "c"] { w.addAgent(Agent(id: id, name: id, kind: "state")) }
    w.dynamics.noise = 0
    w.dynamics.grievance = 0
    w.dynamics.balance = 0
    w.dynamics.decay = 0
    w.dynamics.warDays = 0
    return w
}

/// The regions of the clashes the next tick's combat fights, in the order fought.
private func clashRegions(_ w: World) -> [Int] {
    let before = w.events.count
    _ = w.fightBattles()
    return w.events[before...].filter { $0.type == "clash" }.compactMap(\.region)
}

@Test func battlesAreFoughtWhereForcesAtWarMeetInRegionOrder() {
    let w = world()
    for (agent, regions) in [(0, [3, 65, 69]), (1, [10, 65, 69]), (2, [3, 10])] {
        for r in regions { w.deploy(agent, in: r, strength: 100) }
    }
    w.beginRun()
    #expect(clashRegions(w).isEmpty)
    w.setWar(0, 1, true, cause: "test")
    #expect(clashRegions(w) == [65, 69])
    // A second war: its regions merge with the first's in index order, each fought once.
    w.setWar(2, 0, true, cause: "test")
    w.setWar(2, 1, true, cause: "test")
    #expect(w.wars.map { [$0.0, $0.1] } == [[0, 1], [0, 2], [1, 2]])
    #expect(clashRegions(w) == [3, 10, 65, 69])
    w.setWar(0, 1, false, cause: "test")
    #expect(w.wars.map { [$0.0, $0.1] } == [[0, 2], [1, 2]])
    #expect(clashRegions(w) == [3, 10])
}

@Test func aForceTakenToZeroIsNoLongerThere() {
    let w = world()
    w.deploy(0, in: 64, strength: 100)
    w.deploy(1, in: 64, strength: 100)
    w.setWar(0, 1, true, cause: "test")
    w.beginRun()
    #expect(w.hasForce(0) && w.hasForce(1) && !w.hasForce(2))
    w.setForce(of: 1, in: 64, to: 0)
    #expect(!w.hasForce(1))
    #expect(clashRegions(w).isEmpty)
    w.setForce(of: 1, in: 64, to: 0.5)
    #expect(clashRegions(w) == [64])
}

@Test func declaringMoreAfterForcesAndWarsKeepsThem() {
    // A region declared after the forces moves every force's index; an agent declared after a war
    // moves every pair's: neither loses where forces stand or who is at war.
    let w = world(regions: 64)
    w.deploy(0, in: 63, strength: 100)
    w.deploy(1, in: 63, strength: 100)
    w.setWar(0, 1, true, cause: "test")
    w.addRegion(Region(id: "late", name: "Late", latitude: 0, longitude: 0))
    w.addAgent(Agent(id: "d", name: "d", kind: "state"))
    w.deploy(3, in: 64, strength: 100)
    w.deploy(1, in: 64, strength: 100)
    w.setWar(1, 3, true, cause: "test")
    w.beginRun()
    #expect(w.wars.map { [$0.0, $0.1] } == [[0, 1], [1, 3]])
    #expect(w.hasForce(3) && !w.hasForce(2))
    #expect(clashRegions(w) == [63, 64])
}
