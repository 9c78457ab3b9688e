# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Create an Odoo database for France: base installed, company in France, admin/admin.

Usage: create_db.py CONF ODOO_PATH DBNAME demo|nodemo [LANG]
"""

import sys


def main(conf, odoo_path, dbname, demo, lang="fr_FR"):
    sys.path.insert(0, odoo_path)
    import odoo  # noqa: PLC0415 - importable only once odoo_path is on sys.path
    from odoo.service import db  # noqa: PLC0415

    odoo.tools.config.parse_config(["-c", conf])
    odoo.tools.config["list_db"] = True  # only this script creates databases
    db.exp_create_database(
        dbname, demo == "demo", lang, user_password="admin", login="admin", country_code="fr"
    )


if __name__ == "__main__":
    main(*sys.argv[1:6])
