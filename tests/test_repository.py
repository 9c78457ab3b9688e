# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tests of the repository itself: the commands' contract and the addons' layout."""

import ast
import configparser
import http.server
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import threading
import tokenize
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ROOT / "addons"
SUITE = [
    "seconde_pousse_base",
    "seconde_pousse_farm",
    "seconde_pousse_insertion",
    "seconde_pousse_planning",
    "seconde_pousse_canteen",
]


def manifest(addon):
    return ast.literal_eval((ADDONS / addon / "__manifest__.py").read_text())


def run_without_odoo(command):
    env = dict(os.environ, ODOO_PATH="/nonexistent/odoo")
    return subprocess.run(
        [str(ROOT / "bin" / command)], env=env, capture_output=True, text=True, timeout=60
    )


def test_commands_stop_clearly_without_odoo():
    for command in ("run", "test", "setup"):
        result = run_without_odoo(command)
        assert result.returncode == 2, (command, result.stderr)
        assert "Odoo 18.0 Community was not found at ODOO_PATH=/nonexistent/odoo" in result.stderr
        assert "git clone --depth 1 --branch 18.0" in result.stderr
        assert "docker compose" in result.stderr


def test_manifests_follow_the_conventions():
    for addon in SUITE:
        data = manifest(addon)
        assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", data["version"]), addon
        assert data["license"] in ("AGPL-3", "LGPL-3"), addon
        assert "description" not in data, addon
        assert all(value not in ("", [], {}) for value in data.values()), addon
        assert (ADDONS / addon / "i18n" / "fr.po").is_file(), addon
        assert (ADDONS / addon / "readme" / "DESCRIPTION.md").is_file(), addon


def test_dependencies_point_one_way():
    farm, insertion = manifest("seconde_pousse_farm"), manifest("seconde_pousse_insertion")
    planning = manifest("seconde_pousse_planning")
    assert "seconde_pousse_insertion" not in farm["depends"]
    assert "seconde_pousse_farm" not in insertion["depends"]
    assert {"seconde_pousse_farm", "seconde_pousse_insertion"} <= set(planning["depends"])
    for addon in ("seconde_pousse_base", "seconde_pousse_farm", "seconde_pousse_insertion"):
        assert "seconde_pousse_planning" not in manifest(addon)["depends"]
    # the canteen supply builds on the farm, never on the people's pathways
    canteen = manifest("seconde_pousse_canteen")
    assert "seconde_pousse_farm" in canteen["depends"]
    assert not {"seconde_pousse_insertion", "seconde_pousse_planning"} & set(canteen["depends"])
    for addon in SUITE:
        if addon != "seconde_pousse_canteen":
            assert "seconde_pousse_canteen" not in manifest(addon)["depends"]


def test_farm_and_insertion_never_reference_each_other_or_planning():
    forbidden = {
        "seconde_pousse_farm": (
            "seconde_pousse_insertion",
            "seconde_pousse_planning",
            "seconde_pousse_canteen",
        ),
        "seconde_pousse_insertion": (
            "seconde_pousse_farm",
            "seconde_pousse_planning",
            "seconde_pousse_canteen",
        ),
        "seconde_pousse_planning": ("seconde_pousse_canteen",),
        "seconde_pousse_canteen": ("seconde_pousse_insertion", "seconde_pousse_planning"),
        "seconde_pousse_base": (
            "seconde_pousse_farm",
            "seconde_pousse_insertion",
            "seconde_pousse_planning",
            "seconde_pousse_canteen",
        ),
    }
    for addon, names in forbidden.items():
        for path in (ADDONS / addon).rglob("*"):
            if path.suffix in (".py", ".xml", ".csv", ".js") and path.name != "__manifest__.py":
                text = path.read_text(encoding="utf-8")
                for name in names:
                    assert name not in text, f"{path.relative_to(ROOT)} refers to {name}"


def compose_command():
    """The compose tool where the machine has one: the docker plugin or docker-compose."""
    docker = shutil.which("docker")
    if (
        docker
        and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0
    ):
        return [docker, "compose"]
    return [shutil.which("docker-compose")] if shutil.which("docker-compose") else None


