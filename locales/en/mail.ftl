# E-mails
mail-greeting = Hello { $name },
mail-greeting-anonymous = Hello,
mail-signature = The training team, sent by Aula
mail-times-in-zone = Times are in the { $zone } time zone.
mail-place = Place: { $place }
mail-broadcast-from = { $name }, for the organisers
mail-session-changed-subject = New times: { $course }
mail-session-changed-body = The meetings of your training session have changed. Here are the new times; the attached calendar file updates your calendar.
mail-calendar-attached = The attached file (invite.ics) adds these meetings to your calendar.
mail-session-cancelled-subject = Cancelled: { $course }
mail-session-cancelled-body = We are sorry: this training session is cancelled. You do not need to do anything; the attached file removes it from your calendar.
mail-calendar-cancel-attached = The attached file (invite.ics) removes these meetings from your calendar.
mail-online = Online
mail-online-link = Link to join: { $url }
mail-online-link-label = Link to join:
