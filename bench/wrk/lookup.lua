-- GET /schemas/ids/{id} for ids drawn uniformly from 1..max (first script argument; the second is the API's
-- path prefix, e.g. /apis/ccompat/v7 for Apicurio).
function init(args)
  max = tonumber(args[1] or "1")
  prefix = args[2] or ""
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  return wrk.format("GET", prefix .. "/schemas/ids/" .. math.random(1, max))
end
