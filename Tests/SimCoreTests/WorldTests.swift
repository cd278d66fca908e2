import Testing

@testable import SimCore

@Suite struct WorldTests {
    private func twoAgents() -> (World, Int, Int, Int) {
        let world = World(seed: 1)
        let r = world.addRegion(Region(id: "r", name: "R", latitude: 0, longitude: 0))!
        let a = world.addAgent(Agent(id: "a", name: "A", kind: "state"))!
        let b = world.addAgent(Agent(id: "b", name: "B", kind: "pmc"))!
        return (world, r, a, b)
    }

    @Test("canonically equivalent ids and resource names are distinct, as in Lua")
    func equivalentNamesAreDistinct() {
        let world = World(seed: 1)
        let composed = world.addAgent(Agent(id: "\u{C5}", name: "one", kind: "state"))
        let decomposed = world.addAgent(Agent(id: "A\u{30A}", name: "two", kind: "state"))
        #expect(composed == 0 && decomposed == 1)
        #expect(world.agentIndex("A\u{30A}") == 1)
        #expect(world.declareResource("\u{C5}") == 0 && world.declareResource("A\u{30A}") == 1)
        #expect(world.resourceIndex("\u{C5}") == 0 && world.resourceIndex("A\u{30A}") == 1)
        #expect(world.tieKind("\u{C5}") != world.tieKind("A\u{30A}"))
    }

    @Test func idsAreUniqueAndIndexed() {
        let (world, r, a, b) = twoAgents()
        #expect(world.agentIndex("a") == a && world.agentIndex("b") == b && world.agentIndex("c") == nil)
        #expect(world.regionIndex("r") == r)
        #expect(world.addAgent(Agent(id: "a", name: "again", kind: "state")) == nil)
        #expect(world.addRegion(Region(id: "r", name: "again", latitude: 1, longitude: 1)) == nil)
    }

    @Test func alignmentsSurviveGrowingTheWorldAndClamp() {
        let (world, _, a, b) = twoAgents()
        world.setAlignment(a, toward: b, to: 0.3)
        world.setAlignment(b, toward: a, to: -0.4)
        let c = world.addAgent(Agent(id: "c", name: "C", kind: "figure"))!
        #expect(world.alignment(a, toward: b) == 0.3)
        #expect(world.alignment(b, toward: a) == -0.4)
        #expect(world.alignment(a, toward: c) == 0)
        #expect(world.setAlignment(c, toward: a, to: 1.7) == 1)
        #expect(world.setAlignment(c, toward: b, to: -3) == -1)
    }

    @Test func forcesSurviveAddingRegionsAndNeverGoNegative() {
        let (world, r, a, b) = twoAgents()
        world.deploy(a, in: r, strength: 100)
        world.deploy(b, in: r, strength: 40)
        let s = world.addRegion(Region(id: "s", name: "S", latitude: 1, longitude: 1))!
        world.deploy(a, in: s, strength: 5)
        #expect(world.force(of: a, in: r) == 100 && world.force(of: b, in: r) == 40)
        #expect(world.totalForce(of: a) == 105)
        world.deploy(b, in: r, strength: -100)
        #expect(world.force(of: b, in: r) == 0)
    }

    @Test func resourcesDefaultToZeroForAgentsThatLackThem() {
        let (world, _, a, b) = twoAgents()
        let funds = world.declareResource("funds")
        world.setResource(funds, of: a, to: 12)
        let c = world.addAgent(Agent(id: "c", name: "C", kind: "state"))!
        #expect(world.resource(funds, of: a) == 12)
        #expect(world.resource(funds, of: b) == 0 && world.resource(funds, of: c) == 0)
        #expect(world.declareResource("funds") == funds)
    }

    @Test func tiesAreEventsOnlyOnChangeAndOnlyOnceRunning() {
        let (world, _, a, b) = twoAgents()
        let support = world.tieKind("support")
        #expect(world.makeTie(a, b, kind: support))
        #expect(world.events.isEmpty, "setup is the starting state, not a timeline")
        world.beginRun()
        #expect(!world.makeTie(a, b, kind: support))
        #expect(world.cutTie(a, b, kind: support))
        #expect(!world.cutTie(a, b, kind: support))
        #expect(world.events.map(\.type) == ["tie_cut"])
        #expect(!world.isTied(a, b, kind: support))
    }

