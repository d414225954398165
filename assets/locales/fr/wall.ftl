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
# Pendant un tour, ses gommettes sont cachées jusqu'à R ; l'anonymat avant
# le premier bulletin ; les tours sur les post-it.
board-dots-hidden = gommettes cachées jusqu'à R
msg-sorted-after-results = Trié par votes une fois les résultats affichés (R).
action-toggle-anonymous = vote : bulletins des téléphones anonymes ou nominatifs (avant le premier bulletin)
ballots-now-anonymous = Les bulletins des téléphones sont maintenant anonymes : aucun nom n'est demandé. I redemande les noms.
ballots-now-named = Les bulletins des téléphones demandent maintenant un nom. I les rend anonymes.
ballots-undo-anonymous = bulletins anonymes
ballots-undo-named = bulletins nominatifs
ballots-anonymous-locked = { $n ->
    [one] 1 bulletin est arrivé
   *[other] { $n } bulletins sont arrivés
} : ce tour reste tel quel (changer maintenant révélerait ou perdrait qui a voté). Ouvrez un nouveau tour pour le changer.
ballots-capped = Les téléphones listent les { $shown } premiers post-it sur { $n } : mettez-en de côté ou regroupez-en, ou votez sur les groupes.
hint-vote-add = gommette
hint-vote-remove = retirer
hint-vote-next = votant suivant
hint-vote-on = groupes/post-it
hint-vote-anonymous = anonyme
hint-vote-results = résultats
hint-vote-pause = pause
round-hint-title = Quoi taper
round-hint-dots = 3 2 : 3 gommettes par personne, 2 au plus sur un élément (le plafond est facultatif)
round-hint-anonymous = a : bulletins anonymes depuis les téléphones (aucun nom demandé)
round-hint-stickies = s : les téléphones votent sur les post-it, pas sur les groupes
action-new-round = vote : ouvrir un nouveau tour (gommettes, plafond, « a » anonyme, « s » sur les post-it)
hint-vote-new = nouveau tour
