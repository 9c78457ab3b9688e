{
    "name": "Seconde Pousse – Insertion",
    "summary": "Parcours des salariés en insertion (CDDI, PASS IAE), freins, actions, compétences, sorties",
    "version": "18.0.1.0.0",
    "category": "Seconde Pousse",
    "website": "https://github.com/seconde-pousse/seconde-pousse",
    "author": "Aix-Multi-Services Environnement",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["seconde_pousse_base", "hr", "hr_contract", "hr_skills", "mail"],
    "application": True,
    "installable": True,
}
