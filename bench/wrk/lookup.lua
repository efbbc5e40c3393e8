-- GET /schemas/ids/{id} for ids drawn uniformly from 1..max (first script argument).
function init(args)
  max = tonumber(args[1] or "1")
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  return wrk.format("GET", "/schemas/ids/" .. math.random(1, max))
end
