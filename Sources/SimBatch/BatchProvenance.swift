// BatchProvenance: the fields a runs file's header and a batch summary share — which simrun, which
// scenario, which seed, which design, which columns — named once and read in one place for every
// reader of either file (resume, merge, compare, the summary page).
import SimCore
import SimReports
import SimSupport

/// The provenance of a batch as its files carry it, read leniently: a missing field is nil.
package struct BatchProvenance: Sendable {
    /// The keys, in the order the header writes them.
    package enum Key {
        package static let simrun = "simrun"
        package static let scenario = "scenario"
        package static let seed = "seed"
        package static let design = "design"
        package static let columns = "columns"
        package static let pointParams = "point_params"
        package static let shard = "shard"
    }

    package var scenarioName: String?
    package var scenarioSHA256: String?
    package var seed: UInt64?
    /// `simrun.schema`: the version of the files' layout.
    package var schema: Int?
    /// The design as written: `runs` per point, `steps`, fixed `params`, `sweeps`, `sample`.
    package var design: JSONValue?
    /// `columns.params`, `columns.outcomes`, `columns.metrics`: the names of each row's values, in order.
    package var columns: JSONValue?
    /// `point_params` (a runs file's header): each point's swept or sampled values.
    package var pointParams: [[(String, ScalarValue)]]?

    package init(_ json: JSONValue) {
        scenarioName = json[Key.scenario]?["name"]?.string
        scenarioSHA256 = json[Key.scenario]?["sha256"]?.string
        seed = json[Key.seed]?.uint64
        schema = json[Key.simrun]?["schema"]?.int
        design = json[Key.design]
        columns = json[Key.columns]
        pointParams = json[Key.pointParams]?.array?.map(BatchProvenance.scalars)
    }

    package var runsPerPoint: Int? { design?["runs"]?.int }
    /// `design.steps` (nil: the scenario's own).
    package var steps: Int? { design?["steps"]?.int }
    /// Whether the points lie along sweeps (a Latin hypercube's points stand alone).
    package var isSweep: Bool { design?["sample"]?.object == nil }

    /// The names of one kind of column (`params`, `outcomes`, `metrics`); nil when the file has none.
    package func names(_ column: String) -> [String]? {
        BatchProvenance.names(column, in: columns)
    }

    /// The names of one kind of column in a `columns` object.
    package static func names(_ column: String, in columns: JSONValue?) -> [String]? {
        columns?[column]?.array?.compactMap(\.string)
    }

    /// An object's scalar members, in order.
    package static func scalars(_ json: JSONValue?) -> [(String, ScalarValue)] {
        (json?.object ?? []).compactMap { name, value in value.scalar.map { (name, $0) } }
    }
}
