"""Render config/odoo.conf into .run/odoo.conf for this checkout.

Adds addons_path (Odoo's own addons + ours) and data_dir, and lets the standard PG*
environment variables override the database settings of config/odoo.conf.
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


def main(root, odoo_path, target):
    parser = configparser.RawConfigParser()
    parser.read(os.path.join(root, "config", "odoo.conf"))
    options = parser["options"]
    for env_name, option in PG_ENV.items():
        if os.environ.get(env_name):
            options[option] = os.environ[env_name]
    addons = [os.path.join(odoo_path, "odoo", "addons"), os.path.join(odoo_path, "addons")]
    options["addons_path"] = ",".join([*addons, os.path.join(root, "addons")])
    options["data_dir"] = os.path.join(root, ".run", "data")
    with open(target, "w", encoding="utf-8") as handle:
        parser.write(handle)


if __name__ == "__main__":
    main(*sys.argv[1:4])
