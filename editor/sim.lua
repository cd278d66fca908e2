---@meta sim
-- Type definitions of simrun's scenario API for the Lua language server (completion, hover docs,
-- argument checks): .luarc.json puts this folder on its "workspace.library". It is never run.
-- One function per `sim.*` binding (Sources/LuaBridge/Bindings/SimBindings.swift), each doc line taken
-- from docs/scenario-api.md; Tests/LuaBridgeTests/Bindings/SimBindingsTests.swift checks the names.

---An agent's or a region's id.
---@alias sim.id string

---An event handed to a hook.
---@class sim.Event
---@field type string
---@field tick integer
---@field date string `"YYYY-MM-DD"`
---@field agents sim.id[]
---@field region sim.id?
---@field data table<string, number|boolean|string>

---@class sim.ScenarioSpec
---@field name string
---@field description string?
---@field start string? the date of tick 0, `"YYYY-MM-DD"`
---@field steps integer? the default number of ticks (`--steps` overrides it)
---@field source string? the document the scenario models
---@field tick_days number? the days one tick covers (default 1)

---@class sim.ParamSpec
---@field min number?
---@field max number?
---@field choices any[]? the allowed values, of the default's type
---@field fixed boolean? a threshold or a switch: samples leave it at its value unless named with `--vary`
---@field sample boolean? `false` is the same as `fixed = true`
---@field doc string?

---@class sim.Dynamics
---@field speed number?
---@field hostility number?
---@field noise number?
---@field grievance number?
---@field blame number?
---@field balance number?
---@field decay number?
---@field war_days number?
---@field hysteresis number?
---@field min_force number?
---@field thresholds number[]?

---@class sim.RegionSpec
---@field id sim.id
---@field name string?
---@field country sim.id? an agent id
---@field lat number?
---@field lon number?

---@class sim.AgentSpec
---@field id sim.id
---@field name string?
---@field short string? 1 to 16 characters for charts, tables and the map (default: the name if it fits, else the id)
---@field kind string? `state`, `armed_group`, `pmc`, `intel_service`, `figure` or any word
---@field resources table<string, number>? named numbers (`strength`, `funds`, `legitimacy`, ...)
---@field patron sim.id? the agent id of e.g. a PMC's state
---@field effectiveness number? enemy strength removed per unit of own strength per day (default 0.05)

---@class sim.AgentInfo
---@field id sim.id
---@field name string
---@field short string
---@field kind string
---@field patron sim.id?
---@field effectiveness number

---@class sim.Mutual
---@field mutual boolean? also sets `b` toward `a`

---@class sim.Cause
---@field cause string?

---@class sim.LossOptions
---@field cause string?
---@field by sim.id? the agent the victim blames

---@class sim.ClashSpec
---@field attacker sim.id
---@field defender sim.id
---@field region sim.id
---@field days number? default 1

---@class sim.Moving
---@field from sim.id
---@field to sim.id
---@field strength number
---@field remaining_km number

---@class sim.Coalitions
---@field blocs sim.id[][]
---@field energy number
---@field exact boolean

---@class sim.EmitSpec
---@field agents sim.id[]?
---@field region sim.id?
---@field [string] number|boolean|string

---The scenario API: everything simrun offers a scenario.
sim = {}

-- Declarations (setup only)

---Names the scenario.
---@param spec sim.ScenarioSpec
function sim.scenario(spec) end

---Declares a parameter and returns the value in force: the default, or `--param name=value` typed like the default.
---@generic T: number|integer|boolean|string
---@param name string
---@param default T
---@param options sim.ParamSpec?
---@return T
function sim.param(name, default, options) end

---Sets the built-in dynamics' rates (any rate at 0 turns that dynamic off); `sim.dynamics()` returns the rates in force.
---@param rates sim.Dynamics
---@overload fun(): sim.Dynamics
function sim.dynamics(rates) end

---Declares a region.
---@param spec sim.RegionSpec
function sim.region(spec) end

