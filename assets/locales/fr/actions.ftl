# L'écran des actions : qui fait quoi, pour quand (src/app/rooms/actions.rs, src/ui/actions.rs).
screen-actions = Actions
context-actions = Actions
context-review = Relecture
action-go-actions = les actions : qui fait quoi, pour quand
action-make-action = faire une action de la note, du post-it ou du groupe choisi
hint-go-actions = actions
hint-make-action = en action
actions-title = Actions : { $n } ({ $open } ouvertes{ $notes ->
        [0] {""}
        [one] , dont une note pas encore attribuée
       *[other] , dont { $notes } notes pas encore attribuées
    })
actions-empty = Aucune action : i en ajoute une (texte, Tab responsable, Tab échéance, Entrée enregistre).
actions-col-status = État
actions-col-due = Échéance
actions-col-owner = Responsable
actions-col-text = Action
actions-status-open = ouverte
actions-status-doing = en cours
actions-status-done = faite
actions-status-dropped = abandonnée
actions-field-text = Action : ce qu'il faut faire (Tab : responsable, Entrée : enregistrer)
actions-field-owner = Responsable : tapez pour trouver, ou n'importe quel nom (Tab : échéance, Entrée : enregistrer)
actions-field-due = Échéance : AAAA-MM-JJ, +7 pour une semaine après l'atelier, ou vide (Entrée : enregistrer)
actions-owner-found = Trouvé (Tab prend le premier)
actions-owner-free = personne trouvé : gardé tel quel
actions-bad-due = Ce n'est pas une échéance : « { $text } » (2026-06-12, +7 ou vide)
actions-no-text = Une action a besoin de son texte.
actions-nothing-selected = Rien de choisi à transformer en action.
actions-op-add = Action ajoutée
actions-op-edit = Action modifiée
actions-op-delete = Action supprimée
actions-op-status = Action : { $status }
evidence-verdict-now = Verdict de { $name } : { $verdict }
detail-start = Heure de début
action-add-break = ajouter une pause après la séquence choisie (demande son titre, puis ses minutes)
agenda-break-title = Pause
agenda-break-added = { $title } : pause de { $n } minutes ajoutée (E la renomme, + et - sur son étape changent ses minutes).
field-break-title = Pause : son titre (Entrée : puis ses minutes)
field-break-minutes = { $title } : combien de minutes ? (Entrée l’ajoute)
msg-break-bad-minutes = Ce n’est pas un nombre de minutes : « { $text } » (de 1 à 1440).
setup-agenda-header-start = { $n ->
    [one] { $n } séquence
   *[other] { $n } séquences
} · total { $total } · début { $start } · fin prévue { $end }
setup-agenda-no-start = Pas d’heure de début : réglez-la dans { $tab }, « { $field } ».
facilitate-agenda-ends = début { $start } · fin prévue { $end }
facilitate-agenda-no-start = Pas d’heure de début : { $key } › { $tab } la règle.
facilitate-planned-at = { $duration } prévues, à { $at }
