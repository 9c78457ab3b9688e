{
    "name": "Seconde Pousse – Exploitations",
    "summary": "Demandes d'intervention, interventions, bilans, adhésion et facturation des fermes",
    "version": "18.0.1.0.0",
    "category": "Seconde Pousse",
    "website": "https://github.com/seconde-pousse/seconde-pousse",
    "author": "Aix-Multi-Services Environnement",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["seconde_pousse_base", "contacts", "portal", "membership", "account", "mail"],
    "application": True,
    "installable": True,
}
