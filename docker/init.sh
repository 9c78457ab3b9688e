#!/bin/bash
# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# One-shot init service of docker-compose.yml: on first start, creates the French demo
# database with the suite installed, as bin/run does; on later starts, updates the addons
# and keeps the data.
set -euo pipefail
CONF=${ODOO_RC:-/etc/odoo/odoo.conf}  # the official image sets ODOO_RC
DB=${SP_DB:-seconde_pousse}
ADDONS=seconde_pousse_base,seconde_pousse_farm,seconde_pousse_insertion,seconde_pousse_planning,seconde_pousse_canteen
HERE=$(cd "$(dirname "$0")" && pwd)  # /opt/seconde-pousse in the image
ODOO_SITE=$(python3 -c "import os, odoo; print(os.path.dirname(os.path.dirname(odoo.__file__)))")
say() { echo "[seconde-pousse] $*"; }

wait-for-psql.py --db_host db --db_port 5432 --db_user odoo --db_password odoo --timeout 60
install() { odoo -c "$CONF" -d "$DB" -i "$ADDONS,l10n_fr_account" --stop-after-init --log-level=warn; }
create() { python3 "$HERE/create_db.py" "$CONF" "$ODOO_SITE" "$DB" demo fr_FR; }
case "$(python3 "$HERE/dbtool.py" "$CONF" state "$DB" "$ADDONS")" in
    missing) say "Creating $DB in French with demo data…"; create; install ;;
    empty) say "$DB was half-made: making it again…"; python3 "$HERE/dbtool.py" "$CONF" drop "$DB"; create; install ;;
    partial) say "Installing the Seconde Pousse addons into $DB…"; install ;;
    ready) say "Updating the Seconde Pousse addons in $DB…"
           odoo -c "$CONF" -d "$DB" -u "$ADDONS" --stop-after-init --log-level=warn ;;
esac
say "Database $DB is ready."
