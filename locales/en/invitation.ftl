## Sessions by invitation (issue 20)
session-by-invitation = By invitation
session-by-invitation-hint = For an invited group: the session is not listed in the public catalogue and nobody can register on its page, except with a private link you share. You can add people yourself, even while it is a draft.
error-session-by-invitation = This session is by invitation. Ask its organiser for the registration link.
error-session-not-by-invitation = Only a session by invitation has a private registration link: tick “By invitation” first.
invitation-heading = By invitation
invitation-explain = This session is not listed in the catalogue. Add people from its registrations page, or share a private registration link with the invited group.
invitation-link-active = A private registration link is active. It was shown once when it was made; make a new one if you need it again (the old one then stops working).
invitation-link-none = There is no private registration link.
invitation-link-make = Make a private registration link
invitation-link-renew = Make a new link (the old one stops working)
invitation-link-revoke = Revoke the link
invitation-link-revoked-flash = The private registration link is revoked: it no longer registers anyone. People it registered stay registered.
invitation-link-title = Private registration link
invitation-link-explain = Share this link with the invited group: whoever opens it can register for the session on its page, as long as the session takes registrations.
invitation-link-label = The link
invitation-link-once = Copy it now: it is shown only this once.
invitation-link-back = Back to the session
