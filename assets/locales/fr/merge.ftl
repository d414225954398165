## `atelier merge` : le résumé sur la sortie d’erreur (src/merge/say.rs).

merge-count-participant = { $n ->
    [one] { $n } participant
   *[other] { $n } participants
}
merge-count-guest = { $n ->
    [one] { $n } invité
   *[other] { $n } invités
}
merge-count-stage = { $n ->
    [one] { $n } séquence
   *[other] { $n } séquences
}
merge-count-step = { $n ->
    [one] { $n } étape
   *[other] { $n } étapes
}
merge-count-note = { $n ->
    [one] { $n } note
   *[other] { $n } notes
}
merge-count-sticky = { $n ->
    [one] { $n } post-it
   *[other] { $n } post-it
}
merge-count-cluster = { $n ->
    [one] { $n } groupe
   *[other] { $n } groupes
}
merge-count-round = { $n ->
    [one] { $n } tour de vote
   *[other] { $n } tours de vote
}
merge-count-voting-round = { $n ->
    [one] { $n } tour de vote
   *[other] { $n } tours de vote
}
merge-count-vote = { $n ->
    [one] { $n } vote
   *[other] { $n } votes
}
merge-count-action = { $n ->
    [one] { $n } action
   *[other] { $n } actions
}
merge-count-comment = { $n ->
    [one] { $n } commentaire
   *[other] { $n } commentaires
}
merge-count-prototype = { $n ->
    [one] { $n } prototype
   *[other] { $n } prototypes
}
merge-count-attachment = { $n ->
    [one] { $n } pièce jointe
   *[other] { $n } pièces jointes
}
merge-count-detail = { $n ->
    [one] { $n } détail
   *[other] { $n } détails
}
merge-count-item = { $n ->
    [one] { $n } élément
   *[other] { $n } éléments
}
merge-count-conflict = { $n ->
    [one] { $n } conflit
   *[other] { $n } conflits
}
merge-item-participant = le participant { $text }
merge-item-guest = l’invité { $text }
merge-item-stage = la séquence { $text }
merge-item-step = l’étape { $text }
merge-item-note = la note { $text }
merge-item-sticky = le post-it { $text }
merge-item-cluster = le groupe { $text }
merge-item-voting-round = le tour de vote { $text }
merge-item-action = l’action { $text }
merge-item-comment = le commentaire { $text }
merge-item-prototype = le prototype { $text }
merge-item-attachment = la pièce jointe { $text }
merge-item-voter = du participant { $text }
merge-item-vote = le vote { $text } ({ $n ->
    [one] { $n } gommette
   *[other] { $n } gommettes
})
merge-sum-added = ajout de { $items }
merge-sum-changed = modification de { $items }
merge-sum-deleted = suppression de { $items }
merge-parts-separator = { " ; " }
merge-no-change = { $name } : aucun changement
merge-side = { $name } : { $parts }
merge-conflicts-recorded = { $n ->
    [one] { $n } conflit noté
   *[other] { $n } conflits notés
} dans la séance (notre version en place, l’autre gardée pour décider) :
merge-repaired = réparé pour que la séance tienne debout :
merge-both-changed = { $item } : modifié des deux côtés
merge-both-added = { $item } : ajouté des deux côtés, différemment
merge-ours-changed-theirs-deleted = { $item } : modifié chez nous, supprimé chez eux (gardé)
merge-theirs-changed-ours-deleted = { $item } : modifié chez eux, supprimé chez nous (gardé)
merge-field-both-changed = { $field } : chez nous { $ours } / chez eux { $theirs }
merge-field-title = titre
merge-field-challenge = défi
merge-field-origin = origine
merge-field-date = date
merge-field-place = lieu
merge-field-start = heure de début
merge-field-language = langue
merge-field-run = déroulé en cours
merge-field-other = un détail
merge-matched = { $what } de leur côté rapprochés des nôtres par { $by }
merge-by-name = nom
merge-by-title = titre
merge-by-kind-title = type et titre
merge-repair-inbox = { $what } : remis dans la boîte d’arrivée, leur groupe a été supprimé
merge-repair-no-author = { $what } : désormais sans auteur, leur auteur a été retiré
merge-repair-no-stage = { $what } : désormais sans séquence, leur séquence a été retirée
merge-repair-votes-dropped = { $what } : retiré(s), le tour, le votant ou ce sur quoi ils portaient a été supprimé
merge-repair-detached = { $what } : désormais jointe(s) à la séance, ce à quoi elles étaient jointes a été supprimé
merge-repair-same-versions = { $what } : retiré(s), les deux versions sont désormais identiques
merge-repair-settled = { $what } : réglé(s), une version désigne ce qui a été supprimé
merge-repair-new-id = { $what } : nouvel identifiant, l’identifiant servait deux fois
merge-repair-step-once = { $what } : gardée(s) une seule fois, elle(s) étai(en)t dans deux séquences
merge-repair-run-reset = le déroulé a été remis à zéro : sa séquence ou son étape a été supprimée
merge-repair-votes-folded = { $n } relevés des gommettes { $who } sur un même élément dans un même tour n’en font plus qu’un ({ $dots ->
    [one] { $dots } gommette
   *[other] { $dots } gommettes
}, { $how })
merge-paper-tally = du décompte papier
merge-added-up = additionnées
merge-largest-count = le plus grand décompte
merge-name-ours = notre version
merge-name-theirs = leur version
merge-name-ours-file = notre version ({ $path })
merge-name-theirs-file = leur version ({ $path })