---Links two regions; the distance defaults to the great-circle distance of their coordinates.
---@param a sim.id
---@param b sim.id
---@param km number?
function sim.link(a, b, km) end

---Declares an agent.
---@param spec sim.AgentSpec
function sim.agent(spec) end

---Runs another scenario file (relative to the including file, else to each library folder) and returns what it returns.
---@param path string
---@return any
function sim.include(path) end

-- Relations

---Sets how `a` stands toward `b`, a number in [-1, 1], now and as the long-run baseline.
---@param a sim.id
---@param b sim.id
---@param value number
---@param options sim.Mutual?
function sim.align(a, b, value, options) end

---Returns how `a` stands toward `b`.
---@param a sim.id
---@param b sim.id
---@return number
function sim.alignment(a, b) end

---Adds `delta` to the alignment (clamped to [-1, 1]) and returns the new value.
---@param a sim.id
---@param b sim.id
---@param delta number
---@param options sim.Mutual?
---@return number
function sim.shift(a, b, delta, options) end

---Makes a directed labelled tie (`diplomatic`, `support`, `intel_sharing`, `arms_supply`, any word).
---@param a sim.id
---@param b sim.id
---@param kind string
---@param options sim.Mutual?
function sim.tie(a, b, kind, options) end

---Cuts a tie.
---@param a sim.id
---@param b sim.id
---@param kind string
---@param options sim.Mutual?
function sim.cut(a, b, kind, options) end

---Whether the tie from `a` to `b` exists.
---@param a sim.id
---@param b sim.id
---@param kind string
---@return boolean
function sim.tied(a, b, kind) end

---Returns the baseline of `a` toward `b`; with a value, sets only the baseline (clamped) and returns it.
---@param a sim.id
---@param b sim.id
---@param value number?
---@param options sim.Mutual?
---@return number
function sim.baseline(a, b, value, options) end

-- War

---Puts the two agents at war. Returns whether it changed anything.
---@param a sim.id
---@param b sim.id
---@param options sim.Cause?
---@return boolean
function sim.war(a, b, options) end

---Ends a war. Returns whether it changed anything.
---@param a sim.id
---@param b sim.id
---@param options sim.Cause?
---@return boolean
function sim.peace(a, b, options) end

---Whether the two are at war.
---@param a sim.id
---@param b sim.id
---@return boolean
function sim.at_war(a, b) end

-- Forces and resources

---Adds strength to the agent's force in a region (a negative value withdraws, never below 0).
---@param agent sim.id
---@param region sim.id
---@param strength number
function sim.deploy(agent, region, strength) end

---Sends `strength` (default: all) from `from` to `to` along the shortest path of links. Returns the days the move takes.
---@param agent sim.id
---@param from sim.id
---@param to sim.id
---@param strength number?
---@return number
function sim.move(agent, from, to, strength) end

---Table region id → strength of every region where the agent has forces.
---@param agent sim.id
---@return table<sim.id, number>
function sim.forces(agent) end

---The agent's strength in the region, or over all regions without one (forces on the move not counted).
---@param agent sim.id
---@param region sim.id?
---@return number
function sim.strength(agent, region) end

---Array of the agent's forces on the move, oldest first.
---@param agent sim.id
---@return sim.Moving[]
function sim.moving(agent) end

---A scripted fight between the two forces in the region. Returns `{attacker=loss, defender=loss}`.
---@param spec sim.ClashSpec
---@return { attacker: number, defender: number }
function sim.clash(spec) end

