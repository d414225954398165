## Suggestions de groupes et conflits de fusion

action-suggest = suggérer des groupes pour les post-it à classer (hors ligne, avec les mots qui les justifient)
action-looser = suggestions : plus larges (groupes plus grands)
action-tighter = suggestions : plus serrées (groupes plus petits)
action-reject = écarter cette suggestion
action-conflicts = conflits de fusion à trancher (après atelier merge)
action-take-other = prendre l’autre version
action-keep-this = garder la version en place
context-suggest = Suggestions de groupes
context-conflicts = Conflits de fusion
hint-suggest = suggérer
hint-reject = écarter
hint-tighter = serrer
hint-looser = élargir
hint-keep-this = garder
hint-take-other = autre
suggest-scope-inbox = les post-it à classer
suggest-scope-board = tout le mur
suggest-title = Groupes suggérés pour { $scope } · seuil { $threshold } · Entrée accepte · e modifie le titre · x écarte · +/- serrer/élargir · Tab : à classer/tout
suggest-none = Aucune suggestion : ces post-it n’ont aucun mot en commun. Tab essaie tout le mur ; - élargit le seuil.
suggest-item = { $title } · { $n ->
    [one] 1 post-it
   *[other] { $n } post-it
}
suggest-words = mots en commun : { $words }
suggest-edit-title = Titre du nouveau groupe (Entrée accepte la suggestion)
suggest-step = groupe suggéré { $title }
suggest-accepted = Nouveau groupe { $title } avec { $n ->
    [one] 1 post-it
   *[other] { $n } post-it
}. u annule.
suggest-closed = { $n ->
    [one] 1 suggestion acceptée.
   *[other] { $n } suggestions acceptées.
}
conflicts-none = Aucun conflit de fusion dans cette séance.
conflicts-title = { $n ->
    [one] 1 conflit de fusion
   *[other] { $n } conflits de fusion
} · Entrée garde la version en place · o prend l’autre · Échap ferme
conflicts-about-field = Champ de la séance : { $field }
conflicts-about-item = Un élément modifié des deux côtés
# The notes a merge leaves on a conflict, said in the reader's language.
conflicts-note-both = les deux côtés l'ont modifié ; le nôtre est en place, le leur est noté
conflicts-note-ours-changed = nous l'avons modifié, eux l'ont supprimé : la modification est gardée
conflicts-note-theirs-changed = eux l'ont modifié, nous l'avons supprimé : la modification est gardée
conflicts-in-place = en place :  { $text }
conflicts-other = autre :     { $text }
conflicts-deleted = (supprimé)
conflicts-kept = Version en place gardée. u annule.
conflicts-took-other = Autre version prise. u annule.
conflicts-step = conflit de fusion tranché
conflicts-cannot = Ce conflit ne peut pas être tranché ainsi : { $error }.
conflicts-does-not-fit = l'autre version ne s'accorde pas avec la séance
conflicts-value-does-not-fit = la valeur de l'autre version ne peut pas être lue ici
conflicts-nothing-yet = rien ne peut encore être fait pour celui-ci
conflicts-all-settled = Tous les conflits de fusion sont tranchés.

## Traces de la journée : pièces jointes et prototypes

action-attach = joindre des photos, vidéos ou sons (un fichier ou un dossier ; Tab complète le chemin)
action-new-prototype = nouveau prototype dans cette séquence (nom, ce qu’il teste, hypothèse)
action-verdict = changer le verdict du prototype : garder, modifier, abandonner
action-feedback = ajouter un retour au prototype
action-next-prototype = prototype suivant
evidence-attach-field = Joindre : une photo, une vidéo, un son, ou un dossier (Tab complète)
evidence-attaching = Copie de { $path } dans le dossier des médias de la séance…
evidence-attach-failed = Rien n’a été joint : { $error }
evidence-attach-step = { $n ->
    [one] 1 fichier joint
   *[other] { $n } fichiers joints
}
evidence-attached = { $n ->
    [0] Déjà joint : chaque photo n’est gardée qu’une fois.
    [one] 1 fichier joint (gardé une seule fois, par son contenu). u annule.
   *[other] { $n } fichiers joints (gardés une seule fois, par leur contenu). u annule.
}
evidence-no-completion = Aucun fichier ni dossier ne commence ainsi.
evidence-prototype-name = Nouveau prototype : son nom
evidence-prototype-tests = Que teste-t-il ? (Entrée pour passer)
evidence-prototype-hypothesis = Hypothèse de la carte de test : « Nous pensons que… » (Entrée pour passer)
evidence-feedback-field = Retour recueilli pendant le test
evidence-prototype-step = nouveau prototype { $name }
evidence-prototype-edit = prototype { $name } modifié
evidence-verdict-step = verdict de { $name }
evidence-no-prototype = Pas encore de prototype dans cette séquence : P en ajoute un.
evidence-prototypes-title = { $n ->
    [one] 1 prototype
   *[other] { $n } prototypes
} · P nouveau · V verdict · F retour · > suivant · A photo
evidence-prototypes-empty = Pas encore de prototype : P en ajoute un, A joint ses photos.
evidence-no-verdict = pas encore de verdict
evidence-prototype-line = { $name } · { $photos ->
    [one] 1 photo
   *[other] { $photos } photos
}
evidence-tests = teste : { $text }
evidence-hypothesis = nous pensons que : { $text }
hint-comment = commenter
hint-go-notes = notes
msg-quit-pending = { $n ->
    [one] 1 post-it envoyé d’un téléphone attend encore : T pour le voir ; q à nouveau pour quitter sans lui.
   *[other] { $n } post-it envoyés de téléphones attendent encore : T pour les voir ; q à nouveau pour quitter sans eux.
}
suggest-progress = Suggestion de groupes pour { $n } post-it…
evidence-attached-prototype = { $n ->
    [one] 1 fichier joint au prototype « { $name } ».
   *[other] { $n } fichiers joints au prototype « { $name } ».
}
evidence-caption-field = Légende de la photo (Entrée garde le nom du fichier)
evidence-caption-step = légende de la photo
evidence-verdict-none = à décider
