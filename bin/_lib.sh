# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# Shared by bin/setup, bin/run and bin/test. Sourced, not run.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_PATH=${ODOO_PATH:-/opt/odoo}
VENV="$ROOT/.venv"
RUN_DIR="$ROOT/.run"
CONF="$RUN_DIR/odoo.conf"
PY="$VENV/bin/python"
SP_ADDONS="seconde_pousse_base,seconde_pousse_farm,seconde_pousse_insertion,seconde_pousse_planning,seconde_pousse_canteen"
# French accounting is installed with the suite: the association invoices in France.
SP_INSTALL="$SP_ADDONS,l10n_fr_account"

say() { printf '\033[1m[seconde-pousse]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[seconde-pousse] ERROR:\033[0m %s\n' "$*" >&2; exit 2; }

require_odoo() {
    if [ ! -f "$ODOO_PATH/odoo/release.py" ] || [ ! -f "$ODOO_PATH/odoo-bin" ]; then
        die "Odoo 18.0 Community was not found at ODOO_PATH=$ODOO_PATH.
  Get it in one of these ways, then run this command again:
    - a checkout of the official 18.0 branch:
        git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo.git /opt/odoo
      (or set ODOO_PATH to where your checkout is);
    - or run everything in Docker instead: docker compose up (see README.md)."
    fi
    local series
    series=$(sed -n "s/^version_info = (\([0-9]*\), \([0-9]*\).*/\1.\2/p" "$ODOO_PATH/odoo/release.py")
    [ "$series" = "18.0" ] || die "ODOO_PATH=$ODOO_PATH holds Odoo $series; Seconde Pousse needs Odoo 18.0 Community."
}

