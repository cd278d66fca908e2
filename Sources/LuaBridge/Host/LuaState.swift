// LuaState: one Lua state with its limits — creation, protected loading and calling, the
// push/pull converters, and the checks that turn a spent budget or a full memory cap into a
// failure the script cannot swallow.
import CLua
import CLuaShim
import SimCore
import SimSupport

/// A Lua string that is not valid UTF-8, and the position of its first bad byte (from 1, as Lua counts).
struct InvalidUTF8: Error {
    let position: Int
}

/// One run's `lua_State`, restored from its worker's sandbox template, and the C limits its
/// allocator and hook read.
final class LuaState {
    let L: OpaquePointer
    private let limits: UnsafeMutablePointer<simrun_limits>
    private let capacity: ScenarioLimits
    /// Display paths too long for Lua's messages, by the short chunk name they load under.
    private(set) var longPaths: [String: String] = [:]

    /// Where compiled chunks are kept: between the runs of a batch worker, or for one run.
    private let cache: ScenarioCache
    /// The template whose state this is: handed back, not closed, when this goes; nil while the
    /// template itself is being built.
    let template: SandboxTemplate?

    /// A fresh sandbox for one run: the cache's template for these limits restored (made first
    /// when there is none). Throws when the memory cap is too small for the sandbox.
    convenience init(limits capacity: ScenarioLimits, cache: ScenarioCache) throws(RunFailure) {
        let template = try cache.sandbox(for: capacity)
        template.restore()
        self.init(holding: template, longPaths: [:], cache: cache)
    }

    /// The state a scenario had at the end of its setup, put back from `image` of `template`'s heap,
    /// with the paths its chunks were loaded under.
    convenience init(
        restoring image: SandboxTemplate.Image, of template: SandboxTemplate, longPaths: [String: String],
        cache: ScenarioCache
    ) {
        template.restore(image)
        self.init(holding: template, longPaths: longPaths, cache: cache)
    }

    /// The state of `template`, just restored for a run: the run's deadline starts now.
    private init(holding template: SandboxTemplate, longPaths: [String: String], cache: ScenarioCache) {
        capacity = template.capacity
        self.cache = cache
        self.template = template
        self.longPaths = longPaths
        L = template.L
        limits = template.limits
        simrun_set_deadline(limits, Int64(capacity.maxSeconds))
    }

    /// The template's state while its sandbox is installed.
    init(building template: SandboxTemplate, cache: ScenarioCache) {
        capacity = template.capacity
        self.cache = cache
        self.template = nil
        L = template.L
        limits = template.limits
    }

    deinit {
        template?.release()
    }

    /// Instructions executed so far, to the hook's granularity.
    var instructionsUsed: Int64 { limits.pointee.instructions }

    /// Bytes counted against the memory cap so far: the Lua heap and what the host charged.
    var memoryUsed: Int { limits.pointee.memory_used }

    /// Bytes Lua code has allocated so far, each `SIMRUN_BYTES_PER_INSTRUCTION` of them an instruction
    /// of the budget.
    var bytesAllocated: Int64 { limits.pointee.bytes_allocated }

    /// Loads a scenario file as a chunk named after its path; `key` (its resolved path) finds its
    /// compiled form in the cache. Stack: +1 (the function) on success, 0 on failure.
    func load(_ bytes: [UInt8], displayPath: String, key: String) throws(RunFailure) {
        // Lua refuses binary chunks too (mode "t"), but its message names no file.
        if bytes.first == 0x1B {
            throw RunFailure(.error, "\(displayPath): binary chunks are refused; scenarios load as text only")
        }
        try load(bytes, chunk: "@" + chunkName(for: displayPath), key: key, context: displayPath)
    }

    /// Loads simrun's own Lua (the sandbox prelude) under `=name`: the instruction hook and
    /// error locations look past such chunks to the scenario's code. Stack: +1 on success.
    func loadBuiltin(_ source: String, name: String) throws(RunFailure) {
        try load(Array(source.utf8), chunk: "=" + name, key: "=" + name, context: name)
    }

    /// Every chunk is compiled once, in a state of its own, and every run loads that compiled form:
    /// the first run of a batch worker, the others, and a single `simrun run` all load a chunk the
    /// same way, with the same memory, so a row of a batch and its rerun agree even near the cap.
    private func load(_ bytes: [UInt8], chunk: String, key: String, context: String) throws(RunFailure) {
        let code: [UInt8]
        if let cached = cache.compiled[key] {
            code = cached
        } else {
            code = try compile(bytes, chunk: chunk)
            cache.compiled[key] = code
        }
        let status = code.withUnsafeBytes { raw in
            simrun_load(L, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count, chunk, "b")
        }
        if status != LUA_OK { throw failure(status: status, context: context) }
    }

