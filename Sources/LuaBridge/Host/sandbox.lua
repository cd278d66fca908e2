-- sandbox.lua: the prelude Sandbox.swift runs in every Lua state before any scenario code.
-- Code keeps its line numbers: errors raised in it name them ("sandbox:N:"), and scripts see those.
local charge, sortedkeys = ...
-- Everything the wrappers call is captured here: a script may replace the globals.
local type, error, rawget, select = type, error, rawget, select
local getmetatable0, setmetatable0, tostring0, sort0 = getmetatable, setmetatable, tostring, table.sort
local unpack, rawlen = table.unpack, rawlen
local srep, sfind, smatch, sgmatch, sgsub, sformat =
  string.rep, string.find, string.match, string.gmatch, string.gsub, string.format
-- Keys are ordered numbers < strings < booleans (sortedkeys, in C); Lua's own order depends
-- on a per-process hash seed and on addresses, which would make runs differ between processes.
function pairs(t)
  local mt = getmetatable0(t)
  if type(mt) == "table" and rawget(mt, "__pairs") ~= nil then return rawget(mt, "__pairs")(t) end
  if type(t) ~= "table" then
    error("bad argument #1 to 'pairs' (table expected, got " .. type(t) .. ")", 2)
  end
  local keys, n = sortedkeys(t, "pairs")
  local i = 0
  return function()
    while i < n do
      i = i + 1
      local k = keys[i]
      local v = rawget(t, k)
      if v ~= nil then return k, v end
    end
    return nil
  end, t, nil
end

function next(t, k)
  if type(t) ~= "table" then
    error("bad argument #1 to 'next' (table expected, got " .. type(t) .. ")", 2)
  end
  local keys, n = sortedkeys(t, "next")
  local i = 0
  if k ~= nil then
    for j = 1, n do
      if keys[j] == k then i = j break end
    end
    if i == 0 then error("invalid key to 'next'", 2) end
  end
  if i >= n then return nil end
  return keys[i + 1], rawget(t, keys[i + 1])
end

-- No addresses: a table, function or thread without __tostring prints as its type name.
local addressed = { table = true, ["function"] = true, thread = true, userdata = true }
local function tostring_safe(v)
  if addressed[type(v)] then
    local mt = getmetatable0(v)
    if type(mt) == "table" and rawget(mt, "__tostring") ~= nil then return tostring0(v) end
    if type(mt) == "table" and type(rawget(mt, "__name")) == "string" then return rawget(mt, "__name") end
    return type(v)
  end
  return tostring0(v)
end
tostring = tostring_safe

function string.format(fmt, ...)
  if type(fmt) == "string" and sfind(sgsub(fmt, "%%%%", ""), "%%[-+ #0-9.]*p") then
    error("string.format: '%p' is not available in the sandbox", 2)
  end
  local n = select("#", ...)
  local args = { ... }
  for i = 1, n do
    if addressed[type(args[i])] then args[i] = tostring_safe(args[i]) end
  end
  return sformat(fmt, unpack(args, 1, n))
end

-- Ties are broken by position, so the result is the same whatever pivots the sort draws.
function table.sort(t, less)
  local n = #t
  if n < 2 then return end
  less = less or function(a, b) return a < b end
  local items = {}
  for i = 1, n do items[i] = { t[i], i } end
  sort0(items, function(a, b)
    if less(a[1], b[1]) then return true end
    if less(b[1], a[1]) then return false end
    return a[2] < b[2]
  end)
  for i = 1, n do t[i] = items[i][1] end
end

-- Running out of memory under the cap ends the run: pcall passes that error on. (Lua's own
-- emergency collection has already been tried when it is raised.)
local pcall0, pack, MEMORY = pcall, table.pack, "not enough memory"
local function guarded_pcall(f, ...)
  local results = pack(pcall0(f, ...))
  if not results[1] and results[2] == MEMORY then error(MEMORY, 0) end
  return unpack(results, 1, results.n)
end
pcall = guarded_pcall

-- The message handler runs after the stack unwinds, as ordinary counted code: Lua would
-- call it from inside the instruction hook, where the budget cannot stop it.
function xpcall(f, handler, ...)
  local results = pack(guarded_pcall(f, ...))
  if results[1] then return unpack(results, 1, results.n) end
  return false, handler(results[2])
end

function setmetatable(t, mt)
  if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
    error("setmetatable: __gc is not allowed in the sandbox", 2)
  end
  return setmetatable0(t, mt)
end
-- The caps: bytes string.rep may build, bytes in a pattern, the matcher's work, elements table.move copies.
local MAX_REP, MAX_PATTERN, MAX_WORK, MAX_MOVE =
  16777216, 256, 10000000.0, 16777216
local tonumber, mmove, tunpack, tconcat, tinsert, tremove =
  tonumber, table.move, table.unpack, table.concat, table.insert, table.remove
