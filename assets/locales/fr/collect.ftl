# Recueillir les post-it depuis les téléphones des participants : côté
# application (src/app/collect.rs, src/ui/collect.rs). Voir docs/collect.md.

context-tray = Post-it des téléphones, en attente

action-collect = recueillir les post-it des téléphones pour l’étape en cours, ou arrêter
action-open-tray = ouvrir le bac des post-it envoyés des téléphones
action-accept-sticky = accepter le post-it choisi : il rejoint « À classer »
action-reject-sticky = refuser le post-it choisi : il est supprimé
action-accept-all-stickies = accepter tous les post-it en attente (une seule étape à annuler)
action-auto-accept = accepter automatiquement les post-it des téléphones, ou non
action-collect-names = demander un nom sur la page, ou recueillir anonymement

hint-accept-sticky = accepter
hint-reject-sticky = refuser
hint-accept-all-stickies = tous
hint-auto-accept = automatique
hint-collect = recueillir
hint-open-tray = en attente

collect-started = Recueil en cours : les participants ouvrent l’adresse ou scannent le code. { $key } l’arrête.
collect-stopped = { $n ->
    [0] Recueil arrêté : l’adresse ne répond plus.
   *[other] Recueil arrêté : l’adresse ne répond plus. { stickies } encore en attente.
}
collect-failed = Pas de recueil : { $error }.
collect-read-only = Lecture seule : { $why }. Le recueil demande une séance modifiable.
collect-arrived = { $n ->
    [one] Un post-it est arrivé d’un téléphone
   *[other] { $n } post-it sont arrivés des téléphones
} : { $key } pour les voir.
collect-auto-accepted = { $n ->
    [one] Un post-it d’un téléphone a rejoint « À classer ».
   *[other] { $n } post-it des téléphones ont rejoint « À classer ».
}
collect-accepted = Accepté : « { $text } » est dans « À classer ».
collect-accepted-all = { stickies } { $n ->
    [one] accepté : il est
   *[other] acceptés : ils sont
} dans « À classer ».
collect-rejected = Refusé : « { $text } » a été supprimé.
collect-auto-on = { $n ->
    [0] Les post-it des téléphones rejoignent désormais « À classer » directement.
   *[other] Les post-it des téléphones rejoignent désormais « À classer » directement ; { stickies } encore en attente.
}
collect-auto-off = Les post-it des téléphones attendent de nouveau dans le bac.
collect-names-on = La page demande un nom (facultatif).
collect-names-off = La page ne demande plus de nom : les post-it sont anonymes.
collect-undo-accepted = { $n ->
    [one] post-it d’un téléphone accepté
   *[other] { $n } post-it des téléphones acceptés
}
collect-nothing-pending = Rien en attente.
collect-panel-title = Recueil · { $n } en attente ({ $key }) · { $stop } arrête
collect-no-address = Pas d’adresse réseau : cet ordinateur est-il sur un réseau ?
collect-scan = Scannez pour envoyer un post-it
collect-status-pending = { $n } en attente : { $key } pour les voir
collect-status-on = Recueil en cours

tray-title = Post-it en attente ({ $n })
tray-auto-on = acceptés automatiquement
tray-empty = Rien en attente : les post-it envoyés des téléphones arrivent ici.
tray-empty-not-collecting = Rien en attente. { $key } (en animation) lance le recueil.
tray-anonymous = anonyme
tray-keys = { $accept } accepter · { $reject } refuser · { $all } tout accepter · { $auto } automatique · { $close } fermer
