## Sesiones por invitación (issue 20)
session-by-invitation = Por invitación
session-by-invitation-hint = Para un grupo invitado: la sesión no aparece en el catálogo público y nadie puede inscribirse en su página, salvo con un enlace privado que usted comparta. Puede añadir personas usted mismo, incluso mientras es un borrador.
error-session-by-invitation = Esta sesión es por invitación. Pida el enlace de inscripción a quien la organiza.
error-session-not-by-invitation = Solo una sesión por invitación tiene un enlace de inscripción privado: marque antes «Por invitación».
invitation-heading = Por invitación
invitation-explain = Esta sesión no aparece en el catálogo. Añada personas desde su página de inscripciones o comparta un enlace de inscripción privado con el grupo invitado.
invitation-link-active = Hay un enlace de inscripción privado activo. Se mostró una sola vez al crearlo; cree uno nuevo si lo necesita otra vez (el anterior deja entonces de funcionar).
invitation-link-none = No hay ningún enlace de inscripción privado.
invitation-link-make = Crear un enlace de inscripción privado
invitation-link-renew = Crear un enlace nuevo (el anterior deja de funcionar)
invitation-link-revoke = Revocar el enlace
invitation-link-revoked-flash = El enlace de inscripción privado está revocado: ya no inscribe a nadie. Las personas inscritas con él siguen inscritas.
invitation-link-title = Enlace de inscripción privado
invitation-link-explain = Comparta este enlace con el grupo invitado: quien lo abra puede inscribirse en la sesión desde su página, mientras la sesión admita inscripciones.
invitation-link-label = El enlace
invitation-link-once = Cópielo ahora: solo se muestra esta vez.
invitation-link-back = Volver a la sesión
