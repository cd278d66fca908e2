// MergeCommand: `simrun merge FILES` — the shards of one batch put back together, checked, in run
// order: the same bytes as one machine running the whole batch.
import Foundation
import SimCore

struct MergeCommand {
    static let help = """
    USAGE: simrun merge FILE... --out FILE [--summary FILE] [--quiet]

    Merges the runs files of a batch's shards (all JSON lines or all CSV). Every file must come from the same
    scenario (sha256), seed and design; every run must be there exactly once. The merged file is the
    same, byte for byte, as the runs file of the whole batch run on one machine.

    OPTIONS:
      --out FILE               the merged runs file (default: standard output)
      --summary FILE           also write the statistical summary as JSON (JSON lines shards only)
      --quiet                  no summary table on standard error
      -h, --help               this help

    EXIT CODES: 0 merged, 65 the files do not make one whole batch (mixed batches, missing or
    duplicated runs), 64 usage, 66 file not found, 74 cannot write.
    """

    var files: [String] = []
    var out: String?
    var summaryPath: String?
    var quiet = false

    init(arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments, valued: ["--out", "--summary"], switches: ["--quiet"])
        while let item = try scanner.next() {
            switch item {
            case .positional(let path): files.append(path)
            case .flag("--out", let v): out = v
            case .flag("--summary", let v): summaryPath = v
            case .toggle("--quiet"): quiet = true
            case .toggle: throw UsageError(help: MergeCommand.help)
            case .flag(let name, _): throw UsageError("unknown flag \(name)")
            }
        }
        guard !files.isEmpty else { throw UsageError("merge needs the runs files of the shards (simrun merge FILE...)") }
    }

    func execute() -> ExitCode {
        var shards: [RunsFileContents] = []
        for path in files {
            guard FileManager.default.fileExists(atPath: path) else {
                Simrun.printError("\(path): no such file")
                return .fileNotFound
            }
            do throws(RunsFileContents.ReadError) {
                shards.append(try RunsFileContents.read(path: path))
            } catch {
                Simrun.printError(error.message)
                return .scenario
            }
        }
        let header = shards[0].header.unsharded
        let reference = header.json.compact()
        for (path, shard) in zip(files, shards).dropFirst() where shard.header.unsharded.json.compact() != reference {
            let field = ["scenario", "seed", "design", "columns", "point_params"].first {
                shard.header[$0]?.compact() != header[$0]?.compact()
            } ?? "simrun"
            Simrun.printError("\(path) is not from the same batch as \(files[0]): its \(field) differs")
            return .scenario
        }
        let format = shards[0].format
        if let other = zip(files, shards).first(where: { $0.1.format != format }) {
            Simrun.printError("\(other.0) is \(other.1.format.rawValue) but \(files[0]) is \(format.rawValue): merge files of one format")
            return .usage
        }
        if summaryPath != nil, format == .csv {
            Simrun.printError("--summary needs JSON lines runs files: CSV rows cannot be read back exactly")
            return .usage
        }
        guard let total = header.totalRuns else {
            Simrun.printError("\(files[0]):1: the header does not say how many runs the batch has")
            return .scenario
        }
        var rows = [Substring?](repeating: nil, count: total)
        var records = [RunRecord?](repeating: nil, count: total)
        var duplicated: [Int] = []
        for shard in shards {
            for (position, row) in shard.rows.enumerated() {
                guard row.run >= 0, row.run < total else {
                    Simrun.printError("run \(row.run) is outside the batch's \(total) runs")
                    return .scenario
                }
                if let seen = rows[row.run] {
                    if seen != row.text { duplicated.append(row.run) }
                    continue
                }
                rows[row.run] = row.text
                if position < shard.records.count { records[row.run] = shard.records[position] }
            }
        }
        let missing = rows.indices.filter { rows[$0] == nil }
        if !duplicated.isEmpty || !missing.isEmpty {
            var problems: [String] = []
            if !missing.isEmpty { problems.append("\(missing.count) runs missing (\(MergeCommand.list(missing)))") }
            if !duplicated.isEmpty {
                problems.append("\(duplicated.count) runs given twice with different rows (\(MergeCommand.list(duplicated)))")
            }
            Simrun.printError("the files do not make one whole batch: " + problems.joined(separator: "; "))
            return .scenario
        }
        let text = header.text(format) + rows.map { String($0!) }.joined()
        do throws(OutputFile.WriteError) {
            try OutputFile.write(text, to: out)
            if let summaryPath {
                var summary = BatchSummary(outcomeNames: header.strings("outcomes"), points: header.points)
                for record in records.compactMap({ $0 }) { summary.add(record) }
                try OutputFile.write(summary.json(header: header.fields), to: summaryPath)
                if !quiet, isatty(STDERR_FILENO) == 1 {
                    FileHandle.standardError.write(Data(TerminalText.safe(summary.table()).utf8))
                }
            }
        } catch {
            Simrun.printError(error.message)
            return .cannotWrite
        }
        return .ok
    }

    /// The first few run indices of a list, for a message.
    private static func list(_ runs: [Int]) -> String {
        runs.prefix(8).map(String.init).joined(separator: ", ") + (runs.count > 8 ? ", …" : "")
    }
}
