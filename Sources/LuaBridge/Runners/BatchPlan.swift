// BatchPlan: what a batch is asked to run — the scenario, the design, the limits, which runs, on how
// many workers, and what each record keeps.
import SimBatch

/// What a batch is asked to run.
package struct BatchPlan: Sendable {
    package var file: String
    package var design: BatchDesign
    package var limits: ScenarioLimits
    /// Run indices to do, ascending: a shard's, less those a resumed file already holds.
    package var runs: [Int]
    package var jobs: Int
    /// Keep each metric's final value in the records.
    package var keepMetrics: Bool
    /// Keep each metric's whole series in the records.
    package var keepTrace: Bool
    /// Library folders `sim.include` also searches.
    package var libraries: [String]

    package init(
        file: String, design: BatchDesign, limits: ScenarioLimits, runs: [Int], jobs: Int,
        keepMetrics: Bool, keepTrace: Bool, libraries: [String] = []
    ) {
        self.libraries = libraries
        self.file = file
        self.design = design
        self.limits = limits
        self.runs = runs
        self.jobs = jobs
        self.keepMetrics = keepMetrics
        self.keepTrace = keepTrace
    }
}
