-- sandbox.lua: the prelude Sandbox.swift runs in every Lua state before any scenario code.
-- Code keeps its line numbers: errors raised in it name them ("sandbox:N:"), and scripts see those.
local charge, sortedkeys = ...
-- Everything the wrappers call is captured here: a script may replace the globals.
local type, error, rawget, select = type, error, rawget, select
local getmetatable0, setmetatable0, tostring0, sort0 = getmetatable, setmetatable, tostring, table.sort
local unpack = table.unpack
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

-- A conversion takes time in proportion to what it writes, and '%99.99f' of 1e308 writes 408
-- digits, slowly: what the format writes beyond the strings it copies is charged 2 per byte. A call
-- that fails part-way leaves nothing to measure: it is charged as if each '%' had written the most
-- one conversion can (lstrlib.c's MAX_ITEMF, 110 + 308 digits).
local MAX_ITEM, MEMORY = 418, "not enough memory"
local pcall0 = pcall
function string.format(fmt, ...)
  if type(fmt) == "string" and sfind(sgsub(fmt, "%%%%", ""), "%%[-+ #0-9.]*p") then
    error("string.format: '%p' is not available in the sandbox", 2)
  end
  local n = select("#", ...)
  local args = { ... }
  local copied = 0
  for i = 1, n do
    local kind = type(args[i])
    if addressed[kind] then args[i] = tostring_safe(args[i]) elseif kind == "string" then copied = copied + #args[i] end
  end
  local ok, result = pcall0(sformat, fmt, unpack(args, 1, n))
  if ok then
    if #result > copied then charge((#result - copied) * 2) end
    return result
  end
  if result == MEMORY then error(MEMORY, 0) end
  local _, conversions = sgsub(type(fmt) == "string" and fmt or "", "%%", "")
  charge(conversions * MAX_ITEM * 2)
  error(result, 2)
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
local pack = table.pack
-- A caught error is charged for the C work of raising it (its message, the unwinding), which
-- the count hook does not see: a loop of failing calls runs no faster per instruction than others.
local RAISE = 100
local function guarded_pcall(f, ...)
  local results = pack(pcall0(f, ...))
  if not results[1] then
    if results[2] == MEMORY then error(MEMORY, 0) end
    charge(RAISE)
  end
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
-- What is charged, in instructions (docs/scenario-api.md, "Limits"): every byte Lua allocates,
-- 1 per 16, in C (CLuaShim.c), which covers all copying into new strings and tables, `..`
-- included; and here, the C loops that allocate nothing: per element or per byte they touch,
-- counted the way Lua clamps their arguments, so that a call that does no work costs nothing.
-- The caps: bytes string.rep may build, bytes in a pattern, the matcher's work, elements table.move copies.
local MAX_REP, MAX_PATTERN, MAX_WORK, MAX_MOVE =
  16777216, 256, 10000000.0, 16777216
local tonumber0, mmove, tunpack, tconcat, tinsert, tremove =
  tonumber, table.move, table.unpack, table.concat, table.insert, table.remove
local sbyte, supper, slower, sreverse, spack, sunpack, spacksize =
  string.byte, string.upper, string.lower, string.reverse, string.pack, string.unpack, string.packsize
local ulen, ucodepoint, uoffset, ucodes = utf8.len, utf8.codepoint, utf8.offset, utf8.codes
local tointeger, mmax, mmin, mabs = math.tointeger, math.max, math.min, math.abs
-- LUAI_MAXSTACK: a C function refuses to push this many results before doing any work.
local MAX_RESULTS = 1000000

local function text(v) return type(v) == "number" and tostring0(v) or v end
local function length(v)
  v = text(v)
  return type(v) == "string" and #v or 0
end

-- Converting a string to a number scans all of it: "  …  " may be megabytes of spaces.
function tonumber(v, base)
  if type(v) == "string" then charge(#v / 4) end
  return tonumber0(v, base)
end
-- Two different strings of the same length are compared byte by byte (the `==` operator does the
-- same inside one VM instruction, which nothing outside Lua can count: docs/scenario-api.md).
local rawequal0 = rawequal
function rawequal(a, b)
  if type(a) == "string" and type(b) == "string" and #a == #b then charge(#a / 16) end
  return rawequal0(a, b)
end
-- A count is capped as well as the result: string.rep("", n) loops n times for nothing. The
-- bytes it builds are charged as they are allocated.
function string.rep(s, n, sep)
  local count = tonumber0(n)
  if count and count > 1 then
    local ls = #tostring0(s)
    local lsep = sep ~= nil and #tostring0(sep) or 0
    local bytes = ls * count + lsep * (count - 1)
    if count > MAX_REP or bytes > MAX_REP then
      error("string.rep: the result would exceed the sandbox cap of " .. MAX_REP .. " bytes", 2)
    end
    charge(count / 4)
  end
  return srep(s, n, sep)
end

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

-- Elements from f to e; table.unpack and table.concat are given e explicitly, so the count
-- charged is the count done even when a __len metamethod answers differently on each call.
local function span(f, e)
  local first, last = tonumber0(f) or 1, tonumber0(e)
  if first and last and last >= first then return last - first + 1 end
  return 0
end
-- The results a function pushes: none when there would be too many for Lua's stack.
local function results(count) return count < MAX_RESULTS and count or 0 end
function table.move(a1, f, e, t, a2)
  local count = span(f, e)
  if count > MAX_MOVE then
    error("table.move: more than the sandbox cap of " .. MAX_MOVE .. " elements", 2)
  end
  charge(count)
  return mmove(a1, f, e, t, a2)
end
-- Each value is read from the table, then moved again by the VM to where the caller wants it.
function table.unpack(t, i, j)
  if j == nil and type(t) == "table" then j = #t end
  charge(2 * results(span(i, j)))
  return tunpack(t, i, j)
end
function table.concat(t, sep, i, j)
  if j == nil and type(t) == "table" then j = #t end
  charge(span(i, j))
  return tconcat(t, sep, i, j)
end
-- Inserting or removing in the middle shifts every later element in C; #t may come from a
-- __len metamethod, so it is capped like table.move.
local function shifted(name, t, pos)
  local n = type(t) == "table" and #t or 0
  if type(n) ~= "number" or n > MAX_MOVE then
    error(name .. ": a length over the sandbox cap of " .. MAX_MOVE .. " elements", 3)
  end
  charge(n - (tonumber0(pos) or n) + 1)
end
function table.insert(t, ...)
  if select("#", ...) >= 2 then shifted("table.insert", t, (...)) end
  return tinsert(t, ...)
end
function table.remove(t, pos)
  shifted("table.remove", t, pos)
  return tremove(t, pos)
end

-- Positions clamped as lstrlib.c clamps them (posrelatI, getendpos): the first from 1, the last to
-- the length, so that string.byte('abc', 1, 3e8) is charged 3 and string.byte(s, 1, -1) #s.
local function firstbyte(pos, len)
  if pos > 0 then return pos elseif pos == 0 or pos < -len then return 1 end
  return len + pos + 1
end
local function lastbyte(pos, len)
  if pos > len then return len elseif pos >= 0 then return pos elseif pos < -len then return 0 end
  return len + pos + 1
end
function string.byte(s, i, j)
  local len, first = length(s), tonumber0(i or 1)
  if first then
    first = firstbyte(first, len)
    local last = tonumber0(j or first)
    if last then charge(results(span(first, lastbyte(last, len)))) end
  end
  return sbyte(s, i, j)
end
-- lutf8lib.c's u_posrelat: a negative position counts from the end, 0 past its start.
local function utf8pos(pos, len)
  if pos >= 0 then return pos elseif -pos > len then return 0 end
  return len + pos + 1
end
-- utf8.codepoint refuses positions out of the string before doing anything: those cost nothing.
function utf8.codepoint(s, i, j)
  local len, first = length(s), tonumber0(i or 1)
  if first then
    first = utf8pos(first, len)
    local last = tonumber0(j or first)
    last = last and utf8pos(last, len)
    if last and first >= 1 and last <= len then charge(results(span(first, last))) end
  end
  return ucodepoint(s, i, j)
end
function utf8.len(s, i, j)
  local len, first, last = length(s), tonumber0(i or 1), tonumber0(j or -1)
  if first and last then charge(span(mmax(utf8pos(first, len), 1), mmin(utf8pos(last, len), len)) / 8) end
  return ulen(s, i, j)
end
-- utf8.offset skips any run of continuation bytes, up to the whole string, and raises nothing once it
-- has started: what it scanned is charged from the position it returns.
function utf8.offset(s, n, i)
  local len = length(s)
  local start = tonumber0(i or ((tonumber0(n) or 1) >= 0 and 1 or len + 1))
  local found = uoffset(s, n, i)
  if start then
    start = utf8pos(start, len)
    charge(mabs((found or ((tonumber0(n) or 0) > 0 and len + 1 or 0)) - start) / 8)
  end
  return found
end
-- The iterator skips the run of continuation bytes where it stands, then may raise on what follows:
-- the run is measured (and charged) before it is skipped.
local CONTINUATION = "^[\128-\191]*"
function utf8.codes(s, lax)
  local step, subject, control = ucodes(s, lax)
  return function(str, at)
    local from = tointeger(at) or 0
    if type(str) == "string" and from >= 0 then
      local _, last = sfind(str, CONTINUATION, from + 1)
      charge((last or from) - from)
    end
    return step(str, at)
  end, subject, control
end
function string.upper(s) charge(length(s) / 8) return supper(s) end
function string.lower(s) charge(length(s) / 8) return slower(s) end
function string.reverse(s) charge(length(s) / 8) return sreverse(s) end
-- A format is read once per option, and string.unpack may scan its subject for a zero byte ('z').
function string.pack(fmt, ...) charge(length(fmt) / 8) return spack(fmt, ...) end
function string.packsize(fmt) charge(length(fmt) / 8) return spacksize(fmt) end
function string.unpack(fmt, s, pos) charge((length(fmt) + length(s)) / 8) return sunpack(fmt, s, pos) end

-- The string metatable is shared by every string: scripts may not reach it.
getmetatable0("").__metatable = false
