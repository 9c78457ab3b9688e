# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Farm hot paths at scale: queries and time for 10 and 100 farms x 10 interventions.

Usage: .venv/bin/python bench/farm_invoicing.py [--db seconde_pousse] [--config .run/odoo.conf]
Needs a database with the Seconde Pousse addons (bin/run makes one). Works inside one
transaction that it rolls back: the database is left as it was.
"""

import argparse
import os
import sys
import time
from datetime import date, datetime, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measure(env, function):
    function()  # warm caches as a running server has them
    env.invalidate_all()
    before, start = env.cr.sql_log_count, time.perf_counter()
    function()
    return env.cr.sql_log_count - before, time.perf_counter() - start


def make_farms(env, count, task_type):
    farms = env["res.partner"].create(
        [{"name": f"Bench {count}-{n}", "is_farm": True, "is_company": True} for n in range(count)]
    )
    start = datetime(2026, 3, 2, 7)
    env["farm.intervention"].create(
        [
            {
                "partner_id": farm.id,
                "date_start": start + timedelta(days=n),
                "date_end": start + timedelta(days=n, hours=4),
                "state": "reviewed",
                "line_ids": [(0, 0, {"task_type_id": task_type.id, "done_hours": 4.0})],
            }
            for farm in farms
            for n in range(10)
        ]
    )
    env.flush_all()
    return farms


def scenario(env, farms):
    fields = {
        "name": {},
        "partner_id": {"fields": {"display_name": {}}},
        "date_start": {},
        "done_hours": {},
    }
    period = {"date_from": date(2026, 3, 1), "date_to": date(2026, 3, 31), "partner_ids": farms.ids}
    results = {
        "intervention list": measure(
            env,
            lambda: env["farm.intervention"].web_search_read(
                [("partner_id", "in", farms.ids)], fields, limit=2000
            ),
        ),
        "farm form": measure(
            env, lambda: farms[0].web_read({"farm_intervention_count": {}, "farm_review_count": {}})
        ),
        "invoicing preview": measure(
            env, lambda: env["farm.invoice.wizard"].new(period).amount_untaxed
        ),
    }
    env.invalidate_all()
    before, start = env.cr.sql_log_count, time.perf_counter()
    wizard = env["farm.invoice.wizard"].create(period)
    wizard._invoice(wizard.intervention_ids)
    env.flush_all()
    results["invoice creation"] = (env.cr.sql_log_count - before, time.perf_counter() - start)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="seconde_pousse")
    parser.add_argument("--config", default=os.path.join(ROOT, ".run", "odoo.conf"))
    args = parser.parse_args()
    sys.path.insert(0, os.environ.get("ODOO_PATH", "/opt/odoo"))
    import odoo  # noqa: PLC0415 - importable once ODOO_PATH is on sys.path

    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "fr_FR"})
        task_type = env["farm.task.type"].search([], limit=1)
        small = scenario(env, make_farms(env, 10, task_type))
        large = scenario(env, make_farms(env, 100, task_type))
        cr.rollback()
    sys.stdout.write(f"{'path':<20}{'queries 10':>12}{'queries 100':>13}{'time ratio':>12}\n")
    for name, (queries, seconds) in small.items():
        big_queries, big_seconds = large[name]
        sys.stdout.write(
            f"{name:<20}{queries:>12}{big_queries:>13}{big_seconds / seconds:>11.1f}x\n"
        )


if __name__ == "__main__":
    main()
