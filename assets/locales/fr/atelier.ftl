# atelier : l’interface en français.
#
# Chaque clé existe aussi dans assets/locales/en/atelier.ftl (un test le vérifie).
# Vocabulaire : séance (session), séquence (stage), étape (step), déroulé
# (agenda), post-it (sticky, invariable), groupe (cluster), « à classer »
# (inbox), parking (parking lot), gommette (dot), vote par gommettes (dot
# voting), minuteur (timer), vue projecteur, animation (facilitation),
# consigne (prompt).
# Typographie : espace insécable (U+00A0) avant : ; ? ! et dans « ».

## Mots pour compter, repris par les messages ci-dessous

stickies = { $n ->
    [one] { $n } post-it
   *[other] { $n } post-it
}
dots = { $n ->
    [one] { $n } gommette
   *[other] { $n } gommettes
}
minutes-short = { $n } min

## Écrans, dans la barre du haut

screen-home = Accueil
screen-setup = Préparation
screen-facilitate = Animation
screen-projector = Projecteur
screen-notes = Notes
screen-board = Tableau
top-read-only-mark = lecture seule
top-read-only = lecture seule
top-saving = enregistrement…
top-saved-at = enregistré à { $time }
top-saved = enregistré
top-not-saved = NON ENREGISTRÉ
top-conflict-copy = enregistré dans une copie de conflit

## Barre d’état : un mot ou deux après chaque touche

hint-select = ouvrir
hint-open-demo = démo
hint-new-session = nouvelle
hint-forget-session = retirer
hint-next-pane = volet
hint-help = aide
hint-quit = quitter
hint-add = ajouter
hint-edit = modifier
hint-delete = suppr.
hint-cycle = changer
hint-add-minute = +1 min
hint-go-facilitate = animer
hint-timer-toggle = minuteur
hint-next-step = suivante
hint-prev-step = retour
hint-new-note = note
hint-projector = projecteur
hint-go-setup = préparer
hint-new-sticky = post-it
hint-go-board = tableau
hint-left = séquence
hint-right = séquence
hint-back = retour
hint-submit = valider
hint-next-field = champ suivant
hint-cancel = annuler
hint-mark = marquer
hint-move-to = déplacer
hint-new-cluster = groupe
hint-rename = renommer
hint-vote = voter
hint-undo = annuler
hint-search = chercher
hint-next-participant = auteur·rice
hint-cycle-colour = couleur

## Aide : les titres, puis ce que fait chaque action

help-title = Aide · Échap ferme · ↑/↓ défile
help-keymap-file = Les touches se changent dans keymap.ron, dans le dossier de configuration (voir le README).
context-global = Partout
context-home = Accueil
context-setup = Préparation de la séance
context-facilitate = Animation
context-projector = Vue projecteur
context-notes = Notes
context-editor = Saisie de texte
context-picker = Choix dans une liste
context-board = Tableau
context-capture = Saisie de post-it
context-search = Recherche
context-results = Résultats du vote

