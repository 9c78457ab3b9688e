# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Seconde Pousse bench: the same scenarios at two sizes, 10x apart.

Usage: .venv/bin/python bench/run.py [--db NAME] [--config FILE] [--short]

Prints, for each scenario, the queries and the time at both sizes and how each grows,
for the farm jobs and for the canteens (bench/canteen.py: a year of weekly deliveries
to 2 and 20 canteens; a quarter to 1 and 10 in short mode) and for the monthly ASP
statement (bench/asp_statement.py: 6 and 60 insertion employees, in both modes) and a
recurring series (bench/farm_series.py: 15 and 150 weeks, planned 8 weeks ahead) and
the team timeline's week after 2 and 5 years of history (bench/timeline_history.py).
Read paths promise a fixed number of queries: one whose queries grow with the size fails
the bench (exit 1). --short (what bin/test runs) uses 10 and 100 interventions and is
judged on query counts only, never on time; the full sizes are 100 and 1,000.
Works inside one transaction that it rolls back: the database is left as it was.
"""

import argparse
import os
import sys
import time
from datetime import date, datetime, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import asp_statement  # noqa: E402 - the ASP statement's scenarios, beside this file
import canteen  # noqa: E402 - the canteen scenarios, beside this file
import farm_series  # noqa: E402 - the recurring series' scenario, beside this file
import timeline_history  # noqa: E402 - the timeline after years of history, beside this file

JOBS_PER_FARM, CREW = 10, 4
MONDAY = datetime(2026, 3, 2, 7)


def measure(env, function, warm=True):
    """Queries and seconds of one scenario, with what its commit would run: cr.flush()
    also runs the precommit hooks (Odoo's tracking notes), so that no scenario leaves its
    notes to be written, and counted, in the next one."""
    if warm:
        function()  # warm the caches as a running server has them
    env.cr.flush()
    env.invalidate_all()
    before, start = env.cr.sql_log_count, time.perf_counter()
    function()
    env.cr.flush()
    return env.cr.sql_log_count - before, time.perf_counter() - start


def job_day(n):
    """Jobs on Mondays, Wednesdays and Fridays: no one works over a 40-hour week."""
    week, day = divmod(n, 3)
    return MONDAY + timedelta(weeks=week, days=2 * day)


class World:
    """`farms` farms with 10 jobs each, a crew of four per farm, every job signed."""

    def __init__(self, env, farms):
        self.env, self.size = env, farms
        self.task_type = env["farm.task.type"].search([], limit=1)
        self.employees = env["hr.employee"].create(
            [
                {"name": f"Bench {farms}-{n}", "is_insertion_employee": True}
                for n in range(farms * CREW)
            ]
        )
        env["hr.contract"].create(
            [
                {
                    "name": f"CDDI {employee.name}",
                    "employee_id": employee.id,
                    "date_start": date(2026, 1, 1),
                    "wage": 1500.0,
                    "state": "open",
                }
                for employee in self.employees
            ]
        )

    def create_farms(self):
        self.farms = self.env["res.partner"].create(
            [
                {"name": f"Ferme {self.size}-{n}", "is_farm": True, "is_company": True}
                for n in range(self.size)
            ]
        )

    def create_jobs(self):
        jobs = self.env["farm.intervention"].create(
            [
                {
                    "partner_id": farm.id,
                    "date_start": job_day(n),
                    "date_end": job_day(n) + timedelta(hours=4),
                    "line_ids": [(0, 0, {"task_type_id": self.task_type.id, "planned_hours": 16})],
                }
                for farm in self.farms
                for n in range(JOBS_PER_FARM)
            ]
        )
        crews = {
            farm: self.employees[CREW * i : CREW * (i + 1)] for i, farm in enumerate(self.farms)
        }
        self.assignments = self.env["farm.intervention.assignment"].create(
            [
                {
                    "intervention_id": job.id,
                    "employee_id": employee.id,
                    "date_start": job.date_start,
                    "date_end": job.date_end,
                }
                for job in jobs
                for employee in crews[job.partner_id]
            ]
        )
        self.jobs = jobs

    def record_hours(self):
        """Every crew's hours, written after the jobs in one batch (supervisors type them
        job by job): the hours by task they make, and the monthly hours they feed."""
        self.assignments.write({"done_hours": 4.0})

    def sign_all(self):
        """Every job done and its review signed, ready to invoice: set up, not measured
        (reviews are signed one at a time, each with its tracking note)."""
        self.jobs.sudo().write({"state": "reviewed"})  # its notes: flushed by measure()


def read_paths(env, world):
    Intervention, Assignment = env["farm.intervention"], env["farm.intervention.assignment"]
    week = [("date_start", ">=", MONDAY), ("date_start", "<", MONDAY + timedelta(days=7))]
    job = world.jobs[0]
    new_job = Intervention.create(
        {
            "partner_id": world.farms[0].id,
            "date_start": MONDAY + timedelta(days=5),
            "date_end": MONDAY + timedelta(days=5, hours=4),
            "line_ids": [(0, 0, {"task_type_id": world.task_type.id})],
        }
    )
    saturdays = iter(range(60))

    def conflict_check():
        """A person with all their history, on a new job: the checks of one assignment."""
        start = MONDAY + timedelta(weeks=next(saturdays), days=5)
        job = Intervention.create(
            {
                "partner_id": world.farms[0].id,
                "date_start": start,
                "date_end": start + timedelta(hours=4),
                "line_ids": [(0, 0, {"task_type_id": world.task_type.id})],
            }
        )
        Assignment.create(
            {
                "intervention_id": job.id,
                "employee_id": world.employees[0].id,
                "date_start": job.date_start,
                "date_end": job.date_end,
            }
        )

    series = world.jobs.filtered(lambda j: j.partner_id == world.farms[-1])
    shift = iter(range(1, 100))

    def move_series():
        hours = next(shift)
        for one in series:
            one.write(
                {
                    "date_start": one.date_start + timedelta(minutes=hours),
                    "date_end": one.date_end + timedelta(minutes=hours),
                }
            )

    # importable once main() has put Odoo on the path
    from odoo.addons.seconde_pousse_base.models.timezone import local_tz  # noqa: PLC0415
    from odoo.addons.seconde_pousse_farm.controllers.portal import (  # noqa: PLC0415
        FarmCustomerPortal,
    )

    farmer = portal_farmer(env, world.farms[0])

    def portal_list():
        """The farmer's /my/interventions page: its count, its page of 20 under the record
        rules, and what the page prints of each (as the controller and template read it)."""
        Mine = env(user=farmer)["farm.intervention"]
        count = Mine.search_count([])
        page = Mine.search([], order="date_start desc, id desc", limit=20)
        FarmCustomerPortal._farm_list_details(page, local_tz(Mine.env))
        for one in page:
            one.name, one.date_start, one.review_state, one.team_size  # noqa: B018
            for line in one.line_ids:
                line.task_type_id.name, line.planned_hours, line.done_hours  # noqa: B018
        return count

    spec = {
        "name": {},
        "partner_id": {"fields": {"display_name": {}}},
        "date_start": {},
        "state": {},
    }
    return {
        "intervention list": lambda: Intervention.web_search_read([], spec, limit=5),
        "intervention form": lambda: job.web_read(
            {
                "line_ids": {"fields": {"done_hours": {}}},
                "assignment_ids": {"fields": {"employee_id": {}}},
            }
        ),
        "calendar week": lambda: Intervention.search_read(
            week, ["name", "partner_id", "calendar_label"]
        ),
        "timeline week": lambda: Assignment.search_read(
            week, ["employee_id", "partner_id", "role", "date_start", "date_end", "done_hours"]
        ),
        "portal list (farmer)": portal_list,
        "conflict check": conflict_check,
        f"move a series ({len(series)} jobs)": move_series,
        # the pool of candidates grows with the world (4 people per farm): reported, not
        # promised flat; bench/team_builder.py keeps 60 people and grows their history
        "team builder (pool grows)": lambda: (
            env["farm.team.builder"].create({"intervention_id": new_job.id}).action_propose()
        ),
    }


def portal_farmer(env, farm):
    """A portal user of the farm, as the farmers who open their interventions."""
    contact = env["res.partner"].create({"name": f"Contact {farm.name}", "parent_id": farm.id})
    return env["res.users"].create(
        {
            "name": contact.name,
            "login": f"bench-{farm.id}",
            "partner_id": contact.id,
            "groups_id": [(6, 0, [env.ref("base.group_portal").id])],
        }
    )


def invoicing(env, world, layout):
    """Month-end for every job of the world (as the wizard does, for one period)."""
    env.company.farm_invoice_layout = layout
    wizard = env["farm.invoice.wizard"].create(
        {
            "date_from": date(2026, 1, 1),
            "date_to": date(2026, 12, 31),
            "partner_ids": world.farms.ids,
        }
    )
    wizard._invoice(wizard.intervention_ids)


def invoicing_as_before(env, world):
    """The month-end as 18.0.1.0.0 made it, for the ratio in the same run: a section line
    per intervention, Odoo's creation and tracking notes, each farm's jobs written apart."""
    by_farm = {}
    for job in world.jobs.filtered(lambda j: j.state == "reviewed").sorted("date_start"):
        by_farm.setdefault(job.partner_id, env["farm.intervention"])
        by_farm[job.partner_id] |= job
    values = []
    for farm, jobs in by_farm.items():
        lines = []
        for job in jobs:
            lines.append((0, 0, {"display_type": "line_section", "name": job.name}))
            for line in job.line_ids.filtered("done_hours"):
                product = line.task_type_id.product_id
                lines.append(
                    (
                        0,
                        0,
                        {
                            "product_id": product.id,
                            "name": line.task_type_id.name,
                            "quantity": line.done_hours,
                            "price_unit": line.price_unit,
                        },
                    )
                )
        values.append(
            {"move_type": "out_invoice", "partner_id": farm.id, "invoice_line_ids": lines}
        )
    moves = env["account.move"].create(values)
    for move, jobs in zip(moves, by_farm.values(), strict=True):
        env["farm.intervention.invoice"].create(
            [{"intervention_id": job.id, "move_id": move.id} for job in jobs]
        )
        jobs.write({"state": "invoiced", "invoice_id": move.id})


def run(env, farms):
    world = World(env, farms)
    results = {
        "create farms": measure(env, world.create_farms, warm=False),
        "create jobs with crews": measure(env, world.create_jobs, warm=False),
        "record the crews' hours": measure(env, world.record_hours, warm=False),
    }
    world.sign_all()
    for name, path in read_paths(env, world).items():
        flat = "grows" not in name
        results[name] = (*measure(env, path), True) if flat else measure(env, path)
    for name, month_end in (
        ("invoicing, as 1.0 did", lambda: invoicing_as_before(env, world)),
        ("invoicing, detailed", lambda: invoicing(env, world, "detailed")),
    ):
        savepoint = env.cr.savepoint(flush=False)
        results[name] = measure(env, month_end, warm=False)
        savepoint.close(rollback=True)  # the same jobs, still to invoice, for the next one
        env.invalidate_all()
    results["invoicing, grouped"] = measure(
        env, lambda: invoicing(env, world, "grouped"), warm=False
    )
    return results


def report(title, sizes, small, large, short):
    """The table of one world at two sizes, and the scenarios whose queries grew."""
    header = f"{'scenario':<28}{'queries':>9}{'':>7}{'growth':>8}"
    if not short:
        header += f"{'time':>10}{'':>9}{'growth':>8}"
    out = [f"{title}: {sizes[0]} and {sizes[1]}", header]
    failed = []
    for name, (queries, seconds, *flat) in small.items():
        big_queries, big_seconds, *_ = large[name]
        if flat and big_queries > queries:
            failed.append(name)
        line = f"{name:<28}{queries:>9}{big_queries:>7}{big_queries / max(queries, 1):>7.1f}x"
        if not short:
            growth = big_seconds / seconds
            line += f"{seconds * 1000:>8.0f}ms{big_seconds * 1000:>7.0f}ms{growth:>7.1f}x"
        out.append(line + ("  fixed count promised" if flat else ""))
    sys.stdout.write("\n".join(out) + "\n")
    return failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="seconde_pousse")
    parser.add_argument("--config", default=os.path.join(ROOT, ".run", "odoo.conf"))
    parser.add_argument("--short", action="store_true", help="10 and 100 jobs, query counts only")
    args = parser.parse_args()
    sys.path.insert(0, os.environ.get("ODOO_PATH", "/opt/odoo"))
    import odoo  # noqa: PLC0415 - importable once ODOO_PATH is on sys.path

    odoo.tools.config.parse_config(["-c", args.config, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.db)
    small_farms = 1 if args.short else 10
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "fr_FR", "tz": "Europe/Paris"})
        small = run(env, small_farms)
        large = run(env, small_farms * 10)
        canteen_sizes = (1, 10) if args.short else (2, 20)
        weeks = 13 if args.short else canteen.WEEKS  # a quarter, or a year, of deliveries
        small_canteens = canteen.run(env, canteen_sizes[0], measure, weeks)
        large_canteens = canteen.run(env, canteen_sizes[1], measure, weeks)
        small_statement = asp_statement.run(env, 6, measure)
        large_statement = asp_statement.run(env, 60, measure)
        small_series, small_peak = farm_series.run(env, 15, measure)
        large_series, large_peak = farm_series.run(env, 150, measure)
        short_history, small_rows = timeline_history.run(env, 2, measure, args.short)
        long_history, large_rows = timeline_history.run(env, 5, measure, args.short)
        cr.rollback()
    jobs = (small_farms * JOBS_PER_FARM, small_farms * 10 * JOBS_PER_FARM)
    failed = report("jobs", jobs, small, large, args.short)
    failed += report("canteens", canteen_sizes, small_canteens, large_canteens, args.short)
    failed += report("insertion employees", (6, 60), small_statement, large_statement, args.short)
    failed += report("series weeks", (15, 150), small_series, large_series, args.short)
    failed += report(
        "years of history (assignments)",
        (f"2 ({small_rows})", f"5 ({large_rows})"),
        short_history,
        long_history,
        args.short,
    )
    sys.stdout.write(
        f"peak memory of planning a series: {small_peak / 1024:.0f} KiB (15 weeks), "
        f"{large_peak / 1024:.0f} KiB (150 weeks)\n"
    )
    if failed:
        sys.stdout.write(f"FAILED: queries grow with the size: {', '.join(failed)}\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
