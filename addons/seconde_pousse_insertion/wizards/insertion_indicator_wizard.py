# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io

import xlsxwriter
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..models.insertion_pathway import DYNAMIC_EXITS

HOURS_PER_MONTH = 151.67


class InsertionIndicatorWizard(models.TransientModel):
    """Funder indicators (ASP, département, DDETS) for a period, on screen and as XLSX."""

    _name = "insertion.indicator.wizard"
    _description = "Funder indicators"

    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=12, day=31),
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    employee_count = fields.Integer(string="Employees in pathway", compute="_compute_indicators")
    hours_total = fields.Float(string="Hours worked", compute="_compute_indicators")
    fte = fields.Float(
        string="Full-time equivalents", compute="_compute_indicators", digits=(16, 2)
    )
    agreed_posts = fields.Float(
        string="Agreed posts (FTE)",
        compute="_compute_indicators",
        digits=(16, 2),
        help="The posts funded by the annexes financières in force over the period, month by "
        "month (the company's agreed posts for a month no annexe covers).",
    )
    fte_rate = fields.Float(
        string="FTE achieved (%)", compute="_compute_indicators", digits=(16, 1)
    )
    training_hours = fields.Float(string="Training hours", compute="_compute_indicators")
    exit_count = fields.Integer(string="Exits", compute="_compute_indicators")
    dynamic_exit_count = fields.Integer(string="Dynamic exits", compute="_compute_indicators")
    dynamic_exit_rate = fields.Float(
        string="Dynamic exits (%)", compute="_compute_indicators", digits=(16, 1)
    )
    export_file = fields.Binary(string="File", readonly=True, attachment=False)
    export_filename = fields.Char(readonly=True)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(_("The period cannot end before it starts."))

    @api.depends("date_from", "date_to", "company_id")
    def _compute_indicators(self):
        for wizard in self:
            data = wizard._get_indicators() if wizard.date_from and wizard.date_to else {}
            wizard.employee_count = data.get("employee_count", 0)
            wizard.hours_total = data.get("hours_total", 0.0)
            wizard.fte = data.get("fte", 0.0)
            wizard.agreed_posts = data.get("agreed_posts", 0.0)
            wizard.fte_rate = data.get("fte_rate", 0.0)
            wizard.training_hours = data.get("training_hours", 0.0)
            wizard.exit_count = data.get("exit_count", 0)
            wizard.dynamic_exit_count = data.get("dynamic_exit_count", 0)
            wizard.dynamic_exit_rate = data.get("dynamic_exit_rate", 0.0)

    # ------------------------------------------------------------------
    # Domains (also used by the pivot and graph actions)
    # ------------------------------------------------------------------
    def _pathway_domain(self):
        return [
            ("company_id", "=", self.company_id.id),
            ("date_start", "<=", self.date_to),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", self.date_from),
        ]

    def _hours_domain(self):
        return [
            ("company_id", "=", self.company_id.id),
            ("month", ">=", self.date_from.replace(day=1)),
            ("month", "<=", self.date_to),
        ]

    def _action_domain(self):
        return [
            ("company_id", "=", self.company_id.id),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
        ]

    def _barrier_domain(self):
        return [("pathway_id", "any", self._pathway_domain())]

    def _exit_domain(self):
        return [
            ("company_id", "=", self.company_id.id),
            ("stage", "=", "exit"),
            ("exit_date", ">=", self.date_from),
            ("exit_date", "<=", self.date_to),
        ]

    def _month_count(self):
        delta = relativedelta(self.date_to + relativedelta(days=1), self.date_from)
        return max(delta.years * 12 + delta.months + delta.days / 30.0, 1.0 / 30)

    def _funded_posts(self):
        """The posts of the annexe in force each month, averaged over the period."""
        months = self.env["insertion.financial.annex"]._in_force(
            self.company_id, self.date_from, self.date_to
        )
        fallback = self.company_id.insertion_agreed_posts
        posts = [annex.funded_fte if annex else fallback for annex in months.values()]
        return sum(posts) / len(posts) if posts else fallback

    def _get_indicators(self):
        """Every indicator of the period, in one dict (a handful of grouped queries)."""
        self.ensure_one()
        env = self.env
        Pathway, Hours = env["insertion.pathway"], env["insertion.work.hours"]
        Action, Barrier = env["insertion.action"], env["insertion.barrier"]
        pathways = Pathway.search(self._pathway_domain())
        hours_by_employee = Hours._read_group(self._hours_domain(), ["employee_id"], ["hours:sum"])
        hours_by_month = Hours._read_group(
            self._hours_domain(),
            ["employee_id", "month:month"],
            ["hours:sum"],
            order="month:month, employee_id",
        )
        hours_total = sum(hours for __, hours in hours_by_employee)
        months = self._month_count()
        fte = hours_total / (HOURS_PER_MONTH * months)
        agreed = self._funded_posts()
        actions = Action._read_group(
            self._action_domain(), ["action_type"], ["__count", "duration:sum"]
        )
        barriers = Barrier._read_group(self._barrier_domain(), ["status"], ["__count"])
        barrier_types = Barrier._read_group(
            self._barrier_domain(), ["barrier_type", "support"], ["__count"]
        )
        exits = Pathway._read_group(self._exit_domain(), ["exit_category"], ["__count"])
        exit_count = sum(count for __, count in exits)
        dynamic = sum(count for category, count in exits if category in DYNAMIC_EXITS)
        return {
            "employee_count": len(pathways.employee_id),
            "hours_total": hours_total,
            "months": months,
            "fte": fte,
            "agreed_posts": agreed,
            "fte_rate": 100.0 * fte / agreed if agreed else 0.0,
            "hours_by_employee": [(employee.name, hours) for employee, hours in hours_by_employee],
            "hours_by_month": [
                (employee.name, month, hours) for employee, month, hours in hours_by_month
            ],
            "actions": {action_type: (count, duration) for action_type, count, duration in actions},
            "training_hours": sum(
                duration for action_type, __, duration in actions if action_type == "training"
            ),
            "barriers": dict(barriers),
            "barrier_types": {(btype, support): count for btype, support, count in barrier_types},
            "exits": dict(exits),
            "exit_count": exit_count,
            "dynamic_exit_count": dynamic,
            "dynamic_exit_rate": 100.0 * dynamic / exit_count if exit_count else 0.0,
        }

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _open_analysis(self, xmlid, domain):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = domain
        return action

    def action_open_hours(self):
        return self._open_analysis(
            "seconde_pousse_insertion.insertion_work_hours_analysis_action", self._hours_domain()
        )

    def action_open_actions(self):
        return self._open_analysis(
            "seconde_pousse_insertion.insertion_action_analysis_action", self._action_domain()
        )

    def action_open_barriers(self):
        return self._open_analysis(
            "seconde_pousse_insertion.insertion_barrier_analysis_action", self._barrier_domain()
        )

    def action_open_exits(self):
        return self._open_analysis(
            "seconde_pousse_insertion.insertion_pathway_exit_action", self._exit_domain()
        )

    def action_export_xlsx(self):
        self.ensure_one()
        self.write(
            {
                "export_file": base64.b64encode(self._build_xlsx()),
                "export_filename": _(
                    "funder_indicators_%(start)s_%(end)s.xlsx",
                    start=self.date_from,
                    end=self.date_to,
                ),
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": (
                f"/web/content?model={self._name}&id={self.id}&field=export_file"
                "&filename_field=export_filename&download=true"
            ),
            "target": "download",
        }

    def _selection_labels(self, model, field):
        return dict(self.env[model]._fields[field]._description_selection(self.env))

    def _build_xlsx(self):
        data = self._get_indicators()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        number = workbook.add_format({"num_format": "0.00"})
        date_format = workbook.add_format({"num_format": "mm/yyyy"})

        sheet = workbook.add_worksheet(_("Summary"))
        sheet.set_column(0, 0, 45)
        sheet.set_column(1, 1, 15)
        rows = [
            (_("From"), str(self.date_from)),
            (_("To"), str(self.date_to)),
            (_("Employees in pathway"), data["employee_count"]),
            (_("Hours worked"), data["hours_total"]),
            (_("Full-time equivalents"), data["fte"]),
            (_("Agreed posts (FTE)"), data["agreed_posts"]),
            (_("FTE achieved (%)"), data["fte_rate"]),
            (_("Training hours"), data["training_hours"]),
            (_("Exits"), data["exit_count"]),
            (_("Dynamic exits"), data["dynamic_exit_count"]),
            (_("Dynamic exits (%)"), data["dynamic_exit_rate"]),
        ]
        for row, (label, value) in enumerate(rows):
            sheet.write(row, 0, label, bold)
            sheet.write(row, 1, value, number if isinstance(value, float) else None)

        sheet = workbook.add_worksheet(_("Hours"))
        sheet.set_column(0, 0, 35)
        for col, title in enumerate((_("Employee"), _("Month"), _("Hours"), _("FTE"))):
            sheet.write(0, col, title, bold)
        for row, (name, month, hours) in enumerate(data["hours_by_month"], start=1):
            sheet.write(row, 0, name)
            sheet.write_datetime(row, 1, fields.Datetime.to_datetime(month), date_format)
            sheet.write(row, 2, hours, number)
            sheet.write(row, 3, hours / HOURS_PER_MONTH, number)

        labels = self._selection_labels("insertion.action", "action_type")
        self._write_table(
            workbook,
            _("Actions"),
            (_("Type"), _("Number"), _("Hours")),
            [
                (labels.get(key, key), count, duration)
                for key, (count, duration) in data["actions"].items()
            ],
        )
        labels = self._selection_labels("insertion.barrier", "status")
        self._write_table(
            workbook,
            _("Barriers"),
            (_("Status"), _("Number")),
            [(labels.get(key, key), count) for key, count in data["barriers"].items()],
        )
        not_supported = _("Not supported yet")
        types = self._selection_labels("insertion.barrier", "barrier_type")
        supports = self._selection_labels("insertion.barrier", "support")
        self._write_table(
            workbook,
            _("Barriers by type"),
            (_("Type"), _("Support"), _("Number")),
            [
                (types.get(btype, btype), supports.get(support, not_supported), count)
                for (btype, support), count in data["barrier_types"].items()
            ],
        )
        labels = self._selection_labels("insertion.pathway", "exit_category")
        self._write_table(
            workbook,
            _("Exits"),
            (_("Category"), _("Number")),
            [(labels.get(key, key), count) for key, count in data["exits"].items()],
        )
        workbook.close()
        return output.getvalue()

    def _write_table(self, workbook, title, headers, rows):
        sheet = workbook.add_worksheet(title)
        sheet.set_column(0, 1, 30)
        bold = workbook.add_format({"bold": True})
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
        for row, values in enumerate(rows, start=1):
            for col, value in enumerate(values):
                sheet.write(row, col, value)
