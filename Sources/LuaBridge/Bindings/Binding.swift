// Binding: one Lua-visible function backed by Swift — its table, its name, and the Swift body the
// trampoline runs. SimBindings lists them all.

/// One Lua-visible function backed by Swift.
struct Binding {
    /// The global table it sits in (`sim`, `math`, or `_G` for a global function).
    let table: String
    let name: String
    /// `table.name` (a global's bare name), as error messages show it; built once, not per call.
    let qualifiedName: String
    let run: (BindingContext, LuaArguments) throws(BindingError) -> Int32

    init(
        _ table: String, _ name: String,
        _ run: @escaping (BindingContext, LuaArguments) throws(BindingError) -> Int32
    ) {
        self.table = table
        self.name = name
        self.qualifiedName = table == "_G" ? name : "\(table).\(name)"
        self.run = run
    }
}
