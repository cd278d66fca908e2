// RunReport+JSON: the machine-readable report. Its layout is versioned by `schemaVersion`; every
// list is in declaration or timeline order so identical runs give identical bytes.
import SimCore
import SimCharts
import SimSupport

extension RunReport {
    /// The report as pretty-printed JSON ending with a newline, byte-identical for identical runs.
    public func json() -> String {
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
                "id": .string(agent.id),
                "name": .string(agent.name),
                "kind": .string(agent.kind),
                "patron": agentID(agent.patron),
                "effectiveness": .number(agent.effectiveness),
                "resources": .object(w.resourceNames.indices.map {
                    (w.resourceNames[$0], .number(w.resource($0, of: a)))
                }),
                "forces": .object(w.regions.indices.compactMap { r in
                    let strength = w.force(of: a, in: r)
                    return strength > 0 ? (regionIDs[r], .number(strength)) : nil
                }),
                "moving": .array(w.movements.filter { $0.agent == a }.map { move in
                    ["from": .string(regionIDs[move.from]), "to": .string(regionIDs[move.to]),
                     "strength": .number(move.strength), "remaining_km": .number(move.remainingKm)]
                }),
            ]
        }
        let regions = w.regions.map { region -> JSONValue in
            [
                "id": .string(region.id),
                "name": .string(region.name),
                "country": agentID(region.country),
                "lat": .number(region.latitude),
                "lon": .number(region.longitude),
            ]
        }
        let alignments = w.agents.indices.map { i -> (String, JSONValue) in
            (agentIDs[i], .object(w.agents.indices.filter { $0 != i }.map { j in
                (agentIDs[j], .number(w.alignment(i, toward: j)))
            }))
        }
        let ties = w.sortedTies.map { tie -> JSONValue in
            ["from": .string(agentIDs[tie.from]), "to": .string(agentIDs[tie.to]),
             "kind": .string(w.tieKinds[tie.kind])]
        }
        let events = w.events.map { event -> JSONValue in
            [
                "tick": .int(event.tick),
                "date": .string(w.date(ofTick: event.tick).description),
                "type": .string(event.type),
                "agents": .array(event.agents.map { .string(agentIDs[$0]) }),
                "region": regionID(event.region),
                "data": .object(event.data.map { ($0.0, JSONValue($0.1)) }),
            ]
        }

        let document: JSONValue = [
            "simrun": ["version": .string(simrunVersion), "schema": .int(RunReport.schemaVersion)],
            "scenario": [
                "name": .string(scenario.name),
                "description": .string(scenario.description),
                "file": .string(scenario.file),
                "sha256": .string(scenario.sha256),
                "source": .string(orNull: scenario.source),
            ],
            "seed": .unsigned(seed),
            "params": .object(params.map { ($0.0, JSONValue($0.1)) }),
            "steps": .int(steps),
            "start": .string(w.start.description),
            "end": .string(w.date.description),
            "ticks": .int(w.tick),
            "status": .object(status),
            "agents": .array(agents),
            "regions": .array(regions),
            "alignments": .object(alignments),
            "ties": .array(ties),
            "metrics": .object(zip(metricNames, metrics).map { ($0, .array($1.map(JSONValue.number))) }),
            "outcomes": .object(outcomes.map { ($0.0, JSONValue($0.1)) }),
            "digests": .object(StateDigest.parts.map { part in
                (part.name, .array(digests.map { .string($0[keyPath: part.value].hex16) }))
            }),
            "events": .array(events),
            "log": .array(log.map { ["tick": .int($0.tick), "text": .string($0.text)] }),
            "warnings": .array(w.warnings.map(JSONValue.string)),
            "coalitions": [
                "blocs": .array(coalitions.blocs.map { .array($0.map { .string(agentIDs[$0]) }) }),
                "energy": .number(coalitions.energy),
                "exact": .bool(coalitions.exact),
            ],
            "balance": .number(w.balanceIndex),
        ]
        return document.serialized()
    }
}

extension JSONValue {
    /// A param, outcome or event field as JSON, keeping integers integers.
    public init(_ scalar: ScalarValue) {
        switch scalar {
        case .integer(let i): self = .int(i)
        case .number(let x): self = .number(x)
        case .boolean(let b): self = .bool(b)
        case .string(let s): self = .string(s)
        }
    }
}

extension UInt64 {
    /// Sixteen lower-case hex digits.
    var hex16: String {
        let digits = String(self, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
