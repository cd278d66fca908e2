// SummaryOutput: the last step of `batch` and `merge` — the statistical summary written as JSON
// to `--summary`, then shown as a table where a person is looking.
import Foundation
import SimBatch
import SimSupport

enum SummaryOutput {
    /// Writes the summary's JSON (with the batch's provenance, less any shard) to `path`, then the
    /// table: to standard output when `tableOnStandardOutput`, else to standard error when
    /// `tableOnStandardError` (`--table`) or when that is a terminal and not `quiet`.
    static func write(
        _ summary: BatchSummary, header: RunsHeader, to path: String?, tableOnStandardOutput: Bool,
        tableOnStandardError: Bool = false, quiet: Bool
    ) throws(CLIError) {
        if let path {
            try OutputFile.write(summary.json(header: header.unsharded.fields), to: path)
        }
        let table = TerminalText.safe(summary.table())
        if tableOnStandardOutput {
            print(table, terminator: table.hasSuffix("\n") ? "" : "\n")
        } else if tableOnStandardError || (!quiet && isatty(STDERR_FILENO) == 1) {
            FileHandle.standardError.write(Data(table.utf8))
        }
    }
}