def test_docker_image_builds_on_the_official_odoo_image():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM odoo:18\.0$", dockerfile, re.M)
    assert "requirements/oca.txt" in dockerfile  # web_timeline, absent from odoo:18.0
    assert "COPY addons /mnt/seconde-pousse" in dockerfile
    conf = (ROOT / "docker" / "odoo.conf").read_text()
    paths = re.search(r"^addons_path = (.*)$", conf, re.M).group(1).split(",")
    assert paths == [
        "/mnt/seconde-pousse",
        "/opt/oca/odoo/addons",
        "/usr/lib/python3/dist-packages/odoo/addons",
    ]
    init = (ROOT / "docker" / "init.sh").read_text()
    assert ",".join(SUITE) in init and "l10n_fr_account" in init
    assert "create_db.py" in init and "demo fr_FR" in init
    for ignored in (".venv", ".run", ".git"):
        assert ignored in (ROOT / ".dockerignore").read_text().split()


def test_docker_compose_builds_the_image_and_inits_the_database_once():
    text = (ROOT / "docker-compose.yml").read_text()
    assert re.search(r"^\s+image: postgres:16$", text, re.M)
    assert text.count("image: seconde-pousse:18.0") == 2 and "build: ." in text
    assert 'command: ["/opt/seconde-pousse/init.sh"]' in text
    assert "condition: service_completed_successfully" in text
    volumes = text.split("\nvolumes:\n", 1)[1]
    assert "seconde-pousse-db:" in volumes and "seconde-pousse-data:" in volumes


