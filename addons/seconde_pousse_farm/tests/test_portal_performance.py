# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The portal's lists keep a fixed number of queries whatever the farm's history."""

from datetime import date, datetime, timedelta

from odoo.fields import Command
from odoo.tests import tagged
from odoo.tests.common import warmup

from odoo.addons.seconde_pousse_base.tests.common import make_role_user

from .portal_common import FarmPortalCase


@tagged("post_install", "-at_install")
class TestFarmPortalPerformance(FarmPortalCase):
    """200 requests and 200 interventions for one farm: the lists keep a fixed number of queries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.big_farm = cls.make_farm("Grande Ferme")
        contact = cls.env["res.partner"].create(
            {"name": "Grand Exploitant", "parent_id": cls.big_farm.id}
        )
        make_role_user(cls.env, "farmer", login="farmer_big", partner_id=contact.id, lang="fr_FR")
        today = date.today()
        cls.env["farm.intervention.request"].create(
            [
                {
                    "partner_id": cls.big_farm.id,
                    "description": f"Demande {n}",
                    "task_type_ids": [Command.set((cls.weeding | cls.pruning).ids)],
                    "date_from": today + timedelta(days=n),
                    "date_to": today + timedelta(days=n + 2),
                }
                for n in range(200)
            ]
        )
        start = datetime(2026, 3, 2, 7)
        interventions = cls.env["farm.intervention"].create(
            [
                {
                    "partner_id": cls.big_farm.id,
                    "date_start": start + timedelta(days=n),
                    "date_end": start + timedelta(days=n, hours=4),
                    "state": "done",
                    "line_ids": [
                        Command.create({"task_type_id": cls.weeding.id, "done_hours": 4.0})
                    ],
                }
                for n in range(200)
            ]
        )
        reviews = cls.env["farm.intervention.review"].create(
            [{"intervention_id": i.id} for i in interventions]
        )
        reviews.write({"state": "sent"})

    def test_pagination(self):
        self.authenticate("farmer_big", "farmer_big")
        for url, rows in (
            ("/my/requests", 80),
            ("/my/requests/page/3", 40),
            ("/my/interventions/page/2", 80),
            ("/my/interventions/page/3?filterby=done", 40),
        ):
            with self.subTest(url):
                page = self.get(url)
                self.assertEqual(page.status_code, 200)
                prefix = "/my/requests/" if "requests" in url else "/my/interventions/"
                links = {
                    part.split('"')[0]
                    for part in page.text.split(f'href="{prefix}')[1:]
                    if part.split('"')[0].isdigit()
                }
                self.assertEqual(len(links), rows)
        self.assertIn("/my/requests/page/2", self.get("/my/requests").text)

    def count_queries(self, url):
        self.url_open(url)  # warm the caches
        before = self.cr.sql_log_count
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return self.cr.sql_log_count - before

    def test_query_counts_do_not_depend_on_the_number_of_records(self):
        for url in (
            "/my/requests",
            "/my/interventions",
            "/my/requests/page/3",
            "/my/interventions?filterby=done",
        ):
            with self.subTest(url):
                self.authenticate("farmer_a", "farmer_a")  # 1 record
                small = self.count_queries(url)
                self.authenticate("farmer_big", "farmer_big")  # 200 records
                big = self.count_queries(url)
                self.assertEqual(
                    big, small, f"{url}: {big} queries for 200 records, {small} for one"
                )

    @warmup
    def test_requests_list_query_count(self):
        self.authenticate("farmer_big", "farmer_big")
        with self.assertQueryCount(default=REQUESTS_QUERIES):
            self.url_open("/my/requests")

    @warmup
    def test_interventions_list_query_count(self):
        self.authenticate("farmer_big", "farmer_big")
        with self.assertQueryCount(default=INTERVENTIONS_QUERIES):
            self.url_open("/my/interventions")


REQUESTS_QUERIES = 21  # measured: 20 in the request itself + 1 of the test
INTERVENTIONS_QUERIES = 19  # measured: 18 in the request (its work names read once) + 1 of the test
