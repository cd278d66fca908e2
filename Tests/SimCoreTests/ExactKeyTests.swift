// ExactKeyTests: keys that Swift's String finds equal ("\u{C5}" and "A\u{30A}", canonically
// equivalent) stay two keys, ordered by their bytes.
import Testing

@testable import SimCore

@Suite struct ExactKeyTests {
    /// Å precomposed (C3 85) and A with a combining ring (41 CC 8A): equal as Swift text.
    static let composed = "\u{C5}", decomposed = "A\u{30A}"

    @Test("canonically equivalent strings are two keys")
    func equivalentStringsDiffer() {
        #expect(Self.composed == Self.decomposed, "the premise: String compares canonically")
        #expect(ExactKey(Self.composed) != ExactKey(Self.decomposed))
        #expect(Set([ExactKey(Self.composed), ExactKey(Self.decomposed), ExactKey("\u{C5}")]).count == 2)
        #expect(!Self.composed.isBytewise(Self.decomposed))
        #expect(Self.composed.isBytewise("\u{C5}"))
    }

    @Test("equal bytes: same length and every byte, in small and heap-allocated strings")
    func bytewiseEquality() {
        // Up to 15 bytes a string is stored inline, longer ones on the heap: both take the fast path.
        let long = String(repeating: "x", count: 40)
        #expect(long.isBytewise(String(repeating: "x", count: 40)))
        #expect(!long.isBytewise(String(repeating: "x", count: 39) + "y"))
        #expect(!long.isBytewise(String(repeating: "x", count: 41)))
        #expect(!"ab".isBytewise("a") && !"a".isBytewise("ab") && "".isBytewise(""))
        #expect(!"ab".isBytewise("ba") && "tinzaouaten".isBytewise("tinza" + "ouaten"))
    }

    @Test("keys order by their bytes, a prefix first")
    func bytewiseOrder() {
        // 0x41 < 0xC3: the decomposed form first, whichever order they come in.
        let keys = [Self.composed, Self.decomposed, "A", "B", ""]
        let expected = ["", "A", Self.decomposed, "B", Self.composed]
        #expect(keys.map { ExactKey($0) }.sorted().map(\.text).elementsEqual(expected, by: { $0.isBytewise($1) }))
        #expect(keys.reversed().sorted { $0.precedesBytewise($1) }.elementsEqual(expected, by: { $0.isBytewise($1) }))
        #expect(!(ExactKey("A") < ExactKey("A")) && !"A".precedesBytewise("A"))
    }

    @Test("a scalar string equals another only with the same bytes")
    func scalarEquality() {
        #expect(ScalarValue.string(Self.composed) != .string(Self.decomposed))
        #expect(ScalarValue.string(Self.composed) == .string("\u{C5}"))
        #expect(ScalarValue.integer(1) != .number(1))
    }
}
