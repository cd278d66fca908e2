// Option+Shared: single flags more than one subcommand takes — `--jobs`, `--quiet`, `--summary`,
// `--top` — declared once; a command says what `--quiet` leaves out or what `--top` counts.

extension Option {
    /// The most worker threads `--jobs` starts: each holds a Lua state of up to `--max-memory`.
    static var maxJobs: Int { 1024 }

    /// `--jobs N`: worker threads.
    static func jobs(_ field: WritableKeyPath<Values, Int>) -> Option {
        .value(
            "--jobs", .count(minimum: 1, maximum: maxJobs), help: "worker threads (default: the number of cores)", field
        )
    }

    /// `--quiet`: less on standard error; `help` says what is left out.
    static func quiet(help: String, _ field: WritableKeyPath<Values, Bool>) -> Option {
        .toggle("--quiet", help: help, field)
    }

    /// `--summary FILE`: a batch's statistical summary as JSON.
    static func summary(
        help: String = "write the statistical summary as JSON",
        _ field: WritableKeyPath<Values, String?>
    ) -> Option {
        .value("--summary", .text("FILE"), help: help, field)
    }

    /// `--top N`: how many rows a table of differences shows.
    static func top(help: String, _ field: WritableKeyPath<Values, Int>) -> Option {
        .value("--top", .count(minimum: 1), help: help, field)
    }
}
