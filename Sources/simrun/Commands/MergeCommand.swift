// MergeCommand: `simrun merge FILES` — the shards of one batch put back together, checked, in run
// order: the same bytes as one machine running the whole batch.
import Foundation
import SimBatch

struct MergeCommand: Command {
    var files: [String] = []
    var output = OutputOptions<RunsFormat>()
    var summaryPath: String?
    var quiet = false

    static let name = "merge"

    static var declaration: CommandDeclaration<MergeCommand> {
        CommandDeclaration(
            arguments: "FILE...", positionals: .several,
            summary: "put the shards of a batch back together",
            description: """
                Merges the runs files of a batch's shards (all JSON lines or all CSV). Every file must come from the
                same scenario (sha256), seed and design; every run must be there exactly once. The merged file is
                the same, byte for byte, as the runs file of the whole batch run on one machine.
                """,
            sections: [
                OptionSection([
                    OutputOptions<RunsFormat>.outFlag(help: "the merged runs file (default: standard output)")
                        .scoped(to: \.output),
                    .summary(
                        help: "also write the statistical summary as JSON (JSON lines shards only)", \.summaryPath),
                    .quiet(help: "no summary table on standard error", \.quiet),
                ])
            ],
            exitCodes: [
                (.ok, "merged"), (.usage, "usage"), (.fileNotFound, "file not found or unreadable"),
                (.cannotWrite, "cannot write"),
                (.scenario, "the files do not make one whole batch (mixed batches, missing or duplicated runs)"),
            ])
    }

    mutating func validate(_ given: GivenArguments) throws(CLIError) {
        guard !given.positionals.isEmpty else {
            throw .commandLine("merge needs the runs files of the shards (simrun merge FILE...)")
        }
        files = given.positionals
    }

    func execute() throws(CLIError) -> ExitCode {
        var shards: [RunsFileContents] = []
        for path in files {
            let data = try InputFile.read(path)
            do throws(RunsFileContents.ReadError) {
                shards.append(try RunsFileContents.read(data, path: path))
            } catch {
                throw CLIError(error.message, .scenario)
            }
        }
        let header = shards[0].header.unsharded
        let reference = header.json.compact()
        for (path, shard) in zip(files, shards).dropFirst() where shard.header.unsharded.json.compact() != reference {
            typealias Key = BatchProvenance.Key
            let field =
                [Key.scenario, Key.seed, Key.design, Key.columns, Key.pointParams].first {
                    shard.header[$0]?.compact() != header[$0]?.compact()
                } ?? Key.simrun
            throw CLIError("\(path) is not from the same batch as \(files[0]): its \(field) differs", .scenario)
        }
        if header[BatchProvenance.Key.design]?["precision"] != nil {
            throw CLIError(
                "\(files[0]) is an adaptive batch (--precision): it runs whole on one machine and is never "
                    + "sharded, so there is nothing to merge", .usage)
        }
        let format = shards[0].format
        if let other = zip(files, shards).first(where: { $0.1.format != format }) {
            throw CLIError(
                "\(other.0) is \(other.1.format.rawValue) but \(files[0]) is \(format.rawValue): "
                    + "merge files of one format", .usage)
        }
        if summaryPath != nil, format == .csv {
            throw CLIError("--summary needs JSON lines runs files: CSV rows cannot be read back exactly", .usage)
        }
        // The reader checked every run against the batch's size; rows are kept by run, so memory
        // follows what the files hold, not what their header claims.
        let total = shards[0].totalRuns
        var rows: [Int: (text: Substring, record: RunRecord?)] = [:]
        var duplicated: [Int] = []
        for shard in shards {
            for (position, row) in shard.rows.enumerated() {
                if let seen = rows[row.run] {
                    if seen.text != row.text { duplicated.append(row.run) }
                    continue
                }
                rows[row.run] = (row.text, position < shard.records.count ? shard.records[position] : nil)
            }
        }
        let runs = rows.keys.sorted()
        if !duplicated.isEmpty || runs.count < total {
            var problems: [String] = []
            if runs.count < total {
                problems.append(
                    "\(total - runs.count) runs missing (\(MergeCommand.list(MergeCommand.missing(from: runs, total))))"
                )
            }
            if !duplicated.isEmpty {
                problems.append(
                    "\(duplicated.count) runs given twice with different rows "
                        + "(\(MergeCommand.list(duplicated)))")
            }
            throw CLIError("the files do not make one whole batch: " + problems.joined(separator: "; "), .scenario)
        }
        let merged = runs.compactMap { rows[$0]?.text }.joined()
        try OutputFile.write(header.text(format) + merged, to: output.out)
        if let summaryPath {
            var summary = BatchSummary(
                outcomeNames: header.strings("outcomes"), observedNames: header.strings("observed"),
                accepting: header.acceptedFacts, points: header.points)
            for run in runs { if let record = rows[run]?.record { summary.add(record) } }
            // The merged rows may be on standard output: the table goes to standard error only.
            try SummaryOutput.write(
                summary, header: header, to: summaryPath, tableOnStandardOutput: false,
                quiet: quiet)
        }
        return .ok
    }

    /// The first runs below `total` that `present` (ascending) lacks: as many as a message lists, and
    /// one more to show there are others.
    private static func missing(from present: [Int], _ total: Int) -> [Int] {
        var missing: [Int] = []
        var run = 0
        for next in present + [total] {
            while run < next && missing.count <= 8 {
                missing.append(run)
                run += 1
            }
            if missing.count > 8 { break }
            run = next + 1
        }
        return missing
    }

    /// The first few run indices of a list, for a message.
    private static func list(_ runs: [Int]) -> String {
        runs.prefix(8).map(String.init).joined(separator: ", ") + (runs.count > 8 ? ", …" : "")
    }
}
