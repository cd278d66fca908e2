import SimCore
import Testing

@testable import SimBatch

/// What a sampled param takes at a share of its range.
struct ParamRangeTests {
    @Test("an integer param declared with bounds past Int's range takes values within Int's, not a trap")
    func integerBoundsPastInt() {
        let range = ParamRange(name: "n", min: -1e300, max: 1e300, isInteger: true)
        #expect(range.value(at: 0) == .integer(Int.min))
        #expect(range.value(at: 0.5) == .integer(0))
        #expect(range.value(at: 0.999) == .integer(Int((0x1p63).nextDown)))
    }

    @Test("an integer param's values are rounded and kept within its own bounds")
    func integerWithinBounds() {
        let range = ParamRange(name: "n", min: 0.5, max: 3.5, isInteger: true)
        #expect(range.value(at: 0) == .integer(1))
        #expect(range.value(at: 0.5) == .integer(2))
        #expect(range.value(at: 0.999) == .integer(3))
    }
}
