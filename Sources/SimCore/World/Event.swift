// Event: one entry of a run's timeline — a clash, an arrival, a tie made or cut, a threshold
// crossed, or a scenario's own event.

/// One thing that happened, with when, who and where.
package struct Event: Sendable, Equatable {
    package var tick: Int
    package var type: String
    /// Agent indices involved, in a meaningful order (attacker first, from before to, ...).
    package var agents: [Int]
    package var region: Int?
    /// Named values, in the order they were given.
    package var data: [(String, ScalarValue)]

    package init(
        tick: Int, type: String, agents: [Int] = [], region: Int? = nil,
        data: [(String, ScalarValue)] = []
    ) {
        self.tick = tick
        self.type = type
        self.agents = agents
        self.region = region
        self.data = data
    }

    /// An event the engine records itself.
    package init(
        tick: Int, type: EventType, agents: [Int] = [], region: Int? = nil,
        data: [(String, ScalarValue)] = []
    ) {
        self.init(tick: tick, type: type.rawValue, agents: agents, region: region, data: data)
    }

    package static func == (a: Event, b: Event) -> Bool {
        a.tick == b.tick && a.type == b.type && a.agents == b.agents && a.region == b.region
            && a.data.count == b.data.count
            && zip(a.data, b.data).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    /// About what the event takes in memory, allocations and the log's growth included: the host
    /// counts it against a run's memory cap.
    package var approximateBytes: Int {
        var bytes = 384 + type.utf8.count + 16 * agents.count
        for (key, value) in data {
            bytes += 64 + key.utf8.count
            if case .string(let text) = value { bytes += text.utf8.count }
        }
        return bytes
    }

    /// The value of one data field, if present.
    package func value(_ key: String) -> ScalarValue? {
        data.first { $0.0 == key }?.1
    }
}
