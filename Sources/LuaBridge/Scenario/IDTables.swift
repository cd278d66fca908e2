// IDTables: the Lua tables that map agent and region ids to their indices in the World and back.
// Lookups find the interned Lua string's address among those already looked up, else get it raw
// from the table (CLuaShim/IDLookup.c), and ids are pushed as the strings Lua already holds, so no
// Swift String is made on a binding's hot path.
import CLua
import CLuaShim

/// Registry references of the id tables of one Lua state.
struct IDTables {
    let lua: LuaState
    /// id → index tables, read by LuaArguments.
    let agentTable: Int32
    let regionTable: Int32
    /// index → id arrays.
    private let agentIDs: Int32
    private let regionIDs: Int32

    /// The id tables with their caches, for LuaArguments: one per run.
    let lookups: IDLookups

    /// Makes the tables. Called once, before any scenario code runs.
    init(lua: LuaState) {
        self.lua = lua
        for _ in 0..<4 { lua_createtable(lua.L, 32, 32) }
        regionIDs = lua.reference()
        agentIDs = lua.reference()
        regionTable = lua.reference()
        agentTable = lua.reference()
        lookups = IDLookups(agentTable: agentTable, regionTable: regionTable)
    }

    /// The registry references of the four tables: the same in a state restored from this one.
    var references: [Int32] { [agentTable, regionTable, agentIDs, regionIDs] }

    /// The tables `references` names in `lua`, a state restored from the one they were made in.
    init(lua: LuaState, references: [Int32]) {
        self.lua = lua
        agentTable = references[0]
        regionTable = references[1]
        agentIDs = references[2]
        regionIDs = references[3]
        lookups = IDLookups(agentTable: agentTable, regionTable: regionTable)
    }

    private var L: OpaquePointer { lua.L }

    /// Records a new agent's id both ways.
    func registerAgent(_ id: String, index: Int) {
        register(id, index: index, table: agentTable, array: agentIDs)
    }

    /// Records a new region's id both ways.
    func registerRegion(_ id: String, index: Int) {
        register(id, index: index, table: regionTable, array: regionIDs)
    }

    private func register(_ id: String, index: Int, table: Int32, array: Int32) {
        lua.pushReference(table)
        lua_pushinteger(L, lua_Integer(index))
        lua.setField(id)
        simrun_pop(L, 1)
        lua.pushReference(array)
        lua.push(id)
        lua_rawseti(L, -2, lua_Integer(index + 1))
        simrun_pop(L, 1)
    }

    /// Pushes an agent's id. Stack: +1.
    func pushAgentID(_ agent: Int) { pushID(agent, from: agentIDs) }

    /// Pushes a region's id. Stack: +1.
    func pushRegionID(_ region: Int) { pushID(region, from: regionIDs) }

    private func pushID(_ index: Int, from array: Int32) {
        lua.pushReference(array)
        lua_rawgeti(L, -1, lua_Integer(index + 1))
        simrun_remove(L, -2)
    }

    /// Pushes an array of agent or region ids, each pushed by `push`. Stack: +1.
    func pushIDs(_ indices: [Int], push: (Int) -> Void) {
        lua_createtable(L, Int32(indices.count), 0)
        for (position, index) in indices.enumerated() {
            push(index)
            lua_rawseti(L, -2, lua_Integer(position + 1))
        }
    }
}

/// The agent and region id tables as `simrun_lookup_id` reads them, each with its cache of the id
/// strings already looked up. Made afresh for each run: the addresses are those of its state.
final class IDLookups {
    let agents: UnsafeMutablePointer<simrun_id_lookup>
    let regions: UnsafeMutablePointer<simrun_id_lookup>

    init(agentTable: Int32, regionTable: Int32) {
        agents = .allocate(capacity: 1)
        regions = .allocate(capacity: 1)
        agents.initialize(to: simrun_id_lookup())
        regions.initialize(to: simrun_id_lookup())
        agents.pointee.table = agentTable
        regions.pointee.table = regionTable
    }

    deinit {
        agents.deallocate()
        regions.deallocate()
    }
}
