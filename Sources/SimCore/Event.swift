// Event: one entry of a run's timeline — a clash, an arrival, a tie made or cut, a threshold
// crossed, or a scenario's own event.

/// A value carried in an event's data, a report's params or outcomes.
public enum ScalarValue: Sendable, Equatable {
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case string(String)
}

extension ScalarValue: CustomStringConvertible {
    /// The value as a person would type it: `20`, `0.25`, `true`, `ghadames`.
    public var description: String {
        switch self {
        case .integer(let v): return String(v)
        case .number(let v): return ScalarValue.integralText(v).map { $0 + ".0" } ?? String(v)
        case .boolean(let v): return v ? "true" : "false"
        case .string(let v): return v
        }
    }
}

/// One thing that happened, with when, who and where.
public struct Event: Sendable, Equatable {
    public var tick: Int
    public var type: String
    /// Agent indices involved, in a meaningful order (attacker first, from before to, ...).
    public var agents: [Int]
    public var region: Int?
    /// Named values, in the order they were given.
    public var data: [(String, ScalarValue)]

    public init(tick: Int, type: String, agents: [Int] = [], region: Int? = nil,
                data: [(String, ScalarValue)] = []) {
        self.tick = tick
        self.type = type
        self.agents = agents
        self.region = region
        self.data = data
    }

    public static func == (a: Event, b: Event) -> Bool {
        a.tick == b.tick && a.type == b.type && a.agents == b.agents && a.region == b.region
            && a.data.count == b.data.count
            && zip(a.data, b.data).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    /// About what the event takes in memory, allocations and the log's growth included: the host
    /// counts it against a run's memory cap.
    public var approximateBytes: Int {
        var bytes = 384 + type.utf8.count + 16 * agents.count
        for (key, value) in data {
            bytes += 64 + key.utf8.count
            if case .string(let text) = value { bytes += text.utf8.count }
        }
        return bytes
    }

    /// The value of one data field, if present.
    public func value(_ key: String) -> ScalarValue? {
        data.first { $0.0 == key }?.1
    }
}
