# atelier : les mots des exports (Markdown, HTML, SVG, bilan du programme)
# en français. C'est la langue de la séance qui les choisit, pas celle de
# l'interface (src/export/labels.rs les lit une fois par langue).
#
# Chaque clé existe aussi dans assets/locales/en/export.ftl (un test le vérifie).
# Typographie : espace insécable (U+00A0) avant : ; ? ! et dans « ».
# Pluriels : 0 et 1 prennent le singulier ([one]).

## Nombres

export-n-participants = { $n ->
    [one] { $n } participant
   *[other] { $n } participants
}
export-n-stickies = { $n ->
    [one] { $n } post-it
   *[other] { $n } post-it
}
export-n-votes = { $n ->
    [one] { $n } vote
   *[other] { $n } votes
}
export-n-groups = { $n ->
    [one] { $n } groupe
   *[other] { $n } groupes
}
export-n-notes = { $n ->
    [one] { $n } note
   *[other] { $n } notes
}
export-n-actions = { $n ->
    [one] { $n } action
   *[other] { $n } actions
}
export-n-sessions = { $n ->
    [one] { $n } séance
   *[other] { $n } séances
}
# « 12 post-it en 3 groupes »
export-stickies-in-groups = { $stickies } en { $groups }
export-group-votes-inner = { export-n-votes } sur ses post-it
export-group-votes-both = { $votes } pour le groupe, { $inner } sur ses post-it
export-ranked-group = groupe, { $stickies }
# « 3 gommettes par personne (au plus 2 sur une même idée) ; 12 votants ; 36 votes »
export-round-dots = { $dots ->
    [one] { $dots } gommette par personne
   *[other] { $dots } gommettes par personne
}
export-round-dots-capped = { export-round-dots } (au plus { $cap } sur une même idée)
export-round-voters = { $voters ->
    [one] { $voters } votant
   *[other] { $voters } votants
}
export-semicolon = {"\u00A0; "}
export-colon = {"\u00A0:"}
export-percent = { $pct } %
export-share = { $part } sur { $whole } ({ $pct } %)
export-duration-minutes = { $minutes } min
export-duration-hours = { $hours } h { $minutes }
export-of-workshop = d'atelier
export-times-note = Heures locales ({ $offset }), durées en minutes.
# « jeudi 9 juillet 2026 »
export-date-weekday = { $weekday } { $date }
export-weekday-1 = lundi
export-weekday-2 = mardi
export-weekday-3 = mercredi
export-weekday-4 = jeudi
export-weekday-5 = vendredi
export-weekday-6 = samedi
export-weekday-7 = dimanche

## Titres et libellés

export-kicker = Synthèse d'atelier
export-anonymized-title = Export anonymisé
export-anonymized-text = Participants, animateurs et invités sont numérotés (P1, P2, … ; F1, F2, … ; G1, G2, …) ; les noms, adresses électroniques, pseudonymes et numéros de téléphone sont masqués dans tous les textes, et les actions ne désignent leur porteur que par son numéro.
export-date = Date
export-place = Lieu
export-facilitation = Animation
export-challenge = Le défi
export-participants = Participants
export-role = Rôle
export-count = Nombre
export-top-ideas = Idées les plus soutenues
export-decisions = Décisions
export-actions = Actions
export-agenda = Le déroulé
export-board = Le mur de post-it
export-notes = Notes
export-comments = Commentaires de relecture
export-in-brief = En bref
export-contents = Sommaire
export-step = Séquence et étape
export-started = Début
export-planned = Prévu
export-actual = Réel
export-difference = Écart
export-total = Total
export-not-run = non réalisé
export-rank = Rang
export-idea = Idée
export-votes = Votes
export-action = Action
export-owner = Porteur
export-due = Échéance
export-status = État
export-session = Séance
export-inbox = À trier
export-parking = Parking
export-other-notes = Autres notes
export-other-clusters = Autres groupes
export-about = sur
export-about-session = la séance
export-none-decisions = Aucune décision n'a été notée.
export-none-actions = Aucune action n'a été notée.
export-none-votes = Aucun vote n'a eu lieu.
export-none-notes = Aucune note n'a été prise.
export-none-board = Le mur est vide.
export-none-participants = Aucun participant n'a été inscrit.
export-unknown = inconnu
export-footer = Synthèse produite avec atelier à partir du fichier de la séance.
export-board-alt = Le mur : groupes de post-it et leurs votes
export-board-detail = Les groupes en texte

## Prototypes et médias

