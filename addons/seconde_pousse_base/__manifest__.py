{
    "name": "Seconde Pousse – Socle",
    "summary": "Rôles et menu commun des applications Seconde Pousse",
    "version": "18.0.1.1.0",
    "category": "Seconde Pousse",
    "website": "https://github.com/seconde-pousse/seconde-pousse",
    "author": "Aix-Multi-Services Environnement",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["mail"],
    "data": [
        "security/res_groups.xml",
        "views/menus.xml",
        "report/report_identity.xml",
    ],
    "demo": ["demo/res_company_demo.xml"],
    "application": False,
    "installable": True,
}
