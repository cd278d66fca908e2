// ComparedFile: a file given to `compare` or `diff`, recognised by its content: a run report (JSON
// from `simrun run`), a batch summary (JSON from `--summary`) or a runs file (JSON lines from
// `simrun batch`).
import Foundation
import SimCore

enum ComparedFile {
    case report(ReportDocument)
    case batch(BatchEstimates)

    /// Reads and recognises `path`; `label` names it in tables and messages.
    static func read(_ path: String, label: String) throws(ComparedFileError) -> ComparedFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileManager.default.fileExists(atPath: path) ? .unreadable("\(path): cannot be read") : .notFound("\(path): no such file")
        }
        let text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix(RunsHeader.csvMark) {
            throw .invalid("\(path): a CSV runs file; compare reads JSON lines runs files (--format jsonl) or summaries, since CSV rows cannot be read back exactly")
        }
        do throws(ComparisonInputError) {
            if let json = try? JSONValue.parse(text) {
                if json["points"] != nil { return .batch(try BatchEstimates(label: label, summary: json)) }
                if json["design"] != nil {
                    // A runs file holding its header only: a batch of no runs.
                    return .batch(try BatchEstimates(label: label, header: json, records: []))
                }
                return .report(try ReportDocument(label: label, json: json))
            }
            let contents: RunsFileContents
            do throws(RunsFileContents.ReadError) {
                contents = try RunsFileContents.read(path: path)
            } catch {
                throw ComparisonInputError("\(path): neither a run report, a batch summary nor a runs file (\(error.message))")
            }
            return .batch(try BatchEstimates(label: label, header: contents.header.json, records: contents.records))
        } catch {
            throw .invalid(error.message)
        }
    }
}

/// Why a compared file could not be used, with its exit code.
enum ComparedFileError: Error {
    case notFound(String)
    case unreadable(String)
    case invalid(String)

    var message: String {
        switch self {
        case .notFound(let m), .unreadable(let m), .invalid(let m): return m
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .notFound: return .fileNotFound
        case .unreadable, .invalid: return .scenario
        }
    }
}
