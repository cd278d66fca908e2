// StateDigest: a fingerprint of the world after each tick, one hash per part of the state, so two
// runs' reports show where they first diverge (and in which part) without storing every state.

/// 64-bit hashes of the alignments (with their baselines), forces (deployed and on the move),
/// resources, and ties (with the wars).
package struct StateDigest: Sendable, Equatable {
    package var alignments: UInt64
    package var forces: UInt64
    package var resources: UInt64
    package var ties: UInt64

    package init(alignments: UInt64, forces: UInt64, resources: UInt64, ties: UInt64) {
        self.alignments = alignments
        self.forces = forces
        self.resources = resources
        self.ties = ties
    }

    /// The parts in report order, with the names the JSON report uses.
    package static let parts: [(name: String, value: KeyPath<StateDigest, UInt64> & Sendable)] = [
        ("alignments", \.alignments), ("forces", \.forces), ("resources", \.resources), ("ties", \.ties),
    ]
}

/// A word-at-a-time hash: not cryptographic, only meant to tell two states apart cheaply. Every
/// step is a bijection of the state for a fixed word, so one differing word always shows.
struct DigestHasher {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    @inline(__always)
    mutating func add(_ word: UInt64) {
        value = (value &+ word) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 32
    }

    @inline(__always)
    mutating func add(_ x: Double) { add(x.bitPattern) }

    mutating func add(_ values: [Double]) {
        add(UInt64(values.count))
        values.withUnsafeBufferPointer { buffer in
            for x in buffer { add(x.bitPattern) }
        }
    }
}

extension World {
    /// The digest of the state now.
    package func stateDigest() -> StateDigest {
        var alignmentHash = DigestHasher()
        alignmentHash.add(alignment)
        alignmentHash.add(baseline)
        var forceHash = DigestHasher()
        forceHash.add(forces)
        for move in movements {
            forceHash.add(UInt64(move.agent)); forceHash.add(UInt64(move.from)); forceHash.add(UInt64(move.to))
            forceHash.add(move.strength); forceHash.add(move.remainingKm)
        }
        var resourceHash = DigestHasher()
        for values in resources { resourceHash.add(values) }
        // Ties are a set: a sum of per-tie hashes does not depend on the order they are visited in.
        var tieSum = UInt64(ties.count)
        for tie in ties {
            var tieHash = DigestHasher()
            tieHash.add(UInt64(tie.from)); tieHash.add(UInt64(tie.to)); tieHash.add(UInt64(tie.kind))
            tieSum &+= tieHash.value
        }
        // A war is a relation too: hashed like a tie of a kind no scenario can name.
        for (i, j) in wars {
            var warHash = DigestHasher()
            warHash.add(UInt64(i)); warHash.add(UInt64(j)); warHash.add(UInt64.max)
            tieSum &+= warHash.value
        }
        return StateDigest(
            alignments: alignmentHash.value, forces: forceHash.value,
            resources: resourceHash.value, ties: tieSum)
    }
}
