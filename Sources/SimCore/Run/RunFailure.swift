// RunFailure: why a run failed — the scenario's own error, or a limit it reached.

/// Why a run failed: the scenario's own error, or a limit it reached.
package struct RunFailure: Error, Sendable, Equatable {
    package enum Kind: String, Sendable {
        /// A Lua error, a wrong call or a broken declaration.
        case error
        /// The instruction budget or the memory cap.
        case limit
    }

    package var kind: Kind
    /// One line, naming file and line where known.
    package var message: String

    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