---Strength lost outside a clash (an ambush's toll, a drone strike, desertion); returns what was lost.
---@param agent sim.id
---@param region sim.id
---@param strength number
---@param options sim.LossOptions?
---@return number
function sim.loss(agent, region, strength, options) end

---Strength the agent lost since the run began: clashes, `sim.loss`, `min_force`.
---@param agent sim.id
---@return number
function sim.losses(agent) end

---Reads a named resource (a resource no agent declared is an error).
---@param agent sim.id
---@param resource string
---@return number
function sim.get(agent, resource) end

---Writes a named resource.
---@param agent sim.id
---@param resource string
---@param value number
function sim.set(agent, resource, value) end

---Adds to a named resource and returns the new value.
---@param agent sim.id
---@param resource string
---@param delta number
---@return number
function sim.add(agent, resource, delta) end

-- Queries

---Array of agent ids in declaration order, optionally of one kind.
---@param filter { kind: string }?
---@return sim.id[]
function sim.agents(filter) end

---`{id=, name=, short=, kind=, patron=, effectiveness=}` of an agent.
---@param id sim.id
---@return sim.AgentInfo
function sim.agent_info(id) end

---Array of region ids in declaration order.
---@return sim.id[]
function sim.regions() end

---Array of the linked regions' ids in link order.
---@param region sim.id
---@return sim.id[]
function sim.neighbors(region) end

---Travel distance in km: shortest path over links, or the great-circle distance when no path exists.
---@param a sim.id
---@param b sim.id
---@return number
function sim.distance(a, b) end

---The current tick (0 at start).
---@return integer
function sim.tick() end

---The current date (`"YYYY-MM-DD"`).
---@return string
function sim.date() end

---Share of balanced triads, weighted by the product of the absolute (symmetrised) alignments.
---@return number
function sim.balance() end

---The two-bloc partition that minimises Axelrod & Bennett's landscape energy.
---@param options { size: string }?
---@return sim.Coalitions
function sim.coalitions(options) end

-- Hooks

---`fn(event)` for every event of that type (built-in or custom); `"*"` for every event; `"tick"` at the start of every tick.
---@param event_type string
---@param fn fun(event: sim.Event)
function sim.on(event_type, fn) end

---Records a custom event; other fields become its data (numbers, booleans, strings).
---@param type string
---@param spec sim.EmitSpec?
function sim.emit(type, spec) end

---Once, at the start of that tick (or the tick of that date).
---@param tick_or_date integer|string
---@param fn fun()
function sim.at(tick_or_date, fn) end

---At the start of ticks 0, n, 2n, ...
---@param n integer
---@param fn fun()
function sim.every(n, fn) end

---Once, at the end of the first tick where `predicate()` is true.
---@param predicate fun(): boolean
---@param fn fun()
function sim.when(predicate, fn) end

---`fn(agent_id)` at the start of every (n-th) tick: the agent's own decision.
---@param agent sim.id
---@param fn fun(agent_id: sim.id)
---@param options { every: integer }?
function sim.policy(agent, fn, options) end

---Ends the run at the end of the current tick.
---@param reason string? default "stopped by the scenario"
function sim.stop(reason) end

-- Randomness (`math.random` draws from the same stream)

---Uniform in [0, 1).
---@return number
function sim.random() end

---True with probability `p`.
---@param p number
---@return boolean
function sim.chance(p) end

---A draw from the normal distribution of mean `mu` (default 0) and standard deviation `sigma` (default 1).
---@param mu number?
---@param sigma number?
---@return number
function sim.normal(mu, sigma) end

---A value chosen with probability proportional to its weight: `sim.choose{{weight, value}, ...}`.
---@param options { [1]: number, [2]: any }[]
---@return any
function sim.choose(options) end

-- Output

---`fn()` returns a number, recorded at tick 0 and after every tick.
---@param name string
---@param fn fun(): number
function sim.metric(name, fn) end

---`fn()` is evaluated once at the end: a number, a boolean, or a string naming a category.
---@param name string
---@param fn fun(): number|boolean|string
function sim.outcome(name, fn) end

---A fact of the historical record: `fn()` is evaluated once at the end and returns whether this run reproduced it.
---@param name string
---@param fn fun(): boolean
function sim.observed(name, fn) end

---A line in the report's log, with the tick: the arguments joined by tabs (`print` is the same function).
---@param ... any
function sim.log(...) end
