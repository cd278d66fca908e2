// ComparedFile: a file given to `compare` or `diff`, recognised by its content: a run report (JSON
// from `simrun run`), a batch summary (JSON from `--summary`) or a runs file (JSON lines from
// `simrun batch`).
import Foundation
import SimBatch
import SimReports
import SimSupport

enum ComparedFile {
    case report(ReportDocument)
    case batch(BatchEstimates)

    /// Reads and recognises `path`; `label` names it in tables and messages. A file that cannot be
    /// read exits 66; one that cannot be used, 65.
    static func read(_ path: String, label: String) throws(CLIError) -> ComparedFile {
        let data = try InputFile.read(path)
        let text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix(RunsHeader.csvMark) {
            throw CLIError(
                "\(path): a CSV runs file; compare reads JSON lines runs files (--format jsonl) or "
                    + "summaries, since CSV rows cannot be read back exactly", .scenario)
        }
        do throws(ComparisonInputError) {
            if let json = try? JSONValue.parse(text) {
                if json["points"] != nil { return .batch(try BatchEstimates(label: label, summary: json)) }
                if json[BatchProvenance.Key.design] != nil {
                    // A runs file holding its header only: a batch of no runs.
                    return .batch(try BatchEstimates(label: label, header: json, records: []))
                }
                return .report(try ReportDocument(label: label, json: json))
            }
            let contents: RunsFileContents
            do throws(RunsFileContents.ReadError) {
                contents = try RunsFileContents.read(data, path: path)
            } catch {
                throw ComparisonInputError(
                    "\(path): neither a run report, a batch summary nor a runs file "
                        + "(\(error.message))")
            }
            return .batch(try BatchEstimates(label: label, header: contents.header.json, records: contents.records))
        } catch {
            throw CLIError(error.message, .scenario)
        }
    }
}
