// RunFailure: why a run failed — the scenario's own error, or a limit it reached.

/// Why a run failed: the scenario's own error, or a limit it reached.
public struct RunFailure: Error, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A Lua error, a wrong call or a broken declaration.
        case error
        /// The instruction budget or the memory cap.
        case limit
    }

    public var kind: Kind
    /// One line, naming file and line where known.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