export-prototypes = Prototypes
export-proto-tests = Ce qu'il teste
export-hypothesis = Hypothèse
export-feedback = Retours
export-no-verdict = pas encore de verdict
export-media = Photos et vidéos
export-other-media = Autres photos et vidéos
export-media-left-out = Photos et vidéos non incluses : les visages sont des données personnelles ; --with-media pour les inclure.
export-not-embeddable = une image que cette page ne peut pas afficher : ouvrir le fichier
# $kind : image, video, audio ou link (photo et vidéo sont féminins).
export-media-kind = { $kind ->
    [image] photo
    [video] vidéo
    [audio] enregistrement audio
   *[link] lien
}
export-media-missing = { $kind ->
    [image] photo manquante
    [video] vidéo manquante
    [audio] enregistrement audio manquant
   *[link] lien manquant
}
export-media-altered = { $kind ->
    [image] photo modifiée depuis son ajout, non affichée
    [video] vidéo modifiée depuis son ajout, non affichée
    [audio] enregistrement audio modifié depuis son ajout, non affiché
   *[link] lien modifié depuis son ajout, non affiché
}
export-media-outside = { $kind ->
    [image] photo hors du dossier de la séance, non affichée
    [video] vidéo hors du dossier de la séance, non affichée
    [audio] enregistrement audio hors du dossier de la séance, non affiché
   *[link] lien hors du dossier de la séance, non affiché
}
export-media-caption = { $problem } : { $caption }
# Ce que l'anonymisation met à la place d'une adresse électronique, d'un numéro, d'un nom.
export-redacted-email = [courriel]
export-redacted-phone = [téléphone]
export-redacted-name = [nom]

## Le bilan du programme

export-report-title = Bilan du programme
export-report-sessions = Séances
export-report-public-share = Défis portés par le public
export-report-roles-over-time = Participants par rôle au fil des séances
export-report-roles-chart = Participants par rôle et par séance
export-report-actions = Actions de toutes les séances
export-report-top-ideas = Idées les plus soutenues
export-report-back = Bilan du programme
export-report-origin = Porté par
export-report-no-sessions = Aucun fichier de séance dans ce dossier.

## Mots de la séance

export-origin-public = Porté par le public
export-origin-administration = Porté par l'administration
export-origin-elected = Porté par des élus
export-origin-other = Autre origine
export-origin-short-public = public
export-origin-short-administration = administration
export-origin-short-elected = élus
export-origin-short-other = autre
export-roles-civil-servant = Agents publics
export-roles-elected-official = Élus
export-roles-citizen = Habitants et usagers
export-roles-partner = Partenaires
export-roles-other = Autres
export-stage-kind-opening = ouverture
export-stage-kind-immersion = immersion
export-stage-kind-interviews = entretiens et observation
export-stage-kind-synthesis = synthèse
export-stage-kind-ideation = idéation
export-stage-kind-prototyping = prototypage
export-stage-kind-testing = test et expérimentation
export-stage-kind-closing = clôture
export-stage-kind-break = pause
export-note-kinds-observation = Observations
export-note-kinds-quote = Citations
export-note-kinds-insight = Enseignements
export-note-kinds-question = Questions
export-note-kinds-idea = Idées
export-note-kinds-decision = Décisions
export-note-kinds-action = Actions
export-verdict-keep = On garde
export-verdict-change = À modifier
export-verdict-drop = Abandonné
export-status-todo = à faire
export-status-doing = en cours
export-status-done = fait
export-status-unassigned = à attribuer
export-status-dropped = abandonné
export-about-item = { $kind ->
    [note] note « { $text } »
    [sticky] post-it « { $text } »
    [group] groupe « { $text } »
   *[action] action « { $text } »
}

## La feuille de route : le déroulé du jour à imprimer pour les co-animateurs

export-runsheet-kicker = Feuille de route
export-runsheet-time = Heure
export-runsheet-minutes = Min.
export-runsheet-min = min
export-runsheet-step = Étape
export-runsheet-prompt = Ce qu'on dit
export-runsheet-method = Méthode
export-runsheet-materials = Matériel
export-runsheet-room = Salle
export-runsheet-empty = Le déroulé est vide.
export-runsheet-planned = { $total } prévues.
export-runsheet-planned-breaks = { $total } prévues, dont { $breaks } de pauses.
export-runsheet-no-start = Aucune heure de début n'est fixée : les heures comptent depuis le début de la journée (+h:mm).
export-runsheet-footer = Feuille de route produite avec atelier à partir du fichier de séance.

# Un export qui n'a pas pu être fait (un bogue : toute séance qui se charge
# s'exporte). $detail : les mots de la bibliothèque, en anglais.
export-failed-template = l'export n'a pas pu être fait : le modèle de page { $name } a échoué ({ $detail })
export-failed-json = l'export n'a pas pu être fait : le JSON n'a pas pu être écrit ({ $detail })
export-failed-csv = l'export n'a pas pu être fait : le CSV n'a pas pu être écrit ({ $detail })
