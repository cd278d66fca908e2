// LuaState: one Lua state with its limits — creation, protected loading and calling, the
// push/pull converters, and the checks that turn a spent budget or a full memory cap into a
// failure the script cannot swallow.
import CLua
import CLuaShim
import SimCore

/// Per-run caps on what a script may spend.
public struct ScenarioLimits: Sendable, Equatable {
    /// Lua VM instructions per run, enforced every `SIMRUN_HOOK_STEP` instructions.
    public var maxInstructions: Int64
    /// Bytes the Lua state may hold.
    public var maxMemory: Int

    public static let defaultMaxInstructions: Int64 = 200_000_000
    public static let defaultMaxMemory = 256 << 20

    public init(maxInstructions: Int64 = ScenarioLimits.defaultMaxInstructions,
                maxMemory: Int = ScenarioLimits.defaultMaxMemory) {
        self.maxInstructions = maxInstructions
        self.maxMemory = maxMemory
    }
}

/// Owns a `lua_State` and the C limits its allocator and hook read.
final class LuaState {
    let L: OpaquePointer
    private let limits: UnsafeMutablePointer<simrun_limits>
    private let capacity: ScenarioLimits

    init(limits capacity: ScenarioLimits) {
        self.capacity = capacity
        limits = .allocate(capacity: 1)
        limits.initialize(to: simrun_limits())
        limits.pointee.memory_limit = capacity.maxMemory
        limits.pointee.instruction_limit = capacity.maxInstructions
        guard let state = simrun_newstate(limits) else { fatalError("cannot allocate a Lua state") }
        L = state
    }

    deinit {
        lua_close(L)
        limits.deinitialize(count: 1)
        limits.deallocate()
    }

    /// Instructions executed so far, to the hook's granularity.
    var instructionsUsed: Int64 { limits.pointee.instructions }

    /// Loads text as a chunk named `@displayPath`. Stack: +1 (the function) on success, 0 on failure.
    func load(_ bytes: [UInt8], displayPath: String) throws(RunFailure) {
        let status = bytes.withUnsafeBytes { raw in
            simrun_loadtext(L, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count, "@" + displayPath)
        }
        if status != LUA_OK {
            let failure = failure(context: displayPath)
            // Syntax errors name the file already; a refused binary chunk does not.
            if failure.message.hasPrefix(displayPath) { throw failure }
            throw RunFailure(failure.kind, "\(displayPath): \(failure.message)")
        }
    }

    /// Calls the function below `nargs` arguments in protected mode. Stack: −(nargs+1), then
    /// +nresults on success, +0 on failure.
    func call(nargs: Int32, nresults: Int32, context: String) throws(RunFailure) {
        let status = simrun_pcall(L, nargs, nresults)
        if status != LUA_OK {
            throw failure(context: context)
        }
        if let limit = limitReached(context: context) {
            simrun_pop(L, nresults)
            throw limit
        }
    }

    /// The failure for the error object on top of the stack. Stack: −1.
    private func failure(context: String) -> RunFailure {
        defer { simrun_pop(L, 1) }
        return limitReached(context: context) ?? RunFailure(.error, errorMessage(at: -1))
    }

    /// A limit failure once the budget or the cap was hit, even if a pcall in the script caught it.
    private func limitReached(context: String) -> RunFailure? {
        if limits.pointee.instructions_exceeded != 0 {
            let message = lua_type(L, -1) == LUA_TSTRING ? errorMessage(at: -1) : ""
            return RunFailure(.limit, message.contains("instruction limit") ? message
                : "\(context): instruction limit of \(capacity.maxInstructions) reached (--max-instructions)")
        }
        if limits.pointee.memory_exceeded != 0 {
            return RunFailure(.limit,
                "\(context): memory limit of \(capacity.maxMemory) bytes reached (--max-memory)")
        }
        return nil
    }

    /// The error object at `index` as one line of text. Stack: 0.
    func errorMessage(at index: Int32) -> String {
        guard let text = string(at: index) else {
            return "(error object is a \(typeName(at: index)) value)"
        }
        return text.split(separator: "\n").first.map(String.init) ?? text
    }

    /// The file of the Lua function `level` levels up the stack, if it came from one. Stack: 0.
    func callerSource(level: Int32 = 1) -> String? {
        var record = lua_Debug()
        guard lua_getstack(L, level, &record) != 0, lua_getinfo(L, "S", &record) != 0,
              let source = record.source else { return nil }
        let text = String(cString: source)
        return text.hasPrefix("@") ? String(text.dropFirst()) : nil
    }

    // MARK: Converters

    /// The string at `index`, without converting numbers. Stack: 0.
    func string(at index: Int32) -> String? {
        var length = 0
        guard let pointer = simrun_tostring(L, index, &length) else { return nil }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// Lua's name of the type at `index`. Stack: 0.
    func typeName(at index: Int32) -> String {
        String(cString: lua_typename(L, lua_type(L, index)))
    }

    /// Stack: +1.
    func push(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
    }

    /// Stack: +1.
    func push(_ value: ScalarValue) {
        switch value {
        case .integer(let v): lua_pushinteger(L, lua_Integer(v))
        case .number(let v): lua_pushnumber(L, v)
        case .boolean(let v): lua_pushboolean(L, v ? 1 : 0)
        case .string(let v): push(v)
        }
    }

    /// The value at `index` as a scalar, or nil for other types. Stack: 0.
    func scalar(at index: Int32) -> ScalarValue? {
        switch lua_type(L, index) {
        case LUA_TNUMBER:
            return simrun_isinteger(L, index) != 0
                ? .integer(Int(simrun_tointeger(L, index))) : .number(simrun_tonumber(L, index))
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TSTRING: return string(at: index).map { .string($0) }
        default: return nil
        }
    }

    /// Pushes an array of strings. Stack: +1.
    func pushArray(_ items: [String]) {
        lua_createtable(L, Int32(items.count), 0)
        for (i, item) in items.enumerated() {
            push(item)
            lua_rawseti(L, -2, lua_Integer(i + 1))
        }
    }

    /// Sets `t[key] = v` where v is on top and t just below it, without metamethods. Stack: −1.
    func setField(_ key: String) {
        push(key)
        simrun_insert(L, -2)
        lua_rawset(L, -3)
    }

    /// Pushes `t[key]` of the table at `index`, without metamethods. Stack: +1. Returns the type.
    @discardableResult
    func getField(_ index: Int32, _ key: String) -> Int32 {
        let table = lua_absindex(L, index)
        push(key)
        return lua_rawget(L, table)
    }

    /// Stores the value on top in the registry and returns its reference. Stack: −1.
    func reference() -> Int32 {
        luaL_ref(L, simrun_registryindex())
    }

    /// Pushes a registry value. Stack: +1.
    func pushReference(_ ref: Int32) {
        lua_rawgeti(L, simrun_registryindex(), lua_Integer(ref))
    }
}
