from . import portal, portal_membership
