-- wrk script: GET /c/{number}/{DOC} (a stored document: certificate.pdf, badge.png …), cycling through the numbers in numbers.txt
local numbers = {}
for line in io.lines(os.getenv("NUMBERS")) do numbers[#numbers + 1] = line end
local doc = os.getenv("DOC")
local i = math.random(1, #numbers)
function request()
  i = i % #numbers + 1
  return wrk.format("GET", "/c/" .. numbers[i] .. "/" .. doc)
end
