from . import portal, portal_membership, portal_request_change
