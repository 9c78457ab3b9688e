/** @odoo-module **/
/* Copyright 2026 Aix-Multi-Services Environnement
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
/**
 * "Sign the review" saves the farmer's assessment first; the page comes back with Odoo's
 * signature form (portal.signature_form) in its modal, which this opens.
 */
import publicWidget from "@web/legacy/js/public/public_widget";

publicWidget.registry.FarmReviewSignModal = publicWidget.Widget.extend({
    selector: "#farm_review_sign_modal[data-farm-open]",

    start() {
        Modal.getOrCreateInstance(this.el).show();
        return this._super(...arguments);
    },
});
