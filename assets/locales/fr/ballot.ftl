# Vote par gommettes depuis les téléphones : la page du bulletin que montre le
# serveur de collecte pendant un tour de vote (src/collect/ballot.rs,
# assets/collect/ballot.html). Voir docs/collect.md.

ballot-fallback-title = Vote par gommettes
ballot-budget = { $dots ->
    [one] Vous avez 1 gommette.
   *[other] Vous avez { $dots } gommettes.
}
ballot-cap = { $cap ->
    [one] 1 gommette au plus sur un même choix.
   *[other] { $cap } gommettes au plus sur un même choix.
}
ballot-dots-left = Gommettes restantes : { $n }
ballot-over = Trop de gommettes : retirez-en { $n }
ballot-dots-on = Gommettes sur « { $item } »
ballot-more = Une gommette de plus sur « { $item } »
ballot-less = Une gommette de moins sur « { $item } »
ballot-who = Qui vote ?
ballot-choose = Choisissez votre nom
ballot-someone-else = Quelqu'un d'autre
ballot-guest-name = Votre prénom (facultatif, si quelqu'un d'autre)
ballot-anonymous = Ce vote est anonyme : aucun nom n'est demandé.
ballot-send = Envoyer mes gommettes
ballot-note = Vos gommettes arrivent chez la personne qui anime. Renvoyer remplace vos gommettes précédentes jusqu'à la fin du vote. Cette page ne montre jamais les votes des autres.
ballot-turnout = { $n ->
    [0] Aucun bulletin pour l'instant.
    [one] 1 bulletin reçu pour l'instant.
   *[other] { $n } bulletins reçus pour l'instant.
}
ballot-in = Vos gommettes sont comptées ! Renvoyez pour les changer.
ballot-closed-title = Le vote est clos
ballot-closed = Le vote est clos. Merci ! La personne qui anime partagera les résultats.
ballot-stale = Le vote a changé depuis le chargement de cette page. Rechargez la page et votez à nouveau.
ballot-empty = Placez au moins une gommette.
ballot-over-budget = { $given } gommettes placées, mais vous en avez { $dots }. Retirez-en puis renvoyez.
ballot-over-cap = { $given } gommettes sur « { $item } », mais { $cap } au plus sur un même choix. Retirez-en puis renvoyez.
ballot-unknown-item = Un choix de ce bulletin n'est plus au mur. Rechargez la page et votez à nouveau.
ballot-not-a-number = Écrivez des nombres entiers de gommettes (0, 1, 2…).
ballot-no-name = Choisissez d'abord votre nom.
ballot-unknown-voter = Ce nom n'est plus dans la liste. Rechargez la page et choisissez à nouveau.

# Une gommette que le tableau refuse de donner ou de reprendre.
vote-refused-budget = { $who } a utilisé ses { $dots } gommettes de ce tour : retirez-en une d'abord (-).
vote-refused-cap = { $who } a déjà { $cap ->
    [one] 1 gommette
   *[other] { $cap } gommettes
} ici, le plus qu'une personne puisse mettre sur un élément.
vote-refused-no-dot = aucune gommette à retirer ici.
