// World: the whole state of one run — agents, regions and links, resources, alignments and their
// baselines, ties, wars, forces and losses, movements in progress, the clock, the event log and the
// run's random streams.
// Everything the per-tick loop touches is a flat array indexed by agent and region positions.

/// The state of one run. Not shared between threads: each run builds and steps its own.
package final class World {
    package private(set) var agents: [Agent] = []
    package private(set) var regions: [Region] = []
    package private(set) var links: [Link] = []
    /// Link indices touching each region, in declaration order.
    package private(set) var regionLinks: [[Int]] = []
    package private(set) var resourceNames: [String] = []
    /// `resources[r][a]`: resource r of agent a (0 where the agent declared none).
    package private(set) var resources: [[Double]] = []
    /// `alignment[i * n + j]`: how agent i stands toward agent j, in [-1, 1]; the diagonal is 0.
    package internal(set) var alignment: [Double] = []
    /// Each pair's long-run alignment, what decay pulls back toward: `sim.align` sets it with the
    /// current value, `sim.shift` and the dynamics leave it alone.
    package internal(set) var baseline: [Double] = []
    /// The alignments when the run began (the end of setup), for reports.
    package private(set) var initialAlignment: [Double] = []
    /// `atWar[i * n + j]`, symmetric: whether the two agents' forces fight where they meet.
    package internal(set) var atWar: [Bool] = []
    /// `i * n + j` for each pair i < j at war, in increasing order: the few pairs the battle search reads.
    var pairsAtWar: [Int] = []
    /// Days each pair (i < j, at `i * n + j`) has met the condition that would change its state of
    /// war: hostility both ways while at peace, calm both ways while at war.
    var warClock: [Double] = []
    /// `losses[a]`: strength agent a lost during the run, in combat and to scripted losses.
    package internal(set) var losses: [Double] = []
    /// `forces[a * regionCount + r]`: strength of agent a in region r. Written only by `setForce`
    /// and the declarations, which keep `forcePresence` with it.
    package private(set) var forces: [Double] = []
    /// `forcePresence[a * presenceWords + r / 64]`, bit r % 64: whether agent a has a force in
    /// region r. Looking for battles, and whether an agent is armed, read a word for 64 regions.
    private(set) var forcePresence: [UInt64] = []
    package internal(set) var ties: Set<Tie> = []
    package private(set) var tieKinds: [String] = []
    package internal(set) var movements: [ForceMove] = []
    package internal(set) var events: [Event] = []
    package var dynamics = Dynamics()
    /// The run's named random streams, indexed by `RandomStream`: combat noise, the script, then
    /// one per agent's policy.
    package internal(set) var randomStreams: [RandomSource]
    /// The stream the script draws from now: the running policy's own (`withScriptStream`), else
    /// `RandomStream.script`.
    package internal(set) var scriptStream = RandomStream.script
    /// The run's seed, from which every stream is derived.
    package let seed: UInt64
    package var start = SimDate(iso: "2024-01-01")!
    /// Days one tick covers.
    package var tickDays = 1.0
    /// The current tick: 0 at the start of the run.
    package var tick = 0
    /// Set by `stop(reason:)`; the run ends at the end of the current tick.
    package private(set) var stopReason: String?
    /// Warnings for the report, each reported once.
    package private(set) var warnings: [String] = []
    /// False while the scenario sets up: setup is the starting state, not a timeline.
    package private(set) var isRunning = false
    /// Battles the last tick's combat fought: what its work cost is estimated from.
    var battlesLastTick = 0
    /// Euler substeps the last tick's structural balance took.
    var balanceSubstepsLastTick = 1
    /// N² working space of structural balance and the balance index, kept between ticks so that
    /// neither allocates a matrix every tick. Holds nothing between calls.
    var pairScratch: [Double] = []

    // Keyed by bytes, as Lua keys the ids and names: canonically equivalent names stay distinct.
    private var agentLookup: [ExactKey: Int] = [:]
    private var regionLookup: [ExactKey: Int] = [:]
    private var resourceLookup: [ExactKey: Int] = [:]
    private var tieKindLookup: [ExactKey: Int] = [:]
    private var warned: Set<ExactKey> = []
    private var travelCache: [Double]?

    package init(seed: UInt64) {
        self.seed = seed
        randomStreams = World.streams(seed: seed, agents: [])
    }

    /// The streams of a world with this seed and these agents before any draw: combat, the script,
    /// then each agent's policy, in the order of `RandomStream`.
    private static func streams(seed: UInt64, agents: [Agent]) -> [RandomSource] {
        [RandomSource(seed: seed, stream: "combat"), RandomSource(seed: seed, stream: "script")]
            + agents.map { RandomSource(seed: seed, stream: "policy:" + $0.id) }
    }

    /// This world as declared, under another seed: every stream the new seed's. Nil once the run
    /// began, or when setup drew from a stream, since then what was declared depends on the seed.
    /// The arrays are shared until one of the two worlds changes them.
    package func copy(seed newSeed: UInt64) -> World? {
        guard !isRunning, randomStreams == World.streams(seed: seed, agents: agents) else { return nil }
        let copy = World(seed: newSeed)
        copy.agents = agents
        copy.regions = regions
        copy.links = links
        copy.regionLinks = regionLinks
        copy.resourceNames = resourceNames
        copy.resources = resources
        copy.alignment = alignment
        copy.baseline = baseline
        copy.initialAlignment = initialAlignment
        copy.atWar = atWar
        copy.pairsAtWar = pairsAtWar
        copy.warClock = warClock
        copy.losses = losses
        copy.forces = forces
        copy.forcePresence = forcePresence
        copy.ties = ties
        copy.tieKinds = tieKinds
        copy.movements = movements
        copy.events = events
        copy.dynamics = dynamics
        copy.randomStreams = World.streams(seed: newSeed, agents: agents)
        copy.scriptStream = scriptStream
        copy.start = start
        copy.tickDays = tickDays
        copy.tick = tick
        copy.stopReason = stopReason
        copy.warnings = warnings
        copy.battlesLastTick = battlesLastTick
        copy.balanceSubstepsLastTick = balanceSubstepsLastTick
        copy.agentLookup = agentLookup
        copy.regionLookup = regionLookup
        copy.resourceLookup = resourceLookup
        copy.tieKindLookup = tieKindLookup
        copy.warned = warned
        copy.travelCache = travelCache
        return copy
    }

    package var agentCount: Int { agents.count }

    /// Bytes the engine keeps per ordered pair of agents: alignment, baseline, the alignment at the
    /// start, the war clock, the state of war, and the threshold scan's two levels and side.
    package static let bytesPerAgentPair = 6 * MemoryLayout<Double>.stride + 2

    /// The engine's work in one tick, in units comparable to Lua VM instructions: the pair scans
    /// of decay and of each threshold, the region scan of combat and the battles it fought last
    /// tick (an integrated battle costs some 20,000), and structural balance's N³ product per
    /// substep (vectorised, hence the divisor). A scenario host counts it against the same budget
    /// as the scripts, so no run escapes the budget by spending its time in the engine.
    package var workPerTick: Int64 {
        let n = Int64(agents.count), r = Int64(regions.count)
        let thresholds = Int64(dynamics.thresholds?.count ?? 1)
        let balance = dynamics.balance > 0 ? Int64(balanceSubstepsLastTick) * (n * n * n / 256 + n * n) : 0
        return 1_000 + n * r + 20_000 * Int64(battlesLastTick) + n * n * (1 + thresholds) + balance
    }
    package var regionCount: Int { regions.count }

    // MARK: Lookup

    package func agentIndex(_ id: String) -> Int? { agentLookup[ExactKey(id)] }
    package func regionIndex(_ id: String) -> Int? { regionLookup[ExactKey(id)] }
    package func resourceIndex(_ name: String) -> Int? { resourceLookup[ExactKey(name)] }
    package func tieKindIndex(_ kind: String) -> Int? { tieKindLookup[ExactKey(kind)] }

    /// The date of the current tick.
    package var date: SimDate { date(ofTick: tick) }

    package func date(ofTick t: Int) -> SimDate {
        start.adding(ticks: t, of: tickDays)
    }

    // MARK: Declarations

    /// Adds an agent and returns its index; nil when the id is taken.
    @discardableResult
    package func addAgent(_ agent: Agent) -> Int? {
        guard agentLookup[ExactKey(agent.id)] == nil else { return nil }
        let n = agents.count
        let index = n
        agents.append(agent)
        agentLookup[ExactKey(agent.id)] = index
        alignment = World.grow(alignment, from: n, to: n + 1, zero: 0)
        baseline = World.grow(baseline, from: n, to: n + 1, zero: 0)
        atWar = World.grow(atWar, from: n, to: n + 1, zero: false)
        pairsAtWar = pairsAtWar.map { $0 / n * (n + 1) + $0 % n }
        warClock = World.grow(warClock, from: n, to: n + 1, zero: 0)
        losses.append(0)
        forces.append(contentsOf: repeatElement(0, count: regions.count))
        forcePresence.append(contentsOf: repeatElement(0, count: presenceWords))
        for r in resources.indices { resources[r].append(0) }
        randomStreams.append(RandomSource(seed: seed, stream: "policy:" + agent.id))
        return index
    }

    /// Adds a region and returns its index; nil when the id is taken.
    @discardableResult
    package func addRegion(_ region: Region) -> Int? {
        guard regionLookup[ExactKey(region.id)] == nil else { return nil }
        let old = regions.count
        regions.append(region)
        regionLookup[ExactKey(region.id)] = old
        regionLinks.append([])
        var grown = [Double](repeating: 0, count: agents.count * (old + 1))
        for a in 0..<agents.count {
            for r in 0..<old { grown[a * (old + 1) + r] = forces[a * old + r] }
        }
        forces = grown
        forcePresence = [UInt64](repeating: 0, count: agents.count * presenceWords)
        for a in 0..<agents.count {
            for r in 0...old where grown[a * (old + 1) + r] > 0 { markPresence(of: a, in: r, true) }
        }
        travelCache = nil
        return old
    }

    package func setCountry(ofRegion r: Int, to agent: Int?) { regions[r].country = agent }
    package func setPatron(ofAgent a: Int, to patron: Int?) { agents[a].patron = patron }

    /// Links two regions; `km` defaults to the great-circle distance.
    package func link(_ a: Int, _ b: Int, km: Double? = nil) {
        let distance = km ?? regions[a].greatCircleKm(to: regions[b])
        links.append(Link(a: a, b: b, km: distance))
        regionLinks[a].append(links.count - 1)
        regionLinks[b].append(links.count - 1)
        travelCache = nil
    }

    /// The index of a resource name, declaring it when new.
    package func declareResource(_ name: String) -> Int {
        if let r = resourceLookup[ExactKey(name)] { return r }
        resourceNames.append(name)
        resources.append([Double](repeating: 0, count: agents.count))
        resourceLookup[ExactKey(name)] = resourceNames.count - 1
        return resourceNames.count - 1
    }

    package func tieKind(_ kind: String) -> Int {
        if let k = tieKindLookup[ExactKey(kind)] { return k }
        tieKinds.append(kind)
        tieKindLookup[ExactKey(kind)] = tieKinds.count - 1
        return tieKinds.count - 1
    }

    private static func grow<T>(_ matrix: [T], from n: Int, to m: Int, zero: T) -> [T] {
        var grown = [T](repeating: zero, count: m * m)
        // Row by row as whole copies: a world of 400 agents grows its matrices 400 times.
        grown.withUnsafeMutableBufferPointer { out in
            matrix.withUnsafeBufferPointer { old in
                guard let out = out.baseAddress, let old = old.baseAddress else { return }
                for i in 0..<n { (out + i * m).update(from: old + i * n, count: n) }
            }
        }
        return grown
    }

    // MARK: The run

    /// Ends setup: the alignments are kept as the run's start and events are recorded from now on.
    /// A force left below `minForce` by setup is removed, with a warning: it cannot fight.
    package func beginRun() {
        initialAlignment = alignment
        for a in agents.indices {
            for r in regions.indices where force(of: a, in: r) > 0 && force(of: a, in: r) < dynamics.minForce {
                warnOnce(
                    key: "min_force \(a) \(r)",
                    "\(agents[a].id) had \(force(of: a, in: r)) in \(regions[r].id) at the end of setup, below "
                        + "min_force \(dynamics.minForce): removed")
                setForce(of: a, in: r, to: 0)
            }
        }
        isRunning = true
    }

    package func stop(reason: String) {
        if stopReason == nil {
            stopReason = reason
            record(Event(tick: tick, type: .stop, data: [("reason", .string(reason))]))
        }
    }

    /// Appends an event to the timeline (only once the run has begun).
    package func record(_ event: Event) {
        if isRunning { events.append(event) }
    }

    /// Adds a warning unless one with the same key was given.
    package func warnOnce(key: String, _ message: String) {
        if warned.insert(ExactKey(key)).inserted { warnings.append(message) }
    }

    // MARK: Resources

    package func resource(_ r: Int, of a: Int) -> Double { resources[r][a] }
    package func setResource(_ r: Int, of a: Int, to value: Double) { resources[r][a] = value }

    // MARK: Alignment

    package func alignment(_ i: Int, toward j: Int) -> Double { alignment[i * agents.count + j] }

    /// Sets how i stands toward j now, clamped to [-1, 1], leaving the baseline: a shift that decay
    /// pulls back. Returns the value stored.
    @discardableResult
    package func setAlignment(_ i: Int, toward j: Int, to value: Double) -> Double {
        let clamped = World.onScale(value)
        alignment[i * agents.count + j] = clamped
        return clamped
    }

    /// The value clamped to the alignment scale [-1, 1].
    private static func onScale(_ value: Double) -> Double { min(1, max(-1, value)) }

    /// Sets how i stands toward j, now and in the long run (the baseline), clamped to [-1, 1].
    /// Returns the value stored.
    @discardableResult
    package func align(_ i: Int, toward j: Int, to value: Double) -> Double {
        let clamped = setAlignment(i, toward: j, to: value)
        baseline[i * agents.count + j] = clamped
        return clamped
    }

    package func baseline(_ i: Int, toward j: Int) -> Double { baseline[i * agents.count + j] }

    /// Sets only the long-run alignment decay pulls i's toward j back to, clamped to [-1, 1].
    /// Returns the value stored.
    @discardableResult
    package func setBaseline(_ i: Int, toward j: Int, to value: Double) -> Double {
        baseline[i * agents.count + j] = World.onScale(value)
        return baseline[i * agents.count + j]
    }

    // MARK: Ties

    package func isTied(_ from: Int, _ to: Int, kind: Int) -> Bool {
        ties.contains(Tie(from: from, to: to, kind: kind))
    }

    /// Makes a tie; records `tie_made` when it is new. Returns whether it was new.
    @discardableResult
    package func makeTie(_ from: Int, _ to: Int, kind: Int) -> Bool {
        let inserted = ties.insert(Tie(from: from, to: to, kind: kind)).inserted
        if inserted {
            record(
                Event(
                    tick: tick, type: .tieMade, agents: [from, to],
                    data: [("kind", .string(tieKinds[kind]))]))
        }
        return inserted
    }

    /// Cuts a tie; records `tie_cut` when it existed. Returns whether it existed.
    @discardableResult
    package func cutTie(_ from: Int, _ to: Int, kind: Int) -> Bool {
        let removed = ties.remove(Tie(from: from, to: to, kind: kind)) != nil
        if removed {
            record(
                Event(
                    tick: tick, type: .tieCut, agents: [from, to],
                    data: [("kind", .string(tieKinds[kind]))]))
        }
        return removed
    }

    /// Ties in a stable order: by from, to, then kind name.
    package var sortedTies: [Tie] {
        ties.sorted {
            ($0.from, $0.to, tieKinds[$0.kind]) < ($1.from, $1.to, tieKinds[$1.kind])
        }
    }

    // MARK: Forces

    package func force(of a: Int, in r: Int) -> Double { forces[a * regions.count + r] }

    package func setForce(of a: Int, in r: Int, to value: Double) {
        let strength = max(0, value)
        forces[a * regions.count + r] = strength
        markPresence(of: a, in: r, strength > 0)
    }

    /// Words of `forcePresence` per agent.
    var presenceWords: Int { (regions.count + 63) / 64 }

    private func markPresence(of a: Int, in r: Int, _ present: Bool) {
        let word = a * presenceWords + r / 64, bit = UInt64(1) << UInt64(r % 64)
        if present { forcePresence[word] |= bit } else { forcePresence[word] &= ~bit }
    }

    /// Adds strength to a force, or withdraws it with a negative strength (never below 0; during the
    /// run a remainder below `minForce` leaves too); records `deploy` with the change made during
    /// the run. A withdrawal is not a loss: see `loss(_:in:strength:cause:by:)`.
    package func deploy(_ a: Int, in r: Int, strength: Double) {
        let before = force(of: a, in: r)
        let after = before + strength
        setForce(of: a, in: r, to: isRunning && after < dynamics.minForce && strength < 0 ? 0 : after)
        record(
            Event(
                tick: tick, type: .deploy, agents: [a], region: r,
                data: [("strength", .number(force(of: a, in: r) - before))]))
    }

    /// Strength of an agent over all regions, not counting forces on the move.
    package func totalForce(of a: Int) -> Double {
        var sum = 0.0
        let base = a * regions.count
        for r in 0..<regions.count { sum += forces[base + r] }
        return sum
    }

    /// Whether a has a force anywhere: `totalForce(of: a) > 0`, as no force is below 0, without
    /// summing every region.
    package func hasForce(_ a: Int) -> Bool {
        let words = presenceWords
        for w in 0..<words where forcePresence[a * words + w] != 0 { return true }
        return false
    }

    // MARK: Distances

    /// Travel distance in km: shortest path over links, or the great-circle distance without one.
    package func travelKm(from a: Int, to b: Int) -> Double {
        if travelCache == nil { travelCache = shortestPaths() }
        let viaLinks = travelCache![a * regions.count + b]
        return viaLinks.isFinite ? viaLinks : regions[a].greatCircleKm(to: regions[b])
    }

    private func shortestPaths() -> [Double] {
        let n = regions.count
        var d = [Double](repeating: .infinity, count: n * n)
        for i in 0..<n { d[i * n + i] = 0 }
        for link in links {
            d[link.a * n + link.b] = min(d[link.a * n + link.b], link.km)
            d[link.b * n + link.a] = min(d[link.b * n + link.a], link.km)
        }
        for k in 0..<n {
            for i in 0..<n where d[i * n + k].isFinite {
                for j in 0..<n {
                    let via = d[i * n + k] + d[k * n + j]
                    if via < d[i * n + j] { d[i * n + j] = via }
                }
            }
        }
        return d
    }

    /// Regions linked to r, in link order.
    package func neighbors(of r: Int) -> [Int] {
        regionLinks[r].map { links[$0].a == r ? links[$0].b : links[$0].a }
    }
}
