// PublishedCaseSupport: runs the shipped validation scenarios (scenarios/validation/*.lua) in-process
// through the public entry point `ScenarioRunner`, and reads their metrics and outcomes. Used by
// every validation case.
import Foundation
import SimBatch
import SimCore
import SimReports
import SimSupport
import SimTestSupport
import Testing

@testable import LuaBridge

enum PublishedCase {
    static let packageRoot = PackageRoot.url

    /// The path of a shipped validation scenario.
    static func scenario(_ name: String) -> String {
        packageRoot.appendingPathComponent("scenarios/validation/\(name)").path
    }

    /// Runs the shipped scenario `name` and returns its report; records an issue and throws when it
    /// did not load, and records one when it failed (a run may end by `sim.stop`).
    static func run(
        _ name: String, seed: UInt64 = 1, params: [(String, String)] = [], steps: Int? = nil,
        limits: ScenarioLimits = ScenarioLimits(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> RunReport {
        let request = RunRequest(file: scenario(name), seed: seed, steps: steps, params: params, limits: limits)
        switch ScenarioRunner.run(request, simrunVersion: "validation") {
        case .success(let report):
            if case .failed(let failure) = report.status {
                Issue.record("\(name) failed: \(failure.message)", sourceLocation: sourceLocation)
            }
            return report
        case .failure(let failure):
            Issue.record("\(name) did not load: \(failure.message)", sourceLocation: sourceLocation)
            throw failure
        }
    }

    /// The values of a metric, one per recorded tick (value t: the state after t ticks).
    static func metric(_ report: RunReport, _ name: String) -> [Double] {
        guard let m = report.metricNames.firstIndex(of: name) else { return [] }
        return report.metrics[m]
    }

    /// An outcome's value.
    static func outcome(_ report: RunReport, _ name: String) -> ScalarValue? {
        report.outcomes.first { $0.0 == name }?.1
    }

    /// An outcome that is a number (integer or float).
    static func number(_ report: RunReport, _ name: String) -> Double? {
        switch outcome(report, name) {
        case .number(let v): return v
        case .integer(let v): return Double(v)
        default: return nil
        }
    }

    /// An outcome that is a string.
    static func string(_ report: RunReport, _ name: String) -> String? {
        if case .string(let v) = outcome(report, name) { return v }
        return nil
    }

    /// The events of one type, in order.
    static func events(_ report: RunReport, _ type: String) -> [Event] {
        report.world.events.filter { $0.type == type }
    }

    /// Whether `value` is within 0.5% of `reference`, relative; where the reference is near zero
    /// (below 1% of `scale`, the side's initial strength) the allowance stays at 0.5% of 1% of
    /// `scale`, so that a force close to destruction is not held to a vanishing tolerance.
    static func withinHalfPercent(_ value: Double, _ reference: Double, scale: Double) -> Bool {
        abs(value - reference) <= 0.005 * max(abs(reference), 0.01 * scale)
    }

    /// The error of `value` against `reference`, relative to the reference, or to 1% of `scale`
    /// when the reference is smaller: the quantity `withinHalfPercent` holds under 0.005.
    static func relativeError(_ value: Double, _ reference: Double, scale: Double) -> Double {
        let denominator = max(abs(reference), 0.01 * scale)
        return denominator > 0 ? abs(value - reference) / denominator : abs(value - reference)
    }
}
