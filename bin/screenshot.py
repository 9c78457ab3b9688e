# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Screenshots of a running Odoo as a user sees it, in headless Chromium.

    .venv/bin/python bin/screenshot.py URL LOGIN PASSWORD OUT.png [WIDTHxHEIGHT] [WAIT_SECONDS]

Logs in through /web/session/authenticate, hands the session cookie to Chromium, opens the
page at the given size (390x844 is a phone) and saves a PNG. SP_EVAL: a JavaScript
expression to run (and print) before the shot, e.g. clicking a tab. Needs Chromium
(installed by bin/test) and the database served (bin/run); add debug=assets to the URL
after changing JavaScript, as a running server keeps its bundles.
"""

import base64
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

import websocket


def authenticate(base, db, login, password):
    payload = json.dumps({"params": {"db": db, "login": login, "password": password}}).encode()
    request = urllib.request.Request(
        f"{base}/web/session/authenticate", payload, {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request) as response:
        cookie = response.headers.get("Set-Cookie", "")
        body = json.load(response)
    if body.get("error"):
        sys.exit(f"login failed: {body['error']['data']['message']}")
    return cookie.split(";")[0].split("=", 1)[1]


def main():
    url, login, password, out = sys.argv[1:5]
    width, height = map(int, (sys.argv[5] if len(sys.argv) > 5 else "1366x768").split("x"))
    wait = float(sys.argv[6]) if len(sys.argv) > 6 else 4
    parts = urllib.parse.urlsplit(url)
    base = f"{parts.scheme}://{parts.netloc}"
    db = urllib.parse.parse_qs(parts.query).get("db", [None])[0]
    session = authenticate(base, db, login, password)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    profile = tempfile.mkdtemp()
    process = subprocess.Popen(
        [
            chromium,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--remote-debugging-port=9333",
            f"--user-data-dir={profile}",
            "--hide-scrollbars",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        for _attempt in range(50):
            try:
                with urllib.request.urlopen("http://127.0.0.1:9333/json") as response:
                    targets = [t for t in json.load(response) if t["type"] == "page"]
                if targets:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        ws = websocket.create_connection(targets[0]["webSocketDebuggerUrl"], timeout=60)
        counter = iter(range(1, 10**6))

        def send(method, **params):
            request_id = next(counter)
            ws.send(json.dumps({"id": request_id, "method": method, "params": params}))
            while True:
                message = json.loads(ws.recv())
                if message.get("id") == request_id:
                    return message.get("result", {})

        send("Network.enable")
        send("Network.setCookie", name="session_id", value=session, url=base)
        mobile = width < 600
        send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=mobile,
        )
        if mobile:
            send("Emulation.setTouchEmulationEnabled", enabled=True)
        send("Page.enable")
        send("Page.navigate", url=url)
        time.sleep(wait)
        if os.environ.get("SP_EVAL"):  # a JavaScript expression to print, to debug a screen
            result = send(
                "Runtime.evaluate",
                expression=os.environ["SP_EVAL"],
                returnByValue=True,
                awaitPromise=True,
            )
            print(json.dumps(result.get("result", result), ensure_ascii=False))
        shot = send("Page.captureScreenshot", format="png", captureBeyondViewport=False)
        with open(out, "wb") as file:
            file.write(base64.b64decode(shot["data"]))
        print(out)
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # Chromium and its helper processes
        process.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
