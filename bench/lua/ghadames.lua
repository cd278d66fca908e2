-- bench/lua/ghadames.lua: batch driver for the plain-Lua port of simrun (engine.lua).
--
--   lua5.4 bench/lua/ghadames.lua [--runs N] [--seed S] [--json] [--out runs.jsonl]
--                                 [--param NAME=VALUE ...] [--steps N] [--scenario FILE]
--
-- Performs N runs in one process, one after another (like `simrun batch --jobs 1`): run i starts
-- from a fresh world and a fresh environment with the seed simrun gives run i of a batch seeded S
-- (SplitMix64(S xor i * 0x9E3779B97F4A7C15)), and the engine draws from the same named xoshiro256**
-- streams as simrun (combat, script, policy:<agent id>), each seeded from the run seed and its name.
-- It prints runs, seconds, runs/s, ms per run and, per outcome, the mean (numbers), the
-- proportion (booleans) or the category frequencies (strings), then the share of runs that
-- reproduced each fact of the record (sim.observed). --json prints the same as JSON; --out writes
-- one JSON line per run (run, seed, status, outcomes, observed) like simrun's runs.jsonl.

local here = (arg and arg[0] or ""):match("^(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. package.path
local E = require("engine")

local function usage(message)
  io.stderr:write((message and (message .. "\n") or "") ..
    "usage: lua5.4 ghadames.lua [--runs N] [--seed S] [--json] [--out FILE] [--param NAME=VALUE] [--steps N] [--scenario FILE]\n")
  os.exit(2)
end

local opts = { runs = 1000, seed = 1, json = false, params = {}, scenario = here .. "/../../scenarios/sahel/ghadames.lua" }
local i = 1
while i <= #arg do
  local a = arg[i]
  local function value()
    i = i + 1
    if arg[i] == nil then usage(a .. " needs a value") end
    return arg[i]
  end
  if a == "--runs" then opts.runs = math.tointeger(tonumber(value())) or usage("--runs: an integer")
  elseif a == "--seed" then opts.seed = math.tointeger(tonumber(value())) or usage("--seed: an integer")
  elseif a == "--steps" then opts.steps = math.tointeger(tonumber(value())) or usage("--steps: an integer")
  elseif a == "--json" then opts.json = true
  elseif a == "--out" then opts.out = value()
  elseif a == "--scenario" then opts.scenario = value()
  elseif a == "--param" then
    local name, v = value():match("^([^=]+)=(.*)$")
    if not name then usage("--param: NAME=VALUE") end
    opts.params[name] = v
  elseif a == "--help" or a == "-h" then usage()
  else usage("unknown argument " .. a) end
  i = i + 1
end
if opts.runs < 1 then usage("--runs: 1 or more") end

---------------------------------------------------------------------------------------------
-- JSON text
---------------------------------------------------------------------------------------------

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    local map = { ['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t', ['\r'] = '\\r' }
    return map[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

local function json_number(v)
  if math.type(v) == "integer" then return tostring(v) end
  if v ~= v or v == math.huge or v == -math.huge then return "null" end
  if v == math.floor(v) and math.abs(v) < 1e15 then return string.format("%.1f", v) end
  return string.format("%.17g", v)
end

local function json_value(v)
  local t = type(v)
  if t == "string" then return json_string(v)
  elseif t == "number" then return json_number(v)
  elseif t == "boolean" then return tostring(v)
  elseif v == nil then return "null" end
  error("json: " .. t)
end

---------------------------------------------------------------------------------------------
-- The batch
---------------------------------------------------------------------------------------------

local out
if opts.out then out = assert(io.open(opts.out, "w")) end

local names, stats = nil, {}
local facts, fact_stats = nil, {}   -- sim.observed: name -> {trues, falses}
local failed, failures = 0, {}

local started = os.clock()
for run = 0, opts.runs - 1 do
  local seed = E.run_seed(opts.seed, run)
  local ok, result, observed = pcall(function()
    local r = E.new_run{ file = opts.scenario, seed = seed, params = opts.params }
    return r:run(opts.steps)
  end)
  if not ok then
    failed = failed + 1
    local message = tostring(result)
    failures[message] = (failures[message] or 0) + 1
    if out then
      out:write('{"run":', run, ',"seed":', E.unsigned(seed), ',"status":"error","error":', json_string(message), '}\n')
    end
  else
    if not names then
      names = {}
      for o, entry in ipairs(result) do
        names[o] = entry.name
        stats[entry.name] = { kind = nil, numbers = {}, trues = 0, falses = 0, categories = {}, order = {}, mixed = 0 }
      end
    end
    for _, entry in ipairs(result) do
      local s, v = stats[entry.name], entry.value
      local t = type(v)
      local kind = (t == "number" and "number") or (t == "boolean" and "boolean") or "category"
      s.kind = s.kind or kind                  -- the type of its first value in run order
      if kind ~= s.kind then s.mixed = s.mixed + 1
      elseif kind == "number" then s.numbers[#s.numbers + 1] = v
      elseif kind == "boolean" then
        if v then s.trues = s.trues + 1 else s.falses = s.falses + 1 end
      else
        if not s.categories[v] then s.order[#s.order + 1] = v end
        s.categories[v] = (s.categories[v] or 0) + 1
      end
    end
    if not facts then
      facts = {}
      for f, entry in ipairs(observed) do
        facts[f] = entry.name
        fact_stats[entry.name] = { trues = 0, falses = 0 }
      end
    end
    for _, entry in ipairs(observed) do
      local s = fact_stats[entry.name]
      if entry.value then s.trues = s.trues + 1 else s.falses = s.falses + 1 end
    end
    if out then
      local parts = {}
      for o, entry in ipairs(result) do parts[o] = json_string(entry.name) .. ":" .. json_value(entry.value) end
      out:write('{"run":', run, ',"seed":', E.unsigned(seed), ',"status":"ok","outcomes":{', table.concat(parts, ","), '}')
      if #observed > 0 then
        parts = {}
        for f, entry in ipairs(observed) do parts[f] = json_string(entry.name) .. ":" .. tostring(entry.value) end
        out:write(',"observed":{', table.concat(parts, ","), '}')
      end
      out:write('}\n')
    end
  end
end
local seconds = os.clock() - started
if out then out:close() end

---------------------------------------------------------------------------------------------
-- Summary
---------------------------------------------------------------------------------------------

local function number_summary(values)
  local n = #values
  if n == 0 then return { n = 0 } end
  local sum = 0.0
  for _, v in ipairs(values) do sum = sum + v end
  local mean = sum / n
  local squares = 0.0
  for _, v in ipairs(values) do squares = squares + (v - mean) ^ 2 end
  local sd = n > 1 and math.sqrt(squares / (n - 1)) or 0.0
  return { n = n, mean = mean, sd = sd, se = sd / math.sqrt(n) }
end

local function sorted_categories(s)
  local list = {}
  for _, name in ipairs(s.order) do list[#list + 1] = { name = name, count = s.categories[name] } end
  table.sort(list, function(a, b)
    if a.count ~= b.count then return a.count > b.count end
    return a.name < b.name
  end)
  return list
end

local runs = opts.runs
local rate = seconds > 0 and runs / seconds or 0
local ms = 1000 * seconds / runs

if opts.json then
  local parts = {}
  parts[#parts + 1] = '{"engine":"plain Lua 5.4 port (bench/lua)","lua":' .. json_string(_VERSION)
  parts[#parts + 1] = ',"rng":"xoshiro256** named streams (combat, script, policy:<agent>), run seeds as simrun batch"'
  parts[#parts + 1] = ',"seed":' .. opts.seed .. ',"runs":' .. runs .. ',"failed":' .. failed
  parts[#parts + 1] = ',"seconds":' .. json_number(seconds) .. ',"runs_per_second":' .. json_number(rate)
  parts[#parts + 1] = ',"ms_per_run":' .. json_number(ms) .. ',"outcomes":{'
  local entries = {}
  for _, name in ipairs(names or {}) do
    local s = stats[name]
    local body
    if s.kind == "number" then
      local x = number_summary(s.numbers)
      body = '{"type":"number","n":' .. x.n .. ',"mean":' .. json_number(x.mean) .. ',"sd":' .. json_number(x.sd) .. '}'
    elseif s.kind == "boolean" then
      local n = s.trues + s.falses
      body = '{"type":"boolean","n":' .. n .. ',"true":' .. s.trues .. ',"p":' .. json_number(s.trues / n) .. '}'
    else
      local n, cats = 0, {}
      for _, c in ipairs(sorted_categories(s)) do n = n + c.count end
      for _, c in ipairs(sorted_categories(s)) do
        cats[#cats + 1] = json_string(c.name) .. ':{"count":' .. c.count .. ',"p":' .. json_number(c.count / n) .. '}'
      end
      body = '{"type":"category","n":' .. n .. ',"categories":{' .. table.concat(cats, ",") .. '}}'
    end
    entries[#entries + 1] = json_string(name) .. ":" .. body
  end
  parts[#parts + 1] = table.concat(entries, ",") .. "}"
  if facts and #facts > 0 then
    entries = {}
    for _, name in ipairs(facts) do
      local s = fact_stats[name]
      local n = s.trues + s.falses
      entries[#entries + 1] = json_string(name) .. ':{"type":"boolean","n":' .. n .. ',"true":' .. s.trues
        .. ',"p":' .. json_number(s.trues / n) .. '}'
    end
    parts[#parts + 1] = ',"observed":{' .. table.concat(entries, ",") .. "}"
  end
  parts[#parts + 1] = "}"
  print(table.concat(parts))
else
  print(string.format("plain Lua port (%s), %s: %d runs, batch seed %d, xoshiro256** named streams (simrun's seeds)",
    _VERSION, opts.scenario:match("[^/]+$"), runs, opts.seed))
  print(string.format("runs %d   failed %d   seconds %.3f   runs/s %.1f   ms/run %.3f", runs, failed, seconds, rate, ms))
  for message, count in pairs(failures) do print(string.format("  %d failed: %s", count, message)) end
  print("")
  for _, name in ipairs(names or {}) do
    local s = stats[name]
    if s.kind == "number" then
      local x = number_summary(s.numbers)
      print(string.format("%-26s mean %.6g  (sd %.6g, se %.3g, n %d)", name, x.mean, x.sd, x.se, x.n))
    elseif s.kind == "boolean" then
      local n = s.trues + s.falses
      print(string.format("%-26s p %.4f  (%d of %d true)", name, s.trues / n, s.trues, n))
    else
      local n, shares = 0, {}
      for _, c in ipairs(sorted_categories(s)) do n = n + c.count end
      for _, c in ipairs(sorted_categories(s)) do shares[#shares + 1] = string.format("%s %.4f", c.name, c.count / n) end
      print(string.format("%-26s %s  (n %d)", name, table.concat(shares, ", "), n))
    end
  end
  if facts and #facts > 0 then
    print("")
    print("observed (share of runs that reproduced the fact of the record):")
    for _, name in ipairs(facts) do
      local s = fact_stats[name]
      local n = s.trues + s.falses
      print(string.format("%-26s p %.4f  (%d of %d)", name, s.trues / n, s.trues, n))
    end
  end
end
-- A failed run is an error of the port, never a timing: the benchmark must not time failures.
if failed > 0 then os.exit(1) end
