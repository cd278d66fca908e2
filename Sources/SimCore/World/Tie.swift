// Tie: a directed labelled relation between two agents (diplomatic, support, arms_supply, ...).

/// A directed tie from one agent to another, of one kind. Kinds are interned in `World.tieKinds`.
public struct Tie: Sendable, Hashable {
    public let from: Int
    public let to: Int
    public let kind: Int

    public init(from: Int, to: Int, kind: Int) {
        self.from = from
        self.to = to
        self.kind = kind
    }
}
