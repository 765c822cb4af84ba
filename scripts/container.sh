#!/usr/bin/env bash
# Builds the Microsoft 365 mode container image with the .NET SDK's own container support (no Docker engine) and proves
# it: the image's app starts in Graph mode on PostgreSQL, against loopback stand-ins, and answers /health/ready.
#
#   bash scripts/container.sh
#
# REUSE_IMAGE=1 skips the build and starts what an earlier run wrote.
# Writes artifacts/container/responsedrafter.tar (the image, `docker load`/`podman load`-able) and the idempotent
# migration script artifacts/container/migrations/postgresql.sql. Ends with "container: passed" or "container: failed".
#
# The project's ContainerBaseImage is mcr.microsoft.com/dotnet/aspnet:10.0, which real builds use. This machine cannot
# reach that registry, so this script stands in a base image of the same shape (Debian 12's runtime libraries and the
# .NET runtime installed here, under /usr/share/dotnet, user `app` 1654) served by a registry on loopback, and
# publishes the same, unchanged app onto it. Then it unpacks the image's layers into a folder and runs the image's
# entrypoint there with its environment and user (unshare + chroot: what an engine does, without one).
set -euo pipefail
cd "$(dirname "$0")/.."
repo_root=$(pwd)
out="$repo_root/artifacts/container"
work=$(mktemp -d /tmp/rd-container.XXXXXX)
chmod 755 "$work"   # PostgreSQL runs as its own user under it
pids=()
result=failed

finish() {
  # unshare does not stop on SIGTERM while it waits for the app, so no waiting: SIGKILL after a second's grace
  # (--kill-child takes the app with it).
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 1
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  if [ -n "${pg_data:-}" ] && [ -f "$pg_data/postmaster.pid" ]; then as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
  echo "container: $result"
}
trap finish EXIT

step() { echo "== $*"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"

# --- What this needs from Debian ------------------------------------------------------------------------------------
need=()
command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v curl >/dev/null 2>&1 || need+=(curl)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
for pkg in libc6 libgcc-s1 libstdc++6 libicu72 libssl3 zlib1g ca-certificates tzdata; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  step "Installing ${need[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

# REUSE_IMAGE=1 starts the image and migration script already in artifacts/container (skips the build).
if [ "${REUSE_IMAGE:-0}" != 1 ]; then
# --- The stand-in base image ---------------------------------------------------------------------------------------
step "Base image: Debian 12 runtime libraries and the .NET runtime from this machine"
base="$work/base"
mkdir -p "$base/usr/bin" "$base/usr/lib" "$base/usr/lib64" "$base/usr/sbin" "$base/etc" "$base/tmp" "$base/home/app" "$base/app" "$base/proc"
ln -s usr/bin "$base/bin"; ln -s usr/lib "$base/lib"; ln -s usr/lib64 "$base/lib64"; ln -s usr/sbin "$base/sbin"
chmod 1777 "$base/tmp"
# Files (not folders) of the packages mcr.microsoft.com/dotnet/runtime-deps installs, with /lib etc. as /usr/lib.
dpkg -L libc6 libgcc-s1 libstdc++6 libicu72 libssl3 zlib1g tzdata \
  | grep -vE '^/usr/share/(doc|man|lintian|locale|info)/' \
  | sed -E 's#^/(lib|lib64|bin|sbin)/#/usr/\1/#' | sort -u \
  | while read -r f; do if [ -f "$f" ] || [ -L "$f" ]; then printf '%s\n' "${f#/}"; fi; done > "$work/files"
tar -C / --no-recursion -cf - -T "$work/files" | tar -C "$base" -xf -
mkdir -p "$base/etc/ssl/certs"; cp /etc/ssl/certs/ca-certificates.crt "$base/etc/ssl/certs/"
runtime=$(ls /usr/share/dotnet/shared/Microsoft.NETCore.App | grep '^10\.' | sort -V | tail -n 1)
aspnet=$(ls /usr/share/dotnet/shared/Microsoft.AspNetCore.App | grep '^10\.' | sort -V | tail -n 1)
mkdir -p "$base/usr/share/dotnet/shared/Microsoft.NETCore.App" "$base/usr/share/dotnet/shared/Microsoft.AspNetCore.App"
cp -a /usr/share/dotnet/dotnet /usr/share/dotnet/LICENSE.txt /usr/share/dotnet/host "$base/usr/share/dotnet/"
cp -a "/usr/share/dotnet/shared/Microsoft.NETCore.App/$runtime" "$base/usr/share/dotnet/shared/Microsoft.NETCore.App/"
cp -a "/usr/share/dotnet/shared/Microsoft.AspNetCore.App/$aspnet" "$base/usr/share/dotnet/shared/Microsoft.AspNetCore.App/"
ln -s ../share/dotnet/dotnet "$base/usr/bin/dotnet"
printf 'root:x:0:0:root:/root:/usr/sbin/nologin\napp:x:1654:1654:app:/home/app:/usr/sbin/nologin\n' > "$base/etc/passwd"
printf 'root:x:0:\napp:x:1654:\n' > "$base/etc/group"
chown 1654:1654 "$base/home/app"

tar -C "$base" --sort=name --numeric-owner --mtime=@0 -cf "$work/base-layer.tar" .
diff_id=$(sha256sum "$work/base-layer.tar" | cut -d' ' -f1)
gzip -n -1 "$work/base-layer.tar"
layer="$work/base-layer.tar.gz"
layer_digest=$(sha256sum "$layer" | cut -d' ' -f1)
cat > "$work/base-config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","APP_UID=1654","ASPNETCORE_HTTP_PORTS=8080",
   "DOTNET_RUNNING_IN_CONTAINER=true","DOTNET_VERSION=$runtime","ASPNET_VERSION=$aspnet"],"WorkingDir":"/"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created_by":"scripts/container.sh: Debian 12 runtime libraries and .NET $runtime from the build machine"}]}
