-- wrk script: each thread saves its own draft's Word document back with PUT /api/drafts/{id}/document.
-- Run with one connection per thread (-t16 -c16): a thread's requests are then sequential, so it can send the
-- ETag its previous PUT returned. put-document.sh prepares the drafts and runs this; by hand:
--
--   PUT_DOCUMENT_TOKEN=<bearer token> PUT_DOCUMENT_LIST=<file> wrk -t16 -c16 -d30s --latency -s put-document.lua http://127.0.0.1:PORT
--
-- PUT_DOCUMENT_LIST has one line per thread: "<draft id> <etag, quotes included> <path of that draft's .docx>".
-- PUT_DOCUMENT_THINK_MS makes each client wait that long between its saves (an autosave interval).

local threads = {}
local drafts = {}

local function required(name)
   local value = os.getenv(name)
   if value == nil or value == "" then
      error(name .. " is not set (see the top of put-document.lua)")
   end
   return value
end

-- Runs in wrk's main Lua state, once per thread, before init.
function setup(thread)
   if #drafts == 0 then
      local list = required("PUT_DOCUMENT_LIST")
      for line in io.lines(list) do
         local id, etag, path = line:match("^(%S+)%s+(%S+)%s+(.+)$")
         if id then
            drafts[#drafts + 1] = { id = id, etag = etag, path = path }
         end
      end
   end

   local n = #threads + 1
   local draft = drafts[n]
   if draft == nil then
      error("thread " .. n .. " has no draft: " .. #drafts .. " listed; run as many threads as drafts, one connection each")
   end

   thread:set("number", n)
   thread:set("draft_id", draft.id)
   thread:set("etag", draft.etag)
   thread:set("doc_path", draft.path)
   thread:set("token", required("PUT_DOCUMENT_TOKEN"))
   threads[n] = thread
end

-- Runs in each thread's own Lua state; the globals set in setup are there.
function init(args)
   local file = assert(io.open(doc_path, "rb"))
   body = file:read("*a")
   file:close()
   if #body == 0 then
      error(doc_path .. " is empty")
   end

   path = "/api/drafts/" .. draft_id .. "/document"
   responses = 0
   non200 = 0
   statuses = ""
   shown = 0
end

-- Time each client waits between saves (PUT_DOCUMENT_THINK_MS, default 0: back to back, the saturation test). wrk
-- measures latency from sending a request, so the wait is not counted in it.
local think = tonumber(os.getenv("PUT_DOCUMENT_THINK_MS") or "0")

function delay()
   return think
end

function request()
   return wrk.format("PUT", path, {
      ["Authorization"] = "Bearer " .. token,
      ["If-Match"] = etag,
      ["Content-Type"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
   }, body)
end

-- wrk hands over the header names as the server sent them (Kestrel: "ETag"); accept any casing.
local function header(headers, name)
   local wanted = name:lower()
   for key, value in pairs(headers) do
      if key:lower() == wanted then
         return value
      end
   end
   return nil
end

function response(status, headers, response_body)
   responses = responses + 1
   if status == 200 then
      local next_etag = header(headers, "ETag")
      if next_etag then
         etag = next_etag
      else
         non200 = non200 + 1
         statuses = statuses .. " 200-without-etag"
      end
      return
   end

   -- Kept as a string: wrk copies plain values between Lua states, and a count per status is all done() needs.
   non200 = non200 + 1
   statuses = statuses .. " " .. status
   if shown < 2 then
      shown = shown + 1
      io.stderr:write(string.format("thread %d, draft %s, If-Match %s: HTTP %d %s\n",
         number, draft_id, etag, status, (response_body or ""):sub(1, 300)))
   end
end

local function ms(microseconds)
   return string.format("%.2f ms", microseconds / 1000)
end

function done(summary, latency, requests)
   local failed, answered = 0, 0
   local by_status = {}
   for _, thread in ipairs(threads) do
      failed = failed + (thread:get("non200") or 0)
      answered = answered + (thread:get("responses") or 0)
      for status in (thread:get("statuses") or ""):gmatch("%S+") do
         by_status[status] = (by_status[status] or 0) + 1
      end
   end

   local seconds = summary.duration / 1e6
   local e = summary.errors
   io.write("\n--- PUT /api/drafts/{id}/document ---\n")
   io.write(string.format("clients (threads x 1 connection): %d\n", #threads))
   io.write(string.format("requests: %d in %.1f s = %.1f requests/s\n", summary.requests, seconds, summary.requests / seconds))
   io.write(string.format("latency p50 %s  p90 %s  p99 %s  max %s  (mean %s, stdev %s)\n",
      ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)), ms(latency.max),
      ms(latency.mean), ms(latency.stdev)))
   io.write(string.format("responses seen by the script: %d\n", answered))
   local breakdown = {}
   for status, count in pairs(by_status) do
      breakdown[#breakdown + 1] = status .. " x" .. count
   end
   table.sort(breakdown)
   io.write(string.format("non-200 responses: %d%s\n", failed, #breakdown > 0 and (" (" .. table.concat(breakdown, ", ") .. ")") or ""))
   io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n", e.connect, e.read, e.write, e.timeout))
end
