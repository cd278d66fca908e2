// RunReport+JSON: the machine-readable report. Its layout is versioned by `schemaVersion`; every
// list is in declaration or timeline order so identical runs give identical bytes.
import SimCore
import SimSupport

extension RunReport {
    /// The report as pretty-printed JSON ending with a newline, byte-identical for identical runs.
    package func json() -> String {
        typealias K = RunReportKey
        let w = world
        let agentIDs = w.agents.map(\.id)
        let regionIDs = w.regions.map(\.id)
        let agentID = { (a: Int?) -> JSONValue in .string(orNull: a.map { agentIDs[$0] }) }
        let regionID = { (r: Int?) -> JSONValue in .string(orNull: r.map { regionIDs[$0] }) }

        var status: [(String, JSONValue)] = [("state", .string(self.status.label))]
        switch self.status {
        case .completed: break
        case .stopped(let reason): status.append(("reason", .string(reason)))
        case .failed(let failure): status.append(("message", .string(failure.message)))
        }

        let agents = w.agents.indices.map { a -> JSONValue in
            let agent = w.agents[a]
            return [
                K.id: .string(agent.id),
                K.name: .string(agent.name),
                K.short: .string(agent.short),
                K.kind: .string(agent.kind),
                K.patron: agentID(agent.patron),
                K.effectiveness: .number(agent.effectiveness),
                K.losses: .number(w.losses[a]),
                K.resources: .object(
                    w.resourceNames.indices.map {
                        (w.resourceNames[$0], .number(w.resource($0, of: a)))
                    }),
                K.forces: .object(
                    w.regions.indices.compactMap { r in
                        let strength = w.force(of: a, in: r)
                        return strength > 0 ? (regionIDs[r], .number(strength)) : nil
                    }),
                K.moving: .array(
                    w.movements.filter { $0.agent == a }.map { move in
                        [
                            K.from: .string(regionIDs[move.from]), K.to: .string(regionIDs[move.to]),
                            K.strength: .number(move.strength), K.remainingKm: .number(move.remainingKm),
                        ]
                    }),
            ]
        }
        let regions = w.regions.map { region -> JSONValue in
            [
                K.id: .string(region.id),
                K.name: .string(region.name),
                K.country: agentID(region.country),
                K.lat: .number(region.latitude),
                K.lon: .number(region.longitude),
            ]
        }
        let links = w.links.map { link -> JSONValue in
            [K.from: .string(regionIDs[link.a]), K.to: .string(regionIDs[link.b]), K.km: .number(link.km)]
        }
        let forceChanges = forceChanges.map { change -> JSONValue in
            .array([
                .int(change.tick), .string(agentIDs[change.agent]), .string(regionIDs[change.region]),
                .number(change.strength),
            ])
        }
        let alignments = w.agents.indices.map { i -> (String, JSONValue) in
            (
                agentIDs[i],
                .object(
                    w.agents.indices.filter { $0 != i }.map { j in
                        (agentIDs[j], .number(w.alignment(i, toward: j)))
                    })
            )
        }
        let ties = w.sortedTies.map { tie -> JSONValue in
            [
                K.from: .string(agentIDs[tie.from]), K.to: .string(agentIDs[tie.to]),
                K.kind: .string(w.tieKinds[tie.kind]),
            ]
        }
        let events = w.events.map { event -> JSONValue in
            [
                K.tick: .int(event.tick),
                K.date: .string(w.date(ofTick: event.tick).description),
                K.type: .string(event.type),
                K.agents: .array(event.agents.map { .string(agentIDs[$0]) }),
                K.region: regionID(event.region),
                K.data: .object(event.data.map { ($0.0, JSONValue($0.1)) }),
            ]
        }

        let document: JSONValue = [
            K.simrun: [K.version: .string(simrunVersion), K.schema: .int(RunReport.schemaVersion)],
            K.scenario: [
                K.name: .string(scenario.name),
                K.description: .string(scenario.description),
                K.file: .string(scenario.file),
                K.sha256: .string(scenario.sha256),
                K.source: .string(orNull: scenario.source),
            ],
            K.seed: .unsigned(seed),
            K.params: .object(params.map { ($0.0, JSONValue($0.1)) }),
            K.dynamics: .object(
                Dynamics.rates.map { ($0.name, .number(dynamics[keyPath: $0.path])) }
                    + [(K.thresholds, .array(dynamics.effectiveThresholds.map(JSONValue.number)))]),
            K.steps: .int(steps),
            K.start: .string(w.start.description),
            K.end: .string(w.date.description),
            K.ticks: .int(w.tick),
            K.tickDays: .number(w.tickDays),
            K.status: .object(status),
            K.agents: .array(agents),
            K.regions: .array(regions),
            K.links: .array(links),
            K.alignments: .object(alignments),
            K.ties: .array(ties),
            K.wars: .array(w.wars.map { .array([.string(agentIDs[$0.0]), .string(agentIDs[$0.1])]) }),
            K.metrics: .object(zip(metricNames, metrics).map { ($0, .array($1.map(JSONValue.number))) }),
            K.outcomes: .object(outcomes.map { ($0.0, JSONValue($0.1)) }),
            K.observed: .object(observed.map { ($0.0, .bool($0.1)) }),
            K.digests: .object(
                StateDigest.parts.map { part in
                    (part.name, .array(digests.map { .string($0[keyPath: part.value].hex16) }))
                }),
            K.events: .array(events),
            K.log: .array(log.map { [K.tick: .int($0.tick), K.text: .string($0.text)] }),
            K.warnings: .array(w.warnings.map(JSONValue.string)),
            K.coalitions: [
                K.blocs: .array(coalitions.blocs.map { .array($0.map { .string(agentIDs[$0]) }) }),
                K.energy: .number(coalitions.energy),
                K.exact: .bool(coalitions.exact),
            ],
            K.balance: .number(w.balanceIndex),
            K.forceChanges: .array(forceChanges),
        ]
        return document.serialized()
    }
}

extension UInt64 {
    /// Sixteen lower-case hex digits.
    var hex16: String {
        let digits = String(self, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
