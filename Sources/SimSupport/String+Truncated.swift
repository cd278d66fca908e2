// String+Truncated: cutting a name from a scenario to the room a column or a chart label has,
// shared by the text reports and the charts so a cut name always looks the same.

extension String {
    /// At most `limit` characters, ending with … when cut.
    package func truncated(to limit: Int) -> String {
        count <= limit ? self : prefix(limit - 1) + "…"
    }
}
