# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
from datetime import date, datetime

from PIL import Image

from odoo.fields import Command
from odoo.tests import Form, TransactionCase

from odoo.addons.seconde_pousse_base.tests.common import make_role_user


def _signature_png():
    """A small PNG, as the signature pad sends it."""
    buffer = io.BytesIO()
    Image.new("RGBA", (60, 20), (20, 20, 80, 255)).save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue())


SIGNATURE = _signature_png()


class FarmCase(TransactionCase):
    """Builds its own farms, task types and role users: never demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coordinator = make_role_user(
            cls.env, "coordinator", login="t_coord", email="coord@example.com"
        )
        cls.supervisor = make_role_user(
            cls.env, "supervisor", login="t_sup", email="sup@example.com"
        )
        cls.accountant = make_role_user(
            cls.env, "accountant", login="t_acc", email="acc@example.com"
        )
        cls.weeding = cls.env["farm.task.type"].create(
            {"name": "Weeding test", "hourly_rate": 20.0, "default_duration": 4.0}
        )
        cls.pruning = cls.env["farm.task.type"].create(
            {"name": "Pruning test", "hourly_rate": 25.0, "default_duration": 3.0}
        )
        cls.farm = cls.make_farm("Ferme des Tests")
        cls.other_farm = cls.make_farm("Domaine Voisin")

    @classmethod
    def make_farm(cls, name, **values):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "is_farm": True,
                "is_company": True,
                "email": f"{name.split()[-1].lower()}@example.com",
                "street": "Chemin des Vergers",
                "zip": "13100",
                "city": "Aix-en-Provence",
                "country_id": cls.env.ref("base.fr").id,
                **values,
            }
        )

    @classmethod
    def make_request(cls, farm=None, **values):
        return cls.env["farm.intervention.request"].create(
            {
                "partner_id": (farm or cls.farm).id,
                "description": "Désherbage des planches de poireaux",
                "task_type_ids": [Command.set(cls.weeding.ids)],
                "date_from": date(2026, 3, 2),
                "date_to": date(2026, 3, 6),
                "estimated_hours": 12.0,
                **values,
            }
        )

    @classmethod
    def make_intervention(cls, farm=None, day=2, hours=(4.0, 2.0), state="done"):
        intervention = cls.env["farm.intervention"].create(
            {
                "partner_id": (farm or cls.farm).id,
                "date_start": datetime(2026, 3, day, 7, 0),
                "date_end": datetime(2026, 3, day, 12, 0),
                "line_ids": [
                    Command.create(
                        {
                            "task_type_id": cls.weeding.id,
                            "planned_hours": 4.0,
                            "done_hours": hours[0],
                        }
                    ),
                    Command.create(
                        {
                            "task_type_id": cls.pruning.id,
                            "planned_hours": 2.0,
                            "done_hours": hours[1],
                        }
                    ),
                ],
            }
        )
        if state != "draft":
            intervention.write({"state": state})
        return intervention

    def refund(self, invoice, date=None):
        """A credit note on a posted invoice, through Odoo's reversal wizard."""
        reversal = Form(
            self.env["account.move.reversal"].with_context(
                active_model="account.move", active_ids=invoice.ids
            )
        )
        reversal.journal_id = invoice.journal_id
        if date:
            reversal.date = date
        return reversal.save().refund_moves()

    @classmethod
    def make_signed_review(cls, intervention, followup=False):
        review = cls.env["farm.intervention.review"].create(
            {"intervention_id": intervention.id, "rating_quality": "5", "followup_wished": followup}
        )
        review.action_send()
        review._sign("Jeanne Martin", SIGNATURE)
        return review
