## Archiver et supprimer des programmes et des formations (issue 20)
archived = Archivé
archived-since = Archivé le { $date } : masqué du catalogue, des listes et des choix des formulaires ; ses chiffres, exports et attestations sont conservés.
archived-show = Afficher aussi les éléments archivés
archived-hide = Masquer les éléments archivés
catalogue-delete-submit = Oui, supprimer définitivement
catalogue-delete-keep = Non, le garder

programme-archive-heading = Archiver ou supprimer
programme-archive-explain = Archiver masque le programme et ses formations du catalogue, des listes et des choix des formulaires. Ses indicateurs, exports et attestations restent tels quels, et vous pouvez le restaurer à tout moment. Un programme dont les formations ont encore des sessions ouvertes aux inscriptions ou à venir ne peut pas être archivé : terminez-les ou annulez-les d’abord.
programme-archive = Archiver le programme
programme-restore-explain = Restaurer fait revenir le programme et les formations archivées avec lui.
programme-restore = Restaurer le programme
programme-delete-rule = Un programme ne peut être supprimé que tant qu’il n’a aucune formation.
programme-delete = Supprimer le programme
programme-delete-title = Supprimer ce programme ?
programme-delete-explain = Le programme sera supprimé définitivement. Il n’a aucune formation : aucun chiffre n’en dépend.
programme-archived-flash = Le programme et ses formations sont archivés.
programme-restored-flash = Le programme est restauré.
programme-deleted-flash = Le programme est supprimé.

course-archive-heading = Archiver ou supprimer
course-archive-explain = Archiver masque la formation du catalogue, des listes et des choix des formulaires. Ses sessions, indicateurs, exports et attestations restent tels quels, et vous pouvez la restaurer à tout moment. Une formation qui a encore des sessions ouvertes aux inscriptions ou à venir ne peut pas être archivée : terminez-les ou annulez-les d’abord.
course-archive = Archiver la formation
course-restore-explain = Restaurer remet la formation dans le catalogue et les listes.
course-restore = Restaurer la formation
course-delete-rule = Une formation ne peut être supprimée que tant qu’elle n’a aucune session.
course-delete = Supprimer la formation
course-delete-title = Supprimer cette formation ?
course-delete-explain = La formation sera supprimée définitivement, avec ses publics et son signataire. Elle n’a aucune session : aucun chiffre n’en dépend.
course-archived-flash = La formation est archivée.
course-restored-flash = La formation est restaurée.
course-deleted-flash = La formation est supprimée.

error-programme-sessions-to-come = { $count ->
    [one] Une session des formations de ce programme est encore ouverte aux inscriptions ou à venir : terminez-la ou annulez-la avant d’archiver le programme.
   *[other] { $count } sessions des formations de ce programme sont encore ouvertes aux inscriptions ou à venir : terminez-les ou annulez-les avant d’archiver le programme.
}
error-course-sessions-to-come = { $count ->
    [one] Une session de cette formation est encore ouverte aux inscriptions ou à venir : terminez-la ou annulez-la avant d’archiver la formation.
   *[other] { $count } sessions de cette formation sont encore ouvertes aux inscriptions ou à venir : terminez-les ou annulez-les avant d’archiver la formation.
}
error-programme-has-courses = { $count ->
    [one] Ce programme a une formation, il ne peut donc pas être supprimé : archivez-le plutôt, ce qui conserve ses chiffres.
   *[other] Ce programme a { $count } formations, il ne peut donc pas être supprimé : archivez-le plutôt, ce qui conserve ses chiffres.
}
error-programme-has-outreach = { $count ->
    [one] Ce programme a une action de sensibilisation, il ne peut donc pas être supprimé : archivez-le plutôt, ce qui conserve ses chiffres.
   *[other] Ce programme a { $count } actions de sensibilisation, il ne peut donc pas être supprimé : archivez-le plutôt, ce qui conserve ses chiffres.
}
error-course-has-sessions = { $count ->
    [one] Cette formation a une session, elle ne peut donc pas être supprimée : archivez-la plutôt, ce qui conserve ses chiffres.
   *[other] Cette formation a { $count } sessions, elle ne peut donc pas être supprimée : archivez-la plutôt, ce qui conserve ses chiffres.
}
error-course-programme-archived = Le programme de cette formation est archivé : restaurez le programme, ce qui fait revenir ses formations.
error-programme-archived = Ce programme est archivé : il ne reçoit plus de nouvelle formation.
error-programme-archived-outreach = Ce programme est archivé : il ne reçoit plus de nouvelle action de sensibilisation.
error-course-archived = Cette formation est archivée : elle ne reçoit plus de nouvelle session et n’ouvre aucune session aux inscriptions.
