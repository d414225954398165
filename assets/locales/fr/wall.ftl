# Le vote par gommettes depuis les téléphones dans l'application
# (src/app/rooms/ballots.rs) et le mur au vidéoprojecteur (src/ui/wall.rs).

ballots-in = Bulletin reçu de { $who } · { $n ->
    [one] 1 bulletin
   *[other] { $n } bulletins
} pour l'instant
ballots-same = { $who } a renvoyé les mêmes gommettes · { $n ->
    [one] 1 bulletin
   *[other] { $n } bulletins
} pour l'instant
ballots-refused = Bulletin de { $who } refusé : { $why }
ballots-undo = bulletin de { $who }
ballots-closed = le tour n'est pas ouvert
ballots-someone = une personne qui n'est plus sur la liste
ballots-guest = une personne invitée
ballots-guest-named = { $name } (invité·e)
ballots-anonymous = un téléphone anonyme
ballots-why-empty = aucune gommette
ballots-why-budget = { $given } gommettes, { $dots } au plus
ballots-why-cap = { $given } gommettes sur « { $item } », { $cap } au plus
ballots-why-item = un élément n'est plus au mur
ballots-why-voter = cette personne n'est plus sur la liste
ballots-turnout = { $n ->
    [0] Aucun bulletin
    [one] 1 bulletin
   *[other] { $n } bulletins
}
ballots-turnout-anonymous = { $n ->
    [0] Aucun bulletin (anonyme)
    [one] 1 bulletin anonyme
   *[other] { $n } bulletins anonymes
}
ballots-vote-closed = Vote clos
wall-title = { $title } · le mur
wall-empty = Rien au mur pour l'instant.
wall-inbox = Pas encore regroupés ({ $n })
wall-above = ▲ { $n } au-dessus
wall-below = ▼ { $n } de plus
wall-results = Résultats · { $round }
wall-private = (privé)
