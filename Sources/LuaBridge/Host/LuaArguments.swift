// LuaArguments: reads the arguments of one `sim.*` call off the Lua stack, checking each and
// naming the function and the argument in every error. It never raises: errors are thrown as
// Swift errors, and the C trampoline raises them once the Swift frames are gone.
import CLua
import CLuaShim
import SimCore

/// The arguments of one call into a binding.
struct LuaArguments {
    /// Unretained: the binding context holds the state for the whole call, and a retain and a
    /// release on every one of a run's thousands of calls showed in the profile.
    unowned(unsafe) let lua: LuaState
    /// The binding being called: its position in `SimBindings.all`.
    let binding: Int32
    /// The Lua tables that map agent and region ids to indices, with the indices of the id strings
    /// already looked up (`simrun_lookup_id`): no Swift String is made on the hot path. Owned by the
    /// context's IDTables for the whole call.
    let agents: UnsafeMutablePointer<simrun_id_lookup>
    let regions: UnsafeMutablePointer<simrun_id_lookup>

    var L: OpaquePointer { lua.L }
    /// The binding's name as the script writes it, e.g. `sim.align`: looked up for messages only.
    var function: String { SimBindings.all[Int(binding)].qualifiedName }
    var count: Int32 { lua_gettop(L) }

    /// Describes a positional argument, or a field when `field` is set, for messages.
    private func label(_ index: Int32, _ name: String, field: Bool) -> String {
        field ? "field '\(name)'" : "argument #\(index) (\(name))"
    }

    func fail(_ what: String) -> BindingError { BindingError("\(function): \(what)") }

    private func typeError(_ index: Int32, _ name: String, field: Bool, expected: String) -> BindingError {
        fail("\(label(index, name, field: field)) must be \(expected), got \(lua.typeName(at: index))")
    }

    func isNil(_ index: Int32) -> Bool { lua_type(L, index) <= LUA_TNIL }

    /// Ids, names and keys are refused unless they are valid UTF-8: kept as bytes they could not be
    /// reported as JSON text, and repaired two different ones would become one.
    func notUTF8(_ what: String, _ error: InvalidUTF8) -> BindingError {
        fail("\(what) must be valid UTF-8 text; byte \(error.position) is not")
    }

    func string(_ index: Int32, _ name: String, field: Bool = false) throws(BindingError) -> String {
        let text: String?
        do throws(InvalidUTF8) {
            text = try lua.exactString(at: index)
        } catch {
            throw notUTF8(label(index, name, field: field), error)
        }
        guard let text else { throw typeError(index, name, field: field, expected: "a string") }
        return text
    }

    /// The scalar at `index`, its string (if it is one) valid UTF-8; nil for other types.
    func scalar(_ index: Int32, _ what: String) throws(BindingError) -> ScalarValue? {
        do throws(InvalidUTF8) {
            return try lua.scalar(at: index)
        } catch {
            throw notUTF8(what, error)
        }
    }

    func optionalString(_ index: Int32, _ name: String, field: Bool = false) throws(BindingError) -> String? {
        isNil(index) ? nil : try string(index, name, field: field)
    }

    /// A finite number.
    func number(_ index: Int32, _ name: String, field: Bool = false) throws(BindingError) -> Double {
        guard lua_type(L, index) == LUA_TNUMBER else {
            throw typeError(index, name, field: field, expected: "a number")
        }
        let value = simrun_tonumber(L, index)
        guard value.isFinite else {
            throw fail("\(label(index, name, field: field)) must be a finite number, got \(value)")
        }
        return value
    }

    func optionalNumber(_ index: Int32, _ name: String, field: Bool = false) throws(BindingError) -> Double? {
        isNil(index) ? nil : try number(index, name, field: field)
    }

    /// A whole number: an integer, or a float with an integral value.
    func integer(_ index: Int32, _ name: String, field: Bool = false) throws(BindingError) -> Int {
        let value = try number(index, name, field: field)
        guard value == value.rounded(), abs(value) < 9.0e15 else {
            throw fail("\(label(index, name, field: field)) must be a whole number, got \(value)")
        }
        return Int(value)
    }

    func optionalInteger(_ index: Int32, _ name: String, field: Bool = false) throws(BindingError) -> Int? {
        isNil(index) ? nil : try integer(index, name, field: field)
    }

