# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The canteen scenarios of the bench: a year of weekly deliveries to each canteen,
invoiced monthly (one invoice a canteen and month, a line per produce and week).

Run by bench/run.py, beside the farm jobs' scenarios.
"""

from datetime import date, timedelta

from stdnum import luhn

WEEKS = 52
PRODUCE = (
    ("Tomates bench", ("BIO",)),
    ("Pommes bench", ("HVE",)),
    ("Pommes de terre bench", ("LABEL_ROUGE",)),
    ("Courgettes bench", ()),
    ("Carottes bench", ("BIO",)),
    ("Poires bench", ("HVE", "FERMIER")),
)


def siret(n):
    """A valid SIRET for canteen n: a valid SIREN, then the establishment number."""
    siren = f"2{n:07d}"
    siren += luhn.calc_check_digit(siren)
    number = f"{siren}0001"
    return number + luhn.calc_check_digit(number)


class CanteenWorld:
    def __init__(self, env, canteens, tag, weeks):
        self.env, self.weeks = env, weeks
        labels = {label.code: label for label in env["canteen.egalim.label"].search([])}
        self.products = (
            env["product.template"]
            .create(
                [
                    {
                        "name": f"{name} {tag}",
                        "is_produce": True,
                        "egalim_family": "FRUITS_ET_LEGUMES",
                        "egalim_label_ids": [(6, 0, [labels[code].id for code in codes])],
                        "egalim_local": True,
                        "egalim_local_definition": "DEPARTEMENT",
                        "list_price": 2.5,
                    }
                    for name, codes in PRODUCE
                ]
            )
            .product_variant_id
        )
        self.canteens = env["res.partner"].create(
            [
                {
                    "name": f"Cantine bench {tag}-{n}",
                    "is_company": True,
                    "is_canteen": True,
                    "siret": siret(tag * 1000 + n),
                }
                for n in range(canteens)
            ]
        )

    def invoice_the_year(self):
        start = date(2025, 1, 6)
        months = {}
        for week in range(self.weeks):
            monday = start + timedelta(weeks=week)
            months.setdefault((monday.year, monday.month), []).append(monday)
        values = [
            {
                "move_type": "out_invoice",
                "partner_id": canteen.id,
                "invoice_date": max(mondays) + timedelta(days=4),
                "invoice_line_ids": [
                    (0, 0, {"product_id": product.id, "quantity": 8.0, "price_unit": 2.5})
                    for _monday in mondays
                    for product in self.products
                ],
            }
            for canteen in self.canteens
            for mondays in months.values()
        ]
        invoices = self.env["account.move"].create(values)
        invoices.action_post()
        self.env.flush_all()


def run(env, canteens, measure, weeks=WEEKS):
    """{scenario: (queries, seconds, promised flat)} for `canteens` canteens."""
    world = CanteenWorld(env, canteens, canteens, weeks)
    created = measure(env, world.invoice_the_year, warm=False)
    Statement = env["canteen.egalim.statement"]

    def statement():
        one = Statement.search([("partner_id", "=", world.canteens[0].id), ("year", "=", 2025)])
        one.read(["amount_total", "share_bio", "share_egalim", "share_local"])
        one._family_totals()

    def export_all():
        statements = Statement.search(
            [("partner_id", "in", world.canteens.ids), ("year", "=", 2025)]
        )
        statements._macantine_csv()

    return {
        "invoice a year (grows)": created,
        "EGalim statement, 1 canteen": (*measure(env, statement), True),
        "ma-cantine export, all": (*measure(env, export_all), True),
    }
