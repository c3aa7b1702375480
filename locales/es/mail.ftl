# Correos
mail-greeting = Hola, { $name }:
mail-greeting-anonymous = Hola:
mail-signature = El equipo de formación, enviado por Aula
mail-times-in-zone = Los horarios están en la zona horaria { $zone }.
mail-place = Lugar: { $place }
mail-broadcast-from = { $name }, en nombre de la organización
mail-session-changed-subject = Nuevos horarios: { $course }
mail-session-changed-body = Las clases de su sesión de formación han cambiado. Estos son los nuevos horarios; el archivo de calendario adjunto actualiza su agenda.
mail-calendar-attached = El archivo adjunto (invite.ics) añade estas clases a su agenda.
mail-session-cancelled-subject = Cancelada: { $course }
mail-session-cancelled-body = Lo sentimos: esta sesión de formación se ha cancelado. No tiene que hacer nada; el archivo adjunto la elimina de su agenda.
mail-calendar-cancel-attached = El archivo adjunto (invite.ics) elimina estas clases de su agenda.
mail-online = En línea
mail-online-link = Enlace para conectarse: { $url }
mail-online-link-label = Enlace para conectarse:
