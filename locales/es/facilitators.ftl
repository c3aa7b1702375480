## Cofacilitadores sin cuenta (issue 20)
facilitators-title = Cofacilitadores
facilitators-explain = Personas que dirigen clases con el profesorado sin cuenta de personal, por ejemplo personas recién llegadas formadas para un taller de cocreación. Cada una recibe un enlace personal para pasar lista en las clases de esta sesión; revóquelo cuando ya no lo necesite.
facilitators-none = Todavía no hay cofacilitadores.
facilitators-since = Nombrado el
facilitators-add = Nombrar a un cofacilitador
facilitators-name-hint = Como lo conocen los participantes.
facilitators-link-for = El enlace personal de { $name }
facilitators-link-label = El enlace
facilitators-revoke = Revocar
facilitators-revoke-name = Revocar el enlace de { $name }
facilitator-revoked-flash = El enlace está revocado. La asistencia registrada con él se mantiene.
session-facilitators = Cofacilitadores
facilitate-title = Pasar lista
facilitate-hello = Hola, { $name }: elija una clase para pasar lista.
error-facilitator-session-over = Esta sesión ha terminado: un enlace de cofacilitación no tomaría ninguna asistencia. Las correcciones las hace el equipo.
facilitate-not-open = Esta sesión aún no está abierta: el enlace tomará la asistencia en cuanto lo esté.
facilitate-over = Esta sesión ha terminado: el enlace ya no toma asistencia. Pida cualquier corrección a sus organizadores.
