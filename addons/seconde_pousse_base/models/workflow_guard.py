# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class WorkflowGuard(models.AbstractModel):
    """Workflow fields change only through the model's own actions.

    A plain create or write of one of `_workflow_fields` (state, signature, invoice…) by
    anyone but the superuser is refused, whatever the client sends: the actions check the
    current state and the role allowed, then write those fields with sudo(). A record is
    born with each workflow field at the field's own default: a value given in the
    context (``default_state``…) or set as a user default is refused like the value."""

    _name = "seconde_pousse.workflow.guard"
    _description = "Workflow fields guard"
    _workflow_fields = ()

    @api.model_create_multi
    def create(self, vals_list):
        self._refuse_workflow_create(vals_list)
        return super().create(vals_list)

    @api.model
    def _refuse_workflow_create(self, vals_list):
        """The guard's check of new records; a model whose own create checks the values
        first calls it before them, so that the refusal names the workflow field."""
        if self.env.su or not self._workflow_fields:
            return
        own = self._workflow_own_defaults()
        refused = set()
        for name in self._workflow_fields:
            try:
                given = self.default_get([name])
            except (TypeError, ValueError):
                refused.add(name)  # a context default Odoo cannot even read as the field's
                continue
            if name in given and self._workflow_differs(name, given[name], own):
                refused.add(name)
        self._refuse_workflow_write(refused)
        for vals in vals_list:
            self._refuse_workflow_write(
                {
                    name
                    for name in set(vals) & set(self._workflow_fields)
                    if vals[name] and self._workflow_differs(name, vals[name], own)
                }
            )

    def write(self, vals):
        if not self.env.su:
            self._refuse_workflow_write(set(vals) & set(self._workflow_fields))
        return super().write(vals)

    def _workflow_own_defaults(self):
        """{workflow field: its default}, from the field alone: neither the context's
        ``default_*`` keys nor the users' defaults (ir.default) count."""
        context = {k: v for k, v in self.env.context.items() if not k.startswith("default_")}
        clean = self.with_env(self.env(context=context))
        return {
            name: self._fields[name].default(clean) if self._fields[name].default else False
            for name in self._workflow_fields
        }

    def _workflow_differs(self, name, value, own):
        field = self._fields[name]
        try:
            return field.convert_to_cache(value, self) != field.convert_to_cache(own[name], self)
        except (TypeError, ValueError):
            return True  # not even a value of the field: never the field's default

    def _refuse_workflow_write(self, names):
        if names:
            labels = ", ".join(
                self._fields[name]._description_string(self.env) for name in sorted(names)
            )
            # _() and not self.env._(): over RPC, without a context, it takes the
            # user's language where self.env has none
            raise UserError(
                _(
                    "%(fields)s of a %(model)s change only through its buttons, which check who may do it.",  # noqa: E501
                    fields=labels,
                    model=self.env["ir.model"]._get(self._name).name.lower(),
                )
            )