action-help = afficher ou masquer cette aide
action-quit = quitter (après avoir enregistré)
action-save-now = enregistrer maintenant
action-save-as = enregistrer sous : déplacer la séance vers un autre fichier (si son disque flanche)
action-suspend = suspendre atelier (fg dans le terminal le reprend)
action-back = retour, ou annuler
action-next-pane = volet suivant
action-prev-pane = volet précédent
action-up = monter
action-down = descendre
action-left = gauche / choix précédent
action-right = droite / choix suivant
action-page-up = page précédente
action-page-down = page suivante
action-top = aller en haut
action-bottom = aller en bas
action-select = ouvrir / choisir / aller à
action-go-home = accueil
action-go-setup = préparation de la séance : détails, participants, déroulé
action-go-facilitate = vue animation
action-go-notes = notes, par séquence
action-projector = vue projecteur (grand minuteur)
action-open-demo = ouvrir une copie neuve de la démo
action-new-session = nouvelle séance (depuis un modèle ou vide)
action-timer-toggle = lancer ou mettre en pause le minuteur
action-next-step = étape suivante
action-prev-step = étape précédente
action-add-minute = ajouter une minute
action-remove-minute = retirer une minute
action-next-stage = séquence suivante
action-prev-stage = séquence précédente
action-new-note = nouvelle note dans la séquence en cours
action-new-sticky = nouveaux post-it
action-add = ajouter
action-edit = modifier
action-delete = supprimer
action-move-up = monter dans la liste
action-move-down = descendre dans la liste
action-cycle = changer (valeur suivante)
action-cycle-back = changer (valeur précédente)
action-submit = enregistrer et fermer
action-cancel = annuler
action-next-field = champ suivant
action-prev-field = champ précédent
action-go-board = le tableau : groupes, à classer, parking
action-undo = annuler la dernière modification
action-redo = rétablir ce qui a été annulé
action-search = chercher dans les post-it et les notes (sans tenir compte des accents)
action-comment = ajouter un commentaire de relecture (tenu à part de l’atelier)
action-export = exporter une synthèse : Markdown, page web, tableur, données, image du tableau
action-mark = marquer ou démarquer un post-it (sélection multiple)
action-move-to = déplacer les post-it sélectionnés ou marqués vers…
action-new-cluster = nouveau groupe avec les post-it sélectionnés ou marqués
action-split = scinder : les post-it marqués partent dans un nouveau groupe
action-rename = renommer le groupe (ou modifier le post-it)
action-merge = fusionner ce groupe avec un autre
action-park = envoyer au parking (ou le ramener dans « à classer »)
action-sort-votes = trier les post-it par votes (ou revenir à leur ordre)
action-vote = commencer ou arrêter l’enregistrement d’un vote par gommettes
action-vote-add = donner une gommette (vote)
action-vote-remove = reprendre une gommette (vote)
action-tally = saisir le décompte d’un vote par gommettes sur papier pour cet élément
action-next-participant = participant suivant (vote) / auteur·rice suivant·e
action-prev-participant = participant précédent (vote) / auteur·rice précédent·e
action-results = résultats du vote, par rang
action-cycle-colour = couleur suivante
action-ignore = rien (touche libérée)

## Les touches, comme sur un clavier français

key-space = Espace
key-enter = Entrée
key-esc = Échap
key-delete = Suppr
key-backspace = Retour arr.
key-home = Début
key-end = Fin
key-page-up = PgPréc
key-page-down = PgSuiv
key-shift = Maj

## Accueil

home-sessions = Séances
home-open-demo = Ouvrir la démo (copie neuve)
home-new-session = Nouvelle séance…
home-new-session-hint = depuis un modèle ou vide
home-no-sessions = Aucune séance pour l’instant : ouvrez la démo ou créez-en une.
home-library = Bibliothèque de méthodes
home-library-empty = La bibliothèque est vide.
home-method-facts = { $stage } · { $duration } min · { $group } personnes · { $source }
action-forget-session = retirer la session de cette liste (le fichier reste)
home-forgotten = Retirée de la liste, le fichier reste ({ $key } la remet) : { $file }, « { $title } »
home-restored = « { $title } » est de retour dans la liste.
home-no-date = sans date

## Préparation de la séance

setup-title = Préparation de la séance
setup-tab-details = Détails
setup-tab-participants = Participants
setup-tab-agenda = Déroulé
setup-details-hint = Entrée modifie le champ, ou change la valeur pour « Origine » et « Langue ».
setup-no-participants = Aucun participant pour l’instant : appuyez sur { $key } pour en ajouter.
setup-participants-summary = { $n ->
    [one] { $n } participant
   *[other] { $n } participants
} : { $roles }
setup-agenda-header = { $n ->
    [one] { $n } séquence
   *[other] { $n } séquences
} · total { $total } · fin prévue { $end }
setup-agenda-empty = Le déroulé est vide : appuyez sur { $key } pour ajouter une méthode de la bibliothèque.
detail-title = Titre
detail-challenge = Problématique
detail-origin = Origine
detail-date = Date
detail-place = Lieu
detail-facilitators = Animation
detail-language = Langue
language-en = anglais
language-fr = français

