// BindingError: a wrong call into a `sim.*` binding. Bindings throw it as a Swift error; the C
// trampoline raises it as a Lua error once the Swift frames are gone.

/// A wrong call, reported as a Lua error by the trampoline.
struct BindingError: Error {
    var message: String
    /// True when the message already carries its location (an error from nested Lua code).
    var located = false

    init(_ message: String, located: Bool = false) {
        self.message = message
        self.located = located
    }
}
