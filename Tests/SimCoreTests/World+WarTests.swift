import Testing

@testable import SimCore

/// Two agents `a` and `b` whose troops share a base, and `c`, a friend of `a` and an enemy of `b`:
/// the co-located allies of the measured problem, where structural balance alone sours a–b.
private func colocatedAllies(balance: Double, warDays: Double) -> World {
    let w = World(seed: 1)
    w.addRegion(Region(id: "base", name: "Base", latitude: 0, longitude: 0))
    for id in ["a", "b", "c"] { w.addAgent(Agent(id: id, name: id, kind: "state")) }
    for (i, j, v) in [(0, 1, 0.3), (2, 0, 0.9), (2, 1, -0.9)] {
        w.align(i, toward: j, to: v)
        w.align(j, toward: i, to: v)
    }
    w.deploy(0, in: 0, strength: 1000)
    w.deploy(1, in: 0, strength: 1000)
    w.dynamics.balance = balance
    w.dynamics.decay = 0
    w.dynamics.noise = 0
    w.dynamics.warDays = warDays
    w.beginRun()
    return w
}

/// Steps `days` ticks of the built-in dynamics.
private func step(_ w: World, days: Int) {
    for _ in 0..<days {
        w.applyDynamics()
        w.tick += 1
    }
}

@Test func souredAlliesDoNotShootWithoutADecision() {
    // The measured problem: balance alone took a–b below hostility and combat killed 43–47% of each
    // side in 11 days. With automatic war off, nothing but a script makes them fight.
    let w = colocatedAllies(balance: 0.05, warDays: 0)
    step(w, days: 365)
    #expect(w.alignment(0, toward: 1) <= -0.5 && w.alignment(1, toward: 0) <= -0.5)
    #expect(!w.events.contains { $0.type == "clash" })
    #expect(w.force(of: 0, in: 0) == 1000 && w.force(of: 1, in: 0) == 1000)
}

@Test func hostilityBothWaysForWarDaysIsAWar() {
    let w = colocatedAllies(balance: 0.05, warDays: 30)
    var bothHostileSince: Int?
    while w.tick < 365 && !w.isAtWar(0, 1) {
        w.applyDynamics()
        w.tick += 1
        let hostile = w.alignment(0, toward: 1) <= -0.5 && w.alignment(1, toward: 0) <= -0.5
        if hostile && bothHostileSince == nil { bothHostileSince = w.tick - 1 }
    }
    let war = w.events.first { $0.type == "war" && $0.agents == [0, 1] }
    let since = try! #require(bothHostileSince)
    // The 30th day of hostility both ways is the tick the war begins, and nobody fought before.
    #expect(war?.tick == since + 29)
    #expect(war?.value("cause") == .string("hostility"))
    #expect(!w.events.contains { $0.type == "clash" })
    step(w, days: 1)
    #expect(w.events.last { $0.type == "clash" }?.tick == since + 30)
}

@Test func hostilityOneWayIsNoWar() {
    let w = colocatedAllies(balance: 0, warDays: 1)
    w.setAlignment(0, toward: 1, to: -1)
    step(w, days: 100)
    #expect(!w.isAtWar(0, 1))
    #expect(!w.events.contains { $0.agents == [0, 1] })
}

@Test func anAgentWithNoForceNeverGoesToWarByItself() {
    // A figure or a government whose army is an agent of its own has nothing to fight with.
    let w = colocatedAllies(balance: 0, warDays: 1)
    w.deploy(1, in: 0, strength: -1000)
    for (i, j) in [(0, 1), (1, 0)] { w.setAlignment(i, toward: j, to: -1) }
    step(w, days: 10)
    #expect(!w.isAtWar(0, 1))
    // Forces on the road count as forces.
    w.deploy(1, in: 0, strength: 10)
    w.addRegion(Region(id: "far", name: "Far", latitude: 10, longitude: 10))
    w.move(1, from: 0, to: 1, strength: 10)
    step(w, days: 1)
    #expect(w.isAtWar(0, 1))
}

@Test func aClientAndItsPatronNeverGoToWarByThemselves() {
    let w = colocatedAllies(balance: 0, warDays: 1)
    w.setPatron(ofAgent: 1, to: 0)
    for (i, j) in [(0, 1), (1, 0)] { w.setAlignment(i, toward: j, to: -1) }
    step(w, days: 100)
    #expect(!w.isAtWar(0, 1))
    // A script still can.
    w.setWar(0, 1, true, cause: "coup")
    #expect(w.isAtWar(0, 1))
    #expect(w.events.last?.value("cause") == .string("coup"))
}

@Test func calmBothWaysForWarDaysEndsAWar() {
    let w = colocatedAllies(balance: 0, warDays: 10)
    w.setWar(0, 1, true, cause: "test")
    // Calm means above hostility + hysteresis (−0.45): −0.45 itself is not calm.
    w.setAlignment(0, toward: 1, to: -0.45)
    w.setAlignment(1, toward: 0, to: 0.5)
    w.deploy(0, in: 0, strength: -1000)
    step(w, days: 20)
    #expect(w.isAtWar(0, 1))
    w.setAlignment(0, toward: 1, to: (-0.45).nextUp)
    step(w, days: 9)
    #expect(w.isAtWar(0, 1))
    step(w, days: 1)
    #expect(!w.isAtWar(0, 1))
    let peace = w.events.last { $0.agents == [0, 1] }
    #expect(peace?.type == "peace")
    #expect(peace?.value("cause") == .string("calm"))
}

@Test func declaringWarRestartsTheClock() {
    let w = colocatedAllies(balance: 0, warDays: 10)
    for (i, j) in [(0, 1), (1, 0)] { w.setAlignment(i, toward: j, to: -1) }
    step(w, days: 9)
    // A ceasefire on day 9 of mutual hostility: ten more days before hostility makes it a war again.
    #expect(!w.setWar(0, 1, false, cause: "ceasefire"))
    step(w, days: 9)
    #expect(!w.isAtWar(0, 1))
    step(w, days: 1)
    #expect(w.isAtWar(0, 1))
}

@Test func interruptedHostilityRestartsTheClock() {
    // Nine days of hostility both ways, one day of it one way only, nine more: no war yet, since
    // the days must run without a break; the tenth day after the break makes it.
    let w = colocatedAllies(balance: 0, warDays: 10)
    for (i, j) in [(0, 1), (1, 0)] { w.setAlignment(i, toward: j, to: -1) }
    step(w, days: 9)
    w.setAlignment(1, toward: 0, to: 0)
    step(w, days: 1)
    w.setAlignment(1, toward: 0, to: -1)
    step(w, days: 9)
    #expect(!w.isAtWar(0, 1))
    step(w, days: 1)
    #expect(w.isAtWar(0, 1))
}

@Test func ticksThatAreNotBinaryFractionsStillMakeWarOnTime() {
    // Ten ticks of 0.1 day add up to 0.9999999999999999, not 1: the tenth still makes the war.
    let w = colocatedAllies(balance: 0, warDays: 1)
    w.tickDays = 0.1
    for (i, j) in [(0, 1), (1, 0)] { w.setAlignment(i, toward: j, to: -1) }
    step(w, days: 9)
    #expect(!w.isAtWar(0, 1))
    step(w, days: 1)
    #expect(w.isAtWar(0, 1))
    #expect(w.events.first { $0.type == "war" }?.tick == 9)
}