## Animation et vue projecteur

agenda-empty = Le déroulé est vide.
facilitate-agenda-empty-hint = Appuyez sur a pour préparer la séance, Tab jusqu’à l’onglet Déroulé, puis i pour ajouter des méthodes de la bibliothèque.
facilitate-step-title = Séquence { $stage }/{ $stages } · { $title } · étape { $step }/{ $steps }
facilitate-planned = { $duration } prévues
facilitate-no-prompt = pas de consigne pour cette étape
facilitate-next = Ensuite : { $stage } · { $step }
facilitate-agenda-title = Déroulé · { $planned } prévues · { $actual } écoulées
facilitate-notes-title = Notes de la séquence ({ $n }) · { $key } ajoute
timer-running = en cours
timer-paused = en pause
timer-ready = prêt
timer-time-is-up = TEMPS ÉCOULÉ

## Notes

notes-all-stages = toutes les séquences
notes-title = Notes · { $stage } ({ $n }) · ←/→ séquence
notes-empty = Pas encore de note ici : appuyez sur n pour en ajouter une.
notes-note = Note

## Éditeur de note

editor-title-new = Nouvelle note · Ctrl-s enregistre · Échap annule
editor-title-edit = Modifier la note · Ctrl-s enregistre · Échap annule
editor-kind = Type
editor-author = Auteur
editor-tags = Mots-clés
editor-no-author = personne en particulier
editor-placeholder = Ce qui a été dit ou vu… (Entrée : nouvelle ligne, Ctrl-s : enregistrer, Tab : type, auteur, mots-clés)

## Tableau

board-inbox = À classer
board-parking = Parking
board-no-match = aucun résultat
board-empty-cluster = vide : m y déplace des post-it
board-empty = vide
board-matches = { $n ->
    [one] { $n } résultat
   *[other] { $n } résultats
} · Échap efface
board-voting-line = ● { $round } · { $name } · { $left } { $left ->
    [one] gommette restante
   *[other] gommettes restantes
} sur { $dots }{ $cap } · [ ] participant · + - gommette
vote-cap = , { $cap } au plus par élément
capture-title = { $head } · Entrée ajoute · { $close_key } ferme
capture-title-short = Nouveau post-it · { $author } ({ $author_key }) · { $colour } ({ $colour_key })
capture-count = { $n } { $n ->
    [one] ajouté
   *[other] ajoutés
}
capture-no-author = sans auteur
search-label = Chercher :
results-title = Résultats du vote
results-all-rounds = Tous les tours
results-round = { $round } · { $dots ->
    [one] { $dots } gommette
   *[other] { $dots } gommettes
} chacun{ $cap }
results-cluster = groupe
results-none = Pas encore de gommette dans ce tour.
results-footer = {"="} signale une égalité. Échap ferme.
cluster-untitled = Sans titre
round-title = Vote { $n }

## Champs de texte et listes

