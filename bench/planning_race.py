# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Planning races over HTTP: two supervisors, in two browsers, save overlapping slots of
the same worker at the same moment, many times, against a live multi-worker Odoo. Each
time, exactly one must be told it saved, and that one must be what PostgreSQL kept; the
other must be told the worker is already planned.

Usage: .venv/bin/python bench/planning_race.py [--db seconde_pousse] [--races 30]
       [--workers 4] [--port 8097]
Needs a database with the Seconde Pousse addons (bin/run makes one). Its test records are
committed (a live server must see them) and deleted at the end. Traffic: 127.0.0.1 only.
"""

import sys
import threading
from datetime import date, datetime

import requests
from portal_load import odoo_env, server_parser, start_server, stop_server

LOGINS = ("course_planning_1", "course_planning_2")


def setup(odoo, registry):
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        group = env.ref("seconde_pousse_base.group_supervisor")
        for login in LOGINS:
            env["res.users"].create(
                {
                    "name": login,
                    "login": login,
                    "password": login,
                    "lang": "fr_FR",
                    "groups_id": [(6, 0, (group | env.ref("base.group_user")).ids)],
                }
            )
        farm = env["res.partner"].create({"name": "Course planning", "is_farm": True})
        employee = env["hr.employee"].create({"name": "Course Planning"})
        env["hr.contract"].create(
            {
                "name": "Course",
                "employee_id": employee.id,
                "date_start": date(2026, 1, 1),
                "wage": 1500.0,
                "state": "open",
            }
        )
        task = env["farm.task.type"].search([], limit=1)
        interventions = env["farm.intervention"].create(
            [
                {
                    "partner_id": farm.id,
                    "date_start": datetime(2026, 6, 1, 7 + n, 0),
                    "date_end": datetime(2026, 6, 1, 11 + n, 0),
                    "line_ids": [(0, 0, {"task_type_id": task.id})],
                }
                for n in (0, 1)
            ]
        )
        return {"farm": farm.id, "employee": employee.id, "interventions": interventions.ids}


def cleanup(odoo, registry, ids):
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"active_test": False})
        env["farm.intervention.assignment"].search([("employee_id", "=", ids["employee"])]).unlink()
        env["farm.intervention"].browse(ids["interventions"]).unlink()
        env["hr.contract"].search([("employee_id", "=", ids["employee"])]).unlink()
        env["hr.employee"].browse(ids["employee"]).unlink()
        env["res.users"].search([("login", "in", LOGINS)]).unlink()
        env["res.partner"].search([("name", "in", ("Course planning", *LOGINS))]).unlink()


def login(base, db, name):
    session = requests.Session()
    session.post(
        f"{base}/web/session/authenticate",
        timeout=30,
        json={"jsonrpc": "2.0", "params": {"db": db, "login": name, "password": name}},
    )
    return session


def save(session, base, values, barrier, outcomes, index):
    barrier.wait(30)
    answer = session.post(
        f"{base}/web/dataset/call_kw",
        timeout=120,
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": "farm.intervention.assignment",
                "method": "create",
                "args": [values],
                "kwargs": {"context": {"lang": "fr_FR"}},
            },
        },
    ).json()
    error = answer.get("error")
    outcomes[index] = error["data"]["message"] if error else "saved"


def main():
    parser = server_parser(__doc__, port=8097)
    parser.add_argument("--races", type=int, default=30)
    args = parser.parse_args()
    odoo, registry = odoo_env(args)
    ids = setup(odoo, registry)
    server, log = start_server(args)
    base, lies = f"http://127.0.0.1:{args.port}", 0
    try:
        sessions = [login(base, args.db, name) for name in LOGINS]
        for race in range(args.races):
            outcomes, barrier = {}, threading.Barrier(2)
            values = [
                {"intervention_id": i, "employee_id": ids["employee"]} for i in ids["interventions"]
            ]
            threads = [
                threading.Thread(
                    target=save, args=(sessions[n], base, values[n], barrier, outcomes, n)
                )
                for n in (0, 1)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(180)
            with registry.cursor() as cr:
                cr.execute(
                    "SELECT intervention_id FROM farm_intervention_assignment "
                    "WHERE employee_id = %s",
                    [ids["employee"]],
                )
                kept = [row[0] for row in cr.fetchall()]
                cr.execute(
                    "DELETE FROM farm_intervention_assignment WHERE employee_id = %s",
                    [ids["employee"]],
                )
            told = [n for n in (0, 1) if outcomes.get(n) == "saved"]
            truthful = (
                len(told) == 1
                and kept == [ids["interventions"][told[0]]]
                and "déjà planifié" in outcomes.get(1 - told[0], "")
            )
            lies += not truthful
            if not truthful:
                print(f"race {race}: told {outcomes}, kept {kept}")
        print(
            f"{args.races} races over HTTP with {args.workers} workers: "
            f"{args.races - lies} truthful, {lies} not"
        )
        print("OK" if not lies else f"FAILED (server log: {log})")
        return 1 if lies else 0
    finally:
        stop_server(server)
        cleanup(odoo, registry, ids)


if __name__ == "__main__":
    sys.exit(main())