    /// Compiles text in a scratch state, outside any run's instruction budget but under its memory
    /// cap, and returns the dump.
    private func compile(_ bytes: [UInt8], chunk: String) throws(RunFailure) -> [UInt8] {
        var capped = simrun_limits()
        capped.memory_limit = capacity.maxMemory
        return try withUnsafeMutablePointer(to: &capped) { limits throws(RunFailure) -> [UInt8] in
            guard let scratch = simrun_newstate(limits) else { fatalError("cannot allocate a Lua state") }
            defer { lua_close(scratch) }
            let status = bytes.withUnsafeBytes { raw in
                simrun_load(scratch, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count, chunk, "t")
            }
            if status == LUA_ERRMEM {
                throw RunFailure(.limit, memoryLimitMessage(String(chunk.dropFirst())) + " while compiling")
            }
            guard status == LUA_OK else {
                var length = 0
                let message = simrun_tostring(scratch, -1, &length).map { String(cString: $0) } ?? "cannot compile"
                throw RunFailure(.error, withPaths(message.split(separator: "\n").first.map(String.init) ?? message))
            }
            var buffer = simrun_buffer()
            defer { simrun_buffer_free(&buffer) }
            guard simrun_dump(scratch, &buffer) == 0, let data = buffer.data else {
                throw RunFailure(.error, "\(chunk.dropFirst()): cannot compile (out of memory)")
            }
            return data.withMemoryRebound(to: UInt8.self, capacity: buffer.size) {
                Array(UnsafeBufferPointer(start: $0, count: buffer.size))
            }
        }
    }

    /// Calls the function below `nargs` arguments in protected mode. Stack: −(nargs+1), then
    /// +nresults on success, +0 on failure.
    func call(nargs: Int32, nresults: Int32, context: String) throws(RunFailure) {
        let status = simrun_pcall(L, nargs, nresults)
        if status != LUA_OK {
            throw failure(status: status, context: context)
        }
        if let limit = limitReached(context: context) {
            simrun_pop(L, nresults)
            throw limit
        }
    }

    /// The failure for the error object on top of the stack. Stack: −1.
    private func failure(status: Int32, context: String) -> RunFailure {
        defer { simrun_pop(L, 1) }
        // The sandbox's pcall passes a memory error on as a plain error with Lua's message.
        if status == LUA_ERRMEM || (status == LUA_ERRRUN && string(at: -1) == "not enough memory") {
            // Sticky: an include or a hook that failed this way fails the run, whatever catches it.
            limits.pointee.memory_exceeded = 1
            return RunFailure(.limit, memoryLimitMessage(context))
        }
        if let limit = limitReached(context: context) { return limit }
        let message = errorMessage(at: -1)
        return RunFailure(.error, LuaState.isLocated(message) ? message : "\(context): \(message)")
    }

    /// Whether a message starts with `file:line:`, as Lua's own messages do.
    static func isLocated(_ message: String) -> Bool {
        let parts = message.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        return parts.count == 3 && !parts[0].isEmpty && !parts[1].isEmpty && parts[1].allSatisfy(\.isNumber)
    }

    // MARK: Host work

    /// Counts work the host does for the script (the engine's ticks, growing the world) against
    /// the instruction budget, so that one budget bounds a run wherever its time goes. Returns
    /// false once the budget is spent.
    func charge(instructions: Int64) -> Bool {
        limits.pointee.instructions += instructions
        guard capacity.maxInstructions == 0 || simrun_spent(limits) <= capacity.maxInstructions else {
            limits.pointee.instructions_exceeded = 1
            return false
        }
        return true
    }

    /// Counts bytes the host keeps for the script (log lines, events, resources) against the memory
    /// cap; the trampoline raises the memory error when a binding leaves the count above the cap.
    /// Returns false once the cap is passed.
    @discardableResult
    func charge(bytes: Int) -> Bool {
        limits.pointee.memory_used += bytes
        guard capacity.maxMemory == 0 || limits.pointee.memory_used <= capacity.maxMemory else {
            limits.pointee.memory_exceeded = 1
            return false
        }
        return true
    }

    /// The message of a passed memory cap, at `context`.
    func memoryLimitMessage(_ context: String) -> String {
        "\(context): memory limit of \(capacity.maxMemory) bytes reached (--max-memory)"
    }