field-new-session = Nouvelle séance : titre
field-save-as = Enregistrer sous (un chemin ; la séance y déménage)
field-save-copy-as = Enregistrer une copie sous (un chemin)
field-comment-item = Commentaire sur cet élément (tenu à part de l’atelier)
field-comment-session = Commentaire sur la séance (tenu à part de l’atelier)
field-export-to = Exporter vers (Entrée écrit le fichier)
field-detail = { $field } (Entrée pour garder, Échap pour annuler)
field-new-participant = Nouveau participant : nom
field-participant-name = Participant : nom
field-stage-title = Titre de la séquence
field-step-title = Titre de l’étape
field-step-prompt = Consigne d’animation
field-split = Scinder : titre du nouveau groupe
field-new-cluster = Nouveau groupe : titre
field-rename-cluster = Renommer le groupe
field-edit-sticky = Modifier le post-it
field-tally = Vote par gommettes sur papier : gommettes comptées sur cet élément
field-new-round = Nouveau tour de vote (par ex. « 3 », « 3 2 » ou « 3 2 a s »)
picker-empty-agenda = Déroulé vide
picker-template = Partir d’un modèle
picker-method = Ajouter une méthode au déroulé
picker-export = Exporter : choisissez un format (l’atelier continue ; rien n’est fermé)
picker-move-to = Déplacer { stickies } vers…
picker-merge-into = Fusionner ce groupe avec…
export-html = Page web à publier ou à imprimer en PDF (.html)
export-md = Synthèse Markdown (.md)
export-csv = Tableur : notes, post-it, groupes et actions (.csv)
export-json = Données pour d’autres outils (.json)
export-svg = Image du tableau (.svg)
export-html-anonymized = Page web, anonymisée (.html)
export-md-anonymized = Synthèse Markdown, anonymisée (.md)
export-csv-anonymized = Tableur, anonymisé (.csv)
export-json-anonymized = Données, anonymisées (.json)
export-svg-anonymized = Image du tableau, anonymisée (.svg)
export-runsheet = Feuille de route à imprimer (HTML)

## Messages de la ligne d’état

