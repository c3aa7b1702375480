# Redes de organizaciones (issue 17).
network-not-itself = Una organización no puede ser miembro de sí misma.
network-not-member = Una red no puede ser miembro de otra red.
network-unknown = No hay ninguna organización con este identificador.
network-not-a-network = Esta organización no es una red, o es ella misma miembro de una: declárela primero como red.
network-has-members = Esta red aún tiene miembros: retírelos primero.
indicators-member = Organización
indicators-by-organisation = Organización
indicators-chart-organisation = Personas inscritas, por organización
indicators-network-note = Estas cifras suman las sesiones propias de la red y las de { $count ->
    [one] su organización miembro
   *[other] sus { $count } organizaciones miembro
}. Cada organización conserva sus propios participantes: quien se inscribe en dos miembros cuenta como dos personas, así que las personas de la red son la suma de las de sus miembros. La red no ve el nombre ni la ficha de ningún participante.
organisation-network = Red
organisation-network-members = Sus miembros: { $names }.
organisation-is-network = Esta organización es una red
organisation-is-network-hint = Su equipo organizador lee los indicadores de sus propias ediciones y de las de sus miembros, nunca sus participantes.
organisation-network-of = Miembro de la red
organisation-network-none = Ninguna
