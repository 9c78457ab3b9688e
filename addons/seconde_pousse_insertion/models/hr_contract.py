from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class HrContract(models.Model):
    _inherit = "hr.contract"

    is_cddi = fields.Boolean(string="CDDI", compute="_compute_is_cddi", store=True)

    @api.depends("contract_type_id")
    def _compute_is_cddi(self):
        cddi = self.env.ref("seconde_pousse_insertion.contract_type_cddi", raise_if_not_found=False)
        for contract in self:
            contract.is_cddi = bool(cddi) and contract.contract_type_id == cddi

    @api.constrains("date_start", "employee_id", "contract_type_id")
    def _check_start_within_pass_iae(self):
        for contract in self.sudo().filtered(
            lambda c: c.employee_id.is_insertion_employee and c.is_cddi
        ):
            employee = contract.employee_id
            start, end = employee.pass_iae_start, employee.pass_iae_end
            if not start or not end:
                continue
            if not start <= contract.date_start <= end:
                raise ValidationError(
                    _(
                        "The contract of %(name)s cannot start on %(date)s, outside the "
                        "PASS IAE validity (%(start)s to %(end)s).",
                        name=employee.name,
                        date=contract.date_start,
                        start=start,
                        end=end,
                    )
                )
