## Sesiones híbridas: el lugar propio de una clase (issue 20)
meeting-place = Lugar o enlace, si no es el de la sesión
meeting-place-n = Lugar o enlace de la clase { $n }, si no es el de la sesión
meeting-place-hint = Para una sesión híbrida: una sala y su dirección, o el enlace de una clase que no se celebra en el lugar o el enlace de la sesión. Déjelo vacío para los de la sesión.
mail-meeting-place = en { $place }
session-meeting-where = Dónde
session-meeting-usual-place = El lugar de la sesión
session-meeting-online = En línea (el enlace se envía por correo a los participantes)
