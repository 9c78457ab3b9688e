# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checks that a live Odoo can show its login page: /web/login answers 200 and so does
every JS/CSS bundle it links (a bundle whose file is missing answers 500, and the page is
then blank). bin/run says "Ready" only after it.

Usage: login_check.py URL        e.g. http://127.0.0.1:8069
Prints what failed and exits 1, or exits 0 silently.
"""

import re
import sys
import urllib.error
import urllib.request

TIMEOUT = 180  # seconds: a bundle is built on its first request, slowly on a busy machine
ASSET = re.compile(r'(?:href|src)="(/web/assets/[^"]+)"')


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as answer:
            return answer.status, answer.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def problems(base):
    code, page = status(f"{base}/web/login")
    if code != 200:
        return [f"/web/login answered {code}"]
    assets = sorted(set(ASSET.findall(page)))
    if not assets:
        return ["/web/login links no asset bundle (/web/assets/…)"]
    return [
        f"{asset} answered {code}" for asset in assets if (code := status(base + asset)[0]) != 200
    ]


def main(base):
    found = problems(base.rstrip("/"))
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