    /// The message of a spent budget, at `context`.
    func instructionLimitMessage(_ context: String) -> String {
        "\(context): instruction limit of \(capacity.maxInstructions) reached "
            + "(--max-instructions; the engine's work counts too)"
    }

    /// A limit failure once the budget or the cap was hit, even if a pcall in the script caught it.
    private func limitReached(context: String) -> RunFailure? {
        if limits.pointee.instructions_exceeded != 0 {
            let message = lua_type(L, -1) == LUA_TSTRING ? errorMessage(at: -1) : ""
            let limitMessage = message.contains("instruction limit") ? message : instructionLimitMessage(context)
            return RunFailure(.limit, limitMessage)
        }
        if limits.pointee.memory_exceeded != 0 {
            return RunFailure(.limit, memoryLimitMessage(context))
        }
        if limits.pointee.time_exceeded != 0 {
            let message = lua_type(L, -1) == LUA_TSTRING ? errorMessage(at: -1) : ""
            return RunFailure(
                .limit,
                message.contains("wall-clock limit")
                    ? message
                    : "\(context): wall-clock limit of \(capacity.maxSeconds) s reached (--max-seconds)")
        }
        return nil
    }

    /// The error object at `index` as one line of text. Stack: 0.
    func errorMessage(at index: Int32) -> String {
        guard let text = string(at: index) else {
            return "(error object is a \(typeName(at: index)) value)"
        }
        return withPaths(text.split(separator: "\n").first.map(String.init) ?? text)
    }

    /// Lua keeps only the last LUA_IDSIZE − 1 bytes of a chunk name in its messages; a longer path
    /// loads under a short unique name that `withPaths` turns back into the path.
    private func chunkName(for displayPath: String) -> String {
        guard displayPath.utf8.count > 56 else { return displayPath }
        // Named after the path itself, so that a compiled chunk keeps its name in every run.
        let file = displayPath.split(separator: "/").last.map(String.init) ?? displayPath
        let short = "[" + SHA256.hex(Array(displayPath.utf8)).prefix(8) + "]" + String(file.utf8.suffix(44))!
        longPaths[short] = displayPath
        return short
    }

    /// The text with a leading short chunk name replaced by its path.
    func withPaths(_ text: String) -> String {
        for (short, path) in longPaths where text.hasPrefix(short + ":") {
            return path + text.dropFirst(short.count)
        }
        return text
    }

    /// The file of the Lua function `level` levels up the stack, if it came from one. Stack: 0.
    func callerSource(level: Int32 = 1) -> String? {
        var record = lua_Debug()
        guard lua_getstack(L, level, &record) != 0, lua_getinfo(L, "S", &record) != 0,
            let source = record.source
        else { return nil }
        let text = String(cString: source)
        guard text.hasPrefix("@") else { return nil }
        let chunk = String(text.dropFirst())
        return longPaths[chunk] ?? chunk
    }

    // MARK: Converters

    /// The string at `index`, without converting numbers, bytes that are not UTF-8 shown as U+FFFD:
    /// for messages and log lines, never for ids, names or keys (`exactString`). Stack: 0.
    func string(at index: Int32) -> String? {
        bytes(at: index).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The string at `index` with its bytes exactly, without converting numbers; nil for another type.
    /// Bytes that are not UTF-8 throw: repaired, two different ids would become the same text. Stack: 0.
    func exactString(at index: Int32) throws(InvalidUTF8) -> String? {
        guard let bytes = bytes(at: index) else { return nil }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var position = 1
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { position += scalar.count }
        throw InvalidUTF8(position: position)
    }

    /// The bytes of the string at `index`, valid until it leaves the stack. Stack: 0.
    private func bytes(at index: Int32) -> UnsafeBufferPointer<UInt8>? {
        var length = 0
        guard let pointer = simrun_tostring(L, index, &length) else { return nil }
        return UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
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

    /// The value at `index` as a scalar, or nil for other types; a string keeps its bytes exactly
    /// (`exactString`). Stack: 0.
    func scalar(at index: Int32) throws(InvalidUTF8) -> ScalarValue? {
        switch lua_type(L, index) {
        case LUA_TNUMBER:
            return simrun_isinteger(L, index) != 0
                ? .integer(Int(simrun_tointeger(L, index))) : .number(simrun_tonumber(L, index))
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TSTRING: return try exactString(at: index).map { .string($0) }
        default: return nil
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
