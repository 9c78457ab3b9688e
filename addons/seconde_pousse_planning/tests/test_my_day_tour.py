# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A supervisor's whole day in "Ma journée", in headless Chromium at a phone's size, with the
network switched off in the middle through the DevTools protocol."""

import io
from unittest.mock import patch

from PIL import Image

from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser

from .my_day_common import MyDayCase

OFFLINE = {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
ONLINE = {**OFFLINE, "offline": False}


@tagged("post_install", "-at_install")
class TestMyDayTour(MyDayCase, HttpCase):
    browser_size = "390x844"
    touch_enabled = True

    def run_tour_with_network_switch(self):
        """The tour asks on the console for the network to go off and on; the browser's
        DevTools connection does it, as a tunnel or a field without signal would."""
        switches = []
        handle_console = ChromeBrowser._handle_console

        def console(browser, type, args=None, **kw):
            text = " ".join(str(browser._from_remoteobject(arg)) for arg in args or [])
            for signal, conditions in (("sp:network:off", OFFLINE), ("sp:network:on", ONLINE)):
                if signal in text:
                    browser._websocket_send("Network.enable")
                    browser._websocket_send("Network.emulateNetworkConditions", params=conditions)
                    switches.append(signal)
            return handle_console(browser, type, args=args, **kw)

        with patch.object(ChromeBrowser, "_handle_console", console):
            self.start_tour("/odoo/ma-journee", "seconde_pousse_my_day_tour", login="pl_sup")
        return switches

    def test_a_whole_day_on_a_phone_with_the_network_cut(self):
        switches = self.run_tour_with_network_switch()
        self.assertEqual(switches, ["sp:network:off", "sp:network:on"])
        team = self.team
        # roll-call
        self.assertEqual(
            [team[e].attendance for e in (self.amina, self.bruno, self.chloe)],
            ["present", "late", "absent"],
        )
        self.assertEqual((team[self.bruno].arrival_time, team[self.amina].arrival_time), (8.5, 7.0))
        # hours typed once: the task, the people and their month agree
        line = self.job.line_ids
        self.assertEqual(line.done_hours, 8.25)
        self.assertEqual(
            {h.employee_id: h.hours for h in line.hours_ids}, {self.amina: 4.5, self.bruno: 3.75}
        )
        monthly = self.env["insertion.work.hours"].search([("employee_id", "in", self.workers.ids)])
        self.assertEqual(
            {(m.employee_id, m.hours) for m in monthly}, {(self.amina, 4.5), (self.bruno, 3.75)}
        )
        # the observation became an evaluation with the job as evidence, once
        evaluation = self.env["insertion.skill.evaluation"].search(
            [("employee_id", "=", self.amina.id)]
        )
        self.assertEqual(len(evaluation), 1)
        self.assertEqual(
            (evaluation.skill_id, evaluation.skill_level_id, evaluation.source),
            (self.skill, self.levels[1], self.job),
        )
        self.assertEqual(evaluation.comment, "Coupes nettes, gestes sûrs")
        self.assertEqual(team[self.amina].observation, "Coupes nettes, gestes sûrs")
        # the trimmer came back damaged: a repair is asked
        booking = self.trimmer_booking
        self.assertEqual((booking.state, booking.condition), ("returned", "damaged"))
        self.assertIn("Lame fendue", booking.maintenance_request_id.description)
        # the photo, made small enough to wait on the phone, is an internal note
        photo = self.env["ir.attachment"].search(
            [("res_model", "=", "farm.intervention"), ("res_id", "=", self.job.id)]
        )
        self.assertEqual((photo.name, photo.mimetype), ("haie-taillee.jpg", "image/jpeg"))
        self.assertEqual(Image.open(io.BytesIO(photo.raw)).size, (1600, 1200))
        # signed on the phone
        review = self.job.review_ids
        self.assertEqual((review.state, review.signer_name), ("signed", "Jeanne Martin"))
        self.assertEqual(review.farmer_comment, "Merci à toute l'équipe")
        self.assertTrue(review.signature)
        self.assertEqual(self.job.state, "reviewed")
        # every operation recorded once; the 30 hours refused, and typed again
        operations = self.env["farm.my.day.operation"].search(
            [("user_id", "=", self.supervisor_user.id)]
        )
        self.assertEqual(len(operations), 15)
        refused = operations.filtered(lambda op: op.status != "done")
        self.assertEqual(refused.mapped("status"), ["error"])
        self.assertIn("Heures faites par Amina Salariée : 24 heures au plus", refused.message)
