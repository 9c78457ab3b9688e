"""Tests of the repository itself: the commands' contract and the addons' layout."""

import ast
import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ROOT / "addons"
SUITE = [
    "seconde_pousse_base",
    "seconde_pousse_farm",
    "seconde_pousse_insertion",
    "seconde_pousse_planning",
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
        assert data["version"] == "18.0.1.0.0", addon
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


def test_farm_and_insertion_never_reference_each_other_or_planning():
    forbidden = {
        "seconde_pousse_farm": ("seconde_pousse_insertion", "seconde_pousse_planning"),
        "seconde_pousse_insertion": ("seconde_pousse_farm", "seconde_pousse_planning"),
        "seconde_pousse_base": (
            "seconde_pousse_farm",
            "seconde_pousse_insertion",
            "seconde_pousse_planning",
        ),
    }
    for addon, names in forbidden.items():
        for path in (ADDONS / addon).rglob("*"):
            if path.suffix in (".py", ".xml", ".csv", ".js") and path.name != "__manifest__.py":
                text = path.read_text(encoding="utf-8")
                for name in names:
                    assert name not in text, f"{path.relative_to(ROOT)} refers to {name}"


def test_docker_compose_uses_official_images_and_named_volumes():
    text = (ROOT / "docker-compose.yml").read_text()
    assert re.search(r"^\s+image: odoo:18\.0$", text, re.M)
    assert re.search(r"^\s+image: postgres:16$", text, re.M)
    assert "./addons:/mnt/extra-addons" in text
    assert "./config/odoo.conf:/etc/odoo/odoo.conf" in text
    volumes = text.split("\nvolumes:\n", 1)[1]
    assert "seconde-pousse-db:" in volumes and "seconde-pousse-data:" in volumes
    compose = shutil.which("docker-compose")
    if compose:  # the compose tool itself, where the machine has it
        result = subprocess.run(
            [compose, "-f", str(ROOT / "docker-compose.yml"), "config", "-q"], capture_output=True
        )
        assert result.returncode == 0, result.stderr
