// BatchRunsText: a JSON lines runs file read back by the tests — its header and rows, each line
// parsed — and seeds read as the unsigned integers they are.
import Foundation
import Testing

/// A JSON lines runs file: its header and rows, each line parsed.
struct BatchRunsText {
    var text: String
    var header: JSON
    var rows: [JSON]
    /// Each row's line, without its newline.
    var rowLines: [String]

    init(_ data: Data) throws { try self.init(String(decoding: data, as: UTF8.self)) }

    init(_ text: String) throws {
        self.text = text
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 2, lines.last == "" else {
            throw JSON.ParseError(description: "a runs file ends with a newline after its header and rows")
        }
        lines.removeLast()
        header = try JSON.parse(lines[0])
        rowLines = Array(lines.dropFirst())
        rows = try rowLines.map { try JSON.parse($0) }
    }
}

extension JSON {
    /// A non-negative integer up to 2^64 − 1 (a seed), when written as one.
    var batchUnsigned: UInt64? {
        if case .number(let text) = self { return UInt64(text) }
        return nil
    }
}
