## Notes et post-it privés ; le fuseau horaire de l’atelier

action-toggle-private = rendre privé (exclu des exports) ou de nouveau public
# Sur la ligne d’une note privée et la carte d’un post-it privé.
private-tag = [privé]
private-select-note = Sélectionnez d’abord une note (↑/↓).
private-undo-private = { $kind ->
    [note] note rendue privée
   *[sticky] { $n ->
        [one] post-it rendu privé
       *[other] { $n } post-it rendus privés
    }
}
private-undo-public = { $kind ->
    [note] note rendue publique
   *[sticky] { $n ->
        [one] post-it rendu public
       *[other] { $n } post-it rendus publics
    }
}
private-made-private = { $kind ->
    [note] Note privée : exclue de tous les exports (sauf --include-private). u annule.
   *[sticky] { $n ->
        [one] Post-it privé : exclu de tous les exports (sauf --include-private). u annule.
       *[other] { $n } post-it privés : exclus de tous les exports (sauf --include-private). u annule.
    }
}
private-made-public = { $kind ->
    [note] Note publique : de nouveau dans les exports. u annule.
   *[sticky] { $n ->
        [one] Post-it public : de nouveau dans les exports. u annule.
       *[other] { $n } post-it publics : de nouveau dans les exports. u annule.
    }
}
private-export-left-out = { $n ->
    [one] 1 note ou post-it privé : exclu (Entrée : l’inclure)
   *[other] { $n } notes et post-it privés : exclus (Entrée : les inclure)
}
private-export-kept = { $n ->
    [one] 1 note ou post-it privé : INCLUS (Entrée : l’exclure)
   *[other] { $n } notes et post-it privés : INCLUS (Entrée : les exclure)
}

detail-time-zone = Fuseau horaire
zone-none = { $zone } : celui de cet ordinateur (la séance n’en indique pas encore)
zone-unknown = Fuseau horaire inconnu « { $name } » : tapez un nom IANA comme Europe/Paris, ou une ville (Paris).
zone-unknown-like = Fuseau horaire inconnu « { $name } » : vouliez-vous dire { $like } ?
zone-adopted = Cette séance n’indiquait pas de fuseau horaire : elle garde désormais { $zone }, celui de cet ordinateur (modifiable dans la préparation, a).
