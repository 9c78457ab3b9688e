# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The server as production runs it: odoo-bin --workers=2 with its websocket (gevent)
worker, on the test database, on free ports of its own (tests/multiworker.py starts it).

A bus message goes from an HTTP worker to a websocket client through the gevent worker,
and the log shows no traceback and no worker started twice (the gevent worker crashed at
every start, respawned three times a second, when gevent's dependencies could not be
resolved)."""

import pytest
from multiworker import MultiWorkerServer, check_bus, check_canteen_invoicing_race


@pytest.fixture(scope="module")
def server(request, tmp_path_factory):
    database = request.config.getoption("--odoo-database")
    config = request.config.getoption("--odoo-config")
    assert database and config, "run by bin/test, or pytest with --odoo-database and --odoo-config"
    log = tmp_path_factory.mktemp("multiworker") / "odoo.log"
    with MultiWorkerServer(database, config, workers=2, log_path=str(log)) as live:
        yield live


def test_a_bus_message_reaches_the_websocket_through_the_gevent_worker(server):
    first, second = check_bus(server)
    assert second["id"] > first["id"]
    assert "needaction_inbox_counter" in second["message"]["payload"]
    assert not server.problems(), "\n".join(server.problems())


def test_no_worker_crashes_or_starts_again(server):
    answer = server.login("admin", "admin").get(f"{server.url}/web/health", timeout=10)
    assert answer.status_code == 200
    assert not server.problems(), "\n".join(server.problems())
    assert server.log().count("Evented Service (longpolling) running on") == 1


def test_two_accountants_start_the_canteen_invoicing_of_a_period_at_once(request, tmp_path):
    """Both answer within seconds and /web/health stays 200 (the PDFs were rendered in the
    request: both hung until the worker timeout, the server stopped answering); one run
    starts, the other accountant is told who started it and when; the cron worker then
    invoices and Odoo's sending job makes the PDFs, asking the HTTP workers for assets."""
    database = request.config.getoption("--odoo-database")
    config = request.config.getoption("--odoo-config")
    log = tmp_path / "odoo.log"
    cron = ["--max-cron-threads=1"]
    with MultiWorkerServer(database, config, 2, str(log), extra_args=cron) as live:
        measures = check_canteen_invoicing_race(live)
        problems = live.problems()
    assert measures["invoices"] == 2, measures
    assert not problems, "\n".join(problems)
