import Testing

@testable import SimCore

@Suite struct ForceMoveTests {
    @Test func aMoveLeavesAtOnceAndArrivesAfterDistanceOverSpeed() {
        let world = World(seed: 1)
        let from = world.addRegion(Region(id: "from", name: "From", latitude: 0, longitude: 0))!
        let to = world.addRegion(Region(id: "to", name: "To", latitude: 0, longitude: 5))!
        world.link(from, to, km: 750)
        let a = world.addAgent(Agent(id: "a", name: "A", kind: "state"))!
        world.deploy(a, in: from, strength: 100)
        world.dynamics.speed = 300
        world.beginRun()
        let days = world.move(a, from: from, to: to, strength: 60)
        #expect(days == 2.5)
        #expect(world.force(of: a, in: from) == 40)
        world.advanceMovements()  // day 1: 450 km left
        world.advanceMovements()  // day 2: 150 km left
        #expect(world.force(of: a, in: to) == 0)
        #expect(world.movements.first?.remainingKm == 150)
        world.advanceMovements()  // day 3: arrives
        #expect(world.force(of: a, in: to) == 60)
        #expect(world.movements.isEmpty)
        #expect(world.events.map(\.type) == ["move", "arrival"])
    }

    @Test func speedZeroHoldsForcesOnTheRoad() {
        let world = World(seed: 1)
        let from = world.addRegion(Region(id: "from", name: "From", latitude: 0, longitude: 0))!
        let to = world.addRegion(Region(id: "to", name: "To", latitude: 0, longitude: 1))!
        let a = world.addAgent(Agent(id: "a", name: "A", kind: "state"))!
        world.deploy(a, in: from, strength: 10)
        world.dynamics.speed = 0
        #expect(world.move(a, from: from, to: to, strength: 10) == .infinity)
        world.advanceMovements()
        #expect(world.movements.count == 1 && world.force(of: a, in: to) == 0)
    }
}
