# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A record is never born past its workflow: every model of the suite that inherits the
workflow guard, every one of its workflow fields, every role, the value given in the
values, in the context (``default_<field>``) or as the user's own default (ir.default).
The models and fields are read from the registry, never listed here."""

import psycopg2

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import ROLE_GROUPS, make_role_user

GUARD = "seconde_pousse.workflow.guard"


@tagged("post_install", "-at_install")
class TestWorkflowGuard(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            role: make_role_user(cls.env, role, login=f"guard_{role}")
            for role in ROLE_GROUPS
            if role != "hr_officer"
        }

    def guarded_models(self):
        """{model name: workflow fields} of every concrete model inheriting the guard."""
        guard = type(self.env[GUARD])
        return {
            name: model._workflow_fields
            for name, model in self.env.registry.items()
            if issubclass(model, guard)
            and not model._abstract
            and not model._transient
            and model._workflow_fields
        }

    def other_values(self, model, name):
        """Values of a workflow field other than the one a new record is born with."""
        Model = self.env[model].sudo()
        field = Model._fields[name]
        own = Model._workflow_own_defaults()[name]
        if field.type == "selection":
            keys = [key for key, _label in field._description_selection(self.env)]
            return [key for key in keys if key != own]
        if field.type == "many2one":
            record = self.env[field.comodel_name].sudo().search([], limit=1)
            return [record.id or 1]
        if field.type in ("integer", "float"):
            return [(own or 0) + 7]
        return {
            "char": ["x"],
            "text": ["x"],
            "html": ["<p>x</p>"],
            "binary": ["eA=="],
            "date": ["2020-01-06"],
            "datetime": ["2020-01-06 08:00:00"],
            "boolean": [not own],
        }[field.type]

    def attempt(self, user, model, name, value, how):
        """Try to create a record with the field at `value`; return what went wrong, or
        None when it was refused and nothing stored."""
        Model = self.env[model].with_user(user)
        count = self.env[model].sudo().with_context(active_test=False).search_count([])
        try:
            with self.env.cr.savepoint():
                if how == "value":
                    Model.create({name: value})
                elif how == "context":
                    Model.with_context(**{f"default_{name}": value}).create({})
                else:
                    self.env["ir.default"].set(model, name, value, user_id=user.id)
                    try:
                        Model.create({})
                    finally:
                        self.env["ir.default"].discard_values(model, name, [value])
            outcome = "created"
        except AccessError:  # a role that may not create such records at all
            outcome = None
        except UserError as error:
            # the guard's refusal names the field (a model's own check may come first
            # for a value given in the values)
            label = Model._fields[name]._description_string(Model.env)
            outcome = None if how == "value" or label in str(error) else f"refused: {error}"
        except psycopg2.Error as error:  # past the guard: only a column's constraint held
            outcome = f"passed the guard, stopped by the database ({error.pgcode})"
        after = self.env[model].sudo().with_context(active_test=False).search_count([])
        if after != count:
            outcome = f"{after - count} record(s) stored"
        return outcome and f"{model}.{name}={value!r} by {user.login} ({how}): {outcome}"

    def test_no_role_creates_a_record_past_its_workflow(self):
        guarded = self.guarded_models()
        self.assertTrue(guarded)
        failures, attempts = [], 0
        for model, names in guarded.items():
            for name in names:
                for value in self.other_values(model, name):
                    for user in self.users.values():
                        for how in ("value", "context", "user default"):
                            attempts += 1
                            failure = self.attempt(user, model, name, value, how)
                            if failure:
                                failures.append(failure)
        self.assertEqual(failures, [])
        self.assertGreater(attempts, len(guarded) * len(self.users) * 3)
