# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Canteen portal: the week's produce to order, the orders and deliveries, the EGalim
statements and the file for ma-cantine.

Every page is the canteen's own: the canteen is the commercial partner of the logged-in
user, never an id from the request. Orders are written with sudo, after the order lines'
own checks (the week open, the produce offered and in season, within what is left).
"""

from datetime import datetime

import psycopg2
from dateutil.relativedelta import relativedelta
from werkzeug.exceptions import Forbidden

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

MAX_QUANTITY = 100000.0  # of one produce in one order


class CanteenCustomerPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if not counters:  # the home page itself; /my/counters answers counters only
            values["canteen_portal_is_canteen"] = bool(self._canteen())
        return values

    def _canteen(self):
        """The canteen of the logged-in user: its commercial partner, when it is one."""
        user = request.env.user
        if user._is_public():
            return request.env["res.partner"]
        canteen = user.sudo().partner_id.commercial_partner_id
        return canteen if canteen.is_canteen else request.env["res.partner"]

    def _canteen_or_404(self):
        canteen = self._canteen()
        if not canteen:
            raise request.not_found()
        return canteen

    # ------------------------------------------------------------
    # Home of the canteen
    # ------------------------------------------------------------
    @http.route("/my/canteen", type="http", auth="user", website=True)
    def portal_canteen_home(self, **kw):
        canteen = self._canteen_or_404()
        values = self._prepare_portal_layout_values()
        values.update(request.env["canteen.week"].sudo()._portal_home(canteen))
        values.update({"canteen": canteen, "page_name": "canteen"})
        return request.render("seconde_pousse_canteen.portal_canteen_home", values)

    # ------------------------------------------------------------
    # Ordering the week's produce
    # ------------------------------------------------------------
    def _canteen_week(self, week_id):
        week = request.env["canteen.week"].sudo().browse(week_id).exists()
        if not week or week.state != "published":
            raise request.not_found()
        return week

    @http.route(
        "/my/canteen/week/<int:week_id>", type="http", auth="user", website=True, methods=["GET"]
    )
    def portal_canteen_week(self, week_id, saved=None, **kw):
        canteen = self._canteen_or_404()
        week = self._canteen_week(week_id)
        return self._render_week(canteen, week, saved=bool(saved))

    @http.route(
        "/my/canteen/week/<int:week_id>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_canteen_week_order(self, week_id, **post):
        canteen = self._canteen_or_404()
        week = self._canteen_week(week_id)
        try:
            quantities = self._parse_quantities(week, post)
            with request.env.cr.savepoint():
                request.env["sale.order"].sudo()._canteen_place(canteen, week, quantities)
        except (UserError, ValidationError) as error:
            return self._render_week(canteen, week, error=str(error), typed=post)
        except psycopg2.errors.UniqueViolation:
            message = request.env._(
                "Your order for this week was just saved from another window: reload the page "
                "to see it."
            )
            return self._render_week(canteen, week, error=message, typed=post)
        return request.redirect(f"/my/canteen/week/{week.id}?saved=1")

    def _parse_quantities(self, week, post):
        """{canteen.availability: quantity} of the form's fields qty_<offer id>; only the
        week's own offers, each a number."""
        quantities = {}
        for offer in week.line_ids:
            raw = (post.get(f"qty_{offer.id}") or "").strip().replace(",", ".")
            try:
                quantity = float(raw) if raw else 0.0
            except ValueError:
                raise UserError(
                    request.env._(
                        "%(product)s: the quantity “%(value)s” is not a number.",
                        product=offer.product_id.name,
                        value=raw[:20],
                    )
                ) from None
            if not -MAX_QUANTITY <= quantity <= MAX_QUANTITY:
                raise UserError(
                    request.env._(
                        "%(product)s: at most %(max)s per order.",
                        product=offer.product_id.name,
                        max=int(MAX_QUANTITY),
                    )
                )
            quantities[offer] = quantity
        unknown = {key for key in post if key.startswith("qty_")} - {
            f"qty_{offer.id}" for offer in week.line_ids
        }
        if unknown:
            raise UserError(request.env._("This week's offer has changed: reload the page."))
        return quantities

    def _render_week(self, canteen, week, error=None, typed=None, saved=False):
        values = self._prepare_portal_layout_values()
        values.update(week._portal_offer(canteen))
        values.update(
            {
                "canteen": canteen,
                "week": week,
                "error": error,
                "typed": typed or {},
                "saved": saved and not error,
                "page_name": "canteen_week",
            }
        )
        return request.render("seconde_pousse_canteen.portal_canteen_week", values)

    # ------------------------------------------------------------
    # EGalim statements and the file for ma-cantine
    # ------------------------------------------------------------
    def _canteen_statement(self, year):
        statement = request.env["canteen.egalim.statement"].search(
            [("partner_id", "=", self._canteen_or_404().id), ("year", "=", year)], limit=1
        )
        if not statement:
            raise request.not_found()
        return statement

    @http.route("/my/egalim", type="http", auth="user", website=True, methods=["GET"])
    def portal_egalim(self, **kw):
        return self._render_egalim(self._canteen_or_404())

    def _render_egalim(self, canteen, error=None):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "canteen": canteen,
                "statements": request.env["canteen.egalim.statement"].search(
                    [("partner_id", "=", canteen.id)]
                ),
                "exports": request.env["canteen.macantine.export"].search(
                    [("partner_id", "=", canteen.id)]
                ),
                "export_error": error,
                "page_name": "canteen_egalim",
            }
        )
        values.update(self._egalim_periods())
        return request.render("seconde_pousse_canteen.portal_canteen_egalim", values)

    def _egalim_periods(self):
        """The months and quarters a file can be asked for: this year's and last year's,
        newest first, as (value, label)."""
        Export = request.env["canteen.macantine.export"]
        today = fields.Date.context_today(Export)
        months = [today + relativedelta(day=1, months=-shift) for shift in range(today.month + 12)]
        return {
            "export_months": [(f"{day:%Y-%m}", Export._label("month", day)) for day in months],
            "export_quarters": [
                (f"{day:%Y-%m}", Export._label("quarter", day))
                for day in months
                if day.month % 3 == 1
            ],
        }

    @http.route("/my/egalim/export", type="http", auth="user", website=True, methods=["POST"])
    def portal_egalim_export(self, kind=None, month=None, quarter=None, **kw):
        """A new file by period: the canteen's purchases that no earlier file held."""
        canteen = self._canteen_or_404()
        try:
            day = self._egalim_period_day(kind, month, quarter)
            with request.env.cr.savepoint():
                export = request.env["canteen.macantine.export"]._export(canteen, kind, day)
        except UserError as error:
            return self._render_egalim(canteen, error=str(error))
        return self._egalim_file_response(export)

    def _egalim_period_day(self, kind, month, quarter):
        raw = {"month": month, "quarter": quarter}.get(kind)
        if raw is None:
            return None
        try:
            return datetime.strptime(raw, "%Y-%m").date()
        except ValueError:
            raise UserError(
                request.env._("Choose the month or the quarter of the file in the list.")
            ) from None

    @http.route("/my/egalim/export/<int:export_id>.csv", type="http", auth="user", website=True)
    def portal_egalim_export_file(self, export_id, **kw):
        """A file downloaded before, as it was: ma-cantine refuses it if it imported it."""
        canteen = self._canteen_or_404()
        export = request.env["canteen.macantine.export"].browse(export_id)
        try:
            export.check_access("read")
        except (AccessError, MissingError):
            raise Forbidden() from None
        if export.partner_id != canteen:
            raise Forbidden()
        return self._egalim_file_response(export)

    def _egalim_file_response(self, export):
        return request.make_response(
            export._file_content(),
            headers=[
                ("Content-Type", "text/csv; charset=utf-8"),
                ("Content-Disposition", http.content_disposition(export.name)),
            ],
        )

    @http.route("/my/egalim/<int:year>.pdf", type="http", auth="user", website=True)
    def portal_egalim_pdf(self, year, **kw):
        statement = self._canteen_statement(year)
        pdf = (
            request.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf(
                "seconde_pousse_canteen.action_report_egalim_statement", statement.ids
            )[0]
        )
        filename = f"bilan-egalim-{year}.pdf"
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Disposition", http.content_disposition(filename)),
            ],
        )

    @http.route("/my/egalim/<int:year>.csv", type="http", auth="user", website=True)
    def portal_egalim_csv(self, year, **kw):
        statement = self._canteen_statement(year)
        try:
            content = statement._macantine_csv()
        except UserError as error:
            return request.make_response(
                str(error), status=409, headers=[("Content-Type", "text/plain; charset=utf-8")]
            )
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "text/csv; charset=utf-8"),
                ("Content-Disposition", http.content_disposition(statement._macantine_filename())),
            ],
        )
