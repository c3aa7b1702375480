## Co-animateurs sans compte (issue 20)
facilitators-title = Co-animateurs
facilitators-explain = Des personnes qui animent des séances avec les formateurs sans compte du personnel, par exemple des personnes nouvellement arrivées formées pour un atelier de co-création. Chacune reçoit un lien personnel pour faire l’appel des séances de cette session ; révoquez-le quand elle n’en a plus besoin.
facilitators-none = Aucun co-animateur pour l’instant.
facilitators-since = Nommé le
facilitators-add = Nommer un co-animateur
facilitators-name-hint = Tel que les participants le connaissent.
facilitators-link-for = Le lien personnel de { $name }
facilitators-link-label = Le lien
facilitators-revoke = Révoquer
facilitators-revoke-name = Révoquer le lien de { $name }
facilitator-revoked-flash = Le lien est révoqué. Les présences relevées avec lui restent.
session-facilitators = Co-animateurs
facilitate-title = Faire l’appel
facilitate-hello = Bonjour { $name } : choisissez une séance pour en faire l’appel.
error-facilitator-session-over = Cette session est terminée : un lien de co-animation ne prendrait aucun appel. Les corrections sont faites par l'équipe.
facilitate-not-open = Cette session n'est pas encore ouverte : le lien prendra ses appels dès qu'elle le sera.
facilitate-over = Cette session est terminée : le lien ne prend plus d'appel. Demandez toute correction à ses organisateurs.