JSON
config_digest=$(sha256sum "$work/base-config.json" | cut -d' ' -f1)
cat > "$work/base-manifest.json" <<JSON
{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
 "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":$(stat -c %s "$work/base-config.json"),"digest":"sha256:$config_digest"},
 "layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":$(stat -c %s "$layer"),"digest":"sha256:$layer_digest"}]}
JSON

# --- A registry on loopback serving it -----------------------------------------------------------------------------
registry_port=$(free_port)
registry="127.0.0.1:$registry_port"
cat > "$work/registry.yml" <<YAML
version: 0.1
log: { level: warn }
storage: { filesystem: { rootdirectory: $work/registry } }
http: { addr: $registry }
YAML
docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -fs "http://$registry/v2/" >/dev/null && break; sleep 0.1; done
push_blob() {
  local file="$1" digest="$2" location
  location=$(curl -fsS -X POST -D - -o /dev/null "http://$registry/v2/dotnet/aspnet/blobs/uploads/" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  case "$location" in http*) ;; *) location="http://$registry$location" ;; esac
  case "$location" in *\?*) location="$location&digest=sha256:$digest" ;; *) location="$location?digest=sha256:$digest" ;; esac
  curl -fsS -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@$file" "$location" >/dev/null
}
push_blob "$layer" "$layer_digest"
push_blob "$work/base-config.json" "$config_digest"
curl -fsS -X PUT -H 'Content-Type: application/vnd.docker.distribution.manifest.v2+json' \
  --data-binary "@$work/base-manifest.json" "http://$registry/v2/dotnet/aspnet/manifests/10.0" >/dev/null
echo "base image $registry/dotnet/aspnet:10.0 ($(du -h "$layer" | cut -f1) compressed)"

# --- Migrations as an idempotent SQL script ------------------------------------------------------------------------
step "Migrations: dotnet ef migrations script --idempotent (PostgreSQL)"
mkdir -p "$out/migrations"
dotnet tool restore >/dev/null
dotnet ef migrations script --idempotent --project src/ResponseDrafter.Api --context PostgreSqlDraftingDb \
  --output "$out/migrations/postgresql.sql" >"$work/ef.log" 2>&1 || { cat "$work/ef.log"; exit 1; }
echo "$out/migrations/postgresql.sql ($(grep -c 'IF NOT EXISTS' "$out/migrations/postgresql.sql") guarded steps)"

# --- The image, by the SDK -----------------------------------------------------------------------------------------
step "dotnet publish -t:PublishContainer onto $registry/dotnet/aspnet:10.0"
rm -f "$out/responsedrafter.tar"
DOTNET_CONTAINER_INSECURE_REGISTRIES="$registry" dotnet publish src/ResponseDrafter.Api -c Release -r linux-x64 -nologo -v quiet \
  -t:PublishContainer -p:ContainerBaseImage="$registry/dotnet/aspnet:10.0" -p:ContainerArchiveOutputPath="$out/responsedrafter.tar"
ls -l "$out/responsedrafter.tar"
fi