def test_docker_compose_is_accepted_by_the_compose_tool():
    """The compose tool reads the file as `docker compose up` will (its `$` interpolation
    included). bin/test installs the tool: a machine without it fails the test (in CI too),
    so the check is never silently left out."""
    compose = compose_command()
    assert compose, (
        "No compose tool (docker compose or docker-compose): apt-get install docker-compose"
    )
    result = subprocess.run(
        [*compose, "-f", str(ROOT / "docker-compose.yml"), "config"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "^seconde_pousse$" in result.stdout.replace("$$", "$")  # docker-compose 1 re-escapes


def test_our_sequences_are_references_that_lock_nothing():
    """Our addons' sequences number references (requests, interventions, harvest lots),
    not accounting documents: a gap-free one locks its row until the transaction ends, so
    that concurrent creations queue. Only invoices are gap-free, in Odoo's journals."""
    from lxml import etree  # noqa: PLC0415 - lxml comes with Odoo's requirements

    sequences = [
        (path.relative_to(ROOT), record)
        for path in ADDONS.glob("*/data/*.xml")
        for record in etree.parse(str(path)).iterfind(".//record[@model='ir.sequence']")
    ]
    assert len(sequences) >= 3  # requests, interventions, harvest lots
    for path, record in sequences:
        implementation = record.findtext("field[@name='implementation']") or "standard"
        assert implementation == "standard", (path, record.get("id"))


def load_bin(name):
    """A helper script of bin/, imported as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bin" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_odoo(tmp_path, layout, modules=("hr", "account")):
    """An Odoo tree in the packaged layout (odoo/addons only) or a git checkout's."""
    folders = {"packaged": ["odoo/addons"], "git": ["odoo/addons", "addons"]}[layout]
    for module in modules:
        folder = tmp_path / folders[-1] / module
        (folder / "tests").mkdir(parents=True)
        (folder / "__manifest__.py").write_text("{}")
        (folder / "tests" / "test_x.py").write_text("")
    (tmp_path / "odoo" / "addons").mkdir(parents=True, exist_ok=True)
    return tmp_path


def test_addons_path_names_only_folders_that_exist(tmp_path):
    render = load_bin("render_config")
    packaged = fake_odoo(tmp_path / "nightly", "packaged")
    assert render.addons_path("/repo", str(packaged)) == [
        f"{packaged}/odoo/addons",
        "/repo/addons",
    ]
    git = fake_odoo(tmp_path / "git", "git")
    assert render.addons_path("/repo", str(git)) == [
        f"{git}/odoo/addons",
        f"{git}/addons",
        "/repo/addons",
    ]


def test_core_suites_are_found_in_either_layout_or_fail_loudly(tmp_path):
    core = load_bin("core_tests")
    for layout in ("packaged", "git"):
        odoo = fake_odoo(tmp_path / layout, layout)
        found = core.locate(str(odoo), "hr")
        assert found.endswith("/hr/tests") and os.path.isdir(found)
        assert core.locate(str(odoo), "account/tests/test_x.py").endswith("test_x.py")
        with pytest.raises(SystemExit, match="Odoo's tests fleet were not found"):
            core.locate(str(odoo), "fleet")


def write_run(logs, label, passed, failed_ids, reason="AssertionError: boom"):
    cases = [f'<testcase classname="c" name="ok{i}"/>' for i in range(passed)]
    cases += [
        f'<testcase classname="c" name="{n}"><failure message="x"/></testcase>' for n in failed_ids
    ]
    suite = f'tests="{len(cases)}" failures="{len(failed_ids)}" errors="0" skipped="0"'
    xml = f"<testsuites><testsuite {suite}>{''.join(cases)}</testsuite></testsuites>"
    (logs / f"{label}.xml").write_text(xml)
    (logs / f"{label}.json").write_text(json.dumps(dict.fromkeys(failed_ids, reason)))
    (logs / f"{label}.rc").write_text("1" if failed_ids else "0")


def test_summary_fails_only_for_core_tests_that_pass_without_us(tmp_path, capsys):
    summary = load_bin("summary")
    write_run(tmp_path, "seconde-pousse", 5, [])
    write_run(tmp_path, "odoo-core", 10, ["known", "ours", "flaky"])
    write_run(tmp_path, "odoo-core-again", 1, ["known", "ours"])
    write_run(tmp_path, "odoo-core-baseline", 2, ["known"], reason="needs the network")
    assert summary.main(str(tmp_path), "1") == 1
    out = capsys.readouterr().out
    assert "FAILS BECAUSE OF OUR ADDONS (passes without them): ours" in out
    assert "fails without our addons too (not counted against us): known — needs the network" in out
    assert "(flaky): flaky" in out
    assert out.splitlines()[-1] == "total: 15 passed, 1 failed, 0 skipped"
    write_run(tmp_path, "odoo-core-baseline", 1, ["known", "ours"])
    assert summary.main(str(tmp_path), "1") == 0
    assert "odoo-core: 10 passed, 0 failed because of us, 2 failing without us too" in (
        capsys.readouterr().out
    )


def test_summary_fails_when_a_run_collects_no_test(tmp_path, capsys):
    summary = load_bin("summary")
    write_run(tmp_path, "seconde-pousse", 0, [])
    write_run(tmp_path, "odoo-core", 3, [])
    assert summary.main(str(tmp_path), "1") == 1
    assert "Seconde Pousse tests: the run collected no test." in capsys.readouterr().out
    write_run(tmp_path, "seconde-pousse", 3, [])
    write_run(tmp_path, "odoo-core", 0, [])
    assert summary.main(str(tmp_path), "1") == 1
    assert "Odoo's core tests: the run collected no test." in capsys.readouterr().out


def test_bin_run_serves_on_the_port_it_was_given():
    def port(*args):
        script = f'source "{ROOT}/bin/_lib.sh"; CONF=/nonexistent; http_port "$@"'
        result = subprocess.run(["bash", "-c", script, "x", *args], capture_output=True, text=True)
        return result.stdout.strip()

    assert port() == "8069"
    assert port("--http-port=8070") == "8070"
    assert port("--dev=xml", "-p", "8071") == "8071"
    assert port("-p8072") == "8072"
    assert port("--http-port", "8073") == "8073"


class FakeOdoo(http.server.BaseHTTPRequestHandler):
    """A login page linking one asset bundle, which answers `asset_status`."""

    asset_status = 200
    page = b'<link rel="stylesheet" href="/web/assets/1/abc/web.assets_frontend.min.css"/>'

    def do_GET(self):
        status, body = (200, self.page) if self.path == "/web/login" else (self.asset_status, b"")
        self.send_response(status)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_bin_run_says_ready_only_when_the_login_page_loads_its_assets():
    check = load_bin("login_check")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeOdoo)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        assert check.problems(base) == []
        FakeOdoo.asset_status = 500  # a bundle whose file is in another checkout's filestore
        assert check.problems(base) == [
            "/web/assets/1/abc/web.assets_frontend.min.css answered 500"
        ]
        FakeOdoo.page = b"<html></html>"
        assert check.problems(base) == ["/web/login links no asset bundle (/web/assets/…)"]
    finally:
        server.shutdown()
    run = (ROOT / "bin" / "run").read_text()
    assert run.index("login_check.py") < run.index('say "Ready')
    # the files are checked for a database found made, before anything is served
    for branch in ("    partial)", "    ready)"):
        assert run.split(branch, 1)[1].split(";;", 1)[0].lstrip().startswith("check_filestore")


def test_a_database_whose_files_are_in_another_checkout_is_found(request, tmp_path):
    """The test database's files are in this checkout's data_dir; seen from a checkout
    with an empty one, every one of them is missing."""
    dbtool = load_bin("dbtool")
    parser = configparser.RawConfigParser()
    parser.read(request.config.getoption("--odoo-config"))
    options = dict(parser["options"])
    database = request.config.getoption("--odoo-database")
    missing, stored = dbtool.filestore(options, database)
    assert stored > 0 and missing == 0
    assert dbtool.filestore({**options, "data_dir": str(tmp_path)}, database) == (stored, stored)


def test_summary_fails_when_the_failed_core_tests_could_not_run_again(tmp_path, capsys):
    summary = load_bin("summary")
    write_run(tmp_path, "seconde-pousse", 5, [])
    write_run(tmp_path, "odoo-core", 10, ["a", "b"])
    write_run(tmp_path, "odoo-core-again", 0, [])  # collected nothing: no excuse
    write_run(tmp_path, "odoo-core-baseline", 0, ["a", "b"])
    assert summary.main(str(tmp_path), "1") == 1
    assert "odoo-core-again: the 2 failed tests did not all run again." in capsys.readouterr().out


def bare_assert_raises(source):
    """Lines of ``with self.assertRaises(...)`` whose exception is never looked at."""
    found = []
    for func in ast.walk(ast.parse(source)):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(func):
            if not isinstance(node, ast.With):
                continue
            for item in node.items:
                call = item.context_expr
                if not (
                    isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "assertRaises"
                ):
                    continue
                alias = item.optional_vars
                used = alias is not None and any(
                    isinstance(name, ast.Name) and name.id == alias.id and name.lineno > node.lineno
                    for name in ast.walk(func)
                )
                if not used:
                    found.append(node.lineno)
    return found


def test_bare_assert_raises_is_detected():
    source = (
        "def test_a(self):\n    with self.assertRaises(E):\n        f()\n"
        "def test_b(self):\n    with self.assertRaises(E) as caught:\n        f()\n"
        "    self.assertIn('x', str(caught.exception))\n"
    )
    assert bare_assert_raises(source) == [2]


def test_every_assert_raises_checks_which_rule_raised():
    """An error of the right class from the wrong rule must not pass a test."""
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted(ADDONS.glob("*/tests/*.py"))
        for line in bare_assert_raises(path.read_text())
    ]
    assert offenders == []


