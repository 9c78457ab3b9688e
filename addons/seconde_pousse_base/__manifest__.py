# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Seconde Pousse – Base",
    "summary": "Roles and common menu of the Seconde Pousse applications",
    "version": "18.0.1.2.0",
    "category": "Seconde Pousse",
    "website": "https://github.com/seconde-pousse/seconde-pousse",
    "author": "Aix-Multi-Services Environnement",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "maintainers": ["seconde-pousse"],
    "depends": ["mail"],
    "data": [
        "security/res_groups.xml",
        "views/menus.xml",
        "views/res_company_views.xml",
        "report/report_identity.xml",
    ],
    "demo": ["demo/res_company_demo.xml"],
}
