// FuzzInputs: how many inputs a fuzz test tries and from which seed, and where the input under test
// is kept so that a crash leaves it behind. `make test` runs a short fixed round; `make fuzz` a long
// one from a fresh seed (SIMRUN_FUZZ_SECONDS, SIMRUN_FUZZ_SEED).
import Foundation
import SimCore

/// The round of inputs one fuzz test tries.
struct FuzzInputs {
    /// Inputs tried when no time is given: the short round `make test` runs.
    let count: Int
    /// With SIMRUN_FUZZ_SECONDS: inputs are tried until this much time has passed.
    let seconds: Double?
    /// The first input's seed; input i uses `seed + i`, so any one is reproduced alone.
    let seed: UInt64

    init(defaultCount: Int) {
        let environment = ProcessInfo.processInfo.environment
        count = environment["SIMRUN_FUZZ_ITERATIONS"].flatMap(Int.init) ?? defaultCount
        seconds = environment["SIMRUN_FUZZ_SECONDS"].flatMap(Double.init)
        seed = environment["SIMRUN_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_206
    }

    /// Calls `body` with each input's seed until the count or the time is used up; returns how many
    /// inputs were tried.
    @discardableResult
    func tryEach(_ body: (UInt64) throws -> Void) rethrows -> Int {
        let start = Date()
        var i: UInt64 = 0
        while seconds.map({ Date().timeIntervalSince(start) < $0 }) ?? (i < UInt64(count)) {
            try body(seed &+ i)
            i += 1
        }
        return Int(i)
    }

    /// Writes the input about to be tried where a crash leaves it: `.build/fuzz/last-NAME`.
    static func keep(_ bytes: [UInt8], as name: String) {
        let folder = URL(fileURLWithPath: ".build/fuzz", isDirectory: true)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(bytes).write(to: folder.appendingPathComponent("last-" + name))
    }
}

/// A small deterministic generator for fuzz inputs.
struct FuzzRandom {
    private var source: RandomSource

    init(seed: UInt64) { source = RandomSource(seed: seed) }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int(source.integer(in: Int64(range.lowerBound)...Int64(range.upperBound)))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { source.uniform() < p }

    /// One of `items`.
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
}