def test_translations_are_not_asked_for_inside_comprehensions():
    """Odoo's _() reads the language from the calling frame's `self`: inside a
    comprehension, a generator or a lambda it has none and answers in English."""
    found = []
    for path in ADDONS.rglob("*.py"):
        if "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(
                node, (ast.ListComp, ast.GeneratorExp, ast.SetComp, ast.DictComp, ast.Lambda)
            ):
                found += [
                    f"{path.relative_to(ROOT)}:{call.lineno}"
                    for call in ast.walk(node)
                    if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "_"
                ]
    assert not found, found


def test_every_mutant_still_finds_the_code_it_changes():
    """bin/mutants reports a mutant whose `old` text is gone as stale: a refactoring must
    carry the curated bugs along, or they stop proving anything."""
    mutants = tomllib.loads((ROOT / "tests" / "mutants" / "mutants.toml").read_text())

    def occurrences(mutant):
        path = ROOT / mutant["file"]
        return path.read_text().count(mutant["old"]) if path.is_file() else 0

    stale = [(m["id"], occurrences(m)) for m in mutants["mutant"] if occurrences(m) != 1]
    assert stale == []


def split_messages(source):
    """Lines where a _() message is split over several string literals."""
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline)]
    found = []
    for index, token in enumerate(tokens[:-2]):
        if (
            token.string != "_"
            or tokens[index + 1].string != "("
            or tokens[index - 1].string == "."
        ):
            continue
        following = [
            t for t in tokens[index + 2 :] if t.type not in (tokenize.NL, tokenize.COMMENT)
        ]
        if following[0].type == tokenize.STRING and following[1].type == tokenize.STRING:
            found.append(token.start[0])
    return found


def test_translatable_messages_are_whole_in_one_literal():
    """A translator reads the sentence as one msgid, and so does whoever greps for it."""
    assert split_messages('raise E(_(\n    "one half "\n    "and the other"\n))\n') == [1]
    assert split_messages('raise E(_("whole", name=x))\n') == []
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted(ADDONS.rglob("*.py"))
        if "tests" not in path.parts
        for line in split_messages(path.read_text())
    ]
    assert offenders == []
