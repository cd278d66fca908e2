// Shard: one of N machines' share of a batch (--shard K/N).

/// One of N machines' share of a batch: the runs whose index is K − 1 modulo N.
package struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// K, 1-based.
    package var index: Int
    /// N.
    package var count: Int

    package init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 1 ≤ K ≤ N.
    package static func parse(_ text: String) throws(DesignError) -> Shard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw DesignError(message: "--shard \(text): expected K/N, as in 3/16")
        }
        guard n >= 1, (1...n).contains(k) else {
            throw DesignError(message: "--shard \(text): K must be between 1 and N")
        }
        return Shard(index: k, count: n)
    }

    package func contains(run: Int) -> Bool { run % count == index - 1 }

    /// `K/N`.
    package var description: String { "\(index)/\(count)" }
}
