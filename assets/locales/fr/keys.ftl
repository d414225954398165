# Moins de touches : chiffres vers les groupes, votes sur les groupes, @auteur, recherche partout.
action-to-cluster = envoyer les post-it sélectionnés ou marqués au groupe 1…9 (numéroté sur le tableau)
action-vote-on-clusters = vote : les gommettes vont aux groupes (+ sur un post-it vote pour son groupe), ou aux post-it
msg-no-cluster-n = Il n’y a pas de groupe { $n }.
msg-voting-on-clusters = Ce tour porte sur les groupes : + sur un post-it donne une gommette à son groupe. V pour les post-it.
msg-voting-on-stickies = Ce tour porte sur les post-it. V pour les groupes.
msg-vote-select-cluster = Ce tour porte sur les groupes : sélectionnez un post-it d’un groupe, ou le titre d’un groupe.
board-voting-clusters = sur les groupes
msg-search-nothing = Rien ne correspond à « { $query } ».
msg-no-participant = Aucun participant nommé « { $name } » : le post-it n’a pas d’auteur.
capture-author-line = @nom en début de ligne : son auteur (Tab complète)
help-group-moving = Se déplacer
help-group-screens = Écrans et recherche
help-group-timer = Minuteur et déroulé
help-group-capture = Saisie
help-group-board = Tableau
help-group-voting = Vote
help-group-editing = Modifier
help-group-files = Fichiers, prototypes et le reste
facilitate-materials = Matériel :
facilitate-produces = Produit :
facilitate-captured-label = Cette étape :
facilitate-captured = { $stickies } post-it, { $notes ->
    [one] { $notes } note
   *[other] { $notes } notes
}
facilitate-open-actions = Actions ouvertes :
produces-notes = des notes
produces-stickies = des post-it
produces-clusters = des groupes
produces-votes = des votes
produces-actions = des actions
produces-artifact = un objet fait dans la salle
produces-media = photos, vidéo ou audio
facilitate-latest = dernier : « { $text } »
picker-find = { $title } · « { $find } »
