# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The team timeline after years of history: the same week read with 2 and with 5
years of jobs and crews behind it. The timeline loads only its window, so the week
must cost the same queries, and about the same time, whatever the history.

Run by bench/run.py beside the farm jobs' scenarios.
"""

from datetime import date, datetime, timedelta

WEEK = datetime(2036, 1, 7, 7)  # a Monday, later than any other bench data
CREW = 4
FIELDS = ["employee_id", "partner_id", "role", "date_start", "date_end", "done_hours"]


class HistoryWorld:
    """Twelve people and one farm, three jobs a week (one in short mode) for `years`
    years before the week, each with a crew of four, and the week itself."""

    def __init__(self, env, years, jobs_per_week):
        self.env = env
        self.farm = env["res.partner"].create(
            {"name": f"Ferme historique {years}", "is_farm": True, "is_company": True}
        )
        task_type = env["farm.task.type"].search([], limit=1)
        people = env["hr.employee"].create(
            [{"name": f"Historique {years}-{n}", "is_insertion_employee": True} for n in range(12)]
        )
        env["hr.contract"].create(
            [
                {
                    "name": f"CDDI {person.name}",
                    "employee_id": person.id,
                    "date_start": date(WEEK.year - years - 1, 1, 1),
                    "wage": 1500.0,
                    "state": "open",
                }
                for person in people
            ]
        )
        days = [
            WEEK - timedelta(weeks=week) + timedelta(days=2 * n)
            for week in range(52 * years + 1)
            for n in range(jobs_per_week)
        ]
        jobs = env["farm.intervention"].create(
            [
                {
                    "partner_id": self.farm.id,
                    "date_start": day,
                    "date_end": day + timedelta(hours=4),
                    "line_ids": [(0, 0, {"task_type_id": task_type.id, "planned_hours": 16})],
                }
                for day in days
            ]
        )
        env["farm.intervention.assignment"].create(
            [
                {
                    "intervention_id": job.id,
                    "employee_id": person.id,
                    "date_start": job.date_start,
                    "date_end": job.date_end,
                }
                for i, job in enumerate(jobs)
                for person in people[CREW * (i % 3) : CREW * (i % 3 + 1)]
            ]
        )
        self.assignments = len(jobs) * CREW

    def read_week(self):
        window = [("date_start", ">=", WEEK), ("date_start", "<", WEEK + timedelta(days=7))]
        return self.env["farm.intervention.assignment"].search_read(window, FIELDS)


def run(env, years, measure, short):
    """The week's read, with `years` of history behind it (rolled back afterwards)."""
    savepoint = env.cr.savepoint(flush=False)
    world = HistoryWorld(env, years, 1 if short else 3)
    queries, seconds = measure(env, world.read_week)
    week = len(world.read_week())
    savepoint.close(rollback=True)
    env.invalidate_all()
    return {f"timeline week ({week} rows)": (queries, seconds, True)}, world.assignments
