## Co-facilitators who are not staff (issue 20)
facilitators-title = Co-facilitators
facilitators-explain = People who lead meetings with the trainers without a staff account, for instance trained newcomers in a co-creation workshop. Each gets a personal link to take the roll call of this session's meetings; revoke it when they no longer need it.
facilitators-none = No co-facilitator yet.
facilitators-since = Named on
facilitators-add = Name a co-facilitator
facilitators-name-hint = As the participants know them.
facilitators-link-for = The personal link of { $name }
facilitators-link-label = The link
facilitators-revoke = Revoke
facilitators-revoke-name = Revoke the link of { $name }
facilitator-revoked-flash = The link is revoked. The marks taken with it stay.
session-facilitators = Co-facilitators
facilitate-title = Take the roll call
facilitate-hello = Hello { $name }: choose a meeting to take its roll call.
error-facilitator-session-over = This session is over: a co-facilitator link would take no roll call. Corrections are made by the staff.
facilitate-not-open = This session has not opened yet: the link takes its roll calls once it does.
facilitate-over = This session is over: the link takes no more roll calls. Ask its organisers for any correction.
