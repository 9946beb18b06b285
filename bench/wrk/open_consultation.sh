# Sourced by the wrk scripts, with "${cli[@]}" set to the hoering CLI with the
# admin token $token and the server at $url:
# - open_consultation TITLE registers 50 parties (party-01..party-50), imports
#   and publishes the 2024-2027 agreement as "sa", and opens consultation h1
#   (TITLE) from a minute ago to tomorrow with every party invited;
# - fill_consultation N posts responses to h1 with responses.lua until it
#   holds at least N (wrk stops on time, so it loops); sets `have`, the count.
open_consultation() {
  local invite=() i
  for i in $(seq -w 1 50); do
    "${cli[@]}" parties add --id "party-$i" --name "Party $i" --kind organisation >/dev/null
    invite+=(--invite "party-$i")
  done
  "${cli[@]}" agreement create --id sa --title "Sundhedsaftalen 2024-2027" >/dev/null
  "${cli[@]}" agreement import sa tests/fixtures/agreement-2024-2027.md --rationale seed >/dev/null
  "${cli[@]}" agreement publish sa --label draft >/dev/null
  "${cli[@]}" consultation open h1 --agreement sa --version draft --title "$1" \
    --opens "$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)" \
    --closes "$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)" "${invite[@]}" >/dev/null
}

fill_consultation() {
  while true; do
    have=$(curl -s "$url/v1/consultations/h1" | grep -o '"submitted":[0-9]*' | cut -d: -f2)
    [ "$have" -ge "$1" ] && break
    HOERING_WRK_TOKEN="$token" HOERING_WRK_CONSULTATION=h1 \
      wrk -t 2 -c 32 -d 2s -s bench/wrk/responses.lua "$url" >/dev/null
  done
}
