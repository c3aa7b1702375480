# Courriels
mail-greeting = Bonjour { $name },
mail-greeting-anonymous = Bonjour,
mail-signature = L’équipe de formation, envoyé par Aula
mail-times-in-zone = Les horaires sont donnés dans le fuseau { $zone }.
mail-place = Lieu : { $place }
mail-broadcast-from = { $name }, pour l’équipe d’organisation
mail-session-changed-subject = Nouveaux horaires : { $course }
mail-session-changed-body = Les séances de votre formation ont changé. Voici les nouveaux horaires ; le fichier de calendrier joint met votre agenda à jour.
mail-calendar-attached = Le fichier joint (invite.ics) ajoute ces séances à votre agenda.
mail-session-cancelled-subject = Annulée : { $course }
mail-session-cancelled-body = Nous sommes désolés : cette session de formation est annulée. Vous n’avez rien à faire ; le fichier joint la retire de votre agenda.
mail-calendar-cancel-attached = Le fichier joint (invite.ics) retire ces séances de votre agenda.
mail-online = En ligne
mail-online-link = Lien pour participer : { $url }
mail-online-link-label = Lien pour participer :