msg-read-only = Lecture seule : { $why }. Rien n’a été modifié.
msg-read-only-nothing-to-save = Lecture seule : rien à enregistrer.
msg-quit-unsaved = { $error } Quitter quand même ? Les modifications depuis le dernier enregistrement seraient perdues : q à nouveau quitte, W enregistre ailleurs.
msg-export-is-session = C’est le fichier de la séance lui-même : choisissez un autre nom.
msg-exporting = Export vers { $path }…
msg-path-exists = { $path } existe déjà : choisissez un autre nom.
msg-saving-to = Enregistrement dans { $path }…
msg-comment-added = Commentaire ajouté. Il est tenu à part du contenu de l’atelier.
msg-session-needs-title = Une séance a besoin d’un titre.
msg-participant-added = Ajouté. Appuyez sur r pour changer le rôle.
msg-participant-removed = { $name } retiré·e. u annule.
msg-participant-removed-orphans = { $name } retiré·e. { $n ->
    [one] { $n } note ou post-it n’a plus d’auteur.
   *[other] { $n } notes ou post-it n’ont plus d’auteur.
} u annule.
msg-method-added = { $name } ajoutée.
msg-choose-a-step = Choisissez une étape pour changer ses minutes.
msg-stage-removed = Séquence { $title } retirée. u annule.
msg-stage-removed-detached = Séquence { $title } retirée. { $n ->
    [one] { $n } note ou post-it conservé, sans séquence.
   *[other] { $n } notes ou post-it conservés, sans séquence.
} u annule.
msg-agenda-empty = Le déroulé est vide : appuyez sur a pour la préparation, puis Tab jusqu’au déroulé et i pour ajouter une méthode.
msg-stage-has-no-steps = Cette séquence n’a pas d’étape.
msg-note-deleted = Note supprimée. u annule.
msg-note-discarded = Note abandonnée.
msg-note-empty = La note est vide : écrivez quelque chose, ou Échap pour annuler.
msg-note-saved = Note enregistrée.
msg-note-added = { $kind ->
    [observation] Observation notée.
    [quote] Citation notée.
    [insight] Enseignement noté.
    [question] Question notée.
    [idea] Idée notée.
    [decision] Décision notée.
    [action] Action notée.
   *[other] Note ajoutée.
}
msg-nothing-to-undo = Rien à annuler.
msg-nothing-to-redo = Rien à rétablir.
msg-undone = Annulé : { $what }.
msg-redone = Rétabli : { $what }.
msg-select-a-sticky = Sélectionnez d’abord un post-it (↑/↓), ou marquez-en plusieurs avec Espace.
msg-split-how = Pour scinder un groupe, marquez les post-it qui le quittent (Espace), puis x.
msg-merge-how = Allez sur un groupe pour le fusionner avec un autre.
msg-merge-no-other = Il n’y a pas d’autre groupe avec lequel fusionner.
msg-merged = Fusionné avec { $title }. u annule.
msg-moved = { stickies } { $n ->
    [one] déplacé
   *[other] déplacés
} vers { $place }. u annule.
msg-parked = { stickies } { $n ->
    [one] envoyé
   *[other] envoyés
} au parking. u annule.
msg-unparked = { stickies } { $n ->
    [one] ramené
   *[other] ramenés
} dans « à classer ». u annule.
msg-cluster-deleted = Groupe { $title } supprimé ; ses post-it sont de retour dans « à classer ». u annule.
msg-stickies-deleted = { stickies } { $n ->
    [one] supprimé
   *[other] supprimés
}. u annule.
msg-stickies-added = { stickies } { $n ->
    [one] ajouté
   *[other] ajoutés
}. u annule le dernier.
msg-stickies-pasted = { stickies } { $n ->
    [one] collé
   *[other] collés
}, un par ligne.
msg-new-cluster = Nouveau groupe { $title } avec { stickies }.
msg-sorted-by-votes = Trié par votes.
msg-board-order = Retour à l’ordre du tableau.
msg-voting-paused = Vote en pause ; v le reprend.
msg-voting-paused-results = Vote en pause ; v le reprend, R affiche les résultats.
msg-voting-needs-participants = Ajoutez d’abord des participants (a, puis Tab jusqu’à Participants) : chacun dispose de gommettes.
msg-voting-hint = Vote : il reste { dots } à { $name }. + donne une gommette, - la reprend, [ ] change de participant, t saisit un décompte papier.
msg-press-v-to-vote = Appuyez sur v pour commencer à enregistrer un vote par gommettes.
msg-round-gone = Ce tour de vote n’existe plus (annulé) : v en commence un nouveau.
msg-vote-select = Sélectionnez un post-it, ou le titre d’un groupe, pour y mettre une gommette.
msg-start-a-round = Commencez d’abord un tour de vote (v).
msg-tally-select = Sélectionnez un post-it, ou le titre d’un groupe, pour saisir son décompte.
msg-no-votes-yet = Pas encore de vote : v commence un tour de vote.
msg-bad-round = { $value } : il faut un nombre de gommettes, puis éventuellement un plafond, puis « a » (anonyme) et « s » (sur les post-it) si besoin, comme « 3 », « 3 2 » ou « 3 2 a s ».
msg-bad-tally = { $value } n’est pas un nombre de gommettes.
msg-paper-tally = Décompte papier enregistré : { dots }.

## Ce que nomment « annuler » et « rétablir » (après « Annulé : » et « Rétabli : »)

