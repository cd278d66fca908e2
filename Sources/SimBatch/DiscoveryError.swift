// DiscoveryError: why scenario discovery cannot start on a runs file — a request that does not fit the
// file (usage) or a file without the runs it needs — as one line.

/// Why `simrun discover` cannot run, as one line; `isUsage` tells a wrong request from unusable data.
package struct DiscoveryError: Error, Sendable {
    package var message: String
    /// The request does not fit the file (an unknown outcome, a wrong flag for its kind, nothing
    /// varied); otherwise the file holds no run to analyse.
    package var isUsage: Bool

    package static func usage(_ message: String) -> DiscoveryError {
        DiscoveryError(message: message, isUsage: true)
    }

    package static func data(_ message: String) -> DiscoveryError {
        DiscoveryError(message: message, isUsage: false)
    }
}