# --- Unpack the image: its layers in order, and its config ---------------------------------------------------------
step "Unpacking the image"
root="$work/rootfs"
mkdir -p "$root"
python3 - "$out/responsedrafter.tar" "$root" "$work/image.env" <<'PY'
import json, os, shlex, sys, tarfile
archive, root, env_out = sys.argv[1:]
with tarfile.open(archive) as image:
    names = image.getnames()
    def read(name):
        return image.extractfile(name).read()
    if "manifest.json" in names:                       # docker save format
        manifest = json.loads(read("manifest.json"))[0]
        config = json.loads(read(manifest["Config"]))
        layers = manifest["Layers"]
    else:                                               # OCI image layout
        index = json.loads(read("index.json"))
        manifest = json.loads(read("blobs/" + index["manifests"][0]["digest"].replace(":", "/")))
        if "manifests" in manifest:                     # an index of one platform
            manifest = json.loads(read("blobs/" + manifest["manifests"][0]["digest"].replace(":", "/")))
        config = json.loads(read("blobs/" + manifest["config"]["digest"].replace(":", "/")))
        layers = ["blobs/" + l["digest"].replace(":", "/") for l in manifest["layers"]]
    for layer in layers:
        with tarfile.open(fileobj=image.extractfile(layer)) as files:
            files.extractall(root, numeric_owner=True, filter="fully_trusted")
c = config["config"]
with open(env_out, "w") as f:
    f.write("image_env=(%s)\n" % " ".join(shlex.quote(e) for e in c.get("Env", [])))
    f.write("image_cmd=(%s)\n" % " ".join(shlex.quote(a) for a in (c.get("Entrypoint") or []) + (c.get("Cmd") or [])))
    f.write("image_wd=%s\n" % shlex.quote(c.get("WorkingDir") or "/"))
    f.write("image_user=%s\n" % shlex.quote(c.get("User") or "0"))
PY
# shellcheck disable=SC1091
source "$work/image.env"
echo "entrypoint: ${image_cmd[*]} (user ${image_user}, in ${image_wd})"

