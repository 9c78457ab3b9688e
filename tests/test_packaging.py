# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The addons as OCA packages them: wheels built by whool that pip installs, READMEs
generated from their readme/ fragments, a licence header in every source file."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from test_repository import load_bin  # the bin/ loader of the repository tests

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent for p in (ROOT / "addons").glob("*/__manifest__.py"))


def test_every_addon_builds_a_wheel_that_pip_installs(tmp_path):
    wheels, target = tmp_path / "wheels", tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", wheels, *ADDONS],
        check=True,
        timeout=300,
    )
    built = {w.name.split("-")[0]: w for w in wheels.glob("*.whl")}
    assert sorted(built) == [f"odoo_addon_{a.name}" for a in ADDONS]
    with zipfile.ZipFile(built["odoo_addon_seconde_pousse_planning"]) as wheel:
        names = wheel.namelist()
        metadata = wheel.read(next(n for n in names if n.endswith("/METADATA"))).decode()
    assert "odoo/addons/seconde_pousse_planning/static/description/index.html" in names
    assert "Requires-Dist: odoo-addon-seconde_pousse_farm==18.0.*" in metadata
    assert "Requires-Dist: odoo-addon-web_timeline==18.0.*" in metadata  # OCA's, from PyPI
    assert "Seconde Pousse – Planning" in metadata  # the README, as the long description
    # --no-deps as in the Dockerfile: the wheels require the "odoo" distribution
    subprocess.run(
        [*pip, "install", "--no-deps", "--target", target, *wheels.glob("*.whl")],
        check=True,
        timeout=300,
    )
    for addon in ADDONS:
        installed = target / "odoo" / "addons" / addon.name
        assert (installed / "__manifest__.py").read_text() == (
            addon / "__manifest__.py"
        ).read_text()


def test_readmes_are_generated_from_the_fragments_and_kept_up_to_date(tmp_path):
    gen = load_bin("gen_readme")
    assert gen.main(["--check"]) == 0  # the committed READMEs are the fragments' of today
    addon = tmp_path / "seconde_pousse_farm"
    shutil.copytree(ROOT / "addons" / addon.name, addon)
    roadmap = addon / "readme" / "ROADMAP.md"
    roadmap.write_text(roadmap.read_text() + "- A **new** limit, `named`.\n")
    assert gen.main(["--check", str(addon)]) == 1  # stale: CI and pre-commit refuse it
    assert gen.main([str(addon)]) == 0
    readme = (addon / "README.rst").read_text()
    assert "Known issues / Roadmap\n======================" in readme
    assert "- A **new** limit, ``named``." in readme  # Markdown, converted by pandoc
    index = (addon / "static" / "description" / "index.html").read_text()
    assert "<strong>new</strong>" in index and gen.MARKER in index
    assert gen.main(["--check", str(addon)]) == 0
    (addon / "readme" / "USAGE.md").unlink()
    assert gen.main(["--check", str(addon)]) == 1  # a required fragment is missing


def test_every_source_file_carries_its_licence(tmp_path):
    headers = load_bin("licence_headers")
    assert headers.check([str(ROOT / p) for p in headers.DEFAULT]) == []
    bare = tmp_path / "views.xml"
    bare.write_text('<?xml version="1.0" encoding="UTF-8" ?>\n<odoo />\n')
    assert headers.check([str(bare)], fix=True) == [bare]
    assert bare.read_text().splitlines()[1].startswith("<!-- Copyright 2026")
    assert headers.check([str(bare)]) == []
