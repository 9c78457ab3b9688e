# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of the planning hot paths of seconde_pousse_planning.

Generates, inside one transaction, the scenario of issue 6: EMPLOYEES insertion employees
and TEAMS technical supervisors with contracts, skills and licences, task types training
skills, and YEARS of history (one intervention per supervisor and working day, with a team
of 5 workers drawn at random). It then measures, before and after the history is added:

- the team builder proposing a team for one intervention (queries, milliseconds);
- saving one assignment with all its conflict checks (queries, milliseconds).

Everything is rolled back at the end unless --keep is given.

Usage (from the repository root, after bin/test or bin/run created the database):

    .venv/bin/python bench/team_builder.py DATABASE [--config .run/odoo.conf]
        [--employees 60] [--years 2] [--teams 4] [--runs 5] [--keep]

ODOO_PATH (default /opt/odoo) locates Odoo. The database must have
seconde_pousse_planning installed.
"""

import argparse
import os
import random
import sys
import time
from datetime import date, datetime, timedelta

sys.path.insert(0, os.environ.get("ODOO_PATH", "/opt/odoo"))

import odoo
from odoo import api
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.tools import config

TEAM = 5


def parse_args():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("database")
    parser.add_argument(
        "--config", default=os.path.join(os.path.dirname(__file__), "..", ".run", "odoo.conf")
    )
    parser.add_argument("--employees", type=int, default=60)
    parser.add_argument("--years", type=float, default=2.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--teams", type=int, default=4, help="supervisors, each with a team of 5 every working day"
    )
    parser.add_argument("--keep", action="store_true", help="commit the generated data")
    return parser.parse_args()


def working_days(start, end):
    day = start
    while day < end:
        if day.weekday() < 5:
            yield day
        day += timedelta(days=1)


class Generator:
    def __init__(self, env, employees, years, teams):
        self.env = env
        self.teams = teams
        self.count = employees
        self.years = years
        self.rng = random.Random(42)
        self.today = date.today()
        self.history_start = self.today - timedelta(days=int(365 * years))

    def people(self):
        env = self.env
        calendar = env["resource.calendar"].create(
            {
                "name": "Bench 35 h",
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"J{day}",
                            "dayofweek": str(day),
                            "hour_from": 7,
                            "hour_to": 14,
                            "day_period": "morning",
                        }
                    )
                    for day in range(5)
                ],
            }
        )
        levels = [
            Command.create({"name": f"Niveau {progress}", "level_progress": progress})
            for progress in (0, 25, 50, 75, 100)
        ]
        skill_type = env["hr.skill.type"].create(
            {
                "name": "Bench maraîchage",
                "skill_ids": [
                    Command.create({"name": f"Compétence bench {index}"}) for index in range(6)
                ],
                "skill_level_ids": levels,
            }
        )
        self.levels = skill_type.skill_level_ids.sorted("level_progress")
        self.task_types = env["farm.task.type"].create(
            [{"name": f"Tâche bench {index}", "hourly_rate": 20.0} for index in range(6)]
        )
        for index, task_type in enumerate(self.task_types):
            task_type.skill_target_ids = [
                Command.create({"skill_id": skill.id, "target_level_id": self.levels[-1].id})
                for skill in skill_type.skill_ids[index : index + 2]
            ]
        self.farms = env["res.partner"].create(
            [
                {"name": f"Ferme bench {index}", "is_farm": True, "is_company": True}
                for index in range(10)
            ]
        )
        group = env.ref("seconde_pousse_base.group_supervisor")
        users = env["res.users"].create(
            [
                {
                    "name": f"Encadrant bench {index}",
                    "login": f"bench_sup_{index}_{self.rng.random()}",
                    "groups_id": [Command.set([env.ref("base.group_user").id, group.id])],
                }
                for index in range(self.teams)
            ]
        )
        licence_b = env.ref("seconde_pousse_planning.licence_b")
        Employee = env["hr.employee"]
        self.supervisors = Employee.create(
            [
                {"name": user.name, "user_id": user.id, "licence_ids": [Command.set(licence_b.ids)]}
                for user in users
            ]
        )
        self.workers = Employee.create(
            [
                {
                    "name": f"Salarié bench {index}",
                    "is_insertion_employee": True,
                    "licence_ids": [Command.set(licence_b.ids)] if index % 4 == 0 else [],
                }
                for index in range(self.count)
            ]
        )
        env["hr.contract"].create(
            [
                {
                    "name": f"Contrat {employee.name}",
                    "employee_id": employee.id,
                    "date_start": self.history_start - timedelta(days=10),
                    "date_end": self.today + timedelta(days=365),
                    "wage": 1500.0,
                    "resource_calendar_id": calendar.id,
                    "state": "open",
                }
                for employee in self.supervisors | self.workers
            ]
        )
        env["hr.employee.skill"].create(
            [
                {
                    "employee_id": employee.id,
                    "skill_id": skill.id,
                    "skill_type_id": skill_type.id,
                    "skill_level_id": self.rng.choice(self.levels).id,
                }
                for employee in self.workers
                for skill in skill_type.skill_ids
            ]
        )
        self.users = users
        self.target = self.intervention(
            self.today + timedelta(days=7 - self.today.weekday()), users[0]
        )
        self.spare = [
            self.intervention(
                self.today + timedelta(days=7 - self.today.weekday() + offset), users[1]
            )
            for offset in (1, 2, 3, 4)
        ]

    def intervention(self, day, user):
        return self.env["farm.intervention"].create(
            {
                "partner_id": self.rng.choice(self.farms).id,
                "user_id": user.id,
                "date_start": datetime.combine(day, datetime.min.time()) + timedelta(hours=7),
                "date_end": datetime.combine(day, datetime.min.time()) + timedelta(hours=11),
                "line_ids": [
                    Command.create({"task_type_id": task_type.id, "planned_hours": 4})
                    for task_type in self.rng.sample(list(self.task_types), 2)
                ],
            }
        )

    def history(self):
        """One intervention per supervisor and working day, a team of 5 workers each."""
        env = self.env
        days = list(working_days(self.history_start, self.today - timedelta(days=1)))
        values = []
        for day in days:
            start = datetime.combine(day, datetime.min.time()) + timedelta(hours=7)
            for user in self.users:
                values.append(
                    {
                        "partner_id": self.rng.choice(self.farms).id,
                        "user_id": user.id,
                        "date_start": start,
                        "date_end": start + timedelta(hours=4),
                        "state": "done",
                        "line_ids": [
                            Command.create({"task_type_id": self.rng.choice(self.task_types).id})
                        ],
                    }
                )
        interventions = env["farm.intervention"].create(values)
        assignments = []
        for index, day_interventions in enumerate(
            zip(*[iter(interventions)] * self.teams, strict=True)
        ):
            workers = self.rng.sample(list(self.workers), TEAM * self.teams)
            for team, intervention in enumerate(day_interventions):
                assignments.append(
                    {
                        "intervention_id": intervention.id,
                        "employee_id": self.supervisors[team].id,
                        "role": "supervisor",
                    }
                )
                assignments.extend(
                    {
                        "intervention_id": intervention.id,
                        "employee_id": worker.id,
                        "done_hours": 4.0,
                    }
                    for worker in workers[team * TEAM : (team + 1) * TEAM]
                )
            del index
        env["farm.intervention.assignment"].create(assignments)
        env.flush_all()
        return len(interventions), len(assignments)


def measure(env, function, runs):
    timings, queries = [], []
    function()  # warm caches
    for _run in range(runs):
        env.flush_all()
        env.invalidate_all()
        before = env.cr.sql_log_count
        started = time.perf_counter()
        function()
        env.flush_all()
        timings.append((time.perf_counter() - started) * 1000)
        queries.append(env.cr.sql_log_count - before)
    return min(timings), sorted(timings)[len(timings) // 2], min(queries), max(queries)


def main():
    args = parse_args()
    config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    odoo.service.server.load_server_wide_modules()
    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(
            cr, api.SUPERUSER_ID, {"tracking_disable": True, "mail_create_nolog": True}
        )
        generator = Generator(env, args.employees, args.years, args.teams)
        started = time.perf_counter()
        generator.people()
        print(
            f"generated {args.employees} workers, {args.teams} supervisors "
            f"in {time.perf_counter() - started:.1f} s"
        )
        supervisor_env = env(user=generator.users[0], context={})
        target = generator.target.with_env(supervisor_env)
        spare = iter(generator.spare * 1000)
        worker = generator.workers[0]

        def propose():
            builder = supervisor_env["farm.team.builder"].create(
                {"intervention_id": target.id, "worker_count": 5}
            )
            builder.action_propose()

        def assign():
            # saved then removed again: the same slot checked each run
            assignment = supervisor_env["farm.intervention.assignment"].create(
                {"intervention_id": next(spare).id, "employee_id": worker.id}
            )
            assignment.unlink()

        results = {}
        for label in ("empty history", "full history"):
            if label == "full history":
                started = time.perf_counter()
                interventions, assignments = generator.history()
                print(
                    f"generated {interventions} interventions and {assignments} assignments over "
                    f"{args.years} years in {time.perf_counter() - started:.1f} s"
                )
            results[label] = {
                "team builder": measure(env, propose, args.runs),
                "assignment check": measure(env, assign, args.runs),
            }
        print()
        print(f"{'':18} {'history':14} {'best ms':>8} {'median ms':>10} {'queries':>9}")
        for name in ("team builder", "assignment check"):
            for label in results:
                best, median, low, high = results[label][name]
                print(f"{name:18} {label:14} {best:8.1f} {median:10.1f} {low:4d}-{high:<4d}")
            empty, full = results["empty history"][name], results["full history"][name]
            print(f"{name:18} {'full / empty':14} {full[1] / empty[1]:8.2f}x median time")
        if args.keep:
            cr.commit()
            print("data kept (committed)")
        else:
            cr.rollback()
            print("rolled back")


if __name__ == "__main__":
    main()
