# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class FarmRosterWizard(models.TransientModel):
    """The week of a team: a PDF roster per team and an email to each employee with
    their own week."""

    _name = "farm.roster.wizard"
    _description = "Weekly roster"

    week_date = fields.Date(
        "Week of",
        required=True,
        default=fields.Date.context_today,
        help="Any day of the week to print.",
    )
    week_start = fields.Date(compute="_compute_week", string="Monday")
    week_end = fields.Date(compute="_compute_week", string="Sunday")
    supervisor_ids = fields.Many2many(
        "hr.employee",
        string="Teams",
        help="Supervisors whose teams to include; empty for every team of the week.",
    )

    @api.depends("week_date")
    def _compute_week(self):
        for wizard in self:
            monday = wizard.week_date - timedelta(days=wizard.week_date.weekday())
            wizard.week_start = monday
            wizard.week_end = monday + timedelta(days=6)

    def _week_assignments(self):
        self.ensure_one()
        start = datetime.combine(self.week_start, time.min)
        domain = [
            ("date_start", ">=", start),
            ("date_start", "<", start + timedelta(days=7)),
            ("intervention_id.state", "!=", "cancelled"),
        ]
        assignments = self.env["farm.intervention.assignment"].search(
            domain, order="date_start, intervention_id"
        )
        if self.supervisor_ids:
            interventions = assignments.filtered(
                lambda a: a.role == "supervisor" and a.employee_id in self.supervisor_ids
            ).intervention_id
            assignments = assignments.filtered(lambda a: a.intervention_id in interventions)
        return assignments

    def _roster_teams(self):
        """[(supervisor, [(intervention, assignments)])] for the report, one page per team."""
        assignments = self._week_assignments()
        teams = {}
        for intervention in assignments.intervention_id.sorted("date_start"):
            team = assignments.filtered(lambda a, i=intervention: a.intervention_id == i)
            supervisor = team.filtered(lambda a: a.role == "supervisor")[:1].employee_id
            teams.setdefault(supervisor, []).append((intervention, team))
        return sorted(teams.items(), key=lambda item: item[0].name or "")

    def action_print(self):
        self.ensure_one()
        if not self._week_assignments():
            raise UserError(_("No one is planned in the week of %(date)s.", date=self.week_start))
        return self.env.ref("seconde_pousse_planning.action_report_weekly_roster").report_action(
            self
        )

    def action_send(self):
        """One email per employee planned in the week, with their own week."""
        self.ensure_one()
        assignments = self._week_assignments()
        if not assignments:
            raise UserError(_("No one is planned in the week of %(date)s.", date=self.week_start))
        mails = self.env["mail.mail"].sudo()
        without_email = []
        for employee in assignments.employee_id.sudo():
            if not employee.work_email:
                without_email.append(employee.name)
                continue
            mine = assignments.filtered(lambda a, e=employee: a.employee_id == e)
            body = self.env["ir.qweb"]._render(
                "seconde_pousse_planning.roster_mail_body",
                {"employee": employee, "assignments": mine, "wizard": self},
            )
            mails |= mails.create(
                {
                    "subject": _(
                        "Your week from %(start)s", start=self.week_start.strftime("%d/%m/%Y")
                    ),
                    "email_to": employee.work_email,
                    "body_html": body,
                    "auto_delete": True,
                }
            )
        message = _("%(count)s emails queued.", count=len(mails))
        if without_email:
            message += " " + _("No work email for: %(names)s.", names=", ".join(without_email))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Weekly roster"),
                "message": message,
                "sticky": bool(without_email),
            },
        }
