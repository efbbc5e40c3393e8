-- POST /subjects/{s}/versions, each request a new schema: 10,000 subjects, each new version of a subject adds
-- one optional field with a default (BACKWARD-compatible with the previous version). Requests are numbered per
-- thread from a run-wide base (first script argument), so runs never repeat a schema. Arguments: base,
-- number of subjects, path prefix of the API (e.g. /apis/ccompat/v7 for Apicurio).
local counter = 1
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  base = tonumber(args[1] or "0")
  subjects = tonumber(args[2] or "10000")
  prefix = args[3] or ""
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/vnd.schemaregistry.v1+json"
end

function request()
  local n = base + tid * 10000000 + counter
  counter = counter + 1
  local s = n % subjects
  local schema = string.format(
    '{\\"type\\":\\"record\\",\\"name\\":\\"Event%d\\",\\"namespace\\":\\"bench\\",\\"fields\\":[' ..
    '{\\"name\\":\\"id\\",\\"type\\":\\"string\\"},' ..
    '{\\"name\\":\\"f%d\\",\\"type\\":[\\"null\\",\\"string\\"],\\"default\\":null}]}', s, n)
  return wrk.format(nil, string.format("%s/subjects/bench-%05d-value/versions", prefix, s), nil,
    '{"schema":"' .. schema .. '"}')
end

function response(status, headers, body)
  if status ~= 200 then
    failed = (failed or 0) + 1
    if failed < 3 then print("status " .. status .. ": " .. body) end
  end
end
