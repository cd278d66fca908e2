// Tie: a directed labelled relation between two agents (diplomatic, support, arms_supply, ...).

/// A directed tie from one agent to another, of one kind. Kinds are interned in `World.tieKinds`.
package struct Tie: Sendable, Hashable {
    package let from: Int
    package let to: Int
    package let kind: Int

    package init(from: Int, to: Int, kind: Int) {
        self.from = from
        self.to = to
        self.kind = kind
    }
}
