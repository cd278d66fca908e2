// Hook: a Lua function a scenario registered (a handler, a scheduled hook, a metric...), kept in
// the registry, with where it was registered for messages.

/// A registered Lua function and where the script registered it (for messages).
struct Hook {
    /// Registry reference of the function.
    var function: Int32
    /// `file:line` of the registration.
    var origin: String
}
