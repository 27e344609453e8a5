#!/bin/sh
# One connection to the stand-in for the local Workers runtime's egress sidecar
# (`cloudflare/proxy-everything`, not pullable on an offline test ground). It answers only
# what workerd asks of that sidecar (workerd src/workerd/server/container-client.c++; see
# shared/reference/local-dev.md, "The sidecar image"):
#   PUT /egress   -> 200 (readiness probe; the body is read and ignored)
#   GET /ca       -> 200 with a PEM certificate
#   CONNECT h:p   -> 400 while nothing listens on port p in this network namespace,
#                    else 200 and the bytes relayed to 127.0.0.1:p
# It intercepts no outbound traffic: egress features do not work with it. Test ground only.
# Run per connection by `nc -ll -p 39001 -e`; stdin/stdout are the socket.
cr=$(printf '\r')
read -r method target _ || exit 0
length=0
destination=""
while read -r line; do
  line=${line%"$cr"}
  [ -z "$line" ] && break
  case "$line" in
    [Cc]ontent-[Ll]ength:*) length=$(echo "${line#*:}" | tr -d ' ') ;;
    [Xx]-[Dd]st-[Aa]ddr:*) destination=$(echo "${line#*:}" | tr -d ' ') ;;
  esac
done

answer() { printf 'HTTP/1.1 %s\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s' "$1" "${#2}" "$2"; }

listening() {
  # /proc/net/tcp{,6}: local address "IP:PORT" in hex, state 0A = LISTEN.
  hex=$(printf '%04X' "$1")
  cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk -v p=":$hex" '$4 == "0A" && substr($2, length($2) - 4) == p { found = 1 } END { exit !found }'
}

case "$method $target" in
  "PUT /egress"*)
    [ "$length" -gt 0 ] 2>/dev/null && head -c "$length" >/dev/null
    answer "200 OK" "" ;;
  "GET /ca"*)
    answer "200 OK" "$(cat /etc/stand-in/ca.pem)" ;;
  CONNECT*)
    [ -n "$destination" ] || destination=$target
    port=${destination##*:}
    if listening "$port"; then
      printf 'HTTP/1.1 200 Connection Established\r\n\r\n'
      exec nc 127.0.0.1 "$port"
    fi
    answer "400 Bad Request" "not listening on $port" ;;
  *)
    answer "404 Not Found" "" ;;
esac
