# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""EGalim vocabulary, as ma-cantine names it (betagouv/ma-cantine, data/models/purchase.py
and the purchase import schema data/schemas/imports/achats_siret.json)."""

# the 8 product families of the purchase import, in ma-cantine's order
FAMILIES = [
    ("VIANDES_VOLAILLES", "Meat and poultry, fresh and frozen"),
    ("CHARCUTERIE", "Charcuterie"),
    ("PRODUITS_DE_LA_MER", "Fish, seafood and aquaculture products"),
    ("FRUITS_ET_LEGUMES", "Fruit and vegetables, fresh and frozen"),
    ("PRODUITS_LAITIERS", "Dairy products, butter and eggs"),
    ("BOULANGERIE", "Bakery and pastry, fresh and frozen"),
    ("BOISSONS", "Drinks"),
    ("AUTRES", "Other fresh, frozen and grocery products"),
]
# a purchase counts once, under its highest category: organic, then SIQO, then the others
CATEGORIES = [
    ("bio", "Organic"),
    ("siqo", "SIQO quality label"),
    ("other", "Other EGalim label"),
]
CATEGORY_RANK = {"bio": 3, "siqo": 2, "other": 1}
ORIGINS = [
    ("FRANCE", "France"),
    ("EUROPE", "Europe (outside France)"),
    ("WORLD", "Outside Europe"),
]
LOCAL_DEFINITIONS = [
    ("PAT", "From the territorial food project (PAT)"),
    ("COMMUNE", "Municipality or intercommunality"),
    ("DEPARTEMENT", "Department"),
    ("REGION", "Region"),
    ("KM", "Distance in km"),
]
# the programme's targets under the EGalim law, shown beside each canteen's shares
TARGET_EGALIM = 50.0
TARGET_BIO = 20.0


def top_category(labels):
    """The highest EGalim category among labels (canteen.egalim.label records), or False."""
    categories = [label.category for label in labels if label.category]
    return max(categories, key=CATEGORY_RANK.get) if categories else False
