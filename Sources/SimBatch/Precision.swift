// Precision: what an adaptive batch (`--precision`) asks for — the widest 95% half-width each
// outcome may keep at every design point, and the runs per point of a round. See docs/batch.md.
import SimSupport

/// The precision an adaptive batch runs to, and the size of its rounds.
package struct Precision: Sendable, Equatable {
    /// The half-width every outcome without a target of its own must reach (`--precision W`).
    package var all: Double?
    /// Per named outcome, the half-width it must reach (`--precision NAME=W`), in command-line order.
    package var outcomes: [String: Double]
    /// The names of `outcomes` in command-line order.
    package var names: [String]
    /// Runs per point in a round (`--round N`).
    package var round: Int

    /// Runs per point in a round when `--round` is not given.
    package static let defaultRound = 100

    /// The targets given as `W` or `NAME=W` (each W a number above 0) with rounds of `round` runs.
    package init(parsing texts: [String], round: Int) throws(DesignError) {
        all = nil
        outcomes = [:]
        names = []
        self.round = round
        for text in texts {
            let (name, widthText) =
                text.firstIndex(of: "=").map { (String(text[..<$0]), String(text[text.index(after: $0)...])) }
                ?? (nil, text)
            guard let width = Double(widthText), width.isFinite, width > 0 else {
                throw DesignError(message: "--precision takes W or NAME=W with W a number above 0, got '\(text)'")
            }
            guard let name else {
                guard all == nil else { throw DesignError(message: "--precision W is given twice") }
                all = width
                continue
            }
            guard !name.isEmpty, outcomes[name] == nil else {
                throw DesignError(message: "--precision \(name): an outcome name is needed, once")
            }
            outcomes[name] = width
            names.append(name)
        }
    }

    /// The half-width each of `declared` outcomes must reach, in declared order; outcomes without a
    /// target are left out. A named target that is not one of `declared` is an error naming it.
    package func targets(declared: [String]) throws(DesignError) -> [(name: String, width: Double)] {
        if let unknown = names.first(where: { !declared.contains($0) }) {
            let known = declared.joined(separator: ", ")
            throw DesignError(message: "--precision \(unknown): the scenario has no such outcome (known: \(known))")
        }
        return declared.compactMap { name in (outcomes[name] ?? all).map { (name, $0) } }
    }

    /// As the design's `precision`: `{"round": R, "all": W|null, "outcomes": {name: W}}`.
    package func json() -> JSONValue {
        [
            "round": .int(round),
            "all": all.map(JSONValue.number) ?? .null,
            "outcomes": .object(names.map { ($0, .number(outcomes[$0] ?? 0)) }),
        ]
    }
}