ensure_venv() {
    local stamp="$VENV/.requirements.sha" want
    want=$(cat "$ROOT"/requirements/*.txt | sha256sum | cut -d' ' -f1)
    if [ ! -x "$PY" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        say "Installing Python dependencies into .venv (first run takes a few minutes)…"
        [ -x "$PY" ] || python3 -m venv "$VENV"
        {
            "$PY" -m pip install -q --upgrade pip wheel  # setuptools: pinned in requirements/odoo.txt
            "$PY" -m pip install -q -r "$ROOT/requirements/dev.txt"
            "$PY" -m pip install -q --no-deps -r "$ROOT/requirements/oca.txt"
        } 2>&1 | grep -v "is ignored: it is neither a file nor a directory" || true
        # the pipe above hides pip's exit status: check the result instead
        PYTHONPATH="$ODOO_PATH" "$PY" -c "import lxml, psycopg2, werkzeug, pytest_odoo, websocket, ruff" \
            || die "Installing the Python dependencies failed: see the messages above."
        # what the websocket worker of --workers=N does first (gevent's plugins, through
        # pkg_resources): a dependency it cannot resolve would make it crash in a loop
        "$PY" -W ignore -c "import pkg_resources; pkg_resources.require('gevent')" \
            || die "gevent's dependencies cannot be resolved (pkg_resources): the websocket worker would not start."
        echo "$want" > "$stamp"
    fi
}

pg_is_local() {
    local host=${PGHOST:-127.0.0.1}
    [ "$host" = "127.0.0.1" ] || [ "$host" = "localhost" ] || [ "${host#/}" != "$host" ]
}

# Start the local PostgreSQL when it is down and create the odoo role once.
ensure_postgres() {
    if pg_is_local && ! pg_isready -q -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}"; then
        say "Starting the local PostgreSQL server…"
        if command -v pg_ctlcluster >/dev/null; then
            pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
        else
            die "PostgreSQL is not running on ${PGHOST:-127.0.0.1}:${PGPORT:-5432}; start it or set PGHOST/PGPORT."
        fi
        for _ in $(seq 30); do pg_isready -q -h "${PGHOST:-127.0.0.1}" && break; sleep 1; done
    fi
    if [ -z "${PGUSER:-}" ] && pg_is_local; then
        local admin=(psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U postgres -d postgres -tAq)
        if ! "${admin[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'odoo'" | grep -q 1; then
            say "Creating the PostgreSQL role odoo…"
            "${admin[@]}" -c "CREATE ROLE odoo LOGIN CREATEDB PASSWORD 'odoo'"
        fi
    fi
}

render_config() {
    mkdir -p "${SP_DATA_DIR:-$RUN_DIR/data}"
    "$PY" "$ROOT/bin/render_config.py" "$ROOT" "$ODOO_PATH" "$CONF"
}

odoo() { "$PY" "$ODOO_PATH/odoo-bin" -c "$CONF" "$@"; }

# odoo_install ARGS...: odoo-bin that also fails when a module was installed without its
# demo data (Odoo only warns, and the demo database would be left without the demo).
odoo_install() {
    local out rc=0
    out=$(mktemp)
    odoo "$@" 2>&1 | tee "$out" || rc=$?
    if grep -q "demo data failed to install" "$out"; then
        grep -B2 "demo data failed to install" "$out" | grep -v "^--" >&2
        echo "Demo data failed to install (the traceback is above)." >&2
        rc=3
    fi
    rm -f "$out"
    return "$rc"
}

# What a database holds: missing, empty, partial or ready (see bin/dbtool.py).
db_state() { "$PY" "$ROOT/bin/dbtool.py" "$CONF" state "$1" "$SP_ADDONS"; }

db_exists() { [ "$(db_state "$1")" != missing ]; }

# step LABEL LOG COMMAND...: one line per step with its time; the command's output goes
# to LOG, whose last lines are shown if it fails.
step() {
    local label=$1 log=$2 started=$SECONDS; shift 2
    printf '\033[1m[seconde-pousse]\033[0m %s… ' "$label" >&2
    if "$@" >>"$log" 2>&1; then
        printf 'done in %s s.\n' "$((SECONDS - started))" >&2
    else
        printf 'FAILED after %s s.\n' "$((SECONDS - started))" >&2
        tail -25 "$log" >&2
        die "$label failed. Full log: $log"
    fi
}

# Create an empty database whose company is in France (so l10n_fr_account loads the
# French chart of accounts), admin/admin: name, "demo" or "nodemo", language (fr_FR).
create_french_db() {
    "$PY" "$ROOT/bin/create_db.py" "$CONF" "$ODOO_PATH" "$1" "$2" "${3:-fr_FR}"
}

prepare() {
    require_odoo
    ensure_venv
    ensure_postgres
    render_config
    export PYTHONPATH="$ODOO_PATH${PYTHONPATH:+:$PYTHONPATH}"
}

drop_db() { "$PY" "$ROOT/bin/dbtool.py" "$CONF" drop "$1"; }

# The HTTP port odoo-bin will use: --http-port=N, --http-port N, -p N or -pN among the
# arguments (the last one wins, as in odoo-bin), else the configuration's http_port.
http_port() {
    local port next=""
    port=$(sed -n 's/^http_port *= *//p' "$CONF" 2>/dev/null || true); port=${port:-8069}
    for arg in "$@"; do
        if [ -n "$next" ]; then port=$arg; next=""; continue; fi
        case "$arg" in
            --http-port=*) port=${arg#--http-port=} ;;
            --http-port|-p) next=1 ;;
            -p?*) port=${arg#-p} ;;
        esac
    done
    echo "$port"
}

# Wait until Odoo answers on PORT, or its process PID has ended (then fail).
wait_for_http() {
    local port=$1 pid=$2
    for _ in $(seq 180); do
        kill -0 "$pid" 2>/dev/null || return 1
        "$PY" -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" \
            "http://127.0.0.1:$port/web/health" 2>/dev/null && return 0
        sleep 1
    done
    return 1
}

# Debian packages the commands need: wkhtmltopdf prints Odoo's PDF reports (reviews,
# invoices); the tests (with-browser) also need Chromium, or Odoo's browser tours would
# skip, and the compose tool, which validates docker-compose.yml (Docker's own plugin
# does too; Debian's docker-compose is installed where neither is).
ensure_system_packages() {
    local missing=()
    command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
    if [ "${1:-}" = with-browser ]; then
        command -v chromium >/dev/null || command -v chromium-browser >/dev/null || missing+=(chromium)
        command -v docker-compose >/dev/null || { command -v docker >/dev/null && docker compose version >/dev/null 2>&1; } \
            || missing+=(docker-compose)
    fi
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "Installing Debian's ${missing[*]}…"
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null
    else
        die "Install Debian's ${missing[*]} first (sudo apt-get install ${missing[*]})."
    fi
}
