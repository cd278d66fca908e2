// OutputFormat: every format simrun writes, each with one spelling for every command. A command
// declares the ones it has (`OutputOptions.formatFlag`); docs/formats.md lists which has which and
// a test keeps that table equal to the declarations.

/// A format a command's `--format` may take.
enum OutputFormat: String, CaseIterable {
    /// For a person at a terminal: aligned columns, plain text.
    case text
    /// Markdown: headings and pipe tables to paste into a write-up.
    case md
    /// One JSON document, for scripts.
    case json
    /// One self-contained page, inline CSS and SVG.
    case html
    /// A runs file as CSV (RFC 4180), for R, pandas and spreadsheets.
    case csv
    /// A runs file as JSON lines: a header, then one object per run.
    case jsonl

    /// What the format is, for the man page and docs/formats.md.
    var meaning: String {
        switch self {
        case .text: return "aligned plain text for a person at a terminal"
        case .md: return "markdown: headings and pipe tables for a write-up"
        case .json: return "one JSON document, for scripts"
        case .html: return "one self-contained HTML page (inline CSS and SVG, nothing fetched)"
        case .csv: return "CSV (RFC 4180) rows, for R, pandas and spreadsheets"
        case .jsonl: return "JSON lines: a header line, then one object per run"
        }
    }
}
