// BatchSummary+Table: the summary as a table for a terminal, written from its own JSON by the
// writer `simrun report` uses on a summary file (SummaryDocument+Table), so the two are one table.
import SimSupport

extension BatchSummary {
    /// The summary as plain text for a terminal `width` columns wide, ending with a newline: per point
    /// its params and one row per outcome and fact of the record, the calibration, then the failures.
    package func table(width: Int = 100) -> String {
        // The facts accepted on are the only provenance the table shows; the rest is the caller's header.
        let design: [(String, JSONValue)] =
            acceptedFacts.map { [("design", ["accept": .array($0.map(JSONValue.string))])] } ?? []
        let json = (try? JSONValue.parse(json(header: design))) ?? .null
        return SummaryDocument(json).table(width: width)
    }
}
