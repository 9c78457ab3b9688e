# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Open every record of the demo that each role reaches, as the web client does.

For each internal demo user of ours (coordinator, supervisors, counsellor, accountant):
every menu of ours they see, and the Odoo menus our roles work in (contacts, customer
invoices and credit notes), is opened as the web client opens it: the action is loaded,
its views fetched with get_views, each list or kanban view read page after page with
web_search_read over the action's domain, then every record found opened in the form
view with web_read and the specification the form's arch asks for (the display name of
every many2one, the embedded list of every x2many). A wizard opened from a menu gets its
defaults through onchange, as a new form does. The internal part runs in one transaction
that is rolled back.

For each portal demo user (the farmer, the canteen cooks), every page under /my reachable
from /my by following its links (lists, every page of a pager, every record) is fetched
over Odoo's WSGI application, logged in as that user; PDF downloads are left out.

Any exception, error page or redirect away fails the walk, naming the role, the action or
page, the model, the record and the error; the closing line gives the counts.

Usage: PYTHONPATH=/opt/odoo .venv/bin/python bin/demo_walk.py --config .run/odoo.conf --db NAME
(bin/test runs it on its demo database; --verbose lists each menu and page opened)
"""

import argparse
import ast
import re
import sys
import time
import traceback
from collections import deque
from urllib.parse import urljoin, urlsplit

from lxml import etree
from werkzeug.test import Client

import odoo
from odoo.tools.safe_eval import datetime, dateutil, safe_eval
from odoo.tools.safe_eval import time as safe_time

from odoo.addons.mail.tools.discuss import Store

# the Odoo menus outside ours that our roles work in
ODOO_MENUS = (
    "contacts.menu_contacts",
    "contacts.res_partner_menu_contacts",
    "account.menu_action_move_out_invoice_type",
    "account.menu_action_move_out_refund_type",
    "account.menu_action_account_payments_receivable",
)
PAGE = 80  # the web client's list page
CHATTER_REQUESTS = ["activities", "attachments", "followers", "scheduledMessages"]
X2MANY_PAGE = 40
PORTAL_PAGES_MAX = 1500  # per user: a runaway of generated links stops the walk
# PDF downloads (printed by wkhtmltopdf, which needs a server), logging out, the back office
LEFT_OUT = re.compile(r"report_type=pdf|download=|[./]pdf\b|/certificate\b|/logout|/web/|/odoo")
# a list's other orders and searches show the same records as the list itself
SAME_RECORDS = re.compile(r"[?&](sortby|groupby|search|search_in)=")


class Walk:
    def __init__(self, db, verbose=False):
        self.db = db
        self.verbose = verbose
        self.failures = []
        self.counts = {"roles": 0, "actions": 0, "records": 0, "lists": 0, "pages": 0}

    def fail(self, role, where, model, record, error):
        self.failures.append(f"{role} | {where} | {model} | {record} | {error}")

    # ------------------------------------------------------------------
    # Internal users: menus, actions, views, records
    # ------------------------------------------------------------------
    def demo_users(self, env, share):
        data = env["ir.model.data"].search(
            [("module", "=like", "seconde_pousse%"), ("model", "=", "res.users")]
        )
        users = env["res.users"].browse(data.mapped("res_id")).exists()
        return users.filtered(lambda u: u.active and u.share == share).sorted("login")

    def walk_internal(self, env, users=None):
        """As each internal demo user (or each of users): every record of every menu."""
        for user in users if users is not None else self.demo_users(env, share=False):
            self.counts["roles"] += 1
            context = {
                **user.context_get(),
                "allowed_company_ids": [user.company_id.id],
            }
            user_env = env(user=user.id, context=context)
            for menu_name, action in self.menu_actions(user_env):
                self.open_action(user_env, user.login, menu_name, action)

    def menu_actions(self, env):
        menus = env["ir.ui.menu"].load_menus(debug=False)
        seen = set()
        for menu in menus.values():
            xmlid = str(menu.get("xmlid") or "")
            if not menu.get("action") or not (
                xmlid.startswith("seconde_pousse") or xmlid in ODOO_MENUS
            ):
                continue
            if menu["action"] in seen:
                continue
            seen.add(menu["action"])
            yield f"menu {xmlid}", menu["action"]

    def open_action(self, env, role, where, action_ref):
        action_type, action_id = action_ref.split(",")
        try:
            with env.cr.savepoint():
                action = self.load_action(env, action_type, int(action_id))
        except Exception as error:
            self.fail(role, where, action_type, action_id, self.describe(error))
            return
        if not action or action.get("type") != "ir.actions.act_window":
            return  # client actions have their own tests (Ma journée's tour)
        self.counts["actions"] += 1
        where = f"{where} ({action.get('xml_id') or action.get('name')})"
        opened = self.counts["records"]
        try:
            self.walk_window(env, role, where, action)
        except Exception as error:
            self.fail(role, where, action.get("res_model"), "-", self.describe(error))
        if self.verbose:
            print(f"{role}: {where} {action['res_model']}: {self.counts['records'] - opened}")

    def load_action(self, env, action_type, action_id):
        """What /web/action/load and /web/action/run answer the web client."""
        if action_type == "ir.actions.server":
            result = env["ir.actions.server"].browse(action_id).run()
            return result or None
        if action_type == "ir.actions.act_window":
            return env[action_type].sudo().browse(action_id)._get_action_dict()
        return env[action_type].sudo().browse(action_id).read()[0]

    def eval_context(self, env):
        now = datetime.datetime.now()
        return {
            **env.context,
            "uid": env.uid,
            "user": env.user,
            "context": env.context,
            "allowed_company_ids": env.context.get("allowed_company_ids", []),
            "active_id": False,
            "active_ids": [],
            "datetime": datetime,
            "relativedelta": dateutil.relativedelta.relativedelta,
            "time": safe_time,
            "context_today": lambda: now,
            "current_date": now.strftime("%Y-%m-%d"),
        }

    def evaluate(self, env, value, default):
        if not value:
            return default
        if isinstance(value, str):
            return safe_eval(value, self.eval_context(env))
        return value

    def walk_window(self, env, role, where, action):
        context = self.evaluate(env, action.get("context"), {})
        domain = self.evaluate(env, action.get("domain"), [])
        context = {
            key: value
            for key, value in context.items()
            if not key.startswith(("search_default_", "group_by"))
        }
        model_env = env[action["res_model"]].with_context(**context)
        views = [(view_id or False, view_type) for view_id, view_type in action["views"]]
        if not any(view_type == "form" for __, view_type in views):
            views.append((False, "form"))
        search_view = action.get("search_view_id")
        views.append(((search_view or [False])[0] if search_view else False, "search"))
        result = model_env.get_views(
            views, {"load_filters": True, "toolbar": True, "action_id": action.get("id")}
        )
        models = result["models"]
        form_spec = self.spec(result["views"]["form"]["arch"], model_env._name, models)
        if model_env._transient or action.get("res_id") or views[0][1] == "form":
            self.open_new_or_one(model_env, role, where, action, form_spec)
            return
        ids = set()
        for view_type in ("list", "kanban", "calendar"):
            if view_type in result["views"]:
                spec = self.spec(result["views"][view_type]["arch"], model_env._name, models)
                ids |= self.read_pages(model_env, role, where, domain, spec, view_type)
        for record_id in sorted(ids):
            self.open_record(model_env, role, where, record_id, form_spec)

    def open_new_or_one(self, model_env, role, where, action, form_spec):
        try:
            with model_env.env.cr.savepoint():
                if action.get("res_id"):
                    model_env.browse(action["res_id"]).web_read(form_spec)
                else:
                    model_env.onchange({}, [], form_spec)
            self.counts["records"] += 1
        except Exception as error:
            self.fail(
                role, where, model_env._name, action.get("res_id") or "new", self.describe(error)
            )

    def read_pages(self, model_env, role, where, domain, spec, view_type):
        ids, offset = set(), 0
        while True:
            try:
                with model_env.env.cr.savepoint():
                    page = model_env.web_search_read(
                        domain, spec, offset=offset, limit=PAGE, count_limit=10001
                    )
            except Exception as error:
                self.fail(
                    role,
                    f"{where} {view_type}",
                    model_env._name,
                    f"page at {offset}",
                    self.describe(error),
                )
                return ids
            self.counts["lists"] += 1
            ids.update(record["id"] for record in page["records"])
            offset += PAGE
            if offset >= page["length"]:
                return ids

    def open_record(self, model_env, role, where, record_id, form_spec):
        self.counts["records"] += 1
        try:
            with model_env.env.cr.savepoint():
                model_env.browse(record_id).web_read(form_spec)
                if "message_ids" in model_env._fields:
                    self.open_chatter(model_env, record_id)
        except Exception as error:
            record = model_env.sudo().browse(record_id)
            name = f"{record_id} {record.display_name!r}" if record.exists() else record_id
            self.fail(role, where, model_env._name, name, self.describe(error))

    @staticmethod
    def open_chatter(model_env, record_id):
        """What the form's chatter asks: /mail/thread/data, then /mail/thread/messages."""
        thread = model_env._get_thread_with_access(record_id)
        if thread:
            Store(thread, as_thread=True, request_list=CHATTER_REQUESTS).get_result()
        fetched = model_env.env["mail.message"]._message_fetch(
            [
                ("res_id", "=", record_id),
                ("model", "=", model_env._name),
                ("message_type", "!=", "user_notification"),
            ],
            limit=30,
        )
        Store(fetched["messages"], for_current_user=True).get_result()

    # ------------------------------------------------------------------
    # Specification of a view, as the web client builds it from the arch
    # ------------------------------------------------------------------
    def spec(self, arch, model, models):
        return self.node_spec(etree.fromstring(arch), model, models)

    def node_spec(self, root, model, models):
        fields = models.get(model, {}).get("fields", {})
        level = int(root.xpath("count(ancestor-or-self::field)"))
        spec = {}
        for node in root.xpath(f".//field[count(ancestor::field) = {level}]"):
            if node.xpath(f"ancestor::groupby[count(ancestor::field) = {level}]"):
                continue  # a list's group header: fields of the grouped model
            name = node.get("name")
            info = fields.get(name)
            if not info:
                continue
            field_spec = spec.setdefault(name, {})
            context = self.static_context(node.get("context"))
            if context:
                field_spec["context"] = context
            if info["type"] in ("many2one", "reference"):
                field_spec["fields"] = {"display_name": {}}
            elif info["type"] in ("one2many", "many2many"):
                field_spec.update(self.x2many_spec(node, info, models))
        return spec

    def x2many_spec(self, node, info, models):
        mode = (node.get("mode") or "list").split(",")[0]
        subviews = [child for child in node if child.tag in ("list", "kanban")]
        subview = next((v for v in subviews if v.tag == mode), subviews[0] if subviews else None)
        if subview is None or node.get("widget") in ("many2many_tags", "many2many_checkboxes"):
            return {"fields": {"display_name": {}}}
        return {
            "fields": self.node_spec(subview, info["relation"], models),
            "limit": X2MANY_PAGE,
        }

    @staticmethod
    def static_context(context):
        if not context:
            return {}
        try:
            value = ast.literal_eval(context)
        except (ValueError, SyntaxError):
            return {}  # evaluated against the record in the browser
        return value if isinstance(value, dict) else {}

    # ------------------------------------------------------------------
    # Portal users: every page under /my
    # ------------------------------------------------------------------
    def walk_portal(self, env):
        users = self.demo_users(env, share=True)
        logins = users.mapped("login")
        for login in logins:
            self.counts["roles"] += 1
            self.walk_pages(login)

    def walk_pages(self, login):
        client = Client(self.application)
        answer = client.post(
            "/web/session/authenticate",
            json={"jsonrpc": "2.0", "params": {"db": self.db, "login": login, "password": login}},
        )
        if answer.status_code != 200 or "error" in answer.get_json():
            self.fail(
                login, "/web/session/authenticate", "-", "-", answer.get_data(as_text=True)[:300]
            )
            return
        queue, seen = deque(["/my"]), {"/my"}
        while queue and len(seen) <= PORTAL_PAGES_MAX:
            url = queue.popleft()
            try:
                body = self.fetch(client, login, url)
            except Exception as error:
                self.fail(login, url, "page", "-", self.describe(error))
                continue
            for link in self.links(url, body):
                if link not in seen:
                    seen.add(link)
                    queue.append(link)
        if queue:
            self.fail(login, "/my", "page", "-", f"more than {PORTAL_PAGES_MAX} pages")

    def fetch(self, client, login, url):
        """The page's HTML, or "" for a file; an error page or a redirect is a failure."""
        answer = client.get(url)
        self.counts["pages"] += 1
        if self.verbose:
            print(f"{login}: {url} {answer.status_code}")
        html = "text/html" in answer.headers.get("Content-Type", "")
        body = answer.get_data(as_text=True) if html else ""
        location = answer.headers.get("Location", "")
        if answer.status_code in (301, 308):  # Odoo's canonical address of the same page
            return f'<a href="{location}"/>'
        if answer.status_code >= 300:
            self.fail(login, url, "page", answer.status_code, f"{location} {self.page_error(body)}")
            return ""
        return body

    @staticmethod
    def application(environ, start_response):
        """Odoo's WSGI application, as a local browser reaches it."""
        return odoo.http.root({**environ, "REMOTE_ADDR": "127.0.0.1"}, start_response)

    @staticmethod
    def links(url, body):
        for href in re.findall(r'href="([^"#]+)', body):
            href = urljoin(url, href.replace("&amp;", "&"))
            parts = urlsplit(href)
            if parts.netloc and not parts.netloc.startswith(("localhost", "127.0.0.1")):
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if (
                parts.path.startswith("/my")
                and not LEFT_OUT.search(path)
                and not SAME_RECORDS.search(path)
            ):
                yield path

    @staticmethod
    def page_error(body):
        match = re.search(r"<pre[^>]*>(.*?)</pre>", body, re.S)
        text = match.group(1) if match else re.sub(r"<[^>]+>", " ", body)
        return " ".join(text.split())[:300]

    @staticmethod
    def describe(error):
        lines = traceback.format_exception_only(type(error), error)
        return " ".join(" ".join(lines).split())[:400]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--verbose", action="store_true", help="each action and page opened")
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.db, "--log-level=warn"])
    started = time.monotonic()
    walk = Walk(args.db, args.verbose)
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        walk.walk_internal(env)
        cr.rollback()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        walk.walk_portal(env)
        cr.rollback()
    for failure in walk.failures:
        print(f"FAILED: {failure}")
    counts = ", ".join(f"{value} {key}" for key, value in walk.counts.items())
    print(
        f"Demo walk: {counts}, {len(walk.failures)} failures, {time.monotonic() - started:.0f} s."
    )
    return 1 if walk.failures or not walk.counts["records"] else 0


if __name__ == "__main__":
    sys.exit(main())
