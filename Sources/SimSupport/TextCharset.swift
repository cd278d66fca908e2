// TextCharset: which characters the text report may draw with — Unicode block elements for
// sparklines where the terminal's locale is UTF-8, plain ASCII otherwise — decided from the locale
// variables as other command-line tools do.

/// The characters a text report may use for its small charts.
package enum TextCharset: Sendable {
    case unicode
    case ascii

    /// From the locale variables: the first of LC_ALL, LC_CTYPE and LANG that is set and not empty
    /// decides (POSIX precedence); UTF-8 when it names that codeset (`en_US.UTF-8`, `C.utf8`),
    /// ASCII otherwise, also when none is set.
    package init(environment: [String: String]) {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let codeset = locale.lowercased().replacing("-", with: "")
        self = codeset.contains("utf8") ? .unicode : .ascii
    }

    /// The levels of a sparkline, lowest first.
    package var sparkLevels: [Character] {
        switch self {
        case .unicode: return ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        case .ascii: return ["_", ".", "-", ":", "=", "+", "*", "#"]
        }
    }
}
