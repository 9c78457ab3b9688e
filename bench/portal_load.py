# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Portal load: 30 farmers each send 5 intervention requests at the same time, through
the real portal form, against a live multi-worker Odoo; one worker is killed (kill -9)
half-way. Then the database is checked: exactly one request per form sent, no
duplicate, no reference given twice, nothing half-saved. The gaps in the references are
counted, not refused: a request number is a reference from a standard sequence (a number
drawn by a transaction that did not finish is not drawn again), not an accounting number.
Goal: p95 under 1.5 s for 30 farmers x 5 requests on --workers=3.

Usage: .venv/bin/python bench/portal_load.py [--db seconde_pousse] [--config .run/odoo.conf]
       [--farmers 30] [--requests 5] [--workers 4] [--port 8098] [--gevent-port 8099]
       [--no-kill]
Needs a database with the Seconde Pousse addons (bin/run makes one). It adds its farms,
farmers and requests (committed: a live server must see them) and deletes them at the end.
Traffic goes to 127.0.0.1 only; every loop is bounded in count and time.
"""

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from datetime import date, timedelta

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PREFIX = "Charge portail"
TIMEOUT = 60  # seconds, for one HTTP call
TRIES = 3  # a farmer whose answer was lost sends the same form again, as a person would
WISHED = [str(date.today() + timedelta(days=days)) for days in (7, 11)]


def odoo_env(args):
    sys.path.insert(0, os.environ.get("ODOO_PATH", "/opt/odoo"))
    import odoo  # noqa: PLC0415 - importable only once Odoo is on the path

    odoo.tools.config.parse_config(["-c", args.config])
    registry = odoo.modules.registry.Registry(args.db)
    return odoo, registry


def setup(odoo, registry, count):
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        portal = env.ref("base.group_portal")
        task_type = env["farm.task.type"].search([], limit=1)
        farms = env["res.partner"].create(
            [{"name": f"{PREFIX} {n}", "is_farm": True, "is_company": True} for n in range(count)]
        )
        users = env["res.users"].create(
            [
                {
                    "name": f"{PREFIX} fermier {n}",
                    "login": f"charge_portail_{n}",
                    "password": f"charge_portail_{n}",
                    "partner_id": env["res.partner"]
                    .create({"name": f"{PREFIX} fermier {n}", "parent_id": farm.id})
                    .id,
                    "groups_id": [(6, 0, portal.ids)],
                }
                for n, farm in enumerate(farms)
            ]
        )
        return farms.ids, users.mapped("login"), task_type.id


def cleanup(odoo, registry, farm_ids):
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"active_test": False})
        env["farm.intervention.request"].search([("partner_id", "in", farm_ids)]).unlink()
        env["res.users"].search([("login", "=like", "charge_portail_%")]).unlink()
        env["res.partner"].search([("name", "=like", f"{PREFIX}%")]).unlink()


def start_server(args):
    log = os.path.join(ROOT, ".run", "logs", f"portal-load-{args.port}.log")
    os.makedirs(os.path.dirname(log), exist_ok=True)
    server = subprocess.Popen(
        [
            sys.executable,
            os.path.join(os.environ.get("ODOO_PATH", "/opt/odoo"), "odoo-bin"),
            "-c",
            args.config,
            "-d",
            args.db,
            f"--db-filter=^{args.db}$",
            f"--http-port={args.port}",
            f"--gevent-port={args.gevent_port or args.port + 1}",  # not the shared 8072
            f"--workers={args.workers}",
            "--max-cron-threads=0",
            "--http-interface=127.0.0.1",
            f"--logfile={log}",
            "--limit-time-real=120",
        ],
        start_new_session=True,
    )
    for _ in range(120):
        try:
            requests.get(f"http://127.0.0.1:{args.port}/web/health", timeout=2)
            return server, log
        except requests.RequestException:
            time.sleep(1)
    server.kill()
    raise SystemExit(f"Odoo did not start on port {args.port}: see {log}")


def server_parser(doc, port):
    """The options every live-server bench takes: database, configuration, workers, port."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--db", default="seconde_pousse")
    parser.add_argument("--config", default=os.path.join(ROOT, ".run", "odoo.conf"))
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=port)
    parser.add_argument(
        "--gevent-port", type=int, help="the websocket worker's (default: port + 1)"
    )
    return parser


def stop_server(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(30)


def workers_of(server):
    out = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(server.pid)], capture_output=True, text=True
    ).stdout
    return [int(pid) for pid in out.split()]


def csrf(html):
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def log_in(base, login):
    """A logged-in session; a login whose answer was lost is tried again (30 farmers
    connecting at once overflow the listen queue of 3 workers: a connection can hang)."""
    for _attempt in range(TRIES):
        session = requests.Session()
        try:
            page = session.get(f"{base}/web/login", timeout=TIMEOUT).text
            session.post(
                f"{base}/web/login",
                timeout=TIMEOUT,
                data={"login": login, "password": login, "csrf_token": csrf(page)},
            )
        except (requests.RequestException, AttributeError):
            continue
        if "session_id" in session.cookies and session.get(f"{base}/my", timeout=TIMEOUT).ok:
            return session
    return None


