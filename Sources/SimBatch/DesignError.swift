// DesignError: a batch flag that cannot be used (--runs, --sweep, --sample, --shard), as one line naming the
// flag and its text.

/// A batch flag that cannot be used, as one line naming the flag and its text.
package struct DesignError: Error, Sendable {
    /// For example `--sweep haftar_day=5,x: 'x' is not an integer`.
    package var message: String

    package init(message: String) { self.message = message }
}
