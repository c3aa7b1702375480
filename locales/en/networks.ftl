# Networks of organisations (issue 17).
network-not-itself = An organisation cannot be a member of itself.
network-not-member = A network cannot be a member of another network.
network-unknown = There is no organisation with this id.
network-not-a-network = This organisation is not a network, or is itself a member of one: declare it a network first.
network-has-members = This network still has members: remove them from it first.
indicators-member = Organisation
indicators-by-organisation = Organisation
indicators-chart-organisation = People registered, by organisation
indicators-network-note = These figures add up the network's own sessions and those of its { $count ->
    [one] member organisation
   *[other] { $count } member organisations
}. Each organisation keeps its own participants: someone registered with two members counts as two people, so the network's people are the sum of its members'. No participant's name or record is shown to the network.
organisation-network = Network
organisation-network-members = Its members: { $names }.
organisation-is-network = This organisation is a network
organisation-is-network-hint = Its organisers read the indicators of its own sessions and of its members', never their participants.
organisation-network-of = Member of the network
organisation-network-none = None