local sbyte, supper, slower, sreverse, ulen, ucodepoint =
  string.byte, string.upper, string.lower, string.reverse, utf8.len, utf8.codepoint

-- A count is capped as well as the result: string.rep("", n) loops n times for nothing.
function string.rep(s, n, sep)
  local count = tonumber(n)
  if count and count > 1 then
    local ls = #tostring0(s)
    local lsep = sep ~= nil and #tostring0(sep) or 0
    local bytes = ls * count + lsep * (count - 1)
    if count > MAX_REP or bytes > MAX_REP then
      error("string.rep: the result would exceed the sandbox cap of " .. MAX_REP .. " bytes", 2)
    end
    charge(count / 4 + bytes / 16)
  end
  return srep(s, n, sep)
end

local function text(v) return type(v) == "number" and tostring0(v) or v end
-- The matcher's worst case is bounded by a cap, and a share of it is charged: its C loops
-- are out of the count hook's sight.
local function checkpattern(name, s, p, plain)
  s, p = text(s), text(p)
  if type(s) ~= "string" or type(p) ~= "string" then return end
  if plain then
    local work = #s * #p
    if work > MAX_WORK then
      error(name .. ": a plain search of " .. #p .. " bytes in " .. #s ..
        " bytes may take too long (sandbox cap)", 3)
    end
    charge(#s / 4 + work / 64)
    return
  end
  if #p > MAX_PATTERN then
    error(name .. ": pattern longer than the sandbox cap of " .. MAX_PATTERN .. " bytes", 3)
  end
  -- %b scans to the end of the subject from every start: it counts as a repetition.
  local _, balanced = sgsub(p, "%%b", "")
  local stripped = sgsub(p, "%%.", "x")
  local repeats, optional = balanced, 0
  for _ in sgmatch(stripped, "[%*%+%-]") do repeats = repeats + 1 end
  for _ in sgmatch(stripped, "%?") do optional = optional + 1 end
  local work = (repeats > 0 or optional > 0) and (#s + 1) ^ (repeats + 1) * 2 ^ optional or #s
  if work > MAX_WORK then
    error(name .. ": a pattern with " .. repeats .. " repetitions over " .. #s ..
      " bytes may take too long (sandbox cap)", 3)
  end
  charge(#s / 4 + work / 20)
end
function string.find(s, p, init, plain) checkpattern("string.find", s, p, plain) return sfind(s, p, init, plain) end
function string.match(s, p, init) checkpattern("string.match", s, p) return smatch(s, p, init) end
function string.gmatch(s, p, init) checkpattern("string.gmatch", s, p) return sgmatch(s, p, init) end
function string.gsub(s, p, repl, n) checkpattern("string.gsub", s, p) return sgsub(s, p, repl, n) end

-- Functions whose C loops run once per element or byte: the count is charged first.
local function span(f, e, default)
  local first, last = tonumber(f) or 1, tonumber(e) or default
  if first and last and last >= first then return last - first + 1 end
  return 0
end
function table.move(a1, f, e, t, a2)
  local count = span(f, e, 0)
  if count > MAX_MOVE then
    error("table.move: more than the sandbox cap of " .. MAX_MOVE .. " elements", 2)
  end
  charge(count)
  return mmove(a1, f, e, t, a2)
end
function table.unpack(t, i, j)
  charge(span(i, j, type(t) == "table" and rawlen(t) or 0))
  return tunpack(t, i, j)
end
function table.concat(t, sep, i, j)
  charge(span(i, j, type(t) == "table" and #t or 0))
  return tconcat(t, sep, i, j)
end
-- Inserting or removing in the middle shifts every later element in C; #t may come from a
-- __len metamethod, so it is capped like table.move.
local function shifted(name, t, pos)
  local n = type(t) == "table" and #t or 0
  if type(n) ~= "number" or n > MAX_MOVE then
    error(name .. ": a length over the sandbox cap of " .. MAX_MOVE .. " elements", 3)
  end
  charge(n - (tonumber(pos) or n) + 1)
end
function table.insert(t, ...)
  if select("#", ...) >= 2 then shifted("table.insert", t, (...)) end
  return tinsert(t, ...)
end
function table.remove(t, pos)
  shifted("table.remove", t, pos)
  return tremove(t, pos)
end
function string.byte(s, i, j)
  charge(span(i, j or i, 1))
  return sbyte(s, i, j)
end
function string.upper(s) charge(#text(s) / 8) return supper(s) end
function string.lower(s) charge(#text(s) / 8) return slower(s) end
function string.reverse(s) charge(#text(s) / 8) return sreverse(s) end
function utf8.len(s, i, j) charge(#text(s) / 8) return ulen(s, i, j) end
function utf8.codepoint(s, i, j) charge(span(i, j or i, 1)) return ucodepoint(s, i, j) end

-- The string metatable is shared by every string: scripts may not reach it.
getmetatable0("").__metatable = false
