# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError
from odoo.tools import SQL

from . import macantine
from .egalim import TARGET_BIO, TARGET_EGALIM

# the canteen's purchases: product lines of posted customer invoices and credit notes
PURCHASES = """
    FROM account_move_line line
    JOIN account_move move ON move.id = line.move_id
    JOIN res_partner canteen ON canteen.id = move.commercial_partner_id
   WHERE move.state = 'posted'
     AND move.move_type IN ('out_invoice', 'out_refund')
     AND line.display_type = 'product'
     AND canteen.is_canteen
"""


class CanteenEgalimStatement(models.Model):
    """A canteen's purchases of a year as ma-cantine counts them: each purchase once,
    under its highest category. Read from the posted invoices: a database view, as Odoo's
    own sale.report is, because a year's totals per canteen are one GROUP BY away."""

    _name = "canteen.egalim.statement"
    _description = "EGalim statement of a canteen for a year"
    _auto = False
    _order = "year desc, partner_id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", "Canteen", readonly=True)
    year = fields.Integer(readonly=True, aggregator=None)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    purchase_count = fields.Integer("Invoice lines", readonly=True)
    amount_total = fields.Monetary("Total excl. tax", readonly=True)
    amount_bio = fields.Monetary("Organic", readonly=True)
    amount_siqo = fields.Monetary("SIQO (excl. organic)", readonly=True)
    amount_other = fields.Monetary("Other EGalim labels", readonly=True)
    amount_egalim = fields.Monetary("EGalim", readonly=True)
    amount_local = fields.Monetary("Local", readonly=True)
    share_bio = fields.Float("Organic share (%)", compute="_compute_shares", aggregator=None)
    share_egalim = fields.Float("EGalim share (%)", compute="_compute_shares", aggregator=None)
    share_local = fields.Float("Local share (%)", compute="_compute_shares", aggregator=None)
    target_bio = fields.Float(default=TARGET_BIO, compute="_compute_shares", aggregator=None)
    target_egalim = fields.Float(compute="_compute_shares", aggregator=None)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE VIEW %s AS (
              SELECT MIN(line.id) AS id,
                     move.commercial_partner_id AS partner_id,
                     EXTRACT(YEAR FROM move.invoice_date)::int AS year,
                     move.company_id AS company_id,
                     COUNT(line.id) AS purchase_count,
                     SUM(-line.balance) AS amount_total,
                     SUM(-line.balance) FILTER (WHERE line.egalim_category = 'bio') AS amount_bio,
                     SUM(-line.balance) FILTER (WHERE line.egalim_category = 'siqo')
                         AS amount_siqo,
                     SUM(-line.balance) FILTER (WHERE line.egalim_category = 'other')
                         AS amount_other,
                     SUM(-line.balance) FILTER (WHERE line.egalim_category IS NOT NULL)
                         AS amount_egalim,
                     SUM(-line.balance) FILTER (WHERE line.egalim_local) AS amount_local
              %s
               GROUP BY move.commercial_partner_id,
                        EXTRACT(YEAR FROM move.invoice_date),
                        move.company_id
            )
            """,
                SQL.identifier(self._table),
                SQL(PURCHASES),
            )
        )

    @api.depends("amount_total", "amount_bio", "amount_egalim", "amount_local")
    def _compute_shares(self):
        for statement in self:
            total = statement.amount_total
            statement.update(
                {
                    "share_bio": _share(statement.amount_bio, total),
                    "share_egalim": _share(statement.amount_egalim, total),
                    "share_local": _share(statement.amount_local, total),
                    "target_bio": TARGET_BIO,
                    "target_egalim": TARGET_EGALIM,
                }
            )

    def _family_totals(self):
        """{(canteen id, year): [(family, total, organic, EGalim)]}, in one query."""
        Line = self.env["account.move.line"].sudo()
        families = dict(Line._fields["egalim_family"]._description_selection(self.env))
        groups = Line._read_group(
            self._purchase_domain(),
            ["partner_id", "invoice_date:year", "egalim_family", "egalim_category"],
            ["balance:sum"],
        )
        totals = {}
        for partner, year, family, category, balance in groups:
            label = families.get(family or "AUTRES")
            rows = totals.setdefault((partner.id, year.year), {})
            row = rows.setdefault(label, [0.0, 0.0, 0.0])
            row[0] -= balance
            row[1] -= balance if category == "bio" else 0.0
            row[2] -= balance if category else 0.0
        return {
            key: [(label, *amounts) for label, amounts in sorted(rows.items())]
            for key, rows in totals.items()
        }

    def _purchase_domain(self):
        """The purchases these statements count, as a domain on account.move.line."""
        years = self.mapped("year")
        return [
            ("parent_state", "=", "posted"),
            ("move_id.move_type", "in", ("out_invoice", "out_refund")),
            ("display_type", "=", "product"),
            ("partner_id", "in", self.partner_id.ids),
            ("invoice_date", ">=", f"{min(years)}-01-01"),
            ("invoice_date", "<=", f"{max(years)}-12-31"),
        ]

    def _macantine_rows(self):
        """The purchases of these statements as rows of ma-cantine's import, one per
        produce and invoice; a credit note is netted with the invoice it corrects, so
        that no row is negative and the total is what was invoiced."""
        wanted = {(statement.partner_id.id, statement.year) for statement in self}
        lines = self._macantine_lines(self._purchase_domain())
        lines = lines.filtered(lambda line: (line.partner_id.id, line.invoice_date.year) in wanted)
        entries = self._macantine_entries(lines)
        return [self._macantine_row(entry) for entry in entries if entry["amount"]]

    @api.model
    def _macantine_lines(self, domain):
        """The invoice lines of the domain, with what the rows read of them, their
        invoices and the invoices that credit notes correct."""
        # one query for every line, however many (a plain search reads them back 1,000 at a
        # time); their invoices, canteens and products are then read together
        lines = (
            self.env["account.move.line"]
            .sudo()
            .search_fetch(domain, LINE_FIELDS, order="invoice_date, move_id, id")
        )
        # their invoices too, in one query (browsing would read them 1,000 at a time), and
        # the invoices that credit notes correct
        moves = lines.move_id.search_fetch([("id", "in", lines.move_id.ids)], MOVE_FIELDS)
        originals = moves.reversed_entry_id - moves
        originals.search_fetch([("id", "in", originals.ids)], MOVE_FIELDS)
        return lines

    @api.model
    def _macantine_entries(self, lines):
        """The lines grouped as ma-cantine's rows: [{line, invoice, amount, line_ids}], one
        per canteen, invoice (the one a credit note corrects), produce and EGalim data."""
        rows = {}
        for line in lines:
            invoice = line.move_id.reversed_entry_id or line.move_id
            key = (line.partner_id.id, invoice.id, line.product_id.id or line.name)
            key += tuple(line[name] for name in EGALIM_FIELDS)
            entry = rows.setdefault(
                key, {"line": line, "invoice": invoice, "amount": 0.0, "line_ids": []}
            )
            entry["amount"] -= line.balance
            entry["line_ids"].append(line.id)
        return list(rows.values())

    @api.model
    def _macantine_row(self, entry):
        line, invoice = entry["line"], entry["invoice"]
        description = line.product_id.name or line.name or ""
        supplier = line.company_id._canteen_supplier()
        return macantine.row(
            line.partner_id.siret or "",
            description,
            supplier,
            invoice.invoice_date or line.invoice_date,
            entry["amount"],
            line,
        )

    def _macantine_csv(self):
        self._check_sirets()
        return macantine.to_csv(self._macantine_rows())

    def _check_sirets(self):
        self._check_canteen_sirets(self.partner_id)

    @api.model
    def _check_canteen_sirets(self, canteens):
        missing = canteens.filtered(lambda partner: not partner.siret)
        if missing:
            raise UserError(
                self.env._(
                    "ma-cantine imports purchases by the canteen's SIRET: add it to "
                    "%(canteens)s first.",
                    canteens=", ".join(missing.mapped("name")),
                )
            )

    def _macantine_filename(self):
        years = sorted(set(self.mapped("year")))
        canteen = self.partner_id if len(self.partner_id) == 1 else None
        name = canteen.siret if canteen else "cantines"
        return f"achats-egalim-{name}-{'-'.join(map(str, years))}.csv"

    def action_export_macantine(self):
        """The CSV for ma-cantine of the selected statements, as a download."""
        attachment = self.env["ir.attachment"].create(
            {
                "name": self._macantine_filename(),
                "raw": self._macantine_csv(),
                "mimetype": "text/csv",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "download",
        }

    def action_export_macantine_period(self):
        """The file of a period for ma-cantine (a month, a quarter, or what is new since the
        canteen's last file), which never holds a purchase twice: the year file does once
        the year's purchases have been imported month by month."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("File for ma-cantine by period"),
            "res_model": "canteen.macantine.export.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.partner_id.id},
        }


EGALIM_FIELDS = (
    "egalim_family",
    "egalim_label_codes",
    "egalim_origin",
    "egalim_short_circuit",
    "egalim_local",
    "egalim_local_definition",
    "egalim_local_km",
)
MOVE_FIELDS = ["reversed_entry_id", "invoice_date"]
LINE_FIELDS = [
    "partner_id",
    "move_id",
    "product_id",
    "name",
    "balance",
    "invoice_date",
    "company_id",
    *EGALIM_FIELDS,
]


def _share(amount, total):
    return round(100.0 * amount / total, 1) if total else 0.0
