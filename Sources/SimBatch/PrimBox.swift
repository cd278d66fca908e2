// PrimBox: one box of scenario discovery — a range per input param, the runs inside it and how well
// it isolates the cases of interest.

/// A box in param space: `limits[p]` is the closed range of param `p` it admits.
///
/// Coverage is the share of all cases inside the box, density the share of the box's runs that are
/// cases, mass the share of all runs inside the box.
package struct PrimBox: Sendable {
    /// One closed range per param, in the order of `PRIM.names`.
    package var limits: [ClosedRange<Double>]
    /// The runs inside, ascending.
    package var members: [Int]
    /// How many of `members` are cases.
    package var cases: Int
    package var coverage: Double
    package var density: Double
    package var mass: Double

    /// A box and its statistics against `totalCases` of `totalRuns` runs.
    package init(limits: [ClosedRange<Double>], members: [Int], cases: Int, totalCases: Int, totalRuns: Int) {
        self.limits = limits
        self.members = members
        self.cases = cases
        coverage = Double(cases) / Double(totalCases)
        density = Double(cases) / Double(members.count)
        mass = Double(members.count) / Double(totalRuns)
    }
}
