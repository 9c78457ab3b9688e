# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who exported or printed social data, when, and what: the trace the GDPR asks of
whoever processes it. Reads stay restricted by the fields' groups; exports and prints of
the fields kept to counsellors, and of the models kept to them, are logged here, never
changed nor deleted."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.seconde_pousse_base.models.roles import COORDINATOR, COUNSELLOR

GUARDED = {COUNSELLOR, COORDINATOR}
# models that are social data as a whole: every field of theirs is logged
SENSITIVE_MODELS = (
    "insertion.barrier",
    "insertion.action",
    "insertion.pass.suspension",
    "insertion.pass.prolongation",
)
PRINTED_MODELS = ("hr.employee", "insertion.pathway", *SENSITIVE_MODELS)


def sensitive_fields(model, names):
    """The exported fields (their first part) that are social data."""
    everything = model._name in SENSITIVE_MODELS
    result = []
    for name in names:
        field = model._fields.get(name.split("/", 1)[0].split(".", 1)[0])
        if field and (everything or GUARDED & set((field.groups or "").split(","))):
            result.append(field.name)
    return sorted(set(result))


class InsertionAccessLog(models.Model):
    _name = "insertion.access.log"
    _description = "Export or print of social data"
    _order = "id desc"

    user_id = fields.Many2one("res.users", string="By", required=True, readonly=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)
    kind = fields.Selection(
        [("export", "Export"), ("print", "Print")], required=True, readonly=True
    )
    model = fields.Char(required=True, readonly=True)
    record_count = fields.Integer(string="Records", readonly=True)
    what = fields.Char(string="Fields or document", readonly=True)

    @api.model
    def _log(self, kind, model, count, what):
        self.sudo().create(
            {
                "user_id": self.env.uid,
                "kind": kind,
                "model": model,
                "record_count": count,
                "what": what,
            }
        )

    def write(self, vals):
        if self:
            raise UserError(_("The log of exports and prints is kept as it was written."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(_("The log of exports and prints is kept as it was written."))


class Base(models.AbstractModel):
    _inherit = "base"

    def export_data(self, fields_to_export):
        result = super().export_data(fields_to_export)
        names = sensitive_fields(self, fields_to_export)
        if names:
            self.env["insertion.access.log"]._log("export", self._name, len(self), ", ".join(names))
        return result


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        # logged first: on a report route's read-only cursor, Odoo retries the request
        # on a read/write one as soon as the log is written, before anything is rendered
        report = self._get_report(report_ref)
        if report.model in PRINTED_MODELS and res_ids:
            ids = [res_ids] if isinstance(res_ids, int) else res_ids
            self.env["insertion.access.log"]._log("print", report.model, len(ids), report.name)
        return super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
