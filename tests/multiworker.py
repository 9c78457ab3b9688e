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
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

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
