## Les erreurs dites au bord : enregistrements, problèmes de validation,
## fusion, pièces jointes, nouvelle séance et démo.

save-read-only = { $path } : cette séance est ouverte en lecture seule ({ $reason })
save-io = { $path } : { $why }
save-exists = un fichier de ce nom existe déjà
save-serialize = impossible d’écrire la séance : { $detail }
read-only-open-in = elle est ouverte dans { $holder }
read-only-no-lock = son fichier de verrou ne peut pas être créé : { $why }
load-more-problems = (et { $n } { $n ->
    [one] autre problème
   *[other] autres problèmes
})
load-format-after-migration = version de format { $found } au lieu de { $expected } attendue après migration
load-unknown-version = cet atelier ne sait pas lire la version de format { $version }
problem-duplicate-id = identifiant { $id } en double : chaque élément a besoin du sien
problem-dangling = `{ $field }` renvoie à { $id }, mais { $expected ->
    [stage] aucune séquence ne porte
    [step] aucune étape ne porte
    [cluster] aucun groupe ne porte
    [participant] aucun·e participant·e ne porte
    [author] aucun·e participant·e ni invité·e ne porte
    [round] aucun tour de vote ne porte
    [sticky] aucun post-it ne porte
    [step-of-stage] aucune étape de la séquence de run.stage ne porte
   *[item] aucun élément ne porte
} cet identifiant
problem-unknown-format = version de format inconnue : { $found }
cmd-no-template = pas de modèle { $id } ; modèles connus : { $known }
attach-not-changed = { $path } : rien de changé : { $why }
attach-unknown-target = --to { $id } : aucune note, aucun post-it, groupe, séquence ou prototype ne porte cet identifiant
attach-empty-folder = { $folder } : ni photo, ni vidéo, ni son dans ce dossier
attach-done = { $path } : { $n } { $n ->
    [one] pièce jointe
   *[other] pièces jointes
}
attach-done-same = { $path } : { $n } { $n ->
    [one] pièce jointe
   *[other] pièces jointes
} ({ $same } déjà là, { $same ->
    [one] gardée
   *[other] gardées
} une seule fois)
collect-err-token = pas de hasard pour le jeton : { $error }
collect-err-listen = impossible d’écouter sur { $bind } { $free ->
    [yes] un port libre
   *[other] le port { $port }
} : { $error }
collect-err-address = impossible de lire l’adresse du serveur : { $error }
collect-err-start = impossible de démarrer le serveur : { $error }
saver-journal-failed = Le journal de secours ne peut pas être écrit : { $error }.
saver-conflict = Le fichier a été modifié sur le disque par quelqu’un d’autre : votre travail est enregistré dans { $copy } et l’autre version est gardée.
saver-not-saved = Non enregistré : { $error }. Votre travail est gardé en mémoire et réessayé ; W l’enregistre ailleurs.
saver-save-as-failed = « Enregistrer sous » n’a pas marché : { $error }. Votre travail est toujours en mémoire.
media-not-media = { $path } : ni photo, ni vidéo, ni son (PNG, JPEG, WebP, MP4, MOV, MP3, M4A, WAV, OGG…)
media-no-such-file = { $path } : fichier introuvable
media-missing = le média { $path } manque (déplacé ou supprimé ?)
media-altered = le média { $path } a été modifié : son contenu ne correspond plus à son empreinte
media-outside = le média { $path } pointe hors du dossier des médias de la séance : il n’est pas utilisé
media-not-embeddable = le média { $path } ne peut pas être intégré (ce n’est pas une image PNG, JPEG ou WebP, ou elle est abîmée) : il est mis en lien à la place
merge-needs-three = il faut trois fichiers pour fusionner : BASE OURS THEIRS (ou --no-base OURS THEIRS)
merge-needs-two = --no-base demande deux fichiers : OURS THEIRS
merge-git-no-output = avec --git, le résultat va dans OURS (%A) : -o est exclu
merge-different-ids = les deux versions sont deux séances distinctes (leurs identifiants diffèrent) : si elles sont nées à part, utilisez --no-base pour rapprocher leurs participant·es et leurs groupes
merge-invalid = la fusion a produit une séance invalide, rien n’est écrit : { $problems }
merge-cannot-write = impossible d’écrire le résultat : { $error }
merge-written-to = écrit dans { $path }
merge-open-to-pick = ouvrez la séance dans atelier pour choisir une version de chaque conflit (voir docs/git.md)
merge-not-a-session = { $path } existe et n’est pas un fichier de séance ({ $error }) : rien n’est écrasé
merge-open-elsewhere = { $path } : { $why } ; rien n’est écrit (fermez-la là-bas et refusionnez)
merge-changed = { $path } a changé pendant la fusion ; le résultat est allé dans { $copy }

# Un fichier ou un dossier, et ce qui ne va pas.
io-at-path = { $path } : { $why }
cli-stdout-failed = sortie standard : { $why }

# Les keymap.ron et theme.ron de l'utilisateur : $problem dit où (fichier:ligne:colonne) et quoi.
keymap-not-applied = { $problem } (vos raccourcis clavier n'ont pas été appliqués)
keymap-unknown-key = keymap.ron : touche inconnue { $key } (les autres raccourcis sont appliqués)
theme-not-applied = { $problem } (votre thème n'a pas été appliqué)

# La bibliothèque de méthodes : un fichier du lab illisible ($problem :
# où, fichier:ligne:colonne, et quoi), un modèle qui nomme une méthode
# absente de la bibliothèque.
library-skipped = { $problem } (ignoré)
library-unknown-method = le modèle { $template } utilise la méthode { $method }, que la bibliothèque n'a pas

# L'app et son terminal ($why : la raison du système, en mots simples).
app-no-terminal = l'app a besoin d'un terminal : lancez atelier dans un terminal ({ $why })
app-cannot-draw = impossible de dessiner dans le terminal : { $why }
app-cannot-read-keys = impossible de lire les touches : { $why }

# Un détail saisi dans la préparation que la séance ne peut pas prendre.
detail-error-no-title = Une séance a besoin d'un titre.
detail-error-not-a-date = { $value } n'est pas une date : AAAA-MM-JJ est attendu, comme 2026-06-12
detail-error-not-a-time = une heure comme « 09:30 » est attendue, pas { $value }
