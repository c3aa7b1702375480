## Sessions sur invitation (issue 20)
session-by-invitation = Sur invitation
session-by-invitation-hint = Pour un groupe invité : la session n’apparaît pas dans le catalogue public et personne ne peut s’inscrire sur sa page, sauf avec un lien privé que vous partagez. Vous pouvez ajouter des personnes vous-même, même quand elle est en brouillon.
error-session-by-invitation = Cette session est sur invitation. Demandez le lien d’inscription à son organisateur.
error-session-not-by-invitation = Seule une session sur invitation a un lien d’inscription privé : cochez d’abord « Sur invitation ».
invitation-heading = Sur invitation
invitation-explain = Cette session n’apparaît pas dans le catalogue. Ajoutez des personnes depuis sa page des inscriptions, ou partagez un lien d’inscription privé avec le groupe invité.
invitation-link-active = Un lien d’inscription privé est actif. Il a été affiché une seule fois à sa création ; créez-en un nouveau si vous en avez de nouveau besoin (l’ancien cesse alors de fonctionner).
invitation-link-none = Il n’y a pas de lien d’inscription privé.
invitation-link-make = Créer un lien d’inscription privé
invitation-link-renew = Créer un nouveau lien (l’ancien cesse de fonctionner)
invitation-link-revoke = Révoquer le lien
invitation-link-revoked-flash = Le lien d’inscription privé est révoqué : il n’inscrit plus personne. Les personnes inscrites par ce lien le restent.
invitation-link-title = Lien d’inscription privé
invitation-link-explain = Partagez ce lien avec le groupe invité : toute personne qui l’ouvre peut s’inscrire à la session sur sa page, tant que la session accepte des inscriptions.
invitation-link-label = Le lien
invitation-link-once = Copiez-le maintenant : il n’est affiché que cette fois.
invitation-link-back = Retour à la session
