# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.fields import Command
from odoo.tests import Form, TransactionCase

from odoo.addons.seconde_pousse_base.tests.common import make_role_user

# the tests live on Wednesday 3 June 2026 at 11:00 in Provence: next week's orders close
# on Thursday 4 June at 12:00, the week of 8 June is delivered on Tuesday 9 June
NOW = datetime(2026, 6, 3, 9, 0)
WEEK = date(2026, 6, 8)
HARVEST_DAY = date(2026, 6, 2)
SIRET_SCHOOL = "21130001700012"
SIRET_COLLEGE = "21130087600011"
SIRET_CARE_HOME = "26840001700037"


class CanteenCase(TransactionCase):
    """The farm's produce, two public canteens and a private care home, the week of
    8 June published: never demo data. Time stands at NOW for the whole class, unless a
    class sets frozen_at to None (a browser keeps its own clock)."""

    frozen_at = NOW

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # entered per class (a freeze_time decorator on this base would set up the base
        # itself, not each subclass)
        if cls.frozen_at:
            cls.enterClassContext(freeze_time(cls.frozen_at))
        cls.env = cls.env(context=dict(cls.env.context, tz="Europe/Paris", lang="fr_FR"))
        cls._setup_company()
        cls.coordinator = make_role_user(
            cls.env, "coordinator", login="t_coord", email="coord@example.com"
        )
        cls.supervisor = make_role_user(
            cls.env, "supervisor", login="t_sup", email="sup@example.com"
        )
        cls.accountant = make_role_user(
            cls.env, "accountant", login="t_acc", email="acc@example.com"
        )
        cls._setup_produce()
        cls._setup_canteens()
        cls.parcel = cls.env["canteen.parcel"].create(
            {"name": "Planche des Iscles", "code": "P3", "surface": 0.4}
        )
        cls.week = cls.make_week(
            WEEK, {cls.tomato: 40, cls.apple: 60, cls.courgette: 25, cls.potato: 30}
        )

    @classmethod
    def _setup_company(cls):
        """What Factur-X asks of the seller: VAT, SIRET, phone, e-mail, a bank account."""
        company = cls.env.company
        company.write(
            {
                "name": "AMS Environnement – Seconde Pousse",
                "vat": "FR91791123458",
                "siret": "79112345800022",
                "phone": "04 42 00 00 00",
                "email": "seconde-pousse@example.com",
                "street": "Chemin de la Blaque",
                "zip": "13090",
                "city": "Aix-en-Provence",
                "country_id": cls.env.ref("base.fr").id,
            }
        )
        cls.env["res.partner.bank"].create(
            {
                "partner_id": company.partner_id.id,
                "acc_number": "FR7630006000011234567890189",
                "allow_out_payment": True,
            }
        )
        cls.farm = company.canteen_farm_id

    @classmethod
    def label(cls, code):
        return cls.env["canteen.egalim.label"].search([("code", "=", code)])

    @classmethod
    def months(cls, *numbers):
        return cls.env["canteen.season.month"].search([("number", "in", numbers)])

    @classmethod
    def make_produce(cls, name, price, labels=(), months=(), **values):
        kg = cls.env.ref("uom.product_uom_kgm")
        template = cls.env["product.template"].create(
            {
                "name": name,
                "is_produce": True,
                "egalim_family": "FRUITS_ET_LEGUMES",
                "egalim_label_ids": [Command.set(cls.label_ids(labels))],
                "season_month_ids": [Command.set(cls.months(*months).ids)],
                "list_price": price,
                "uom_id": kg.id,
                "uom_po_id": kg.id,
                "origin_place": "La Roque-d'Anthéron (13)",
                "expiration_time": 7,
                **values,
            }
        )
        return template.product_variant_id

    @classmethod
    def label_ids(cls, codes):
        return cls.env["canteen.egalim.label"].search([("code", "in", list(codes))]).ids

    @classmethod
    def _setup_produce(cls):
        local = {"egalim_local": True, "egalim_local_definition": "DEPARTEMENT"}
        cls.tomato = cls.make_produce("Tomates", 3.20, ["BIO"], range(6, 11), **local)
        cls.apple = cls.make_produce(
            "Pommes",
            2.10,
            ["HVE"],
            (),
            egalim_local=True,
            egalim_local_definition="KM",
            egalim_local_km=30,
        )
        cls.courgette = cls.make_produce("Courgettes", 2.40, [], range(5, 10), **local)
        cls.potato = cls.make_produce("Pommes de terre", 1.50, ["LABEL_ROUGE", "HVE"], ())
        cls.melon = cls.make_produce("Melons", 2.80, ["BIO"], (7, 8))

    @classmethod
    def make_canteen(cls, name, siret, public=True, **values):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "is_canteen": True,
                "canteen_public_buyer": public,
                "siret": siret,
                "canteen_service_code": "RESTO-SCO" if public else False,
                "canteen_commitment_number": "EJ-2026-0042" if public else False,
                "canteen_market_number": "MAPA-2026-07" if public else False,
                "street": "Place de la Mairie",
                "zip": "13640",
                "city": "La Roque-d'Anthéron",
                "country_id": cls.env.ref("base.fr").id,
                "email": f"{siret}@example.com",
                **values,
            }
        )

    @classmethod
    def _setup_canteens(cls):
        cls.school = cls.make_canteen(
            "Cuisine centrale de La Roque",
            SIRET_SCHOOL,
            canteen_slot_ids=[Command.create({"weekday": "1", "hour_from": 7.5, "hour_to": 9.0})],
        )
        cls.college = cls.make_canteen("Collège des Garrigues", SIRET_COLLEGE)
        cls.care_home = cls.make_canteen("EHPAD Les Oliviers", SIRET_CARE_HOME, public=False)
        cls.cook = cls.make_contact(cls.school, "Sandrine Cuisine", "t_cook")
        cls.college_cook = cls.make_contact(cls.college, "Karim Collège", "t_college")

    @classmethod
    def make_contact(cls, canteen, name, login):
        contact = cls.env["res.partner"].create(
            {"name": name, "parent_id": canteen.id, "email": f"{login}@example.com"}
        )
        return make_role_user(cls.env, "canteen", login=login, partner_id=contact.id, lang="fr_FR")

    @classmethod
    def make_week(cls, monday, quantities, publish=True):
        week = cls.env["canteen.week"].create(
            {
                "date_start": monday,
                "line_ids": [
                    Command.create({"product_id": product.id, "quantity_offered": quantity})
                    for product, quantity in quantities.items()
                ],
            }
        )
        if publish:
            week.with_user(cls.coordinator).action_publish()
        return week

    @classmethod
    def offer(cls, product, week=None):
        return (week or cls.week).line_ids.filtered(lambda line: line.product_id == product)

    @classmethod
    def place(cls, user, quantities, week=None, canteen=None):
        """The canteen of user (or canteen, for staff) orders {product: quantity} as the
        portal does."""
        week = week or cls.week
        canteen = canteen or user.partner_id.commercial_partner_id
        return (
            cls.env["sale.order"]
            .with_user(user)
            .sudo()
            ._canteen_place(canteen, week, {cls.offer(p, week): q for p, q in quantities.items()})
        )

    @classmethod
    def harvest(cls, product, quantity, day=HARVEST_DAY, **values):
        harvest = (
            cls.env["canteen.harvest"]
            .with_user(cls.supervisor)
            .create(
                {
                    "product_id": product.id,
                    "quantity": quantity,
                    "harvest_date": day,
                    "parcel_id": cls.parcel.id,
                    **values,
                }
            )
        )
        harvest.action_done()
        return harvest.with_env(cls.env)

    @classmethod
    def deliver(cls, order):
        picking = order.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))
        picking.action_assign()
        for move in picking.move_ids:
            move.picked = True
        picking.button_validate()
        return picking

    @classmethod
    def run_invoicing(cls, wizard):
        """The accountant's click queues a run in the background; here its job invoices,
        then Odoo's sending job makes the PDF and Factur-X, as the scheduler does."""
        action = wizard.action_create_invoices()
        run = cls.env["canteen.invoice.run"].browse(action["params"]["next"]["res_id"])
        run._process()
        cls.env["account.move"]._cron_account_move_send()
        return run

    def invoice(self, date_from=date(2026, 6, 1), date_to=date(2026, 6, 30)):
        """The invoices of the period's run (none when it failed: see its report)."""
        wizard = Form(self.env["canteen.invoice.wizard"].with_user(self.accountant))
        wizard.date_from = date_from
        wizard.date_to = date_to
        wizard.invoice_date = date_to
        return self.run_invoicing(wizard.save()).invoice_ids
