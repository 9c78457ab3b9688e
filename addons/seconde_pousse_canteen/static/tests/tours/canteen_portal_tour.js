/** @odoo-module **/
/* Copyright 2026 Aix-Multi-Services Environnement
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
/**
 * The cook's main path on the canteen portal, on data built by test_portal_tour.py:
 * order the week's produce, see the delivery of last week, download its invoice and the
 * EGalim statement of the year.
 */
import { registry } from "@web/core/registry";

/** Fetch a download link of the page and check what it serves (one of types). */
async function download(anchor, types, startsWith) {
    const response = await fetch(anchor.getAttribute("href"));
    const contentType = response.headers.get("Content-Type") || "";
    if (!response.ok || ![types].flat().some((type) => contentType.startsWith(type))) {
        throw new Error(`${anchor.getAttribute("href")}: ${response.status} ${contentType}`);
    }
    if (startsWith && !(await response.text()).startsWith(startsWith)) {
        throw new Error(`${anchor.getAttribute("href")} does not start with ${startsWith}`);
    }
}

registry.category("web_tour.tours").add("seconde_pousse_canteen_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Order the farm's produce from the portal home",
            trigger: "a[href='/my/canteen']",
            run: "click",
        },
        {
            content: "Open the week still open to orders",
            trigger: ".o_canteen_open_week",
            run: "click",
        },
        {
            content: "Apples: 6,5 kg",
            trigger: ".o_canteen_offer[data-product='Pommes'] input",
            run: "edit 6,5",
        },
        {
            content: "Potatoes: 4 kg",
            trigger: ".o_canteen_offer[data-product='Pommes de terre'] input",
            run: "edit 4",
        },
        {
            content: "Save the order",
            trigger: ".o_canteen_submit",
            run: "click",
        },
        {
            content: "The order is saved and can still change",
            trigger: ".o_canteen_saved:contains('Votre commande est enregistrée')",
        },
        {
            content: "The quantities are kept on the page",
            trigger: ".o_canteen_offer[data-product='Pommes'] input:value(6,5)",
        },
        {
            content: "Back to the canteen's page",
            trigger: "a.btn-link[href='/my/canteen']",
            run: "click",
        },
        {
            content: "Last week's delivery is there, delivered",
            trigger: ".o_canteen_deliveries tr:contains('Livré') .o_canteen_delivery_pdf",
            async run() {
                await download(this.anchor, "application/pdf");
            },
        },
        {
            content: "The new order is listed",
            trigger: ".o_canteen_orders tbody tr",
        },
        {
            content: "Open the invoices",
            trigger: "a.o_canteen_invoices",
            run: "click",
        },
        {
            content: "Open last week's invoice",
            trigger: "a[href^='/my/invoices/']",
            run: "click",
        },
        {
            content: "Download the invoice: its PDF with its Factur-X, zipped with the XML",
            trigger: "a[href*='report_type=pdf'][href*='download=true']",
            async run() {
                await download(this.anchor, ["application/pdf", "zip", "application/zip"]);
            },
        },
        {
            content: "Go to the EGalim statements",
            trigger: "body",
            run() {
                window.location.href = "/my/egalim";
            },
        },
        {
            content: "Download the statement of the year",
            trigger: ".o_canteen_statements a.o_egalim_pdf",
            async run() {
                await download(this.anchor, "application/pdf");
            },
        },
        {
            content: "Download the file for ma-cantine",
            trigger: ".o_canteen_statements a.o_egalim_csv",
            async run() {
                await download(this.anchor, "text/csv", "siret,description,fournisseur,date,prix_ht");
            },
        },
    ],
});