undo-removed-participant = { $name } retiré·e
undo-removed-stage = séquence { $title } retirée
undo-participant-added = { $name } ajouté·e
undo-participant-renamed = { $name } renommé·e
undo-participant-role = rôle de { $name }
undo-participant-moved = { $name } déplacé·e
undo-stage-added = séquence { $title } ajoutée
undo-stage-renamed = séquence renommée en { $title }
undo-stage-moved = séquence { $title } déplacée
undo-step-renamed = étape renommée en { $title }
undo-step-prompt = consigne de l’étape modifiée
undo-step-minutes = durée de l’étape
undo-note-deleted = note supprimée
undo-note-edited = note modifiée
undo-new-note = { $kind ->
    [observation] nouvelle observation
    [quote] nouvelle citation
    [insight] nouvel enseignement
    [question] nouvelle question
    [idea] nouvelle idée
    [decision] nouvelle décision
    [action] nouvelle action
   *[other] nouvelle note
}
undo-new-stickies = { $n ->
    [one] nouveau post-it
   *[other] { $n } post-it collés
}
undo-sticky-edited = post-it modifié
undo-stickies-deleted = { stickies } { $n ->
    [one] supprimé
   *[other] supprimés
}
undo-moved = { stickies } { $n ->
    [one] déplacé
   *[other] déplacés
} vers { $place }
undo-parked = { stickies } au parking
undo-unparked = { stickies } dans « à classer »
undo-new-cluster = nouveau groupe { $title }
undo-renamed = renommé en { $title }
undo-merged = fusion avec { $title }
undo-cluster-deleted = groupe { $title } supprimé
undo-new-round = tour de vote { $n }
undo-dot-given = une gommette de { $name }
undo-dot-taken-back = une gommette reprise à { $name }
undo-paper-tally = décompte papier de { $n }

## Messages de la boucle principale (enregistrement, export, ouverture)

run-save-unfinished = Le dernier enregistrement ne s’est pas terminé.
run-exported = Exporté vers { $path }.
run-export-failed = L’export a échoué : { $error }. Rien d’autre n’a changé.
run-exported-but = écrit dans { $path }, mais { $problems }
run-problems-separator = { " ; " }
run-moved-to = Enregistré dans { $path } ; la séance vit désormais là.
run-copy-saved = Une copie est enregistrée dans { $path }.
run-not-saved = Non enregistré : { $error }.
run-comment-saved = Commentaire enregistré.
run-comment-not-saved = Le commentaire est gardé ici mais pas encore enregistré : { $error }
run-cannot-export = Export impossible : { $error }
run-created = { $title } créée. Tab passe des détails aux participants et au déroulé.
run-opened-read-only = Ouverte en lecture seule : { $why }. Les modifications sont refusées ; W enregistre une copie.
run-stays-open = { $error } La séance reste ouverte : W l’enregistre ailleurs.

## Les mots du modèle de séance

role-civil-servant = agent·e public·que
role-elected-official = élu·e
role-citizen = citoyen·ne
role-partner = partenaire
role-other = autre
role-count-civil-servant = { $n ->
    [one] { $n } agent·e public·que
   *[other] { $n } agent·es publics·ques
}
role-count-elected-official = { $n ->
    [one] { $n } élu·e
   *[other] { $n } élu·es
}
role-count-citizen = { $n ->
    [one] { $n } citoyen·ne
   *[other] { $n } citoyen·nes
}
role-count-partner = { $n ->
    [one] { $n } partenaire
   *[other] { $n } partenaires
}
role-count-other = { $n ->
    [one] { $n } autre
   *[other] { $n } autres
}
origin-public = portée par le public
origin-administration = portée par l’administration
origin-elected = portée par les élu·es
origin-other = autre
stage-kind-opening = ouverture
stage-kind-immersion = immersion
stage-kind-interviews = entretiens et observation
stage-kind-synthesis = synthèse
stage-kind-ideation = idéation
stage-kind-prototyping = prototypage
stage-kind-testing = test et expérimentation
stage-kind-closing = clôture
stage-kind-break = pause
note-kind-observation = observation
note-kind-quote = citation
note-kind-insight = enseignement
note-kind-question = question
note-kind-idea = idée
note-kind-decision = décision
note-kind-action = action
colour-yellow = jaune
colour-pink = rose
colour-blue = bleu
colour-green = vert
colour-orange = orange
colour-purple = violet
action-status-todo = à faire
action-status-doing = en cours
action-status-done = fait
action-status-dropped = abandonné
verdict-keep = garder
verdict-change = modifier
verdict-drop = abandonner

## Dates et tailles

date-long = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
date-time = { $date } { $time }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
size-bytes = { $n } o
size-kilobytes = { $n } ko
size-megabytes = { $n } Mo
