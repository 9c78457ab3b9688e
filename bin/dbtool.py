# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Small database checks shared by bin/ and the Docker image's init service.

Usage: dbtool.py CONF state|drop|filestore|rebuild-assets DBNAME [ADDONS]
  state  prints missing, empty (no Odoo in it, or base not installed: an interrupted
         first run), partial (Odoo, but not every addon of ADDONS installed) or ready
  drop   drops the database and its filestore
  filestore  prints how many of the database's stored files are missing from the
         filestore of this configuration's data_dir, and how many it stores
  rebuild-assets  deletes the database's web asset bundles, which Odoo builds again
"""

import configparser
import os
import shutil
import sys

import psycopg2
from psycopg2 import sql


def connect(options, dbname):
    return psycopg2.connect(
        host=options.get("db_host") or None,
        port=options.get("db_port") or None,
        user=options.get("db_user") or None,
        password=options.get("db_password") or None,
        dbname=dbname,
    )


def state(options, dbname, addons):
    with connect(options, "postgres") as conn, conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (dbname,))
        if not cur.fetchone():
            return "missing"
    with connect(options, dbname) as conn, conn.cursor() as cur:
        cur.execute("SELECT to_regclass('ir_module_module') IS NOT NULL")
        if not cur.fetchone()[0]:
            return "empty"
        cur.execute(
            "SELECT name, state FROM ir_module_module WHERE name = 'base' OR name = ANY(%s)",
            (addons,),
        )
        states = dict(cur.fetchall())
    if states.get("base") != "installed":
        return "empty"
    return "ready" if all(states.get(name) == "installed" for name in addons) else "partial"


def drop(options, dbname):
    conn = connect(options, "postgres")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname))
        )
    conn.close()
    data_dir = options.get("data_dir")
    if data_dir:
        shutil.rmtree(os.path.join(data_dir, "filestore", dbname), ignore_errors=True)


def filestore(options, dbname):
    """(missing, stored): the files the database's attachments name that its filestore,
    <data_dir>/filestore/<db>, does not hold. A database made by another checkout, whose
    data_dir is its own, has them all missing here."""
    folder = os.path.join(options.get("data_dir") or "", "filestore", dbname)
    with connect(options, dbname) as conn, conn.cursor() as cur:
        cur.execute("SELECT DISTINCT store_fname FROM ir_attachment WHERE store_fname IS NOT NULL")
        names = [name for (name,) in cur.fetchall()]
    missing = [name for name in names if not os.path.isfile(os.path.join(folder, name))]
    return len(missing), len(names)


def rebuild_assets(options, dbname):
    """Odoo keeps its built JS/CSS bundles as attachments under /web/assets/ and builds a
    bundle again when it has none: deleting them is how assets are rebuilt."""
    with connect(options, dbname) as conn, conn.cursor() as cur:
        cur.execute(
            "DELETE FROM ir_attachment WHERE res_model = 'ir.ui.view' AND url LIKE %s",
            ("/web/assets/%",),
        )
        return cur.rowcount


def main(conf, command, dbname, addons=""):
    parser = configparser.RawConfigParser()
    parser.read(conf)
    options = parser["options"]
    if command == "state":
        print(state(options, dbname, [name for name in addons.split(",") if name]))
    elif command == "drop":
        drop(options, dbname)
    elif command == "filestore":
        print(*filestore(options, dbname))
    elif command == "rebuild-assets":
        print(rebuild_assets(options, dbname))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(*sys.argv[1:5])
