-- wrk script: GET /api/v1/verify/{number}, cycling through the numbers in numbers.txt
local numbers = {}
for line in io.lines(os.getenv("NUMBERS")) do numbers[#numbers + 1] = line end
local i = math.random(1, #numbers)
function request()
  i = i % #numbers + 1
  return wrk.format("GET", "/api/v1/verify/" .. numbers[i])
end
