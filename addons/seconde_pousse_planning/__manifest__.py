{
    "name": "Seconde Pousse – Planning",
    "summary": "Équipes, véhicules et matériel partagé sans conflit, constitution d'équipe",
    "version": "18.0.1.0.0",
    "category": "Seconde Pousse",
    "website": "https://github.com/seconde-pousse/seconde-pousse",
    "author": "Aix-Multi-Services Environnement",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["seconde_pousse_farm", "seconde_pousse_insertion", "fleet", "maintenance", "hr_holidays"],
    "application": True,
    "installable": True,
}