# --- PostgreSQL, migrated by the shipped script (twice: it is idempotent) ------------------------------------------
step "PostgreSQL on loopback, migrated by $out/migrations/postgresql.sql"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_home="$work/pg"; pg_data="$pg_home/data"; pg_port=$(free_port)
mkdir -p "$pg_home"; [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$pg_home"
as_postgres "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres -E UTF8 --locale=C --no-sync >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_home/server.log" -w -t 60 start \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_home -c fsync=off" >/dev/null
psql_() { "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }
psql_ -d postgres -c 'CREATE DATABASE responsedrafter' >/dev/null
psql_ -d responsedrafter -f "$out/migrations/postgresql.sql" >/dev/null
psql_ -d responsedrafter -f "$out/migrations/postgresql.sql" >/dev/null
echo "applied twice; migrations recorded: $(psql_ -d responsedrafter -At -c 'SELECT count(*) FROM "__EFMigrationsHistory"')"

# --- Loopback stand-ins for Entra and Graph ------------------------------------------------------------------------
# Over HTTPS (JwtBearer refuses an http authority outside Development), with a certificate made here and added to the
# unpacked image's CA bundle, as an organisation adds its own CA.
standin_port=$(free_port)
tenant=7d1f3a52-5c1e-4f7b-9b0e-2f6c1d9a4e10
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$work/standin.key" -out "$work/standin.crt" 2>/dev/null
cat "$work/standin.crt" >> "$root/etc/ssl/certs/ca-certificates.crt"
python3 - "$standin_port" "$tenant" "$work/standin.crt" "$work/standin.key" >"$work/standin.log" 2>&1 <<'PY' &
import http.server, json, ssl, sys
port, tenant, cert, key = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
base = f"https://127.0.0.1:{port}"
class StandIn(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.endswith("/.well-known/openid-configuration"):
            body = {"issuer": f"{base}/{tenant}/v2.0", "authorization_endpoint": f"{base}/{tenant}/oauth2/v2.0/authorize",
                    "token_endpoint": f"{base}/{tenant}/oauth2/v2.0/token", "jwks_uri": f"{base}/{tenant}/discovery/v2.0/keys"}
        elif self.path.endswith("/discovery/v2.0/keys"):
            body = {"keys": []}
        else:
            body = {"error": {"code": "itemNotFound", "message": "stand-in"}}
            self.send_response(404)
        if self.path.endswith(("/.well-known/openid-configuration", "/discovery/v2.0/keys")):
            self.send_response(200)
        data = json.dumps(body).encode()
        self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", str(len(data)))
        self.end_headers(); self.wfile.write(data)
    def log_message(self, fmt, *args):
        print("stand-in:", fmt % args, flush=True)
server = http.server.ThreadingHTTPServer(("127.0.0.1", port), StandIn)
tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); tls.load_cert_chain(cert, key)
server.socket = tls.wrap_socket(server.socket, server_side=True)
server.serve_forever()
PY
pids+=($!)

# --- Start the image's app -----------------------------------------------------------------------------------------
step "Starting the image's entrypoint in Graph mode (Production)"
app_port=$(free_port)
origin_host=responsedrafter.opcc.example
mkdir -p "$root/proc" "$root/dev"
# The devices an engine gives every container (the runtime's random numbers come from /dev/urandom).
for dev in "null 1 3" "zero 1 5" "random 1 8" "urandom 1 9"; do
  set -- $dev; [ -e "$root/dev/$1" ] || $sudo_cmd mknod -m 666 "$root/dev/$1" c "$2" "$3"
done
# Loopback only: the image's own ASPNETCORE_HTTP_PORTS would listen on every interface of this (shared) host.
run_env=("${image_env[@]}"
  "ASPNETCORE_URLS=http://127.0.0.1:$app_port"
  "ASPNETCORE_ENVIRONMENT=Production"
  "PublicOrigin=https://$origin_host"
  "Integrations__Mode=Graph"
  "AzureAd__Instance=https://127.0.0.1:$standin_port/"
  "AzureAd__TenantId=$tenant"
  "AzureAd__ClientId=3f1c2b7e-8a4d-4c55-9e21-6b0f5d7a9c31"
  "AzureAd__ClientSecret=stand-in-secret-not-used-outside-this-script"
  "Integrations__Graph__BaseUrl=https://127.0.0.1:$standin_port/v1.0"
  "Integrations__Graph__Tenants__${tenant}__DriveId=b!stand-in-drive"
  "Integrations__Graph__Tenants__${tenant}__SenderMailbox=opcc@wessex-pcc.example"
  "Database__Provider=PostgreSql"
  "ConnectionStrings__Drafting=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=responsedrafter"
  "HOME=/home/app")
uid="${image_user%%:*}"; gid=$(awk -F: -v u="$uid" '$1 == u || $3 == u { print $4 }' "$root/etc/passwd"); uid=$(awk -F: -v u="$uid" '$1 == u || $3 == u { print $3 }' "$root/etc/passwd")
unshare_args=(--fork --pid --mount --mount-proc=/proc --root="$root" --wd="$image_wd" --setuid="${uid:-0}" --setgid="${gid:-0}")
[ "$(id -u)" -eq 0 ] || unshare_args=(--map-root-user "${unshare_args[@]:0:6}")
unshare_args=(--kill-child "${unshare_args[@]}")   # stopping unshare stops the app
env -i "${run_env[@]}" unshare "${unshare_args[@]}" "${image_cmd[@]}" >"$work/app.log" 2>&1 &
app_pid=$!
pids+=("$app_pid")

status=""
for _ in $(seq 1 300); do
  status=$(curl -s -m 5 -o "$work/ready.json" -w '%{http_code}' -H "Host: $origin_host" "http://127.0.0.1:$app_port/health/ready" || true)
  [ "$status" = 200 ] && break
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.2
done
if [ "$status" != 200 ]; then
  echo "The image's app did not answer /health/ready with 200 (last status: ${status:-none}). Its output:"
  tail -n 60 "$work/app.log"
  exit 1
fi
echo "/health/ready: $(cat "$work/ready.json")"
curl -fsS -H "Host: $origin_host" "http://127.0.0.1:$app_port/health/live" >/dev/null
echo "/health/live: 200"
# A bearer token makes JwtBearer read Entra's metadata: from the stand-in, over HTTPS, and the token is refused.
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
token="$(printf '{"alg":"RS256","kid":"stand-in","typ":"JWT"}' | b64url).$(printf '{"iss":"https://127.0.0.1:%s/%s/v2.0","aud":"3f1c2b7e-8a4d-4c55-9e21-6b0f5d7a9c31","exp":4102444800}' "$standin_port" "$tenant" | b64url).c2lnbmF0dXJl"
status=$(curl -s -m 30 -o /dev/null -w '%{http_code}' -H "Host: $origin_host" -H "Authorization: Bearer $token" "http://127.0.0.1:$app_port/api/me")
grep -q "GET /$tenant/v2.0/.well-known/openid-configuration" "$work/standin.log" \
  || { echo "The app did not read Entra's metadata from the stand-in (/api/me answered $status):"; cat "$work/standin.log"; exit 1; }
echo "/api/me with a bad token: $status, after reading the stand-in's OpenID metadata"
[ "$status" = 401 ] || exit 1
result=passed
