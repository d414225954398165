# `atelier import` (src/import/) : ce qu'il a lu, ce qu'il a fait, ce qui ne va pas.
# Voir docs/import.md.

import-read-as = { $file } : lu comme { $format }
import-format-lines = texte, un post-it par ligne
import-format-blocks = texte, un post-it par bloc de lignes
import-format-csv = CSV de post-it (texte, auteur, couleur, groupe, votes)
import-format-parabol = une rétrospective Parabol (CSV)
import-format-scrumlr-csv = un tableau scrumlr (CSV)
import-format-scrumlr-json = un tableau scrumlr (JSON)
import-not-utf8 = le fichier n’est pas en UTF-8 : il a été lu en Windows-1252 (Latin-1)

import-bad-rows = { $file } : { $n ->
    [one] { $n } ligne incorrecte
   *[other] { $n } lignes incorrectes
}, rien n’est importé :
import-bad-header = l’en-tête est illisible ({ $error })
import-column-twice = la colonne { $column } est nommée deux fois
import-unknown-column = colonne inconnue { $column } : attendu texte, auteur, couleur, groupe, votes
import-no-text-column = pas de colonne `texte` : la première ligne doit nommer les colonnes (texte, auteur, couleur, groupe, votes)
import-unreadable-row = cette ligne est illisible ({ $error })
import-field-count = { $n ->
    [one] { $n } champ
   *[other] { $n } champs
} alors que l’en-tête en a { $width }
import-too-many-fields = { $n } champs alors que l’en-tête en a { $width } (un texte avec une virgule doit être entre guillemets droits)
import-empty-text = le texte est vide
import-unknown-colour = couleur inconnue { $colour } : attendu jaune, rose, bleu, vert, orange, violet (ou yellow, pink, blue, green, orange, purple)
import-votes-not-number = les votes doivent être un nombre entier comme 3, trouvé { $found }
import-parabol-header = un export Parabol nomme les colonnes type et content (et reflectionGroup) : la première ligne doit être son en-tête
import-scrumlr-header = un export scrumlr nomme une fois la colonne text : la première ligne doit être son en-tête (noteId,author,text,column,timestamp,parent,votes,…)
import-scrumlr-fields = { $n ->
    [one] { $n } champ
   *[other] { $n } champs
} alors que l’en-tête en a { $width } : attendu l’identifiant et l’auteur de la note, son texte, puis sa colonne, son heure, son parent et ses votes
import-scrumlr-number = { $column } doit être un nombre entier comme 2, trouvé { $found }
import-scrumlr-parent = parent doit être - ou l’identifiant d’une autre note, trouvé { $found }
import-json-error = ce n’est pas du JSON valide ({ $error })
import-scrumlr-json-shape = un export JSON de scrumlr est une liste de notes, chacune un objet avec noteId, author, text, column, timestamp, parent, votes
import-json-not-text = { $key } doit être un texte ou un nombre
import-json-no-text = cette note n’a pas de « text »

import-no-stage = aucune séquence n'a l'identifiant ou le titre { $stage } : voyez le déroulé dans l'app
import-board-options = --author et --cluster servent aux fichiers texte et CSV : un tableau Parabol ou scrumlr nomme lui-même ses auteurs et ses groupes
import-read-only = { $session } : { $why } ; rien n’est importé (fermez-la d’abord, puis importez de nouveau)
import-invalid = l’import rendrait la session invalide, rien n’est importé : { $problems }
import-conflict = { $session } a changé sur le disque pendant l’import ; la session avec l’import est dans { $copy }

import-rows-added = { $n ->
    [one] { $n } post-it importé
   *[other] { $n } post-it importés
} dans { $session }
import-rows-skipped = { " " }({ $n ->
    [one] { $n } ligne ignorée : déjà là
   *[other] { $n } lignes ignorées : déjà là
})
import-new-participants = nouveaux participants (personne de ce nom) : { $names }
import-new-clusters = nouveaux groupes : { $names }
import-tallies = votes : { $n ->
    [one] { $n } décompte papier
   *[other] { $n } décomptes papier
} dans le tour « { $round } »
import-tallies-new-round = votes : { $n ->
    [one] { $n } décompte papier
   *[other] { $n } décomptes papier
} dans le tour « { $round } » (nouveau)

import-round-parabol = Votes Parabol
import-round-scrumlr = Vote scrumlr { $n }
import-round-scrumlr-total = Votes scrumlr

import-warn-unknown-type = type inconnu { $found } (attendu Reflection, Comment, Reply ou Task) : cette ligne est laissée de côté
import-warn-empty = rien d’écrit : cette ligne est laissée de côté
import-warn-time = heure { $found } non comprise : l’heure de l’import est utilisée
import-warn-parent = empilée sur la note { $found }, absente du fichier : pas empilée

import-board-into = importé dans { $session } :
import-board-stickies = post-it : { $n } nouveaux{ $there ->
    [0] {""}
   *[other] , { $there } déjà là
}
import-board-notes = notes de discussion : { $n } nouvelles{ $there ->
    [0] {""}
   *[other] , { $there } déjà là
}
import-board-actions = actions : { $n } nouvelles{ $there ->
    [0] {""}
   *[other] , { $there } déjà là
}
import-board-clusters = { $n ->
    [one] nouveau groupe
   *[other] { $n } nouveaux groupes
} : { $names }
import-board-rounds = { $n ->
    [one] nouveau tour de vote
   *[other] { $n } nouveaux tours de vote
} : { $names }
import-board-tallies = votes : { $n ->
    [one] { $n } décompte papier
   *[other] { $n } décomptes papier
}
import-board-participants = auteurs trouvés parmi les participants : { $names }
import-board-guests = { $n ->
    [one] nouvel auteur invité
   *[other] { $n } nouveaux auteurs invités
} : { $names }
