// ClashTally: where a batch's runs clashed — per region, the runs with at least one clash there and
// the clashes in all — added up from the rows' `clashes` for the summary's map. The same numbers
// whatever order the runs arrive in.
import SimCore
import SimSupport

/// Clashes per region over a batch's ok runs.
struct ClashTally: Sendable {
    /// Ok runs counted: the denominator of every share and mean.
    private(set) var runs = 0
    /// Region id → (runs with a clash there, clashes there in all).
    private(set) var regions: [ExactKey: (runs: Int, clashes: Int)] = [:]

    mutating func add(_ record: RunRecord) {
        guard record.status == .ok else { return }
        runs += 1
        for (region, count) in record.clashes where count > 0 {
            regions[ExactKey(region), default: (0, 0)].runs += 1
            regions[ExactKey(region), default: (0, 0)].clashes += count
        }
    }

    /// `{runs, regions: [{region, runs, share, mean}]}`, the regions in byte order of their ids;
    /// nil when no run clashed anywhere, so a summary of a batch without fighting stays as it was.
    var json: JSONValue? {
        guard !regions.isEmpty, runs > 0 else { return nil }
        let sorted = regions.sorted { $0.key < $1.key }
        return [
            "runs": .int(runs),
            "regions": .array(
                sorted.map { id, tally in
                    [
                        "region": .string(id.text), "runs": .int(tally.runs),
                        "share": .number(Double(tally.runs) / Double(runs)),
                        "mean": .number(Double(tally.clashes) / Double(runs)),
                    ]
                }),
        ]
    }
}
