// BatchCSV: an RFC 4180 reader, independent of simrun's writer, for the tests of CSV runs files.

/// An RFC 4180 reader: records of fields, quoted fields with commas, quotes and line breaks;
/// lines starting with `#` outside a record are comments.
enum BatchCSV {
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = [], field = ""
        var quoted = false, atRecordStart = true, inComment = false, wasQuoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if inComment {
                if c == "\n" { inComment = false }
                continue
            }
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "#" where atRecordStart:
                inComment = true
            case "\"":
                guard field.isEmpty, !wasQuoted else {
                    throw ParseError(description: "a quote inside an unquoted field")
                }
                quoted = true
                wasQuoted = true
                atRecordStart = false
            case ",":
                record.append(field)
                field = ""
                wasQuoted = false
                atRecordStart = false
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
                wasQuoted = false
                atRecordStart = true
            case "\r":
                guard characters.first == "\n" else { throw ParseError(description: "a lone CR") }
            default:
                guard !wasQuoted else { throw ParseError(description: "text after a closing quote") }
                field.unicodeScalars.append(c)
                atRecordStart = false
            }
        }
        guard !quoted else { throw ParseError(description: "an unterminated quoted field") }
        guard record.isEmpty, field.isEmpty else { throw ParseError(description: "the last record has no newline") }
        return records
    }
}