    @Test func alignSetsTheBaselineAShiftDoesNot() {
        // The same grievance means the same thing in setup and in the run: only `align` and
        // `setBaseline` move the value decay pulls back toward.
        let (world, _, a, b) = twoAgents()
        world.align(a, toward: b, to: 0.5)
        world.setAlignment(a, toward: b, to: -0.2)
        world.beginRun()
        #expect(world.baseline(a, toward: b) == 0.5)
        #expect(world.initialAlignment[a * world.agentCount + b] == -0.2)
        world.setBaseline(a, toward: b, to: 2)
        #expect(world.baseline(a, toward: b) == 1)
        #expect(world.alignment(a, toward: b) == -0.2)
        world.align(a, toward: b, to: 0.1)
        #expect(world.baseline(a, toward: b) == 0.1 && world.alignment(a, toward: b) == 0.1)
    }

    @Test func travelUsesTheShortestLinkedPathElseTheGreatCircle() {
        let world = World(seed: 1)
        let x = world.addRegion(Region(id: "x", name: "X", latitude: 0, longitude: 0))!
        let y = world.addRegion(Region(id: "y", name: "Y", latitude: 0, longitude: 1))!
        let z = world.addRegion(Region(id: "z", name: "Z", latitude: 0, longitude: 2))!
        let far = world.addRegion(Region(id: "far", name: "Far", latitude: 10, longitude: 10))!
        world.link(x, y, km: 100)
        world.link(y, z, km: 100)
        world.link(x, z, km: 500)
        #expect(world.travelKm(from: x, to: z) == 200)
        #expect(world.travelKm(from: x, to: far) == world.regions[x].greatCircleKm(to: world.regions[far]))
        #expect(world.neighbors(of: y) == [x, z])
    }

    @Test func datesFollowTheTickLength() {
        let world = World(seed: 1)
        world.start = SimDate(iso: "2024-07-22")!
        world.tickDays = 0.5
        #expect(world.date(ofTick: 3).description == "2024-07-23")
    }

    @Test func stopIsRecordedOnce() {
        let world = World(seed: 1)
        world.beginRun()
        world.stop(reason: "first")
        world.stop(reason: "second")
        #expect(world.stopReason == "first")
        #expect(world.events.count == 1)
    }

    @Test("a copy under another seed has all that was declared, and that seed's streams")
    func copyUnderAnotherSeed() {
        let (world, r, a, b) = twoAgents()
        world.deploy(a, in: r, strength: 50)
        world.align(a, toward: b, to: -0.6)
        world.setWar(a, b, true, cause: "test")
        world.setResource(world.declareResource("oil"), of: b, to: 3)
        world.warnOnce(key: "k", "a warning")
        world.dynamics.decay = 0.02
        let copy = world.copy(seed: 9)!
        let labels = Mirror(reflecting: world).children.map { $0.label ?? "?" }
        // A property added to World must be added to `copy`, and to this count.
        #expect(labels.count == 38, "\(labels)")
        for (original, copied) in zip(Mirror(reflecting: world).children, Mirror(reflecting: copy).children)
        where !["seed", "randomStreams", "pairScratch"].contains(original.label) {
            #expect(String(describing: original.value) == String(describing: copied.value), "\(original.label ?? "?")")
        }
        let seeded = World(seed: 9)
        for agent in world.agents { seeded.addAgent(agent) }
        #expect(copy.seed == 9 && copy.randomStreams == seeded.randomStreams)
        #expect(copy.randomStreams != world.randomStreams)
        // The copy's arrays are its own once written.
        copy.setForce(of: a, in: r, to: 7)
        #expect(world.force(of: a, in: r) == 50 && copy.force(of: a, in: r) == 7)
    }

    @Test("a world whose streams were drawn from, or whose run began, has no copy")
    func noCopyAfterADrawOrTheStart() {
        let (world, _, _, _) = twoAgents()
        #expect(world.copy(seed: 2) != nil)
        _ = world.randomStreams[RandomStream.policy(of: 1)].uniform()
        #expect(world.copy(seed: 2) == nil)
        let (running, _, _, _) = twoAgents()
        running.beginRun()
        #expect(running.copy(seed: 2) == nil)
    }
}
