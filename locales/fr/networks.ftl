# Réseaux d'organisations (issue 17).
network-not-itself = Une organisation ne peut pas être membre d'elle-même.
network-not-member = Un réseau ne peut pas être membre d'un autre réseau.
network-unknown = Aucune organisation ne porte cet identifiant.
network-not-a-network = Cette organisation n'est pas un réseau, ou elle est elle-même membre d'un réseau : déclarez-la d'abord comme réseau.
network-has-members = Ce réseau a encore des membres : retirez-les d'abord.
indicators-member = Organisation
indicators-by-organisation = Organisation
indicators-chart-organisation = Personnes inscrites, par organisation
indicators-network-note = Ces chiffres additionnent les sessions propres au réseau et celles de { $count ->
    [one] son organisation membre
   *[other] ses { $count } organisations membres
}. Chaque organisation garde ses propres participants : une personne inscrite auprès de deux membres compte pour deux personnes, si bien que les personnes du réseau sont la somme de celles de ses membres. Aucun nom ni dossier de participant n'est montré au réseau.
organisation-network = Réseau
organisation-network-members = Ses membres : { $names }.
organisation-is-network = Cette organisation est un réseau
organisation-is-network-hint = Ses organisateurs lisent les indicateurs de ses propres sessions et de celles de ses membres, jamais leurs participants.
organisation-network-of = Membre du réseau
organisation-network-none = Aucun