def farmer(base, login, task_type_id, count, barrier, results):
    session = log_in(base, login)
    if session is None:
        barrier.abort()  # the others stop too: the bench fails, it does not hang
        results.append((login, "login", 0, False, 0.0))
        return
    try:
        barrier.wait(TIMEOUT * TRIES)
    except threading.BrokenBarrierError:
        return
    for n in range(count):
        key, description = uuid.uuid4().hex, f"{PREFIX} {login} demande {n}"
        for attempt in range(TRIES):
            started = time.perf_counter()
            try:
                form = session.get(f"{base}/my/requests/new", timeout=TIMEOUT).text
                answer = session.post(
                    f"{base}/my/requests/new",
                    allow_redirects=False,
                    timeout=TIMEOUT,
                    data={
                        "csrf_token": csrf(form),
                        "submission_key": key,
                        "description": description,
                        "task_type_ids": str(task_type_id),
                        "date_from": WISHED[0],
                        "date_to": WISHED[1],
                    },
                )
                ok = answer.status_code == 303 and "message=created" in answer.headers["Location"]
            except (requests.RequestException, AttributeError):
                ok = False
            results.append((login, n, attempt, ok, time.perf_counter() - started))
            if ok:
                break


def server_side(log, offset):
    """What the server's log says of this run (from `offset`): its own time per form POST
    (werkzeug's query time + the rest), the row-lock failures and the retries. On a shared
    machine the farmers' latency is mostly queueing for the CPU; these numbers are not."""
    with open(log, encoding="utf-8", errors="replace") as handle:
        handle.seek(offset)
        text = handle.read()
    times = sorted(
        float(query) + float(rest)
        for query, rest in re.findall(
            r'"POST /my/requests/new [^"]*" \d+ - \d+ ([\d.]+) ([\d.]+)', text
        )
    )
    line = "server time per POST: none logged"
    if times:
        p50, p95 = statistics.median(times), times[int(0.95 * (len(times) - 1))]
        line = f"server time per POST: p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"
    return (
        f"{line}; row-lock failures {text.count('could not obtain lock')}, "
        f"retries {text.count('SERIALIZATION_FAILURE')}, "
        f"500s {text.count('Exception during request handling')}; "
        f"load average {os.getloadavg()[0]:.1f}"
    )


def check(odoo, registry, farm_ids, expected):
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        found = env["farm.intervention.request"].search(
            [("partner_id", "in", farm_ids)], order="name"
        )
        names = found.mapped("name")
        numbers = sorted(int(name.rsplit("/", 1)[1]) for name in names)
        descriptions = found.mapped("description")
        return {
            "requests": len(found),
            "expected": expected,
            "duplicates": len(descriptions) - len(set(descriptions)),
            "references given twice": len(names) - len(set(names)),
            "gaps": (numbers[-1] - numbers[0] + 1 - len(numbers)) if numbers else 0,
            "half-saved": len(
                found.filtered(
                    lambda r: (
                        not r.task_type_ids or not r.name or r.name == "/" or not r.message_ids
                    )
                )
            ),
        }


def main():
    parser = server_parser(__doc__, port=8098)
    parser.add_argument("--farmers", type=int, default=30)
    parser.add_argument("--requests", type=int, default=5)
    parser.add_argument("--no-kill", action="store_true")
    args = parser.parse_args()
    odoo, registry = odoo_env(args)
    farm_ids, logins, task_type_id = setup(odoo, registry, args.farmers)
    log = os.path.join(ROOT, ".run", "logs", f"portal-load-{args.port}.log")
    offset = os.path.getsize(log) if os.path.exists(log) else 0  # Odoo appends to it
    server, log = start_server(args)
    try:
        results, barrier = [], threading.Barrier(len(logins))
        base = f"http://127.0.0.1:{args.port}"
        threads = [
            threading.Thread(
                target=farmer, args=(base, login, task_type_id, args.requests, barrier, results)
            )
            for login in logins
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        killed = None
        if not args.no_kill:
            total = args.farmers * args.requests
            deadline = time.time() + 300
            while len(results) < total // 2 and time.time() < deadline and not barrier.broken:
                time.sleep(0.05)
            killed = (workers_of(server) or [None])[0]
            if killed:
                os.kill(killed, signal.SIGKILL)
        for thread in threads:
            thread.join(600)
        if any(n == "login" for _login, n, *_rest in results):
            print(
                "FAILED: farmers could not log in: "
                + ", ".join(login for login, n, *_rest in results if n == "login")
            )
            return 1
        elapsed = time.perf_counter() - started
        timings = sorted(t for *_x, ok, t in results if ok)
        failed = [r for r in results if not r[3]]
        report = check(odoo, registry, farm_ids, args.farmers * args.requests)
        print(
            f"{len(timings)} forms answered in {elapsed:.1f} s by {args.workers} workers; "
            f"{len(failed)} answers lost and sent again"
            + (f"; worker {killed} killed with SIGKILL half-way" if killed else "")
        )
        if timings:
            p95 = timings[int(0.95 * (len(timings) - 1))]
            print(
                f"latency per form (GET + POST): p50 {statistics.median(timings) * 1000:.0f} ms,"
                f" p95 {p95 * 1000:.0f} ms"
            )
        print(server_side(log, offset))
        print("database: " + ", ".join(f"{key} {value}" for key, value in report.items()))
        good = (
            report["requests"] == report["expected"]
            and not report["duplicates"]
            and not report["references given twice"]
            and not report["half-saved"]
        )
        print("OK" if good else f"FAILED (server log: {log})")
        return 0 if good else 1
    finally:
        stop_server(server)
        cleanup(odoo, registry, farm_ids)


if __name__ == "__main__":
    sys.exit(main())
