# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A live multi-worker Odoo, as production runs it, for tests and checks.

    with MultiWorkerServer("sp_test_db", ".run/odoo.conf", workers=2) as server:
        admin = server.login("admin", "admin")
        server.call(admin, "res.partner", "search_count", [])
        socket = server.websocket(admin)
        ...
        assert not server.problems(), server.problems()

It starts odoo-bin with --workers=N on free ports of 127.0.0.1 (HTTP, and the gevent port
of the websocket worker), no cron worker, on one database; it waits until both ports
answer. Everything the server and its workers print, the websocket worker's start-up
included (which fails before Odoo's logging is set up), goes to one log file, which
problems() reads: tracebacks, errors, and any worker started more than once (a crash
loop). Leaving the block stops the whole process group.

Run alone, it checks a database: python tests/multiworker.py DB [CONFIG].
"""

import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import date, timedelta

import requests
import websocket

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ODOO_BIN = os.path.join(os.environ.get("ODOO_PATH", "/opt/odoo"), "odoo-bin")
START_TIMEOUT = 60  # seconds for the server and its workers to answer
CRASH_MARKERS = re.compile(
    r"Traceback|DistributionNotFound|CRITICAL|Critial worker error| ERROR |timeout after"
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class MultiWorkerServer:
    def __init__(self, db, config, workers=2, log_path=None, extra_args=()):
        self.db, self.config, self.workers = db, config, workers
        self.http_port, self.gevent_port = free_port(), free_port()
        self.log_path = log_path or tempfile.mkstemp(prefix=f"multiworker-{db}-", suffix=".log")[1]
        self.extra_args = list(extra_args)
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.http_port}"

    def command(self):
        return [
            sys.executable,
            ODOO_BIN,
            "-c",
            self.config,
            "-d",
            self.db,
            f"--db-filter=^{re.escape(self.db)}$",
            "--http-interface=127.0.0.1",
            f"--http-port={self.http_port}",
            f"--gevent-port={self.gevent_port}",
            f"--workers={self.workers}",
            "--max-cron-threads=0",
            "--log-level=info",
            *self.extra_args,
        ]

    def start(self):
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                self.command(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + START_TIMEOUT
        for url in (
            f"{self.url}/web/health",
            f"http://127.0.0.1:{self.gevent_port}/websocket/health",
        ):
            while not self._answers(url):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"Odoo did not answer {url}; log:\n{self.log()[-3000:]}")
                time.sleep(0.5)
        return self

    @staticmethod
    def _answers(url):
        try:
            return requests.get(url, timeout=2).status_code == 200
        except requests.RequestException:
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as handle:
            return handle.read()

    def problems(self):
        """What the log says went wrong: error lines, and workers started again."""
        text = self.log()
        found = [line for line in text.splitlines() if CRASH_MARKERS.search(line)]
        evented = text.count("Evented Service (longpolling) running on")
        if evented != 1:
            found.append(f"the websocket (gevent) worker started {evented} times, not once")
        http = len(re.findall(r"Worker WorkerHTTP \(\d+\) alive", text))
        if http > self.workers:
            found.append(f"{http} HTTP workers started for --workers={self.workers}")
        return found

    def login(self, login, password):
        session = requests.Session()
        answer = self.jsonrpc(
            session,
            "/web/session/authenticate",
            {"db": self.db, "login": login, "password": password},
        )
        if not answer.get("uid"):
            raise RuntimeError(f"{login} could not log in: {answer}")
        return session

    def jsonrpc(self, session, path, params, timeout=60):
        answer = session.post(
            f"{self.url}{path}",
            json={"jsonrpc": "2.0", "method": "call", "params": params, "id": 1},
            timeout=timeout,
        )
        answer.raise_for_status()
        body = answer.json()
        if "error" in body:
            raise RuntimeError(f"{path}: {body['error'].get('data', {}).get('message', body)}")
        return body.get("result")  # Odoo leaves it out when it is None

    def call(self, session, model, method, args=(), kwargs=None, timeout=60):
        """A method of a model, as the web client calls it (call_kw)."""
        params = {"model": model, "method": method, "args": list(args), "kwargs": kwargs or {}}
        return self.jsonrpc(session, "/web/dataset/call_kw", params, timeout=timeout)

    def websocket(self, session, timeout=20):
        """The websocket of the gevent worker, opened with the session's cookie and an origin
        of the same host (Odoo drops the session of a websocket from another origin)."""
        host = f"127.0.0.1:{self.gevent_port}"
        return websocket.create_connection(
            f"ws://{host}/websocket",
            cookie=f"session_id={session.cookies['session_id']}",
            origin=f"http://{host}",
            timeout=timeout,
        )


def subscribe(ws, channels=(), last=0):
    ws.send(
        json.dumps({"event_name": "subscribe", "data": {"channels": list(channels), "last": last}})
    )


def receive(ws, notification_type, after=0, timeout=20):
    """The first notification of this type, of an id above `after`, the websocket receives."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ws.settimeout(max(deadline - time.monotonic(), 0.1))
        try:
            frame = ws.recv()
        except websocket.WebSocketTimeoutException:
            break
        for notification in json.loads(frame) if frame else []:
            if notification["message"]["type"] == notification_type and notification["id"] > after:
                return notification
    raise AssertionError(f"no {notification_type} notification within {timeout} s")


def check_bus(server, login="admin", password="admin"):
    """Bus messages from the HTTP workers reach the websocket worker's client: the user
    subscribes, marks their inbox read over RPC (Odoo notifies their partner's channel), and
    the websocket receives it; then once more, the subscription being certainly in place, so
    that the second one comes through PostgreSQL's NOTIFY to the gevent worker, live.
    Returns the two notifications."""
    session = server.login(login, password)
    ws = server.websocket(session)
    received = []
    try:
        subscribe(ws)
        for _round in range(2):
            server.call(session, "mail.message", "mark_all_as_read", [], {"domain": []})
            after = received[-1]["id"] if received else 0
            received.append(receive(ws, "mail.message/mark_as_read", after=after))
    finally:
        ws.close()
    return received


def _canteen_race_data(server, admin):
    """Two accountants, and a canteen week of its own (a far Monday, so that the period
    is the race's alone) whose two canteens each have an order to invoice."""
    tag = uuid.uuid4().hex[:6]
    context = {"context": {"lang": "fr_FR", "tz": "Europe/Paris"}}

    def call(model, method, *args):
        return server.call(admin, model, method, args, context)

    groups = [
        call("ir.model.data", "search_read", [("module", "=", m), ("name", "=", n)], ["res_id"])[0][
            "res_id"
        ]
        for m, n in (("base", "group_user"), ("account", "group_account_invoice"))
    ]
    accountants = [(f"race_acc{n}_{tag}", f"pw-{tag}", f"Comptable {n} {tag}") for n in range(2)]
    for login, password, name in accountants:
        call(
            "res.users",
            "create",
            {
                "name": name,
                "login": login,
                "password": password,
                "tz": "Europe/Paris",
                "groups_id": [(6, 0, groups)],
            },
        )
    monday = date(2040, 1, 2) + timedelta(weeks=random.randint(0, 3000))  # a Monday
    produce = call(
        "product.product",
        "create",
        {
            "name": f"Pommes {tag}",
            "is_produce": True,
            "egalim_family": "FRUITS_ET_LEGUMES",
            "list_price": 2.0,
            "is_storable": True,
            "tracking": "lot",
        },
    )
    week = call(
        "canteen.week",
        "create",
        {
            "date_start": monday.isoformat(),
            "line_ids": [(0, 0, {"product_id": produce, "quantity_offered": 10})],
        },
    )
    call("canteen.week", "action_publish", [week])
    # a delivery fee, invoiced as ordered: orders to invoice without stock
    fee = call(
        "product.product",
        "create",
        {
            "name": f"Livraison {tag}",
            "type": "service",
            "invoice_policy": "order",
            "list_price": 5.0,
        },
    )
    for n in range(2):
        canteen = call(
            "res.partner",
            "create",
            {
                "name": f"Cantine {n} {tag}",
                "is_company": True,
                "is_canteen": True,
                "siret": "26840001700037",
            },
        )
        order = call(
            "sale.order",
            "create",
            {
                "partner_id": canteen,
                "canteen_week_id": week,
                "order_line": [(0, 0, {"product_id": fee, "product_uom_qty": 1})],
            },
        )
        call("sale.order", "action_confirm", [order])
    return accountants, (monday, monday + timedelta(days=6))


def check_canteen_invoicing_race(server, login="admin", password="admin", timeout=180):
    """Two accountants start the canteen invoicing of the same period at the same moment
    (it rendered the PDFs inside the request: both hung until the worker timeout, and the
    server stopped answering). Both answer within seconds while /web/health stays 200;
    exactly one run starts, the other accountant is told in French who started it and
    when. With a cron worker (--max-cron-threads=1), the run then invoices in the
    background and Odoo's sending job makes each invoice's PDF (without one, the run stays
    queued in the database, where the canteen tests' job would take it first). Returns the
    measures: the clicks' durations, /web/health's polls, the background's duration."""
    accountants, (start, end) = _canteen_race_data(server, server.login(login, password))
    sessions = [server.login(acc_login, acc_password) for acc_login, acc_password, _ in accountants]
    period = {
        "date_from": start.isoformat(),
        "date_to": end.isoformat(),
        "invoice_date": end.isoformat(),
    }
    context = {"context": {"lang": "fr_FR", "tz": "Europe/Paris"}}
    wizards = [
        server.call(s, "canteen.invoice.wizard", "create", [period], context) for s in sessions
    ]
    barrier, answers, health, stop = threading.Barrier(2), {}, [], threading.Event()

    def click(n):
        barrier.wait()
        began = time.monotonic()
        try:
            action = server.call(
                sessions[n],
                "canteen.invoice.wizard",
                "action_create_invoices",
                [[wizards[n]]],
                context,
                timeout=150,
            )
            answers[n] = ("started", time.monotonic() - began, action["params"]["message"])
        except RuntimeError as error:
            answers[n] = ("refused", time.monotonic() - began, str(error))

    def poll():
        while not stop.is_set():
            began = time.monotonic()
            try:
                status = requests.get(f"{server.url}/web/health", timeout=10).status_code
            except requests.RequestException as error:
                status = repr(error)
            health.append((status, time.monotonic() - began))
            time.sleep(0.2)

    poller = threading.Thread(target=poll)
    poller.start()
    try:  # /web/health is polled through the clicks and the work in the background
        measures = _canteen_clicks(server, sessions, accountants, period, click, answers)
        if "--max-cron-threads=1" in server.extra_args:
            winner = measures.pop("winner")
            measures.update(_canteen_run_in_background(server, sessions[winner], period, timeout))
    finally:
        stop.set()
        poller.join()
    assert all(status == 200 for status, _ in health), health
    measures.pop("winner", None)
    measures["health_polls"] = len(health)
    measures["health_slowest_s"] = round(max(seconds for _, seconds in health), 2)
    return measures


def _canteen_clicks(server, sessions, accountants, period, click, answers):
    """The two clicks at once: one run starts, the other accountant is told who started
    it and when; neither waits."""
    clicks = [threading.Thread(target=click, args=(n,)) for n in range(2)]
    for thread in clicks:
        thread.start()
    for thread in clicks:
        thread.join(150)
    started = [n for n, (told, _, _) in answers.items() if told == "started"]
    assert len(answers) == 2 and len(started) == 1, answers
    winner = started[0]
    loser = 1 - winner
    assert all(seconds < 10 for _, seconds, _ in answers.values()), answers
    assert "en arrière-plan" in answers[winner][2], answers[winner]
    refusal = "La facturation de cette période est déjà en cours (lancée par "
    assert f"{refusal}{accountants[winner][2]} le " in answers[loser][2], answers[loser]
    runs = server.call(
        sessions[winner],
        "canteen.invoice.run",
        "search_read",
        [[("date_from", "=", period["date_from"])]],
        {"fields": ["state"]},
    )
    assert len(runs) == 1, runs
    clicks_s = sorted(round(seconds, 2) for _, seconds, _ in answers.values())
    return {"winner": winner, "clicks_s": clicks_s}


def _canteen_run_in_background(server, session, period, timeout):
    """The run invoices in the cron worker; the sending job makes the PDFs."""
    deadline = time.monotonic() + timeout
    began = time.monotonic()
    while time.monotonic() < deadline:
        runs = server.call(
            session,
            "canteen.invoice.run",
            "search_read",
            [[("date_from", "=", period["date_from"])]],
            {"fields": ["state", "invoice_ids", "report"]},
        )
        invoices = runs[0]["invoice_ids"] if runs[0]["state"] == "done" else []
        documents = invoices and server.call(
            session, "account.move", "read", [invoices, ["invoice_pdf_report_id"]]
        )
        if documents and all(move["invoice_pdf_report_id"] for move in documents):
            return {
                "invoiced_with_pdf_s": round(time.monotonic() - began, 1),
                "invoices": len(invoices),
            }
        assert runs[0]["state"] != "failed", runs[0]["report"]
        time.sleep(2)
    raise AssertionError(f"the run and its PDFs were not done within {timeout} s: {runs}")


DEFAULT_CONFIG = os.path.join(ROOT, ".run", "odoo.conf")


def main(db, config=DEFAULT_CONFIG):
    with MultiWorkerServer(db, config) as server:
        received = check_bus(server)
        problems = server.problems()
    print(f"bus messages received: {received}; log: {server.log_path}")
    if problems:
        print("PROBLEMS:\n" + "\n".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