    /// Lua truthiness: everything but nil and false.
    func boolean(_ index: Int32) -> Bool { lua_toboolean(L, index) != 0 }

    func table(_ index: Int32, _ name: String) throws(BindingError) {
        guard lua_type(L, index) == LUA_TTABLE else {
            throw typeError(index, name, field: false, expected: "a table")
        }
    }

    /// Whether argument `index` is a table; nil or absent is false, anything else an error.
    func optionalTable(_ index: Int32, _ name: String) throws(BindingError) -> Bool {
        if isNil(index) { return false }
        try table(index, name)
        return true
    }

    /// Stores the function at `index` in the registry and returns its reference.
    func function(_ index: Int32, _ name: String) throws(BindingError) -> Int32 {
        guard lua_type(L, index) == LUA_TFUNCTION else {
            throw typeError(index, name, field: false, expected: "a function")
        }
        lua_pushvalue(L, index)
        return lua.reference()
    }

    func agent(_ index: Int32, _ name: String, field: Bool = false) throws(BindingError) -> Int {
        if let agent = lookup(index, in: agents) { return agent }
        let id = try string(index, name, field: field)
        throw fail("\(label(index, name, field: field)): unknown agent '\(id)'")
    }

    func region(_ index: Int32, _ name: String, field: Bool = false) throws(BindingError) -> Int {
        if let region = lookup(index, in: regions) { return region }
        let id = try string(index, name, field: field)
        throw fail("\(label(index, name, field: field)): unknown region '\(id)'")
    }

    /// The index the id table of `table` holds for the string at `index`. Stack: 0.
    private func lookup(_ index: Int32, in table: UnsafeMutablePointer<simrun_id_lookup>) -> Int? {
        let found = simrun_lookup_id(L, index, table)
        return found >= 0 ? Int(found) : nil
    }

    /// Reads field `key` of the table at `table` with `read(index, key)`, popping it afterwards.
    func field<T>(
        _ table: Int32, _ key: String,
        _ read: (Int32, String) throws(BindingError) -> T
    ) throws(BindingError) -> T {
        lua.getField(table, key)
        defer { simrun_pop(L, 1) }
        return try read(-1, key)
    }

    /// The keys of the table at `table`, sorted by their bytes, so that whatever is done or reported
    /// per key does not follow Lua's per-process hash order: `String`'s `<` would leave canonically
    /// equivalent keys ("\u{C5}", "A\u{30A}") in that order. A key that is not a string is an error.
    func sortedKeys(_ table: Int32, _ name: String) throws(BindingError) -> [String] {
        let absolute = lua_absindex(L, table)
        var keys: [String] = []
        var foreign: String?
        var invalid = false
        lua_pushnil(L)
        while lua_next(L, absolute) != 0 {
            simrun_pop(L, 1)
            do throws(InvalidUTF8) {
                if let key = try lua.exactString(at: -1) { keys.append(key) } else { foreign = lua.typeName(at: -1) }
            } catch {
                invalid = true
            }
        }
        if let foreign { throw fail("\(name) must have string keys, found a key of type \(foreign)") }
        // Which bad key comes first follows Lua's hash order: the message names none.
        if invalid { throw fail("\(name) has a key that is not valid UTF-8 text") }
        return keys.sorted { $0.precedesBytewise($1) }
    }

    /// Fails when the table at `table` has a key outside `allowed`: a misspelt option is an error.
    /// Option tables are checked on every call, so the common case walks the keys without sorting.
    func onlyFields(_ table: Int32, _ allowed: [String]) throws(BindingError) {
        let absolute = lua_absindex(L, table)
        var clean = true
        lua_pushnil(L)
        while lua_next(L, absolute) != 0 {
            simrun_pop(L, 1)
            guard let key = lua.string(at: -1), allowed.contains(where: key.isBytewise) else {
                clean = false
                simrun_pop(L, 1)
                break
            }
        }
        guard !clean else { return }
        let keys = try sortedKeys(table, "the options table")
        if let unknown = keys.first(where: { key in !allowed.contains(where: key.isBytewise) }) {
            throw fail("unknown field '\(unknown)'; expected one of \(allowed.sorted().joined(separator: ", "))")
        }
    }
}
