# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Render config/odoo.conf into .run/odoo.conf for this checkout.

Adds addons_path (Odoo's own addons + ours) and data_dir (.run/data, or SP_DATA_DIR), and
lets the standard PG* environment variables override the database settings of
config/odoo.conf.
"""

import configparser
import os
import sys

PG_ENV = {
    "PGHOST": "db_host",
    "PGPORT": "db_port",
    "PGUSER": "db_user",
    "PGPASSWORD": "db_password",
}


def addons_path(root, odoo_path):
    """Odoo's addon folders that exist in this layout, then ours.

    The packaged nightly (and the Debian package) keeps every addon in odoo/addons; a git
    checkout also has a top-level addons/. A folder that does not exist would make Odoo
    answer HTTP 500 for every asset, so only existing ones are named.
    """
    candidates = [os.path.join(odoo_path, "odoo", "addons"), os.path.join(odoo_path, "addons")]
    found = [path for path in candidates if os.path.isdir(path)]
    return [*found, os.path.join(root, "addons")]


def main(root, odoo_path, target):
    parser = configparser.RawConfigParser()
    parser.read(os.path.join(root, "config", "odoo.conf"))
    options = parser["options"]
    for env_name, option in PG_ENV.items():
        if os.environ.get(env_name):
            options[option] = os.environ[env_name]
    options["addons_path"] = ",".join(addons_path(root, odoo_path))
    # SP_DATA_DIR: another checkout's data folder, to serve a database that checkout made
    options["data_dir"] = os.environ.get("SP_DATA_DIR") or os.path.join(root, ".run", "data")
    with open(target, "w", encoding="utf-8") as handle:
        parser.write(handle)


if __name__ == "__main__":
    main(*sys.argv[1:4])
